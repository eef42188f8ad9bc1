import { describe, expect, it } from 'vitest';
import type { QuickInput } from '../types';
import { DEFAULT_PROFILE, detectTopic, quickCheck, QUICK_DEEP_CHARS } from './index';
import { AR_FOLDED, AR_ON, EN_ON, EN_ON_NO_HEADLINE, FR_ON, GODDESS, RECIPE } from '../../../tests/support/test-articles';
import type { DetectInput } from './detect';

const asQuick = (a: DetectInput): QuickInput => ({
  title: a.title,
  meta: '',
  textSlice: a.text.slice(0, 3000),
  lang: a.lang ?? null,
  articleSignals: 2,
});

describe('quickCheck', () => {
  it('lets through every test article the full detector calls on-topic', () => {
    for (const a of [EN_ON, EN_ON_NO_HEADLINE, AR_ON, AR_FOLDED, FR_ON]) {
      expect(detectTopic(a, DEFAULT_PROFILE).onTopic).toBe(true);
      const q = quickCheck(asQuick(a), DEFAULT_PROFILE);
      expect(q.worth).toBe(true);
      expect(q.reason).toBe('topic-named');
      expect(q.hits).toBeGreaterThan(0);
    }
  });

  // Its cost on real pages is measured by `npm run bench:content`.
  it('rejects a cooking recipe', () => {
    expect(quickCheck(RECIPE, DEFAULT_PROFILE)).toEqual({ worth: false, reason: 'no-topic-terms', hits: 0 });
    expect(quickCheck(RECIPE, DEFAULT_PROFILE)).toEqual({ worth: false, reason: 'no-topic-terms', hits: 0 }); // no state kept between calls
  });

  it('finds a name in the title or meta even when the text slice is empty', () => {
    expect(quickCheck({ ...RECIPE, title: 'Daesh claims Kabul attack' }, DEFAULT_PROFILE).worth).toBe(true);
    expect(quickCheck({ ...RECIPE, meta: 'Latest news on داعش' }, DEFAULT_PROFILE).worth).toBe(true);
  });

  it('lets related-vocabulary pages through for a full look, unless they do not look like articles', () => {
    const slice = 'Foreign fighters left Raqqa as the caliphate shrank; defectors described beheading videos and propaganda. '.repeat(3);
    expect(quickCheck({ ...RECIPE, title: 'Inside the last days', textSlice: slice }, DEFAULT_PROFILE)).toMatchObject({ worth: true, reason: 'related-terms' });
    expect(quickCheck({ ...RECIPE, title: 'Inside', textSlice: slice.slice(0, 200), articleSignals: 0 }, DEFAULT_PROFILE)).toMatchObject({ worth: false, reason: 'not-article' });
  });

  it('is recall-oriented: case-sensitive names pass in any case, the goddess page passes', () => {
    // The quick pass does not disambiguate; the full detector does.
    expect(quickCheck({ ...RECIPE, title: 'isis in the news' }, DEFAULT_PROFILE).worth).toBe(true);
    expect(quickCheck(asQuick(GODDESS), DEFAULT_PROFILE).worth).toBe(true);
    expect(detectTopic(GODDESS, DEFAULT_PROFILE).onTopic).toBe(false);
  });

  it('searches the roots of each script the text uses, alone or mixed', () => {
    // Arabic text with no Latin letter at all: the Arabic names are still found.
    expect(quickCheck({ ...RECIPE, title: 'أخبار', meta: '', textSlice: 'قال مسؤول إن عناصر داعش انسحبوا من القرية' }, DEFAULT_PROFILE).worth).toBe(true);
    // An English page naming the group only in Arabic, and an Arabic page naming it only in Latin letters.
    expect(quickCheck({ ...RECIPE, title: 'A report on recipes', textSlice: 'The banner read داعش in large letters.' }, DEFAULT_PROFILE).worth).toBe(true);
    expect(quickCheck({ ...RECIPE, title: 'تقرير', textSlice: 'وقال التقرير إن مقاتلي ISIL غادروا المدينة' }, DEFAULT_PROFILE).worth).toBe(true);
    // Related vocabulary in each script adds up across the two.
    expect(quickCheck({ ...RECIPE, title: 'تقرير', textSlice: 'Baghouz ' + 'مخيم الهول '.repeat(1), articleSignals: 2 }, DEFAULT_PROFILE)).toMatchObject({ worth: true, reason: 'related-terms' });
    expect(quickCheck({ ...RECIPE, title: 'تقرير', textSlice: 'مخيم الهول', articleSignals: 2 }, DEFAULT_PROFILE).reason).toBe('related-terms');
    expect(quickCheck({ ...RECIPE, title: 'Report', textSlice: 'Baghouz', articleSignals: 2 }, DEFAULT_PROFILE).reason).toBe('too-few-topic-terms');
  });

  it('only reads a bounded text: names up to QUICK_DEEP_CHARS, nothing after', () => {
    const filler = 'The council met to discuss parking fees and the new library. '.repeat(200);
    expect(quickCheck({ ...RECIPE, title: 'Council news: the trial', textSlice: filler + ' ISIS fighters' }, DEFAULT_PROFILE).worth).toBe(true);
    const long = filler.repeat(Math.ceil(QUICK_DEEP_CHARS / filler.length));
    expect(quickCheck({ ...RECIPE, title: 'Council news: the trial', textSlice: long + ' ISIS fighters' }, DEFAULT_PROFILE).worth).toBe(false);
  });

  it('reads past the slice only when the head has a topic term or a word of its context (quick-context.ts)', () => {
    const filler = 'The council met to discuss parking fees and the new library. '.repeat(200);
    const text = filler + ' ISIS fighters';
    expect(quickCheck({ ...RECIPE, title: 'Council news', textSlice: text }, DEFAULT_PROFILE).worth).toBe(false);
    for (const title of ['Council news: a bomb threat', 'Court round-up', 'Procès à Paris', 'محاكمة في المدينة', 'Council news on Mosul']) {
      expect(quickCheck({ ...RECIPE, title, textSlice: text }, DEFAULT_PROFILE), title).toMatchObject({ worth: true, reason: 'topic-named' });
    }
    // A context word inside another word is none ("trial" in "industrial").
    expect(quickCheck({ ...RECIPE, title: 'Industrial news', textSlice: text }, DEFAULT_PROFILE).worth).toBe(false);
  });
});
