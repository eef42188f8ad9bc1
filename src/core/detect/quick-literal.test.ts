/**
 * The first pass's raw-pattern terms ("IS fighters", "l'EI") skip their regex when the
 * literal never stands where the whole-word rule allows (`literalMayMatch`). These tests check
 * on many generated texts, around the literal and the characters that matter (letters of both
 * cases, Arabic clitics and letters that fold into them, apostrophes, soft hyphens, spaces),
 * that the answer is always the pattern's own.
 */
import { describe, expect, it } from 'vitest';
import { QUICK_TERMS } from './quick-terms.generated';
import { foldLikeMatching, quickFold } from './quick-fold';
import { literalMayMatch, patternHit, patternRegex } from './quick-match';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['IS', 'EI', 'is', ' ', ' ', '\u00a0', '-', "l'", 'l\u2019', 'so-called ', 'anti-', 'groupe ', ' fighters', ' group', 'S', 'I', 'CRISIS', 'THIS', 'x', '7', '_',
  '\u0648', '\u0628', '\u0644', '\u0624', '\u0627', '\u00ad', '\u200b', 'é', '.', ',', 'Anti\u2011'];

describe('literalMayMatch', () => {
  it('is false only where the pattern cannot match, and patternHit gives the pattern\'s own answer', () => {
    expect(QUICK_TERMS.patterns.length).toBeGreaterThan(0);
    const r = rng(7);
    let skipped = 0;
    let matched = 0;
    for (let n = 0; n < 4_000; n++) {
      const len = 1 + Math.floor(r() * 8);
      let raw = '';
      for (let k = 0; k < len; k++) raw += PIECES[Math.floor(r() * PIECES.length)];
      const folded = quickFold(raw);
      const matchText = foldLikeMatching(raw);
      for (const p of QUICK_TERMS.patterns) {
        const [, lit, cs, src, flags] = p;
        const re = patternRegex(src, flags);
        re.lastIndex = 0;
        const truth = re.test(matchText);
        if (truth) matched++;
        expect(patternHit(p, raw, folded, () => matchText), `${JSON.stringify(raw)} ${src.slice(0, 30)}`).toBe(truth);
        if (cs && lit && !literalMayMatch(matchText, lit)) {
          skipped++;
          expect(truth, JSON.stringify(raw)).toBe(false);
        }
      }
    }
    // The generated texts do reach both answers and the skip.
    expect(matched).toBeGreaterThan(30);
    expect(skipped).toBeGreaterThan(500);
  });

  it('finds the literal at a word boundary, after an Arabic clitic, and not inside a word', () => {
    expect(literalMayMatch('CRISIS THIS', 'IS')).toBe(false);
    expect(literalMayMatch('ISBN', 'IS')).toBe(false);
    expect(literalMayMatch('the IS group', 'IS')).toBe(true);
    expect(literalMayMatch('IS', 'IS')).toBe(true);
    expect(literalMayMatch('\u0648IS', 'IS')).toBe(true);
    expect(literalMayMatch("l'EI", 'EI')).toBe(true);
    expect(literalMayMatch('REIT', 'EI')).toBe(false);
  });
});
