/**
 * DOM range → W3C selectors (TextQuoteSelector + TextPositionSelector) over a root element.
 */
import { buildTextModel, rawOffsetOf, rawToText, textSpanToRaw, type TextModel } from './text-model';
import type { HighlightSelectors, RangeLike } from './types';

/** Characters of context stored either side of the quote. */
export const CONTEXT_CHARS = 32;

export interface DescribeOptions {
  /** A text model of `root` built for this DOM state (saves a walk when describing several ranges). */
  model?: TextModel;
  contextChars?: number;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Describe `range` (a live Range or any {startContainer, startOffset, endContainer, endOffset})
 * within `root`. The quote is the clean text of the range (white space collapsed, a space at
 * block boundaries), trimmed; prefix/suffix are up to 32 clean characters either side (never
 * cutting a surrogate pair). The position is the trimmed span in raw-text offsets.
 *
 * Returns null when the range holds no text or lies outside `root`.
 */
export function describe(root: Element, range: RangeLike, opts: DescribeOptions = {}): HighlightSelectors | null {
  const model = opts.model ?? buildTextModel(root);
  const ctx = opts.contextChars ?? CONTEXT_CHARS;
  let rs = rawOffsetOf(model, range.startContainer, range.startOffset);
  let re = rawOffsetOf(model, range.endContainer, range.endOffset);
  if (rs < 0 || re < 0) return null;
  if (re < rs) [rs, re] = [re, rs];
  const text = model.text;
  let s = rawToText(model, rs);
  let e = rawToText(model, re);
  while (s < e && text.charCodeAt(s) === 0x20) s++;
  while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
  if (e <= s) return null;
  let ps = Math.max(0, s - ctx);
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, e + ctx);
  if (se < text.length && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  const { start, end } = textSpanToRaw(model, s, e);
  return {
    quote: { type: 'TextQuoteSelector', exact: text.slice(s, e), prefix: text.slice(ps, s), suffix: text.slice(e, se) },
    position: { type: 'TextPositionSelector', start, end },
  };
}
