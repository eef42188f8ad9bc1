import { describe, expect, it } from 'vitest';
import { foldArabic, foldForMatching, isMostlyArabic } from '../text/normalize';
import { countWords, fold, hasWords, mostlyArabic, thousands } from './detect';

describe('foldForMatching', () => {
  it('folds like foldArabic and also drops zero-width and bidi marks', () => {
    const s = 'إنّ «داعـــشَ» والدولةُ الإسلاميّة\u200f على مستوى الرؤى';
    const f = foldForMatching(s);
    expect(f.text).toBe(foldArabic(s).replace(/\u200f/g, ''));
    expect(f.text).toContain('داعش');
    expect(f.text).toContain('الدوله الاسلاميه');
  });

  it('maps folded offsets back to the original text', () => {
    const s = 'قالَ: «داعـش» هنا';
    const f = foldForMatching(s);
    const at = f.text.indexOf('داعش');
    expect(f.map).not.toBeNull();
    expect(s.slice(f.map![at], f.map![at + 3] + 1)).toBe('داعـش');
  });

  it('returns plain text unchanged, without a map', () => {
    const f = foldForMatching('ISIS fighters, État islamique');
    expect(f.text).toBe('ISIS fighters, État islamique');
    expect(f.map).toBeNull();
  });

  it('handles long texts (chunked decoding)', () => {
    const s = 'الدولةُ '.repeat(5000);
    const f = foldForMatching(s, false);
    expect(f.text).toBe('الدوله '.repeat(5000));
    expect(f.map).toBeNull();
  });
});

describe('native text helpers of the detector', () => {
  // Reference implementations: the per-character loops they replace.
  const refCount = (s: string, from = 0, to = s.length) => {
    let n = 0;
    let inWord = false;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
      if (space) inWord = false;
      else if (!inWord) {
        inWord = true;
        n++;
      }
    }
    return n;
  };
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = ['a', 'B', ' ', '  ', '\n', '\r', '\t', '\u00a0', '\u0001', 'داعش', 'é', '\u2003', '-', '.', 'ـ', '\u200b'];
  const sample = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');

  it('countWords and hasWords count like the loop they replace', () => {
    for (let i = 0; i < 2000; i++) {
      const s = sample(rnd(60));
      expect(countWords(s), JSON.stringify(s)).toBe(refCount(s));
      let from = 0;
      while (from <= s.length) {
        const nl = s.indexOf('\n', from);
        const pe = nl < 0 ? s.length : nl;
        for (const n of [1, 3, 8]) expect(hasWords(s, from, pe, n), JSON.stringify([s, from, pe, n])).toBe(refCount(s, from, pe) >= n);
        if (nl < 0) break;
        from = nl + 1;
      }
    }
  });

  it('mostlyArabic answers like isMostlyArabic', () => {
    for (let i = 0; i < 2000; i++) {
      const s = sample(rnd(80));
      expect(mostlyArabic(s), JSON.stringify(s)).toBe(isMostlyArabic(s));
    }
    const long = 'a'.repeat(3990) + 'داعش داعش داعش';
    expect(mostlyArabic(long)).toBe(isMostlyArabic(long));
    expect(mostlyArabic('داعش'.repeat(1200) + 'a'.repeat(5000))).toBe(true);
  });
});

describe('the detector\'s folding shortcut', () => {
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = ['a', 'B', ' ', 'داعش', 'ة', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ئ', 'ؤ', 'ـ', '\u064e', '\u0651', '\u200b', '\u200f', '\u00ad', '\ufeff', '\u0670', 'é', '\u2019', '،'];
  it('gives the text and the offsets foldForMatching gives', () => {
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: rnd(30) }, () => alphabet[rnd(alphabet.length)]).join('');
      const ref = foldForMatching(s);
      const got = fold(s);
      expect(got.text, JSON.stringify(s)).toBe(ref.text);
      for (let k = 0; k < ref.text.length; k++) expect(got.map ? got.map[k] : k).toBe(ref.map ? ref.map[k] : k);
    }
  });

  it('formats word counts like the regex it replaces', () => {
    for (const n of [0, 7, 12, 999, 1000, 1905, 12345, 100000, 1234567, 98765432]) {
      expect(thousands(n)).toBe(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    }
  });
});
