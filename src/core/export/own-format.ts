/**
 * The product's own export: a report pack (format provenance-pack/1, docs/pack-format.md)
 * holding the user's saved reports, the outlets they cite, and an optional `highlights`
 * array. Highlights are written as stored, with times as ISO 8601 date-times (UTC, ms):
 *
 *   { id, url, pageTitle?, reportId?, quote, selectors: { quote, position? }, note?, tags,
 *     color, dir?, created, updated, anchor?: { status, at, reason? } }
 *
 * Deleted highlights (kept for undo) are not exported: the store leaves them out.
 *
 * Import (`fromOwnFormat`) reads the highlights item by item — a bad item is reported and
 * skipped, the others are kept, whatever the rest of the pack looks like. `validatePack`
 * does not check `highlights` (so a bad highlight never makes the pack's reports
 * unusable); the checks are here (highlight-check.ts).
 */
import { PACK_FORMAT, serializePack, validatePack, type Pack, type ReportRecord, type SourceProfile } from '../packs';
import { checkHighlight, errorText, isObject, isoTime, own, ProblemLog, show, type HighlightDraft } from './highlight-check';
import { MAX_IMPORT_HIGHLIGHTS, type HighlightRecord, type HighlightsImport } from './types';

export const OWN_EXPORT_PACK_ID = 'provenance-user-export';

export interface OwnExportInput {
  reports: readonly ReportRecord[];
  sources: readonly SourceProfile[];
  highlights: readonly HighlightRecord[];
  now: Date;
  /** Pack id; default OWN_EXPORT_PACK_ID. */
  id?: string;
}

/** A highlight as written in the pack's `highlights`. */
export function highlightJson(h: HighlightRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: h.id, url: h.url };
  if (h.pageTitle) out.pageTitle = h.pageTitle;
  if (h.reportId) out.reportId = h.reportId;
  out.quote = h.quote;
  const q = h.selectors.quote;
  out.selectors = {
    quote: { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    ...(h.selectors.position ? { position: { type: 'TextPositionSelector', start: h.selectors.position.start, end: h.selectors.position.end } } : {}),
  };
  if (h.note) out.note = h.note;
  out.tags = [...h.tags];
  out.color = h.color;
  if (h.dir) out.dir = h.dir;
  out.created = isoTime(h.createdAt);
  out.updated = isoTime(h.updatedAt);
  if (h.anchor) out.anchor = { status: h.anchor.status, at: isoTime(h.anchor.at), ...(h.anchor.reason ? { reason: h.anchor.reason } : {}) };
  return out;
}

export function toOwnFormat(input: OwnExportInput): Pack {
  const stamp = input.now.toISOString();
  return {
    format: PACK_FORMAT,
    id: input.id ?? OWN_EXPORT_PACK_ID,
    name: 'My saved reports and highlights',
    version: stamp.slice(0, 10).replace(/-0?/g, '.'),
    publisher: 'Provenance export',
    updated: stamp,
    description: 'Exported from Provenance: the reports this user saved, the outlets they cite, and their highlights.',
    sources: [...input.sources],
    reports: [...input.reports],
    highlights: input.highlights.map(highlightJson),
  };
}

export function ownFormatText(input: OwnExportInput): string {
  return serializePack(toOwnFormat(input));
}

export interface OwnFormatImport extends HighlightsImport {
  /** Saved reports in the file (not imported by the highlights import). */
  reports: number;
  /** Whether the pack part (header, reports, sources) is a valid pack. */
  packValid: boolean;
}

function draftOf(x: unknown): HighlightDraft | string {
  if (!isObject(x)) return `expected a highlight object, got ${show(x)}`;
  const sel = own(x, 'selectors');
  const quoteSel = own(sel, 'quote');
  const pos = own(sel, 'position');
  const exact = own(quoteSel, 'exact') ?? own(x, 'quote');
  const tags = own(x, 'tags');
  const anchor = own(x, 'anchor');
  return {
    id: own(x, 'id'),
    url: own(x, 'url'),
    pageTitle: own(x, 'pageTitle'),
    reportId: own(x, 'reportId'),
    quote: own(x, 'quote'),
    exact,
    prefix: own(quoteSel, 'prefix'),
    suffix: own(quoteSel, 'suffix'),
    hasPosition: pos !== undefined,
    start: own(pos, 'start'),
    end: own(pos, 'end'),
    note: own(x, 'note'),
    tags: Array.isArray(tags) ? tags.slice(0, 10_000) : tags === undefined ? [] : [tags],
    color: own(x, 'color'),
    dir: own(x, 'dir'),
    created: own(x, 'created') ?? own(x, 'createdAt'),
    updated: own(x, 'updated') ?? own(x, 'updatedAt'),
    anchor: anchor === undefined ? undefined : { status: own(anchor, 'status'), at: own(anchor, 'at'), reason: own(anchor, 'reason') },
  };
}

/** Highlights (and a count of reports) from a parsed own-format pack. Never throws. */
export function fromOwnFormat(json: unknown, opts: { now?: number } = {}): OwnFormatImport {
  const now = opts.now ?? Date.now();
  const log = new ProblemLog();
  const highlights: HighlightRecord[] = [];
  let packValid = false;
  let reports = 0;
  try {
    const v = validatePack(json);
    packValid = v.ok;
    reports = Array.isArray(own(json, 'reports')) ? (own(json, 'reports') as unknown[]).length : 0;
    if (!v.ok && reports) log.warning(v.problems[0].path, `the saved reports are not a valid pack (${v.problems.length} problem${v.problems.length > 1 ? 's' : ''}; first: ${v.problems[0].message})`);
  } catch (e) {
    log.warning('$', `the pack could not be checked: ${errorText(e)}`);
  }
  const list = own(json, 'highlights');
  if (list === undefined) return { highlights, problems: log.done(), reports, packValid };
  if (!Array.isArray(list)) {
    log.error('$.highlights', `expected a list of highlights, got ${show(list)}`);
    return { highlights, problems: log.done(), reports, packValid };
  }
  if (list.length > MAX_IMPORT_HIGHLIGHTS) log.error(`$.highlights[${MAX_IMPORT_HIGHLIGHTS}]`, `too many highlights: ${list.length}; only the first ${MAX_IMPORT_HIGHLIGHTS} are read`);
  list.slice(0, MAX_IMPORT_HIGHLIGHTS).forEach((x, i) => {
    const path = `$.highlights[${i}]`;
    const rawId = typeof own(x, 'id') === 'string' ? (own(x, 'id') as string).slice(0, 200) : undefined;
    try {
      const d = draftOf(x);
      if (typeof d === 'string') return log.error(path, d, rawId);
      const checked = checkHighlight(d, now);
      if (!checked.ok) return log.error(path, checked.message, rawId);
      for (const w of checked.warnings) log.warning(path, w, checked.highlight.id);
      highlights.push(checked.highlight);
    } catch (e) {
      log.error(path, `the highlight could not be read: ${errorText(e)}`, rawId);
    }
  });
  return { highlights, problems: log.done(), reports, packValid };
}
