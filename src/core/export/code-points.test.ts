/**
 * UTF-16 ↔ code-point TextPositionSelector offsets: the quote's length in code points, the
 * prefix's pairs before the start, and an exact inverse for every consistent highlight
 * (a prefix that fits before the start) — without the extension property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, fromCodePoints, surrogatePairs, toCodePoints } from './code-points';
import { text } from '../../../tests/support/export-arbitraries';

const q = (exact: string, prefix = '') => ({ type: 'TextQuoteSelector' as const, exact, prefix, suffix: '' });
const pos = (start: number, end: number) => ({ type: 'TextPositionSelector' as const, start, end });

describe('code points', () => {
  it('counts surrogate pairs, not lone surrogates', () => {
    expect(surrogatePairs('a😀b🇮🇶')).toBe(3);
    expect(surrogatePairs('\uD800x\uDC00')).toBe(0);
    expect(codePointLength('👍🏽 ok')).toBe(Array.from('👍🏽 ok').length);
  });

  it('converts a quote with emoji after a prefix with emoji', () => {
    expect(toCodePoints(pos(10, 14), q('a😀b', 'x😀'))).toEqual(pos(9, 12));
    expect(fromCodePoints(pos(9, 12), q('a😀b', 'x😀'))).toEqual(pos(10, 14));
  });

  it('fromCodePoints inverts toCodePoints for consistent highlights (1000 runs)', () => {
    fc.assert(
      fc.property(text(1), text().map((s) => s.slice(0, 32)), fc.nat(100_000), fc.boolean(), fc.nat(40), (exact, prefix, extra, spanIsQuote, otherLen) => {
        const start = prefix.length + extra;
        const end = start + (spanIsQuote ? exact.length : otherLen);
        const p = pos(start, end);
        const cp = toCodePoints(p, q(exact, prefix));
        expect(cp.start).toBeLessThanOrEqual(start);
        if (spanIsQuote) expect(cp.end - cp.start).toBe(codePointLength(exact));
        if (cp.end >= cp.start && end - start >= surrogatePairs(exact)) expect(fromCodePoints(cp, q(exact, prefix))).toEqual(p);
      }),
      { numRuns: 1000 },
    );
  });
});
