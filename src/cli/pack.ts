/**
 * `provenance pack validate FILE` and `provenance pack build DIR -o FILE`: check a report
 * pack, or build one from a source folder (see docs/pack-format.md).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildFromPages, FROM_PAGES_USAGE } from './pack-from-pages';
import { writeWhole } from './write-whole';
import { buildPack, HEADER_FILE, MAX_PACK_BYTES, parseJson, parsePackText, SOURCES_FILE, tooLargeMessage, type BuildProblem, type PackSource, type Problem } from '../core/packs';

export const PACK_USAGE = `  provenance pack validate FILE           check a pack; prints every problem as "$.path: message"
  provenance pack build DIR -o FILE       build a pack from a source folder: pack.json (header), sources.json,
                                          reports/<id>.json (+ optional reports/<id>.txt), topics/*.json
      --include-text     copy report texts into the pack (by default only their fingerprints are)
      --no-fingerprints  do not fingerprint report texts
      --compact          write minified JSON
${FROM_PAGES_USAGE}`;

const BUILD_FLAGS = new Set(['--include-text', '--no-fingerprints', '--compact']);

function usageError(sub: string, message: string): number {
  process.stderr.write(`provenance pack${sub ? ' ' + sub : ''}: ${message}\n\nUsage:\n${PACK_USAGE}\n`);
  return 2;
}

const line = (p: Problem | BuildProblem) => `${'file' in p && p.file ? `${p.file}: ` : ''}${p.path}: ${p.message}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Read a file as strict UTF-8 (a byte-order mark is dropped). */
async function readUtf8(file: string): Promise<string> {
  const buf = await readFile(file);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  return text;
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (e instanceof TypeError && /encoded data/i.test(e.message)) return 'not UTF-8 text';
  return e instanceof Error ? e.message : String(e);
}

async function validateCommand(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length) return usageError('validate', `unknown option ${unknown[0]}`);
  if (files.length !== 1) return usageError('validate', files.length ? 'give one file' : 'no file given');
  const file = files[0];
  let text: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // Refuse an oversized file before reading it.
    if (st.size > MAX_PACK_BYTES) {
      process.stdout.write(`$: ${tooLargeMessage(st.size)}\n`);
      process.stderr.write(`${file}: not a valid pack\n`);
      return 1;
    }
    text = await readUtf8(file);
  } catch (e) {
    process.stderr.write(`provenance pack validate: ${file}: ${errorText(e)}\n`);
    return 1;
  }
  const result = parsePackText(text);
  for (const w of result.warnings) process.stderr.write(`warning: ${line(w)}\n`);
  if (!result.ok) {
    for (const p of result.problems) process.stdout.write(line(p) + '\n');
    process.stderr.write(`${file}: not a valid pack (${plural(result.problems.length, 'problem')})\n`);
    return 1;
  }
  const { pack } = result;
  const topics = pack.topics?.length ? `, ${plural(pack.topics.length, 'topic')}` : '';
  process.stdout.write(`valid: ${plural(pack.reports.length, 'report')}, ${plural(pack.sources.length, 'source')}${topics}\n`);
  return 0;
}

/**
 * Read a pack source folder. Files that cannot be read or parsed are reported as
 * problems (and left out), so one run lists everything that is wrong.
 */
