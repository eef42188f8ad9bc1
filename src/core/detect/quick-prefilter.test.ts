/**
 * The first pass's prefilter (quick-prefilter.ts) must be a superset of the exact scan: every
 * character folds as `quickFold` folds it (checked for every UTF-16 code unit), the word-start
 * test never rejects what the whole-word rule accepts, and every quick term written in any of
 * its raw forms (case, accents, Arabic letter variants, diacritics and tatweel, dashes and
 * line breaks for spaces, clitics) trips it. Also: the scan's answers are the same with it.
 */
import { describe, expect, it } from 'vitest';
import { QUICK_TERMS } from './quick-terms.generated';
import { charMap, quickFold } from './quick-fold';
import { deepMayName, headMayMatch, insideWord, prefold, prefoldAllSteps, usePrefilter } from './quick-prefilter';
import { isWordCode } from './word-chars';
import { QUICK_SLICE_CHARS, quickScan } from './quick-scan';
import { namedDeep } from './quick-deep';

const q = QUICK_TERMS;
const roots = q.groups.map((g) => q.forms[g[0]][0]);
const nameForms = q.groups.filter((g) => q.terms[q.forms[g[0]][1]][1]).map((g) => q.forms[g[0]]);
/** Every character a search string is made of. */
const SEARCH_CHARS = new Set([...roots.join(''), ' ']);
const CLITICS = new Set([0x628, 0x643, 0x644, 0x648, 0x641]);

