/**
 * Turn the loosely typed fields of an imported item (Web Annotation or our own format)
 * into a `HighlightRecord`, checking every field against the limits in types.ts. Never
 * throws: returns the record with warnings for the parts left out, or the reason the item
 * cannot be a highlight.
 */
import { fmix32, fnv1a, ID_PATTERN, isHttpUrl, isIsoDate, MAX_URL_CHARS } from '../packs';
import {
  ANCHOR_STATUSES,
  DEFAULT_COLOR,
  EXPORT_COLORS,
  MAX_CONTEXT_CHARS,
  MAX_ID_CHARS,
  MAX_IMPORT_PROBLEMS,
  MAX_NOTE_CHARS,
  MAX_PAGE_TITLE_CHARS,
  MAX_QUOTE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  type AnchorState,
  type ExportColor,
  type HighlightRecord,
  type ImportProblem,
} from './types';

/** What an importer could read from an item, untyped. */
export interface HighlightDraft {
  id?: unknown;
  url?: unknown;
  pageTitle?: unknown;
  reportId?: unknown;
  /** The record's `quote` when the file gives it separately; defaults to `exact`. */
  quote?: unknown;
  exact?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  /** TextPositionSelector offsets, when the file has one. */
  start?: unknown;
  end?: unknown;
  hasPosition?: boolean;
  note?: unknown;
  tags?: unknown[];
  color?: unknown;
  dir?: unknown;
  created?: unknown;
  updated?: unknown;
  anchor?: { status?: unknown; at?: unknown; reason?: unknown };
}

export type CheckedHighlight = { ok: true; highlight: HighlightRecord; warnings: string[] } | { ok: false; message: string };

/** Own property of a plain object (never the prototype's), or undefined. */
export function own(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, key)
    ? (o as Record<string, unknown>)[key]
    : undefined;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Short, printable rendering of a value for a message. */
export function show(x: unknown, max = 60): string {
  if (typeof x === 'string') return JSON.stringify(x.length > max ? x.slice(0, max) + '…' : x);
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  return String(x);
}

const MAX_TIME = 8.64e15;

