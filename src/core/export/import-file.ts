/**
 * Read the text of a file the user chose to import highlights from: our own export (a
 * report pack with `highlights`), Web Annotation JSON-LD (ours, Hypothesis, …) or a
 * Hypothesis client export / API result (format "hypothesis"). The size
 * is checked before parsing; the format is recognised from the content, not the file name.
 * Highlights that appear twice in the file are kept once (the most recently modified).
 * Never throws.
 */
import { formatMajor, MAX_PACK_BYTES, parseJson, tooLargeMessage, utf8Length } from '../packs';
import { own } from './highlight-check';
import { fromOwnFormat } from './own-format';
import { fromWebAnnotation } from './web-annotation';
import type { HighlightRecord, ImportProblem } from './types';

export interface ParsedHighlightsFile {
  format: 'provenance-pack' | 'web-annotation' | 'hypothesis' | 'unknown';
  highlights: HighlightRecord[];
  problems: ImportProblem[];
  /** Saved reports in an own-format file (not imported by the highlights import). */
  reports: number;
}

export function parseHighlightsFile(text: string, opts: { now?: number; maxBytes?: number } = {}): ParsedHighlightsFile {
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  const fail = (message: string): ParsedHighlightsFile => ({ format: 'unknown', highlights: [], problems: [{ path: '$', severity: 'error', message }], reports: 0 });
  if (typeof text !== 'string') return fail('the file is not text');
  const bytes = text.length > maxBytes ? text.length : utf8Length(text, maxBytes);
  if (bytes > maxBytes) return fail(tooLargeMessage(bytes, maxBytes, true).replace(/^pack/, 'file'));
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return fail(parsed.message);
  const json = parsed.value;

  let result: ParsedHighlightsFile;
  const format = own(json, 'format');
  if (typeof format === 'string' && formatMajor(format) !== null) {
    if (formatMajor(format) !== 1) return fail(`unsupported pack format "${format.slice(0, 40)}": this version of Provenance reads provenance-pack/1`);
    const r = fromOwnFormat(json, { now: opts.now });
    result = { format: 'provenance-pack', highlights: r.highlights, problems: r.problems, reports: r.reports };
    if (own(json, 'highlights') === undefined) result.problems.push({ path: '$', severity: 'warning', message: 'this pack holds no highlights' });
  } else {
    const r = fromWebAnnotation(json, { now: opts.now });
    // The Hypothesis client's export file and its API search results (the importer reads both).
    const hypothesis = Array.isArray(own(json, 'annotations')) || Array.isArray(own(json, 'rows'));
    result = { format: hypothesis ? 'hypothesis' : 'web-annotation', ...r, reports: 0 };
  }

  // The same highlight twice in one file: keep the most recently modified.
  const byId = new Map<string, number>();
  const kept: HighlightRecord[] = [];
  for (const h of result.highlights) {
    const at = byId.get(h.id);
    if (at === undefined) {
      byId.set(h.id, kept.length);
      kept.push(h);
    } else {
      if (h.updatedAt > kept[at].updatedAt) kept[at] = h;
      result.problems.push({ path: '$', id: h.id, severity: 'warning', message: 'this highlight appears more than once in the file: the most recently modified copy is used' });
    }
  }
  result.highlights = kept;
  return result;
}
