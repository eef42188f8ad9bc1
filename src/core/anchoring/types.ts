/**
 * Selector and result shapes for highlight anchoring.
 *
 * Selectors follow the W3C Web Annotation model (TextQuoteSelector, TextPositionSelector)
 * so a stored highlight can be exported as a standard annotation target.
 */

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
 * `text-model.ts` (script, style, our own UI…). See `buildTextModel`.
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

/**
 * A DOM Range or anything with its four boundary fields (a live `Range`, a
 * `StaticRange`, or the plain object `rangeFromOffsets` returns).
 */
export interface RangeLike {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export type AnchorStatus = 'exact' | 'position' | 'fuzzy';

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

export type OrphanReason =
  /** The stored quote is empty after white-space normalisation. */
  | 'empty-quote'
  /** Nothing close enough to the quote was found. */
  | 'not-found'
  /** Candidates were found but none scored above the acceptance threshold. */
  | 'low-score'
  /** The time budget ran out before a match was found. */
  | 'timeout';

export interface AnchorOrphan {
  status: 'orphan';
  reason: OrphanReason;
}

export type AnchorResult = AnchorFound | AnchorOrphan;