/**
 * A time as ms since the epoch, from a number of ms or an ISO 8601 date / date-time (with
 * a zone). Null when it is neither.
 */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) <= MAX_TIME ? v : null;
  if (typeof v !== 'string' || v.length > 64 || !isIsoDate(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** ISO 8601 date-time (UTC, ms) of a time in ms. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Deterministic id for an item that has none, from its content (re-importing gives the same id). */
export function contentId(...parts: string[]): string {
  const s = parts.join('\u0000');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `import-${hex(fmix32(fnv1a(s)))}${hex(fmix32(fnv1a(s, 0x9e3779b9)))}`;
}

/** The page URL as stored: absolute http(s), without its fragment. Null when not acceptable. */
export function pageUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!s || s.length > MAX_URL_CHARS || !isHttpUrl(s)) return null;
  return s.replace(/#.*$/s, '');
}

function isColor(x: unknown): x is ExportColor {
  return typeof x === 'string' && (EXPORT_COLORS as readonly string[]).includes(x);
}

const isOffset = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

export function checkHighlight(d: HighlightDraft, now: number): CheckedHighlight {
  const warnings: string[] = [];
  // Quote: the one thing a highlight cannot do without.
  if (typeof d.exact !== 'string') return { ok: false, message: d.exact === undefined ? 'no quoted text (TextQuoteSelector "exact")' : `quoted text is ${show(d.exact)}, not a string` };
  if (!d.exact.trim()) return { ok: false, message: 'the quoted text is empty' };
  if (d.exact.length > MAX_QUOTE_CHARS) return { ok: false, message: `the quoted text is too long: ${d.exact.length} characters; at most ${MAX_QUOTE_CHARS}` };
  const url = pageUrl(d.url);
  if (!url) {
    return { ok: false, message: d.url === undefined ? 'no page address (target source)' : `the page address ${show(d.url)} is not an absolute http(s) URL of at most ${MAX_URL_CHARS} characters` };
  }

  let id: string;
  if (typeof d.id === 'string' && d.id.trim() && d.id.length <= MAX_ID_CHARS) id = d.id;
  else {
    if (d.id !== undefined) warnings.push(`id ${show(d.id)} is not usable (a string of 1–${MAX_ID_CHARS} characters): an id was derived from the content`);
    id = contentId(url, d.exact, typeof d.prefix === 'string' ? d.prefix : '', String(d.created ?? ''));
  }

  const context = (v: unknown, name: string): string => {
    if (v === undefined) return '';
    if (typeof v === 'string' && v.length <= MAX_CONTEXT_CHARS) return v;
    warnings.push(`${name} ${show(v)} ignored (a string of at most ${MAX_CONTEXT_CHARS} characters)`);
    return '';
  };
  const prefix = context(d.prefix, 'prefix');
  const suffix = context(d.suffix, 'suffix');

  let quote = d.exact;
  if (d.quote !== undefined) {
    if (typeof d.quote === 'string' && d.quote.trim() && d.quote.length <= MAX_QUOTE_CHARS) quote = d.quote;
    else warnings.push(`quote ${show(d.quote)} ignored: the selector's text is used`);
  }

  const h: HighlightRecord = {
    id, url, quote,
    selectors: { quote: { type: 'TextQuoteSelector', exact: d.exact, prefix, suffix } },
    tags: [], color: DEFAULT_COLOR, createdAt: now, updatedAt: now,
  };

  if (d.hasPosition) {
    if (isOffset(d.start) && isOffset(d.end) && d.start <= d.end) h.selectors.position = { type: 'TextPositionSelector', start: d.start, end: d.end };
    else warnings.push(`TextPositionSelector ignored: start ${show(d.start)} and end ${show(d.end)} must be integers with 0 ≤ start ≤ end`);
  }

  if (d.pageTitle !== undefined) {
    if (typeof d.pageTitle === 'string' && d.pageTitle.length <= MAX_PAGE_TITLE_CHARS) {
      if (d.pageTitle) h.pageTitle = d.pageTitle;
    } else warnings.push(`page title ${show(d.pageTitle)} ignored (a string of at most ${MAX_PAGE_TITLE_CHARS} characters)`);
  }
  if (d.reportId !== undefined) {
    if (typeof d.reportId === 'string' && ID_PATTERN.test(d.reportId)) h.reportId = d.reportId;
    else warnings.push(`report id ${show(d.reportId)} ignored (not a report id)`);
  }
  if (d.note !== undefined) {
    if (typeof d.note === 'string' && d.note.length <= MAX_NOTE_CHARS) {
      if (d.note) h.note = d.note;
    } else warnings.push(`note ${typeof d.note === 'string' ? `of ${d.note.length} characters` : show(d.note)} ignored (a string of at most ${MAX_NOTE_CHARS} characters)`);
  }
  for (const t of d.tags ?? []) {
    if (typeof t !== 'string' || !t || t.length > MAX_TAG_CHARS) warnings.push(`tag ${show(t)} ignored (a non-empty string of at most ${MAX_TAG_CHARS} characters)`);
    else if (h.tags.length >= MAX_TAGS) {
      warnings.push(`more than ${MAX_TAGS} tags: the rest are ignored`);
      break;
    } else h.tags.push(t);
  }
  if (d.color !== undefined) {
    if (isColor(d.color)) h.color = d.color;
    else warnings.push(`colour ${show(d.color)} is not one of ${EXPORT_COLORS.join(', ')}: ${DEFAULT_COLOR} is used`);
  }
  if (d.dir !== undefined) {
    if (d.dir === 'ltr' || d.dir === 'rtl') h.dir = d.dir;
    else warnings.push(`text direction ${show(d.dir)} ignored (ltr or rtl)`);
  }

  const created = d.created === undefined ? null : parseTime(d.created);
  const updated = d.updated === undefined ? null : parseTime(d.updated);
  if (d.created !== undefined && created === null) warnings.push(`creation time ${show(d.created)} is not an ISO 8601 date-time`);
  if (d.updated !== undefined && updated === null) warnings.push(`modification time ${show(d.updated)} is not an ISO 8601 date-time`);
  if (created === null && updated === null) warnings.push('no valid creation time: the time of the import is used');
  h.createdAt = created ?? updated ?? now;
  h.updatedAt = updated ?? h.createdAt;

  if (d.anchor !== undefined) {
    const { status, at, reason } = d.anchor;
    const atMs = parseTime(at);
    if (typeof status === 'string' && (ANCHOR_STATUSES as readonly string[]).includes(status) && atMs !== null) {
      h.anchor = { status: status as AnchorState, at: atMs };
      if (typeof reason === 'string' && reason && reason.length <= 200) h.anchor.reason = reason;
    } else warnings.push(`anchoring status ${show(status)} at ${show(at)} ignored`);
  }
  return { ok: true, highlight: h, warnings };
}

/**
 * Collects the problems of one import, at most MAX_IMPORT_PROBLEMS of them (then one last
 * problem says how many more there were).
 */
export class ProblemLog {
  readonly list: ImportProblem[] = [];
  private extra = 0;

  add(p: ImportProblem): void {
    if (this.list.length < MAX_IMPORT_PROBLEMS) this.list.push(p);
    else this.extra++;
  }

  error(path: string, message: string, id?: string): void {
    this.add(id === undefined ? { path, severity: 'error', message } : { path, id, severity: 'error', message });
  }

  warning(path: string, message: string, id?: string): void {
    this.add(id === undefined ? { path, severity: 'warning', message } : { path, id, severity: 'warning', message });
  }

  done(): ImportProblem[] {
    return this.extra ? [...this.list, { path: '$', severity: 'warning', message: `…and ${this.extra} more problems not listed` }] : this.list;
  }
}

/** Message of anything thrown. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
