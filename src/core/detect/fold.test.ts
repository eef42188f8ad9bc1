import { describe, expect, it } from 'vitest';
import { foldArabic, foldForMatching } from '../text/normalize';

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
