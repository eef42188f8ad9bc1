/**
 * Highlight anchoring: describe a selection as W3C selectors, re-anchor them on a changed
 * page, map text offsets to DOM ranges and draw highlights. Pure DOM (standard APIs only):
 * works on the live page and on linkedom documents. The Node-only fixture runner is test
 * support: tests/support/anchoring-fixtures/.
 */
export * from './types';
export { describe, CONTEXT_CHARS, type DescribeOptions } from './describe';
export {
  anchor,
  anchorAll,
  anchorWithRetry,
  prepareQuery,
  DEFAULT_MAX_MS,
  type AnchorOptions,
  type AnchorAllOptions,
  type AnchorAllResult,
  type RetryOptions,
  type SelectorsInput,
} from './anchor';
export { rangeFromOffsets, textNodesInRange, toTextBoundary, type TextPart, type TextRangeLike } from './range';
export { highlightRange, removeHighlights, highlightIdOf, drawHighlights, drawHighlightsSliced, type OffsetHighlight, type SlicedDrawOptions } from './highlight';
export {
  buildTextModel,
  TextModelBuilder,
  rawOffsetOf,
  rawToText,
  textToRaw,
  textSpanToRaw,
  isTextModel,
  textOfRaw,
  cleanString,
  HIGHLIGHT_TAG,
  UI_TAG,
  UI_ATTR,
  SKIP_TAGS,
  BLOCK_TAGS,
  isWithin,
  nodeIndexAt,
  type TextModel,
} from './text-model';
export {
  maxErrorsFor,
  editDistance,
  contextSimilarity,
  acceptMatch,
  MIN_CONTEXT,
  EXACT_LONG_QUOTE,
  FUZZY_ACCEPT,
  FUZZY_MIN_QUOTE,
  FUZZY_STRONG_QUOTE,
  FUZZY_STRONG_MIN_LENGTH,
  MAX_INSERTION,
  WIDE_REGION,
  APPROX_REGION,
} from './match-quote';
