/**
 * The prefilter's anchors (quick-anchors.ts) must not change a single answer: every root lies
 * under exactly one anchor that is a substring of it, and the prefilter (and the whole first
 * pass) answers the same with the anchors as when it looks up every root — on the quick terms
 * themselves in many raw spellings and contexts, on the anchors alone, and on thousands of
 * generated strings made of pieces of the roots, anchors and ordinary words.
 */
import { describe, expect, it } from 'vitest';
import { QUICK_TERMS } from './quick-terms.generated';
import { chooseAnchors } from './quick-anchors';
import { headMayMatch, usePrefilterAnchors } from './quick-prefilter';
import { quickScan } from './quick-scan';
import type { QuickInput } from '../model';

const q = QUICK_TERMS;
const roots = q.groups.map((g) => q.forms[g[0]][0]);
const isArabic = (s: string) => s.charCodeAt(0) >= 0x600 && s.charCodeAt(0) <= 0x6ff;

function withoutAnchors<T>(f: () => T): T {
  usePrefilterAnchors(false);
  try {
    return f();
  } finally {
    usePrefilterAnchors(true);
  }
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw spellings of a folded root as a page may write it. */
function spellings(root: string): string[] {
  const title = root.replace(/(^| )(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  const out = [root, root.toUpperCase(), title, root.replaceAll(' ', '-'), root.replaceAll(' ', '\u00a0'), root.replaceAll(' ', ' \n '), root.replaceAll("'", '\u2019')];
  // Accents the folding strips, and Arabic letter variants, diacritics and tatweel.
  out.push(root.replace('e', '\u00e9').replace('a', '\u00e0'), root.replace('ا', 'أ').replace('ي', 'ى').replace('ه', 'ة'), root.replace(/([\u0628-\u064a])/, '$1\u064e\u0640'));
  return out;
}

/** Contexts a spelling is put in: word starts of every kind, and inside a word (no match). */
const CONTEXTS: [string, string][] = [
  ['', ''], ['The ', ' said.'], ['(', ')'], ['\u201c', '\u201d'], ['x', ''], ['9', 's'], ['anti-', ' group'],
  ['و', ''], ['بال', ''], ['ال', ''], ['فل', ''], ['م', ''], ['\u0001', '\u0001'],
];

const FILLER = ['the', 'state', 'of', 'crisis', 'basis', 'islam', 'daily', 'camp', 'coal', 'per', 'qua', 'mos', 'في', 'الدولة', 'قال', 'العراق', 'بغداد', 'mission', 'effect', 'revenue', 'jihad', 'bay', 'naval', 'holiday'];

describe('the anchors of the built-in quick terms', () => {
  it('cover every group exactly once, each by a substring of its root, in its script', () => {
    const anchors = q.anchors!;
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors.length).toBeLessThan(roots.length / 2);
    const seen = new Map<number, number>();
    for (const [anchor, ar, under] of anchors) {
      for (const g of under) {
        seen.set(g, (seen.get(g) ?? 0) + 1);
        expect(roots[g].includes(anchor), `${roots[g]} / ${anchor}`).toBe(true);
        expect(ar, roots[g]).toBe(isArabic(roots[g]) ? 1 : 0);
      }
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(roots.map((_, g) => g));
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(chooseAnchors(roots)).toEqual(anchors); // the generated module is what the builder gives
    // The Arabic anchors come last.
    const firstArabic = anchors.findIndex((a) => a[1] === 1);
    expect(firstArabic).toBeGreaterThan(0);
    expect(anchors.slice(firstArabic).every((a) => a[1] === 1)).toBe(true);
  });

  it('leave the prefilter answer unchanged on every root in every spelling and context (and none is cleared at a word start)', () => {
    let checked = 0;
    for (const root of roots) {
      for (const spelled of spellings(root)) {
        for (const [before, after] of CONTEXTS) {
          const raw = `Headline\u0001${before}${spelled}${after}\u0001Some text before, and after.`;
          const got = headMayMatch(raw, q);
          expect(got, raw).toEqual(withoutAnchors(() => headMayMatch(raw, q)));
          checked++;
        }
      }
      expect(headMayMatch(`News\u0001\u0001${root}`, q), root).toBeNull();
    }
    expect(checked).toBeGreaterThan(roots.length * 100);
  });

  it('leave the prefilter answer unchanged on the anchors alone and on generated strings', () => {
    const anchors = q.anchors!.map((a) => a[0]);
    for (const a of anchors) {
      for (const raw of [a, `x${a}`, `${a.toUpperCase()} and more`, `و${a}`]) expect(headMayMatch(raw, q), raw).toEqual(withoutAnchors(() => headMayMatch(raw, q)));
    }
    const r = rng(17);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const piece = () => {
      const k = r();
      if (k < 0.3) {
        const root = pick(roots);
        const i = Math.floor(r() * root.length);
        return root.slice(i, i + 1 + Math.floor(r() * (root.length - i)));
      }
      if (k < 0.45) return pick(spellings(pick(roots)));
      if (k < 0.6) return pick(anchors);
      return pick(FILLER);
    };
    const seps = [' ', '', '-', '. ', '\n', '\u00a0', "'"];
    let cleared = 0;
    let passed = 0;
    for (let n = 0; n < 20_000; n++) {
      let raw = '';
      const len = 1 + Math.floor(r() * 8);
      for (let i = 0; i < len; i++) raw += piece() + pick(seps);
      const got = headMayMatch(raw, q);
      const want = withoutAnchors(() => headMayMatch(raw, q));
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, raw).toEqual(want);
      if (got) cleared++;
      else passed++;
    }
    // Both outcomes are well represented (the comparison is not vacuous).
    expect(cleared).toBeGreaterThan(2_000);
    expect(passed).toBeGreaterThan(2_000);
  });

  it('leave the whole first pass unchanged on generated pages', () => {
    const r = rng(5);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    for (let n = 0; n < 1_500; n++) {
      const words: string[] = [];
      for (let i = 0; i < 40; i++) words.push(r() < 0.08 ? pick(spellings(pick(roots))) : r() < 0.1 ? pick(q.anchors!)[0] : pick(FILLER));
      const input: QuickInput = { title: words.slice(0, 5).join(' '), meta: words.slice(5, 10).join(' '), textSlice: words.slice(10).join(' '), lang: null, articleSignals: n % 3 };
      expect(quickScan(input, q)).toEqual(withoutAnchors(() => quickScan(input, q)));
    }
  });
});

describe('chooseAnchors', () => {
  it('covers any set of roots exactly once by substrings, deterministically', () => {
    const r = rng(3);
    const letters = 'abcdeijklmnoqrstuzx \'.دولةاسميبقرش';
    for (let n = 0; n < 200; n++) {
      const set: string[] = [];
      const count = 1 + Math.floor(r() * 30);
      for (let i = 0; i < count; i++) {
        let s = '';
        const len = 1 + Math.floor(r() * 12);
        for (let j = 0; j < len; j++) s += letters[Math.floor(r() * letters.length)];
        s = s.trim();
        if (s) set.push(s);
      }
      const anchors = chooseAnchors(set);
      const covered = anchors.flatMap(([a, ar, under]) => under.map((g) => (set[g].includes(a) && ar === (isArabic(set[g]) ? 1 : 0) ? g : -1)));
      expect(covered.sort((a, b) => a - b), set.join('|')).toEqual(set.map((_, g) => g));
      expect(chooseAnchors(set)).toEqual(anchors);
      const ar = anchors.map((a) => a[1]);
      expect(ar).toEqual([...ar].sort());
    }
  });
});
