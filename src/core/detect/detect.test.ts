import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, analyzeTopic, detectTopic, guessLang } from './index';
import {
  AR_FOLDED,
  AR_OFF,
  AR_ON,
  EN_ON,
  EN_ON_NO_HEADLINE,
  FR_GENERIC,
  FR_ON,
  GODDESS,
  IS_VERB,
  PASSING_MENTION,
} from '../../../tests/support/test-articles';

const names = (v: ReturnType<typeof detectTopic>) => v.evidence.filter((e) => e.kind === 'name');

describe('detectTopic: on-topic articles', () => {
  it('English report naming ISIS in the headline and body', () => {
    const v = detectTopic(EN_ON, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(true);
    expect(v.score).toBeGreaterThan(0.6);
    expect(v.topicId).toBe('islamic-state');
    expect(v.lang).toBe('en');
    expect(v.evidence.some((e) => e.where === 'title' && e.term === 'ISIS')).toBe(true);
    expect(v.reason).toMatch(/^Named in the headline and \d+ times in the body/);
    expect(v.reason).toMatch(/related terms: .*(Raqqa|propaganda|defectors)/);
  });

  it('English report that names the group only in the body, but throughout', () => {
    const v = analyzeTopic(EN_ON_NO_HEADLINE, DEFAULT_PROFILE);
    expect(v.features.titleNames).toBe(0);
    expect(v.onTopic).toBe(true);
    expect(v.reason).toContain('starting in the opening paragraph');
  });

  it('Arabic report with prefixed, suffixed and plural forms', () => {
    const v = detectTopic(AR_ON, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(true);
    expect(v.lang).toBe('ar');
    const terms = new Set(names(v).map((e) => e.term));
    for (const t of ['الدواعش', 'داعش', 'تنظيم الدولة', 'الدولة الإسلامية']) expect(terms).toContain(t);
    // «داعش», الداعشي, داعشية → the داعش term, 3 times in the body
    expect(names(v).find((e) => e.term === 'داعش' && e.where === 'body')?.count).toBe(3);
  });

  it('Arabic forms match after folding (no hamza, ه for ة, clitics)', () => {
    const v = detectTopic(AR_FOLDED, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(true);
    const found = names(v).map((e) => `${e.where}:${e.term}`);
    expect(found).toContain('title:الدولة الإسلامية في العراق والشام');
    expect(found).toContain('body:تنظيم الدولة'); // لتنظيم الدوله
    expect(found).toContain('body:الدواعش');
    expect(found).toContain('body:داعش'); // داعشي
  });

  it('diacritics, tatweel and zero-width marks do not hide a name', () => {
    const v = detectTopic({ title: 'غاراتٌ على «داعـــشَ» في الرقة\u200f', text: 'قصفت الطائرات مواقع التنظيم.', lang: 'ar' }, DEFAULT_PROFILE);
    expect(names(v)[0]?.term).toBe('داعش');
    expect(v.onTopic).toBe(true);
  });

  it('French report', () => {
    const v = detectTopic(FR_ON, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(true);
    expect(v.lang).toBe('fr');
    const terms = names(v).map((e) => e.term);
    expect(terms).toContain('État islamique');
    expect(terms).toContain('EI');
  });

  it('guesses the language when none is given', () => {
    expect(guessLang(FR_ON.text)).toBe('fr');
    expect(guessLang(AR_ON.text)).toBe('ar');
    expect(guessLang(EN_ON.text)).toBe('en');
    expect(detectTopic({ ...FR_ON, lang: null }, DEFAULT_PROFILE).lang).toBe('fr');
  });
});

describe('detectTopic: off-topic pages', () => {
  it('a page about the goddess Isis is off, and says why', () => {
    const v = analyzeTopic(GODDESS, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(false);
    expect(names(v)).toHaveLength(0);
    expect(v.features.discarded['the Egyptian goddess']).toBeGreaterThanOrEqual(5);
    expect(v.reason).toContain('goddess');
  });

  it('a goddess paragraph inside a real ISIS story does not cancel the story', () => {
    const text = EN_ON.text + '\n\nThe town’s museum once held a statue of the goddess Isis, which was smashed in 2015.';
    const v = analyzeTopic({ ...EN_ON, text }, DEFAULT_PROFILE);
    expect(v.onTopic).toBe(true);
    // The goddess mention (and at most a neighbour within the window) is discarded, not the story.
    expect(v.features.discarded['the Egyptian goddess']).toBeGreaterThanOrEqual(1);
    expect(v.features.discarded['the Egyptian goddess']).toBeLessThanOrEqual(2);
    expect(v.features.bodyHits).toBeGreaterThanOrEqual(2);
  });

  it('a single passing mention in a long article is off', () => {
    const v = analyzeTopic(PASSING_MENTION, DEFAULT_PROFILE);
    expect(v.features.bodyHits).toBe(1);
    expect(v.onTopic).toBe(false);
    expect(v.score).toBeLessThan(0.3);
    expect(v.reason).toMatch(/^Named only once, in passing, in a [\d,]+-word article/);
  });

  it('"IS" as a verb never matches, in any case', () => {
    const v = detectTopic(IS_VERB, DEFAULT_PROFILE);
    expect(v.evidence.filter((e) => e.kind === 'name')).toHaveLength(0);
    expect(v.onTopic).toBe(false);
  });

  it('"IS" matches only in strict contexts', () => {
    const hit = (s: string) => names(detectTopic({ title: '', text: s, lang: 'en' }, DEFAULT_PROFILE)).length;
    expect(hit('IS fighters retreated from the town.')).toBe(1);
    expect(hit('The so-called IS claimed the attack.')).toBe(1);
    expect(hit('an IS-held district')).toBe(1);
    expect(hit('This is fighters’ talk.')).toBe(0);
    expect(hit('The IS department is hiring.')).toBe(0);
    expect(hit('IS IT TRUE?')).toBe(0);
  });

  it('people, companies and places named Isis are not the group', () => {
    const one = (s: string) => names(detectTopic({ title: '', text: s, lang: 'en' }, DEFAULT_PROFILE)).length;
    expect(one('Isis Pharmaceuticals shares rose 4 percent after the trial results.')).toBe(0);
    expect(one('ISIS Innovation, the university’s technology transfer company, signed the deal.')).toBe(0);
    expect(one('Isis, 24, from Leeds, won the regional final.')).toBe(0);
    expect(one('Rowers trained on the River Isis before dawn.')).toBe(0);
    expect(one('Her daughter Isis starts school in September.')).toBe(0);
    expect(one('Isis Valverde stars in the new series.')).toBe(0);
    // … but the group still matches next to such words.
    expect(one('ISIS militants attacked the checkpoint.')).toBe(1);
  });

  it('"Isis" with group context is the group (British style)', () => {
    const v = detectTopic(
      {
        lang: 'en',
        title: 'Isis fighters pushed back from Kobani',
        text: 'Kurdish forces backed by coalition airstrikes drove Isis militants out of the eastern districts of Kobani, jihadist websites admitted on Monday. Isis had held the area since October.',
      },
      DEFAULT_PROFILE,
    );
    expect(v.onTopic).toBe(true);
    expect(names(v).every((e) => e.term === 'Isis')).toBe(true);
  });

  it('related vocabulary without the group’s names is never on-topic', () => {
    const v = analyzeTopic(AR_OFF, DEFAULT_PROFILE);
    expect(v.features.vocab).toBeGreaterThan(0);
    expect(names(v)).toHaveLength(0);
    expect(v.onTopic).toBe(false);
    expect(v.score).toBeLessThanOrEqual(DEFAULT_PROFILE.thresholds.vocabOnlyCap);
  });

  it('"un État islamique" in the generic sense is not the group', () => {
    const v = detectTopic(FR_GENERIC, DEFAULT_PROFILE);
    expect(names(v)).toHaveLength(0);
    expect(v.onTopic).toBe(false);
  });

  it('the historical Islamic state is not the group', () => {
    const v = detectTopic(
      { lang: 'ar', title: 'كتاب جديد عن التاريخ', text: 'يتناول الكتاب بدايات الدولة الإسلامية في المدينة المنورة وتطور نظم الحكم في العصر الأموي.' },
      DEFAULT_PROFILE,
    );
    expect(names(v)).toHaveLength(0);
  });
});

describe('detectTopic: evidence and scoring', () => {
  it('positions point into the original (unfolded) text', () => {
    const text = 'قالَ المسؤولُ إنّ مقاتلي «داعـش» انسحبوا، وإن الدواعش خسروا مواقعهم.';
    const v = detectTopic({ title: '', text, lang: 'ar' }, DEFAULT_PROFILE);
    for (const e of names(v)) {
      for (const p of e.positions) {
        const word = text.slice(p, p + 12).replace(/[\u064B-\u065F\u0640]/g, '');
        expect(word.startsWith('داعش') || word.startsWith('الدواعش')).toBe(true);
      }
    }
    expect(names(v).length).toBe(2);
  });

  it('a headline name weighs more than the same name deep in the body', () => {
    const body = PASSING_MENTION.text.replace(', some blamed on ISIS,', ',');
    const inTitle = detectTopic({ ...PASSING_MENTION, title: 'ISIS threat weighs on Turkish tourism', text: body }, DEFAULT_PROFILE);
    const inBody = detectTopic(PASSING_MENTION, DEFAULT_PROFILE);
    expect(inTitle.score).toBeGreaterThan(inBody.score);
    expect(inTitle.onTopic).toBe(true);
  });

  it('more mentions spread over the body raise the score', () => {
    const base = PASSING_MENTION.text;
    const more = base
      .replace('Exporters have welcomed', 'ISIS attacks worried investors. Exporters have welcomed')
      .replace('Stock markets in Istanbul', 'Fear of ISIS weighed on shares. Stock markets in Istanbul');
    const a = detectTopic(PASSING_MENTION, DEFAULT_PROFILE).score;
    const b = detectTopic({ ...PASSING_MENTION, text: more }, DEFAULT_PROFILE).score;
    expect(b).toBeGreaterThan(a);
  });

  it('scores stay in [0, 1] and empty input is off', () => {
    for (const input of [EN_ON, GODDESS, AR_ON, { title: '', text: '' }]) {
      const v = detectTopic(input, DEFAULT_PROFILE);
      expect(v.score).toBeGreaterThanOrEqual(0);
      expect(v.score).toBeLessThanOrEqual(1);
    }
    expect(detectTopic({ title: '', text: '' }, DEFAULT_PROFILE).onTopic).toBe(false);
  });

  it('a lead that repeats the start of the text is not counted twice', () => {
    const lead = EN_ON.text.split('\n\n')[0];
    const a = analyzeTopic(EN_ON, DEFAULT_PROFILE);
    const b = analyzeTopic({ ...EN_ON, lead }, DEFAULT_PROFILE);
    expect(b.features.bodyHits).toBe(a.features.bodyHits);
    expect(b.evidence.some((e) => e.where === 'lead')).toBe(false);
  });
});
