/**
 * Messages about user highlights (issue #6), validated by the worker like the rest of
 * messages.ts. Content-script messages (`HIGHLIGHT_CONTENT_ONLY`) act only on the sender's
 * own page: the worker takes the page URL from the sender, never from the payload.
 */
import * as v from 'valibot';
import type { HIGHLIGHT_COLORS, StoredHighlight } from '../store/db';
import { COLOR_NAMES } from './highlight-colors';
import type { HighlightSelectors } from '../core/anchoring/types';

export const MAX_QUOTE = 10_000;
export const MAX_NOTE = 20_000;
export const MAX_TAGS = 30;
export const MAX_TAG = 60;
const MAX_BATCH = 1_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Our UUIDs, and ids of imported annotations (IRIs such as urn:uuid:… or Hypothesis links). */
const HighlightId = v.pipe(v.string(), v.regex(/^[^\s\u0000-\u001f\u007f]{1,300}$/));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

// Not imported from db.ts at run time (that would load Dexie wherever messages are parsed).
export const HighlightColorSchema = v.picklist(COLOR_NAMES as unknown as typeof HIGHLIGHT_COLORS);

export const SelectorsSchema = v.pipe(
  v.object({
    quote: v.object({
      type: v.literal('TextQuoteSelector'),
      exact: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE)),
      prefix: text(200),
      suffix: text(200),
    }),
    position: v.optional(v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset })),
  }),
  v.check((s) => !s.position || s.position.end >= s.position.start, 'position.end must not precede position.start'),
);

const TagsSchema = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TAG))), v.maxLength(MAX_TAGS));

/** Changes to one highlight; `deleted: true` soft-deletes it, `deleted: false` restores it (undo). */
const EditFields = {
  id: HighlightId,
  color: v.optional(HighlightColorSchema),
  note: v.optional(text(MAX_NOTE)),
  tags: v.optional(TagsSchema),
  deleted: v.optional(v.boolean()),
};

export const HighlightRequestSchemas = [
  /** Content script: save the selection on the sender's page. */
  v.object({
    type: v.literal('highlights/save'),
    /** Chosen by the content script so a save retried after a worker restart stays one record. */
    id: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/))),
    selectors: SelectorsSchema,
    color: HighlightColorSchema,
    pageTitle: text(1_000),
    dir: v.optional(v.picklist(['ltr', 'rtl'])),
    note: v.optional(text(MAX_NOTE)),
    tags: v.optional(TagsSchema),
  }),
  /** Content script: the highlights of the sender's page, to draw (no notes). */
  v.object({ type: v.literal('highlights/for-page') }),
  /** Content script: how re-anchoring went on the sender's page. */
  v.object({
    type: v.literal('highlights/anchored'),
    results: v.pipe(
      v.array(v.object({ id: HighlightId, status: v.picklist(['exact', 'position', 'fuzzy', 'orphan']), reason: v.optional(text(40)) })),
      v.maxLength(MAX_BATCH),
    ),
  }),
  /** Content script: change a highlight of the sender's page (colour, undo from the in-page button). */
  v.object({ type: v.literal('highlights/page-edit'), ...EditFields }),
  /** Extension pages: the highlights saved for a page URL (the fragment is ignored). */
  v.object({ type: v.literal('highlights/list'), url: text(4_000) }),
  /** Extension pages: change any highlight. */
  v.object({ type: v.literal('highlights/edit'), ...EditFields }),
] as const;

export const HIGHLIGHT_CONTENT_ONLY = ['highlights/save', 'highlights/for-page', 'highlights/anchored', 'highlights/page-edit'] as const;

/** What the content script needs to draw a highlight: no note, no tags. */
export interface PageHighlight {
  id: string;
  selectors: HighlightSelectors;
  color: StoredHighlight['color'];
}

/** A highlight as the popup shows it. */
export type HighlightView = Omit<StoredHighlight, 'selectors'> & { position: number | null };

export type HighlightResponse =
  | { ok: true; highlight: PageHighlight }
  | { ok: true; highlights: PageHighlight[] }
  | { ok: true; view: HighlightView }
  | { ok: true; views: HighlightView[] }
  | { ok: true; updated: number };

/** The content script's answer to 'content/save-selection' and 'content/highlights-refresh'. */
export type HighlightContentResponse = { ok: true; saved: boolean; reason?: string } | { ok: true; drawn: number } | { ok: false; error: string };
