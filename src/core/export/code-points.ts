/**
 * TextPositionSelector offsets between our stored form and the Web Annotation model's.
 *
 * We store offsets in UTF-16 code units (what the DOM counts); the Web Annotation Data
 * Model (§4.2.3) counts Unicode code points, so a passage with emoji is shorter there
 * (a 44-unit quote with three emoji is 41 code points).
 *
 * The stored highlight knows the quote and up to 32 characters before it (the prefix),
 * not the whole page, so the start is converted by the surrogate pairs of the prefix
 * (exact whenever the page has no character beyond U+FFFF before the prefix), and the end
 * by the quote's own code points. `fromCodePoints` inverts `toCodePoints` for every
 * consistent highlight (a prefix that fits before the start); for the rest, and to make
 * our own round trip exact whatever the data, the Web Annotation export also writes the
 * stored UTF-16 offsets in an extension property whenever they differ (web-annotation.ts).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

/** Well-formed surrogate pairs in `s` (each is one code point written as two code units). */
export function surrogatePairs(s: string): number {
  let n = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++;
        i++;
      }
    }
  }
  return n;
}

/** Code points in `s` (a lone surrogate counts as one, as Array.from does). */
export const codePointLength = (s: string): number => s.length - surrogatePairs(s);

/** The pairs counted before the start: the prefix's, unless the prefix could not fit before the start. */
function pairsBefore(startUnits: number, quote: TextQuoteSelector): number {
  return startUnits >= quote.prefix.length ? surrogatePairs(quote.prefix) : 0;
}

/** Stored (UTF-16) offsets → Web Annotation (code point) offsets. */
export function toCodePoints(pos: TextPositionSelector, quote: TextQuoteSelector): TextPositionSelector {
  const p = pairsBefore(pos.start, quote);
  const start = pos.start - p;
  const end = pos.end - pos.start === quote.exact.length ? start + codePointLength(quote.exact) : pos.end - p - surrogatePairs(quote.exact);
  return { type: 'TextPositionSelector', start, end: Math.max(start, end) };
}

/**
 * Web Annotation (code point) offsets → stored (UTF-16) offsets: the inverse of
 * toCodePoints; for another tool's file, the same rule (prefix and quote give the pairs).
 */
export function fromCodePoints(pos: { start: number; end: number }, quote: TextQuoteSelector): TextPositionSelector {
  const P = surrogatePairs(quote.prefix);
  // toCodePoints subtracted the prefix's pairs exactly when the unit start was at least the prefix's length.
  const start = pos.start + P >= quote.prefix.length ? pos.start + P : pos.start;
  const end = pos.end - pos.start === codePointLength(quote.exact) ? start + quote.exact.length : pos.end + (start - pos.start) + surrogatePairs(quote.exact);
  return { type: 'TextPositionSelector', start, end: Math.max(start, end) };
}
