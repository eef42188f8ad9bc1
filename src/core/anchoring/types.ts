/**
 * Selector and result shapes for highlight anchoring. Selectors follow the W3C Web
 * Annotation model (TextQuoteSelector, TextPositionSelector) so a stored highlight can be
 * exported as a standard annotation target. The definitions live in the domain model
 * (../model/highlight.ts); `RangeLike` (a DOM shape) is anchoring's own.
 */
export type {
  TextQuoteSelector,
  TextPositionSelector,
  HighlightSelectors,
  AnchorStatus,
  AnchorFound,
  OrphanReason,
  AnchorOrphan,
  AnchorResult,
} from '../model';

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
