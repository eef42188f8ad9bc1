/**
 * Pure logic for stored highlights (no browser APIs, no database): building a record from a
 * save request, applying edits, and the views sent to the popup and the content script.
 */
import type { HighlightColor, StoredHighlight } from '../store/db';
import type { HighlightSelectors } from '../core/anchoring/types';
import type { HighlightView, PageHighlight } from '../shared/highlight-messages';
import { MAX_TAGS } from '../shared/highlight-messages';
import { pageUrlOf } from '../shared/highlight-colors';

export interface SaveInput {
  selectors: HighlightSelectors;
  color: HighlightColor;
  pageTitle: string;
  dir?: 'ltr' | 'rtl';
  note?: string;
  tags?: string[];
}

export interface EditInput {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  deleted?: boolean;
}

/** Trimmed, de-duplicated (case-insensitively, first spelling kept), empty ones dropped. */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags ?? []) {
    const t = raw.replace(/\s+/g, ' ').trim();
    const k = t.toLocaleLowerCase();
    if (!t || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
    if (out.length >= MAX_TAGS) break;
  }
  return out;
}

const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Direction of a text from its first strong character (null when it has none). */
export function textDir(text: string): 'ltr' | 'rtl' | null {
  const m = STRONG_CHAR.exec(text);
  if (!m) return null;
  return RTL_CHAR.test(m[0]) ? 'rtl' : 'ltr';
}

export function newHighlight(id: string, url: string, input: SaveInput, now: number): StoredHighlight {
  const quote = input.selectors.quote.exact;
  const h: StoredHighlight = {
    id,
    url: pageUrlOf(url),
    pageTitle: input.pageTitle.trim() || undefined,
    quote,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: input.selectors.quote.prefix, suffix: input.selectors.quote.suffix },
      ...(input.selectors.position
        ? { position: { type: 'TextPositionSelector', start: input.selectors.position.start, end: input.selectors.position.end } }
        : {}),
    },
    tags: normalizeTags(input.tags),
    color: input.color,
    createdAt: now,
    updatedAt: now,
    // It was just drawn where the user selected it.
    anchor: { status: 'exact', at: now },
  };
  const dir = input.dir ?? textDir(quote) ?? undefined;
  if (dir) h.dir = dir;
  const note = input.note?.trim();
  if (note) h.note = note;
  if (!h.pageTitle) delete h.pageTitle;
  return h;
}

/** A copy of `h` with the edit applied (undefined fields are left alone; an empty note removes it). */
export function applyEdit(h: StoredHighlight, edit: EditInput, now: number): StoredHighlight {
  const out: StoredHighlight = { ...h, updatedAt: now };
  if (edit.color) out.color = edit.color;
  if (edit.note !== undefined) {
    const note = edit.note.trim();
    if (note) out.note = note;
    else delete out.note;
  }
  if (edit.tags !== undefined) out.tags = normalizeTags(edit.tags);
  if (edit.deleted === true && !h.deletedAt) out.deletedAt = now;
  if (edit.deleted === false) delete out.deletedAt;
  return out;
}

export type AnchorOutcome = { id: string; status: 'exact' | 'position' | 'fuzzy' | 'orphan'; reason?: string };

/** The record with this visit's anchoring outcome. */
export function withAnchor(h: StoredHighlight, r: AnchorOutcome, now: number): StoredHighlight {
  const anchor: NonNullable<StoredHighlight['anchor']> = { status: r.status, at: now };
  if (r.status === 'orphan' && r.reason) anchor.reason = r.reason;
  return { ...h, anchor };
}

export function toPageHighlight(h: StoredHighlight): PageHighlight {
  return { id: h.id, selectors: h.selectors, color: h.color };
}

export function toView(h: StoredHighlight): HighlightView {
  const { selectors, ...rest } = h;
  return { ...rest, position: selectors.position?.start ?? null };
}

/** Page order (stored position), then creation time. */
export function byPageOrder(a: StoredHighlight, b: StoredHighlight): number {
  const pa = a.selectors.position?.start ?? Number.POSITIVE_INFINITY;
  const pb = b.selectors.position?.start ?? Number.POSITIVE_INFINITY;
  return pa - pb || a.createdAt - b.createdAt;
}

export const isLive = (h: StoredHighlight): boolean => !h.deletedAt;

/** Deleted highlights are kept this long for Undo, then purged for good. */
export const UNDO_KEEP_MS = 30 * 24 * 3_600_000;

/** Ids of deleted highlights whose undo period is over. */
export function purgeable(rows: readonly Pick<StoredHighlight, 'id' | 'deletedAt'>[], now: number): string[] {
  return rows.filter((h) => typeof h.deletedAt === 'number' && now - h.deletedAt > UNDO_KEEP_MS).map((h) => h.id);
}
