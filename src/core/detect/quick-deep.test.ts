/** The first pass's deep read (quick-deep.ts): names far into the body, by the slice's whole-word rule, and nothing else. */
import { describe, expect, it } from 'vitest';
import { QUICK_TERMS } from './quick-terms.generated';
import { QUICK_DEEP_CHARS, QUICK_SLICE_CHARS, quickScan } from './quick-scan';
import { namedDeep } from './quick-deep';

const EN_FILLER = 'The committee reviewed the budget for roads, schools and the harbour again this week. ';
const AR_FILLER = 'وناقشت اللجنة ميزانية الطرق والمدارس والميناء مرة أخرى هذا الأسبوع في اجتماعها الدوري. ';
const fill = (f: string, n: number) => f.repeat(Math.ceil(n / f.length)).slice(0, n);
// The title names a context word (quick-context.ts): a page whose head has none is not read past its slice.
const page = (text: string) => quickScan({ title: 'Local news: the trial', meta: '', textSlice: text, lang: null, articleSignals: 2 }, QUICK_TERMS);

describe('deep read after the slice', () => {
  it('finds a name written once far into the body, in each language and spelling', () => {
    for (const [filler, name] of [
      [EN_FILLER, 'A man linked to ISIS was named.'],
      [EN_FILLER, 'supporters of the Islamic\u00a0State'],
      [EN_FILLER, 'what officials call Da\u2019esh'],
      [AR_FILLER, 'وقال إن عناصر داعش فروا.'],
      [AR_FILLER, 'أعلن تنظيم الدولة مسؤوليته'],
      [AR_FILLER, 'ما يسمى بالدولة الإسلامية في بيان'],
      [EN_FILLER, 'revendiqué par l\u2019État islamique'],
    ]) {
      const text = fill(filler, 11_000) + ' ' + name + ' ' + fill(filler, 300);
      expect(page(fill(filler, 11_000) + ' ' + fill(filler, 300)).worth, `${name} control`).toBe(false);
      expect(page(text), name).toMatchObject({ worth: true, reason: 'topic-named' });
    }
  });

  it('keeps the whole-word rule: words that contain a name are not names (a listed suffix, داعشي, is one, as in the slice)', () => {
    for (const w of ['the crisis deepened', 'Crisis talks', 'the basis of it', 'داعشي', 'isisland']) {
      expect(namedDeep(fill(EN_FILLER, 2000) + ' ' + w + ' ' + fill(EN_FILLER, 200), QUICK_TERMS), w).toBe(w === 'داعشي');
    }
    // Arabic clitics before a name still make a name (as in the slice): "وبداعش", "لداعش".
    expect(namedDeep(fill(AR_FILLER, 2000) + ' وبداعش ' + fill(AR_FILLER, 200), QUICK_TERMS)).toBe(true);
  });

  it('runs the raw-pattern names ("IS fighters") where their literal occurs, case-sensitively', () => {
    expect(namedDeep(fill(EN_FILLER, 3000) + ' IS fighters took the town. ', QUICK_TERMS)).toBe(true);
    expect(namedDeep(fill(EN_FILLER, 3000) + ' THIS IS the end. It is fighters who win. ', QUICK_TERMS)).toBe(false);
  });

  it('finds a name cut by the end of the slice', () => {
    const before = fill(EN_FILLER, QUICK_SLICE_CHARS - 3);
    expect(page(before + ' ISIS ' + fill(EN_FILLER, 2000)).worth).toBe(true);
  });

  it('counts only names after the slice: related vocabulary there does not make a page pass', () => {
    const text = fill(EN_FILLER, 6000) + ' caliphate Raqqa Mosul al-Baghdadi foreign fighters Dabiq beheading ' + fill(EN_FILLER, 500);
    expect(page(text).worth).toBe(false);
  });

  // What it costs on real pages is measured by `npm run bench:content`; the timeout guards against a hang.
  it('stops at QUICK_DEEP_CHARS; a long page of words that contain a name is no name', { timeout: 5_000 }, () => {
    expect(page(fill(EN_FILLER, QUICK_DEEP_CHARS + 100) + ' ISIS').worth).toBe(false);
    expect(page(fill(EN_FILLER, QUICK_DEEP_CHARS - 100) + ' ISIS').worth).toBe(true);
    const crisis = fill('A crisis, a crisis and the crisis again. ', QUICK_DEEP_CHARS);
    expect(page(crisis).worth).toBe(false);
  });
});
