import { describe, expect, it } from 'vitest';
import islamicState from './profiles/islamic-state.json';
import { compileProfile, DEFAULT_PROFILE, detectTopic, literalPattern, ProfileError, quickCheck, type TopicProfile } from './index';

/** A second topic, defined the way a user would add one. */
const BOKO_HARAM: TopicProfile = {
  id: 'boko-haram',
  label: 'Boko Haram',
  languages: {
    '*': { names: ['Boko Haram', { term: 'ISWAP', caseSensitive: true }] },
    en: {
      names: [{ term: 'Jama’atu Ahlis Sunna', variants: ["Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"] }],
      vocabulary: [
        { term: 'Borno', weight: 1.5 },
        { term: 'Maiduguri', weight: 1.5 },
        { term: 'Chibok', weight: 2 },
        { term: 'Shekau', weight: 2 },
        { term: 'Lake Chad', weight: 1 },
        'insurgents',
      ],
    },
    ar: { names: [{ term: 'بوكو حرام' }], vocabulary: [{ term: 'مايدوغوري', weight: 1.5 }] },
  },
  thresholds: { on: 0.55 },
};

describe('compileProfile', () => {
  it('compiles the built-in profile once, with every language and a quick pass', () => {
    expect(DEFAULT_PROFILE.id).toBe('islamic-state');
    expect(DEFAULT_PROFILE.langs.sort()).toEqual(['ar', 'en', 'fr']);
    expect(DEFAULT_PROFILE.languages.get('*')).toBeDefined();
    expect(DEFAULT_PROFILE.terms.filter((t) => t.kind === 'name').length).toBeGreaterThan(10);
    expect(DEFAULT_PROFILE.quick.re.flags).toContain('i');
    // Compiling again gives an equivalent, independent profile.
    const again = compileProfile(islamicState);
    expect(again.terms.length).toBe(DEFAULT_PROFILE.terms.length);
    expect(again.quick.re).not.toBe(DEFAULT_PROFILE.quick.re);
  });

  it('loads a second, user-defined topic and detects with it', () => {
    const p = compileProfile(BOKO_HARAM);
    expect(p.thresholds.on).toBe(0.55);
    const on = detectTopic(
      {
        lang: 'en',
        title: 'Boko Haram raid kills fishermen near Lake Chad',
        text:
          'Suspected Boko Haram insurgents attacked a fishing camp on the shores of Lake Chad on Sunday, killing at least twelve people, officials in Borno state said.\n\n' +
          'The army said troops had pursued the attackers towards the islands where the group and its rival ISWAP keep bases. Residents of Maiduguri said the roads out of the city were closed.',
      },
      p,
    );
    expect(on.onTopic).toBe(true);
    expect(on.topicId).toBe('boko-haram');
    expect(on.topicLabel).toBe('Boko Haram');
    expect(on.evidence.map((e) => e.term)).toContain('ISWAP');
    // The Islamic State profile does not claim this article…
    expect(detectTopic({ title: on.reason, text: '' }, DEFAULT_PROFILE).onTopic).toBe(false);
    // …and the new profile works in Arabic and in the quick pass.
    expect(detectTopic({ lang: 'ar', title: 'هجوم لبوكو حرام قرب مايدوغوري', text: 'قتل مسلحون من جماعة بوكو حرام عشرة أشخاص.' }, p).onTopic).toBe(true);
    expect(quickCheck({ title: 'Boko Haram attack', meta: '', textSlice: '', lang: 'en', articleSignals: 1 }, p).worth).toBe(true);
    expect(quickCheck({ title: 'ISIS attack', meta: '', textSlice: '', lang: 'en', articleSignals: 1 }, p).worth).toBe(false);
  });

  it('rejects malformed profiles with a readable message', () => {
    const bad = (p: unknown) => () => compileProfile(p);
    expect(bad(null)).toThrow(ProfileError);
    expect(bad({ ...BOKO_HARAM, id: 'Not Kebab' })).toThrow(/kebab-case/);
    expect(bad({ ...BOKO_HARAM, label: '' })).toThrow(/label/);
    expect(bad({ ...BOKO_HARAM, languages: {} })).toThrow(/languages/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { vocabulary: ['x'] } } })).toThrow(/names/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { names: [''] } } })).toThrow(/empty term/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { names: [{ term: 'X', pattern: '(' }] } } })).toThrow(/invalid pattern/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { names: [{ term: 'X', pattern: '(X)' }] } } })).toThrow(/non-capturing/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { names: [{ term: 'X', weight: -1 }] } } })).toThrow(/weight/);
    expect(bad({ ...BOKO_HARAM, thresholds: { nope: 1 } })).toThrow(/unknown threshold/);
    expect(bad({ ...BOKO_HARAM, thresholds: { on: 2 } })).toThrow(/thresholds.on/);
    expect(
      bad({ ...BOKO_HARAM, languages: { en: { names: ['Boko Haram'], negativeContexts: [{ id: 'n', appliesTo: ['Nothing'], terms: ['x'] }] } } }),
    ).toThrow(/applies to no term/);
    expect(bad({ ...BOKO_HARAM, languages: { en: { names: [], vocabulary: ['Borno'] } } })).toThrow(/at least one name/);
  });

  it('literal patterns tolerate accents, spacing and Arabic letter variants', () => {
    const re = (s: string, cs = false) => new RegExp(`^${literalPattern(s, cs)}$`, cs ? 'u' : 'iu');
    expect(re('Etat islamique').test('État   islamique')).toBe(true);
    expect(re('État islamique', true).test('Etat islamique')).toBe(true);
    expect(re('État islamique', true).test('etat islamique')).toBe(false);
    expect(re("Da'esh").test('Daesh')).toBe(true);
    expect(re('al-Baghdadi').test('al Baghdadi')).toBe(true);
    // Profile terms are folded, so any spelling of the term matches folded text.
    expect(re('الدولة الإسلامية').test('الدوله الاسلاميه')).toBe(true);
    expect(re('الدوله الاسلاميه').test('الدوله الاسلاميه')).toBe(true);
  });
});
