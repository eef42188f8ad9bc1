/**
 * Assemble a pack from its source folder's parts (read by the CLI, `provenance pack
 * build`): the header, the outlet profiles, topic profiles and one record per report,
 * with report texts fingerprinted. Pure: no file system access here.
 *
 * Texts are only fingerprinted unless `includeText` is set: a pack normally publishes
 * its authors' annotations, not the reports' texts.
 */
import { fingerprintText } from './fingerprint';
import { MAX_PACK_BYTES } from './limits';
import { serializePack } from './serialize';
import type { Pack } from './types';
import { type Problem, tooLargeMessage, utf8Length, validatePack } from './validate';

export interface PackSourceReport {
  /** Path of the record's file, relative to the source folder ("reports/abc.json"). */
  file: string;
  /** Parsed record. */
  json: unknown;
  /** Text of the sibling .txt file, if any. */
  text?: string;
  /** Path of that .txt file. */
  textFile?: string;
}

export interface PackSource {
  /** Parsed pack.json: the header fields (format, id, name, version, …). */
  header: unknown;
  /** Parsed sources.json: an array of outlet profiles. */
  sources: unknown;
  topics: { file: string; json: unknown }[];
  reports: PackSourceReport[];
}

export interface BuildOptions {
  /** Copy report texts into the pack (default false: fingerprints only). */
  includeText?: boolean;
  /** Compute fingerprints of report texts (default true). */
  fingerprints?: boolean;
  /** Minified output (default false: readable). */
  compact?: boolean;
  maxBytes?: number;
}

/** A problem, with the source file it comes from; `path` is then the JSON path inside that file. */
export interface BuildProblem extends Problem {
  file?: string;
}

export type BuildResult =
  | { ok: true; pack: Pack; json: string; bytes: number; fingerprinted: number; warnings: BuildProblem[] }
  | { ok: false; problems: BuildProblem[]; warnings: BuildProblem[] };

export const HEADER_FILE = 'pack.json';
export const SOURCES_FILE = 'sources.json';
/** Fields of pack.json that come from other files of the folder instead. */
const FROM_FILES: Record<string, string> = { sources: SOURCES_FILE, reports: 'reports/<id>.json', topics: 'topics/<id>.json' };

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/, '');

/**
 * Where a pack path comes from in the source folder: the file, and the path inside it
 * ("$.reports[3].url" → reports/<id>.json, "$.url"; "$.sources[2].type" → sources.json, "$[2].type").
 */
function locate(path: string, reports: PackSourceReport[], topics: { file: string }[]): { file: string; path: string } {
  let m = /^\$\.reports\[(\d+)\](.*)$/s.exec(path);
  if (m && reports[Number(m[1])]) return { file: reports[Number(m[1])].file, path: '$' + m[2] };
  m = /^\$\.topics\[(\d+)\](.*)$/s.exec(path);
  if (m && topics[Number(m[1])]) return { file: topics[Number(m[1])].file, path: '$' + m[2] };
  m = /^\$\.sources(.*)$/s.exec(path);
  if (m) return { file: SOURCES_FILE, path: '$' + m[1] };
  return { file: HEADER_FILE, path };
}

export function buildPack(src: PackSource, opts: BuildOptions = {}): BuildResult {
  const problems: BuildProblem[] = [];
  const fingerprints = opts.fingerprints !== false;

  if (!isObj(src.header)) {
    problems.push({ file: HEADER_FILE, path: '$', message: 'expected an object with the pack header (format, id, name, version, publisher, updated, …)' });
  } else {
    for (const [k, where] of Object.entries(FROM_FILES)) {
      if (k in src.header) problems.push({ file: HEADER_FILE, path: `$.${k}`, message: `"${k}" does not belong in ${HEADER_FILE}: put it in ${where}` });
    }
  }

  const topics = [...src.topics].sort(byFile);
  const reports = [...src.reports].sort(byFile);
  let fingerprinted = 0;
  const records = reports.map((entry) => {
    const r = entry.json;
    if (!isObj(r)) return r; // validation reports it
    if (typeof r.id === 'string' && baseName(entry.file) !== r.id) {
      problems.push({ file: entry.file, path: '$.id', message: `the file of report "${r.id}" must be named ${r.id}.json` });
    }
    if (typeof r.text === 'string' && entry.text !== undefined) {
      problems.push({ file: entry.file, path: '$.text', message: `the text is given twice: in the record and in ${entry.textFile ?? 'a .txt file'}` });
    }
    const text = typeof r.text === 'string' ? r.text : entry.text;
    const { text: _text, fingerprint: given, ...rest } = r;
    const out: Record<string, unknown> = { ...rest };
    if (opts.includeText && text !== undefined) out.text = text;
    if (fingerprints && text !== undefined && text.trim()) {
      out.fingerprint = fingerprintText(text, typeof r.lang === 'string' ? r.lang : undefined);
      fingerprinted++;
    } else if (given !== undefined) out.fingerprint = given;
    return out;
  });

  const header = isObj(src.header) ? src.header : {};
  const pack: Record<string, unknown> = { ...header };
  if (topics.length) pack.topics = topics.map((t) => t.json);
  pack.sources = src.sources;
  pack.reports = records;

  const result = validatePack(pack);
  const attach = (p: Problem): BuildProblem => ({ ...p, ...locate(p.path, reports, topics) });
  const warnings = result.warnings.map(attach);
  if (!result.ok) problems.push(...result.problems.map(attach));
  if (problems.length || !result.ok) return { ok: false, problems, warnings };

  const json = serializePack(result.pack, { compact: opts.compact });
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  const bytes = utf8Length(json);
  if (bytes > maxBytes) return { ok: false, problems: [{ path: '$', message: tooLargeMessage(bytes, maxBytes) }], warnings };
  return { ok: true, pack: result.pack, json, bytes, fingerprinted, warnings };
}
