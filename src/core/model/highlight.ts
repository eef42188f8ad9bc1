/**
 * Highlights: passages the user saved, stored as W3C Web Annotation selectors
 * (TextQuoteSelector, TextPositionSelector) and re-anchored on every visit.
 */
import type { TextDirection } from './lang';

/** W3C TextQuoteSelector: the quoted text and up to 32 characters of context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C TextPositionSelector. Offsets are UTF-16 code-unit offsets into the root's *raw text*:
 * the concatenation of its text nodes in document order, leaving out the subtrees listed in
 * `anchoring/text-model.ts` (script, style, our own UI…). See `buildTextModel`.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** What `describe` returns and `anchor` takes. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** Outcome of re-anchoring a highlight: found (three ways) or orphan. */
export const ANCHOR_STATUSES = ['exact', 'position', 'fuzzy', 'orphan'] as const;
export type AnchorState = (typeof ANCHOR_STATUSES)[number];
/** How a highlight was placed (every state but 'orphan'). */
export type AnchorStatus = Exclude<AnchorState, 'orphan'>;

export interface AnchorFound {
  /**
   * 'exact': the quote occurs verbatim (white space aside) and was chosen by its context or
   *          because it occurs once;
   * 'position': it occurs verbatim several times with equally good context, and the stored
   *          position chose the nearest one;
   * 'fuzzy': placed by approximate matching of the quote and its context.
   */
  status: AnchorStatus;
  /** Raw-text offsets (same space as TextPositionSelector) of the anchored text in the current DOM. */
  start: number;
  end: number;
  /** 0..1: similarity of quote and context at the chosen place (1 = quote and context identical). */
  score: number;
}

/**
 * Why a highlight could not be placed: 'empty-quote' (the stored quote is empty after
 * white-space normalisation), 'not-found' (nothing close enough), 'low-score' (candidates
 * found, none above the acceptance threshold), 'timeout' (the time budget ran out).
 */
export const ORPHAN_REASONS = ['empty-quote', 'not-found', 'low-score', 'timeout'] as const;
export type OrphanReason = (typeof ORPHAN_REASONS)[number];

export interface AnchorOrphan {
  status: 'orphan';
  reason: OrphanReason;
}

export type AnchorResult = AnchorFound | AnchorOrphan;

/** The highlight colours, in the order the UI offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = 'yellow';

/**
 * A stored highlight. Mirrors `StoredHighlight` (src/store/db.ts) field for field; the store
 * (src/store/highlights-io.ts) asserts at compile time that the two stay identical.
 */
export interface HighlightRecord {
  id: string;
  url: string;
  pageTitle?: string;
  reportId?: string;
  quote: string;
  selectors: HighlightSelectors;
  note?: string;
  tags: string[];
  color: HighlightColor;
  dir?: TextDirection;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  anchor?: { status: AnchorState; at: number; reason?: string };
}
