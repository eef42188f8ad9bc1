/**
 * Data of the highlight methods of the contract (issue #6): the argument schemas (valibot,
 * parsed by the worker; limits from contract/limits.ts) and the views sent back.
 * Content-script methods act only on the sender's own page: the worker takes the page URL
 * from the sender, never from the payload. Which method is which: contract/worker.ts.
 */
import * as v from 'valibot';
import type { HIGHLIGHT_COLORS, StoredHighlight } from '../store/db';
import { COLOR_NAMES } from './highlight-colors';
import type { HighlightSelectors } from '../core/anchoring/types';
import { FIELD_LIMITS, HIGHLIGHT_LIMITS as L, PAGE_LIMITS } from './contract/limits';

export const MAX_QUOTE = L.quote;
export const MAX_NOTE = L.note;
export const MAX_TAGS = L.tags;
export const MAX_TAG = L.tag;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Our UUIDs, and ids of imported annotations (IRIs such as urn:uuid:… or Hypothesis links). */
const HighlightId = v.pipe(v.string(), v.regex(/^[^\s\u0000-\u001f\u007f]+$/), v.maxLength(L.id));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

// Not imported from db.ts at run time (that would load Dexie wherever messages are parsed).
export const HighlightColorSchema = v.picklist(COLOR_NAMES as unknown as typeof HIGHLIGHT_COLORS);

export const SelectorsSchema = v.pipe(
  v.object({
    quote: v.object({
      type: v.literal('TextQuoteSelector'),
      exact: v.pipe(v.string(), v.minLength(1), v.maxLength(L.quote)),
      prefix: text(L.quoteContext),
      suffix: text(L.quoteContext),
    }),
    position: v.optional(v.object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset })),
  }),
  v.check((s) => !s.position || s.position.end >= s.position.start, 'position.end must not precede position.start'),
);

const TagsSchema = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(L.tag))), v.maxLength(L.tags));

/** Changes to one highlight; `deleted: true` soft-deletes it, `deleted: false` restores it (undo). */
const EditFields = {
  id: HighlightId,
  color: v.optional(HighlightColorSchema),
  note: v.optional(text(L.note)),
  tags: v.optional(TagsSchema),
  deleted: v.optional(v.boolean()),
};

/** Argument schemas of the highlight methods, by method name (pinned to contract/worker.ts in contract/schemas.ts). */
export const HighlightArgSchemas = {
  /** Content script: save the selection on the sender's page. */
  'highlights/save': v.object({
    /** Chosen by the content script so a save retried after a worker restart stays one record. */
    id: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/))),
    selectors: SelectorsSchema,
    color: HighlightColorSchema,
    pageTitle: text(L.pageTitle),
    dir: v.optional(v.picklist(['ltr', 'rtl'])),
    note: v.optional(text(L.note)),
    tags: v.optional(TagsSchema),
  }),
  /** Content script: the highlights of the sender's page, to draw (no notes). */
  'highlights/for-page': v.object({}),
  /** Content script: how re-anchoring went on the sender's page. */
  'highlights/anchored': v.object({
    results: v.pipe(
      v.array(v.object({ id: HighlightId, status: v.picklist(['exact', 'position', 'fuzzy', 'orphan']), reason: v.optional(text(L.reason)) })),
      v.maxLength(L.batch),
    ),
  }),
  /** Content script: change a highlight of the sender's page (colour, undo from the in-page button). */
  'highlights/page-edit': v.object(EditFields),
  /** Extension pages: the highlights saved for a page URL (the fragment is ignored). */
  'highlights/list': v.object({ url: text(PAGE_LIMITS.url) }),
  /** Extension pages: change any highlight. */
  'highlights/edit': v.object(EditFields),
  /** Extension pages (library): import highlights from a file's text. */
  'highlights/import': v.object({ text: v.pipe(v.string(), v.maxLength(FIELD_LIMITS.fileText)) }),
} as const;

/** What the content script needs to draw a highlight: no note, no tags. */
export interface PageHighlight {
  id: string;
  selectors: HighlightSelectors;
  color: StoredHighlight['color'];
}

/** A highlight as the popup shows it. */
export type HighlightView = Omit<StoredHighlight, 'selectors'> & { position: number | null };