export async function readPackDir(dir: string): Promise<{ source: PackSource; problems: BuildProblem[]; warnings: BuildProblem[] }> {
  const problems: BuildProblem[] = [];
  const warnings: BuildProblem[] = [];
  const readJson = async (rel: string, required: boolean): Promise<{ found: boolean; json?: unknown }> => {
    let text: string;
    try {
      text = await readUtf8(path.join(dir, rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !required) return { found: false };
      problems.push({ file: rel, path: '$', message: errorText(e) });
      return { found: false };
    }
    const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!parsed.ok) {
      problems.push({ file: rel, path: '$', message: parsed.message });
      return { found: true };
    }
    return { found: true, json: parsed.value };
  };
  const list = async (sub: string): Promise<string[]> => {
    try {
      return (await readdir(path.join(dir, sub), { withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: sub + '/', path: '$', message: errorText(e) });
      return [];
    }
  };

  const header = await readJson(HEADER_FILE, true);
  const sources = await readJson(SOURCES_FILE, false);
  const source: PackSource = { header: header.json, sources: sources.found ? sources.json : [], topics: [], reports: [] };

  for (const name of await list('topics')) {
    const rel = `topics/${name}`;
    if (!name.endsWith('.json')) {
      warnings.push({ file: rel, path: '$', message: 'ignored: topic profiles are .json files' });
      continue;
    }
    const t = await readJson(rel, true);
    if (t.json !== undefined) source.topics.push({ file: rel, json: t.json });
  }

  const names = await list('reports');
  const jsonNames = new Set(names.filter((n) => n.endsWith('.json')));
  for (const name of names) {
    const rel = `reports/${name}`;
    if (name.endsWith('.json')) {
      const r = await readJson(rel, true);
      if (r.json === undefined) continue;
      const txtName = name.replace(/\.json$/, '.txt');
      const entry: PackSource['reports'][number] = { file: rel, json: r.json };
      if (names.includes(txtName)) {
        try {
          const t = await readUtf8(path.join(dir, 'reports', txtName));
          entry.text = t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
          entry.textFile = `reports/${txtName}`;
        } catch (e) {
          problems.push({ file: `reports/${txtName}`, path: '$', message: errorText(e) });
        }
      }
      source.reports.push(entry);
    } else if (name.endsWith('.txt')) {
      if (!jsonNames.has(name.replace(/\.txt$/, '.json'))) {
        problems.push({ file: rel, path: '$', message: `text without a record: add reports/${name.replace(/\.txt$/, '.json')}` });
      }
    } else {
      warnings.push({ file: rel, path: '$', message: 'ignored: reports are .json files (and their texts .txt files)' });
    }
  }
  return { source, problems, warnings };
}

async function buildCommand(args: string[]): Promise<number> {
  let out: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      out = args[++i];
      if (!out) return usageError('build', `${a} needs a file name`);
    } else if (a.startsWith('--output=')) out = a.slice('--output='.length);
    else if (a.startsWith('-')) {
      if (!BUILD_FLAGS.has(a)) return usageError('build', `unknown option ${a}`);
    } else positional.push(a);
  }
  if (positional.length !== 1) return usageError('build', positional.length ? 'give one source folder' : 'no source folder given');
  if (!out) return usageError('build', 'no output file given (-o FILE)');
  const dir = positional[0];
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) {
    process.stderr.write(`provenance pack build: ${dir}: not a folder\n`);
    return 1;
  }

  const read = await readPackDir(dir);
  const result = buildPack(read.source, {
    includeText: args.includes('--include-text'),
    fingerprints: !args.includes('--no-fingerprints'),
    compact: args.includes('--compact'),
  });
  for (const w of [...read.warnings, ...result.warnings]) process.stderr.write(`warning: ${line(w)}\n`);
  const problems = [...read.problems, ...(result.ok ? [] : result.problems)];
  if (problems.length || !result.ok) {
    for (const p of problems) process.stdout.write(line(p) + '\n');
    process.stderr.write(`${dir}: ${plural(problems.length, 'problem')}; nothing written\n`);
    return 1;
  }

  // Written whole or not at all: a reader never sees a half-written pack.
  try {
    await writeWhole(out, result.json);
  } catch (e) {
    process.stderr.write(`provenance pack build: ${out}: ${errorText(e)}\n`);
    return 1;
  }
  const { pack } = result;
  const topics = pack.topics?.length ? `, ${plural(pack.topics.length, 'topic')}` : '';
  process.stdout.write(
    `built ${out}: ${plural(pack.reports.length, 'report')} (${result.fingerprinted} fingerprinted), ${plural(pack.sources.length, 'source')}${topics}; ${result.bytes.toLocaleString('en')} bytes\n`,
  );
  return 0;
}

export async function packCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'validate') return validateCommand(rest);
  if (sub === 'build') return rest.includes('--from-pages') ? buildFromPages(rest) : buildCommand(rest);
  if (sub === '-h' || sub === '--help') {
    process.stdout.write(`Usage:\n${PACK_USAGE}\n`);
    return 0;
  }
  return usageError('', sub ? `unknown subcommand "${sub}"` : 'no subcommand given');
}