describe('prefold folds at least as far as quickFold', () => {
  it('for every UTF-16 code unit: drops what quickFold drops, keeps search characters as quickFold makes them, and marks a word inside only where quickFold has a word character', () => {
    const bad: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const f = quickFold(ch).text;
      const g = prefold(ch);
      if (f === '' && g !== '') bad.push(`${c.toString(16)} dropped by quickFold, not by prefold`);
      if (g === '' && f !== '') bad.push(`${c.toString(16)} dropped by prefold only`);
      if (f && [...f].every((x) => SEARCH_CHARS.has(x)) && g !== f) bad.push(`${c.toString(16)} folds to ${JSON.stringify(f)}, prefold ${JSON.stringify(g)}`);
      if (g && insideWord(g.charCodeAt(g.length - 1))) {
        const last = f.charCodeAt(f.length - 1);
        if (!f || !isWordCode(last) || CLITICS.has(last)) bad.push(`${c.toString(16)} inside a word for prefold, not for quickFold`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('takes the short way on plain text (ASCII, Latin-1 symbols, punctuation) with the same result as every step', () => {
    const bad: string[] = [];
    let plain = 0;
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `Ab${String.fromCharCode(c)}cD \u2019x\u00a0y`;
      const all = prefoldAllSteps(s);
      if (prefold(s) !== all) bad.push(c.toString(16));
      if (prefold(`${s}\u00e9`) !== prefoldAllSteps(`${s}\u00e9`)) bad.push(`${c.toString(16)} with an accent`);
      if (all === `ab${String.fromCharCode(c)}cd 'x y`) plain++;
    }
    expect(bad).toEqual([]);
    // The short way is taken on the usual punctuation (and the test above is not vacuous).
    expect(plain).toBeGreaterThan(150);
  });

  it('folds white space and dashes, apostrophes and Arabic letter variants the same way', () => {
    for (const s of ['Islamic\u00a0\u2013 State', 'Da\u2019esh', 'الدولة الإسلامية', 'إ أ آ ٱ ى ئ ة ؤ', 'État ISLAMIQUE', 'Ça va', 'x\u0301isis']) {
      expect(prefold(s)).toContain(quickFold(s).text.replace(/\u0301/g, '\u0001'));
    }
  });
});

/** Raw spellings of a folded search string: each letter in any raw form that folds to it. */
function variants(root: string): string[] {
  const rawFor = new Map<string, string[]>();
  for (const [raw, folded] of Object.entries(charMap())) if (folded) rawFor.set(folded, [...(rawFor.get(folded) ?? []), raw]);
  const arabic = /[\u0600-\u06ff]/.test(root);
  const chars = [...root];
  const out = [root, root.toUpperCase(), root[0].toUpperCase() + root.slice(1)];
  // Each letter replaced in turn by each of its raw forms (and their capitals).
  chars.forEach((c, i) => {
    for (const r of rawFor.get(c) ?? []) for (const x of new Set([r, r.toUpperCase()])) out.push([...chars.slice(0, i), x, ...chars.slice(i + 1)].join(''));
  });
  // Every letter in a raw form at once.
  out.push(chars.map((c) => rawFor.get(c)?.[0] ?? c).join(''));
  out.push(chars.map((c) => (rawFor.get(c)?.at(-1) ?? c).toUpperCase()).join(''));
  // Spaces as dashes, no-break spaces and line breaks.
  out.push(root.replaceAll(' ', ' \u2013 '), root.replaceAll(' ', '\u00a0'), root.replaceAll(' ', '\n\t'), root.replaceAll(' ', '-'));
  // Marks quickFold drops, inside: diacritics and tatweel in Arabic, soft hyphens and zero-width characters elsewhere.
  out.push(chars.join(arabic ? '\u064e\u0640' : '\u00ad\u200b'));
  return out;
}

describe('every quick term trips the prefilter, in every raw form', () => {
  const around = (s: string, arabic: boolean) => (arabic ? ['', 'و', 'فب', 'ال', 'وال', 'لل'] : ['', '(', '"']).map((p) => `Text before. ${p}${s} after.`);

  it('in the head (all roots), where the exact scan finds them too', () => {
    const missed: string[] = [];
    let checked = 0;
    for (const root of roots) {
      const arabic = /[\u0600-\u06ff]/.test(root);
      for (const v of variants(root)) {
        for (const text of around(v, arabic)) {
          if (!quickFold(text).text.includes(root)) continue; // (a variant the exact scan would not fold to the root)
          checked++;
          if (headMayMatch(text, q) !== null) missed.push(`${root}: ${JSON.stringify(text)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(roots.length * 10);
    expect(missed).toEqual([]);
  });

  it('in the deep text (names), and the deep search finds them', () => {
    const missed: string[] = [];
    for (const [root, , article] of nameForms) {
      const arabic = /[\u0600-\u06ff]/.test(root);
      for (const v of variants(root)) {
        for (const text of around(v, arabic)) {
          if (!deepMayName(text, q)) missed.push(`${root}: ${JSON.stringify(text)}`);
        }
      }
      // (a form that requires the Arabic article gets it)
      expect(namedDeep(`Text before. ${article === 2 ? 'ال' : ''}${root} after.`, q), root).toBe(true);
    }
    expect(missed).toEqual([]);
  });

  it('in plain deep text (only lower-cased, the parts looked up with every apostrophe) as in the text folded by every step', () => {
    // The reference: each name's longest part, looked up at a word start in the text folded by every step.
    const parts = [...new Set(nameForms.map(([root]) => root.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '')))];
    const reference = (text: string) => {
      const f = prefoldAllSteps(text);
      return parts.some((part) => {
        for (let at = f.indexOf(part); at >= 0; at = f.indexOf(part, at + 1)) if (at === 0 || !insideWord(f.charCodeAt(at - 1))) return true;
        return false;
      });
    };
    let named = 0;
    for (const a of ["'", '\u2019', '\u2018', '`', '\u00b4', '']) {
      for (const word of ['Da#esh', 'DA#ISH', 'da#ech', 'the I.S.I.L.', 'Isis', 'x#isis', 'crisis', 'l#islamique', 'D#aesh']) {
        for (const before of ['', ' ', '\u2019', '\u2018', '`', 'a', '\u201c', '\u2014', '\n']) {
          const text = `Plain text \u2013 quoted \u201cthus\u201d.${before}${word.replaceAll('#', a)} after`;
          expect(deepMayName(text, q), JSON.stringify(text)).toBe(reference(text));
          if (reference(text)) named++;
        }
      }
    }
    expect(named).toBeGreaterThan(50);
  });

  it('reports whether the text holds a character foldForMatching drops (the case-sensitive patterns need it)', () => {
    expect(headMayMatch('the IS fighters', q)).toMatchObject({ dropped: false });
    expect(headMayMatch('the I\u00adS fighters', q)).toMatchObject({ dropped: true });
    expect(headMayMatch('caf\u00e9 \u0645\u064e', q)).toMatchObject({ dropped: true });
    expect(headMayMatch('caf\u00e9', q)).toMatchObject({ dropped: false });
  });

  it('clears ordinary text, words that contain a root (crisis, طبيعة) and roots inside a word', () => {
    const text = 'The crisis deepened as analysts met; the basis of the deal. وناقشت اللجنة طبيعة العمل';
    expect(headMayMatch(text, q)).not.toBeNull();
    expect(deepMayName(text, q)).toBe(false);
  });
});

describe('quickScan answers the same with the prefilter', () => {
  it('on texts that trip it and texts that do not', () => {
    const filler = 'The committee reviewed the budget for roads, schools and the harbour again this week. ';
    const cases = [
      'Nothing to see here.',
      'A crisis in the basis of analysis.',
      'Officials said IS fighters withdrew.',
      'THIS IS A HEADLINE IN CAPITALS',
      'The I\u00adS fighters left.',
      'Mosul and Raqqa were retaken by the coalition airstrikes.',
      'Jihadist defectors spoke.',
      'قال مسؤولون إن عناصر داعـش فروا',
      'وناقشت اللجنة طبيعة العمل',
      'revendiqué par l\u2019EI',
    ];
    for (const c of cases) {
      for (const textSlice of [c, filler.repeat(60).slice(0, QUICK_SLICE_CHARS + 500) + c]) {
        const input = { title: 'Local news', meta: '', textSlice, lang: null, articleSignals: 2 };
        const got = quickScan(input, q);
        expect(got, c).toEqual(exactScan(input));
      }
    }
  });
});

describe('white space', () => {
  it('turns every run of white space and dashes into one space, in prefold and quickFold alike', () => {
    // (Both leave a single space unmatched; the text must be what replacing every whole run gives.)
    const alphabet = [' ', ' ', ' ', 'a', 'B', '\n', '\t', '\r', '\u00a0', '-', '\u2010', '\u2013', '\u2015', '\u2009', '\u2028'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let s = '';
      for (let i = Math.floor(next() * 24); i > 0; i--) s += alphabet[Math.floor(next() * alphabet.length)];
      const want = s.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ' ');
      expect(prefold(s), JSON.stringify(s)).toBe(want);
      expect(prefoldAllSteps(s), JSON.stringify(s)).toBe(want);
      expect(quickFold(s).text, JSON.stringify(s)).toBe(want);
    }
  });
});

/** quickScan without the prefilter: the exact scan alone. */
function exactScan(input: Parameters<typeof quickScan>[0]) {
  usePrefilter(false);
  try {
    return quickScan(input, q);
  } finally {
    usePrefilter(true);
  }
}
