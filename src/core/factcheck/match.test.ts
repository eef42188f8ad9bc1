/** The fact-check matcher: which page claims are a reviewed claim, and when they are not. */
import { describe, expect, it } from 'vitest';
import { contentWords, figuresIn, matchFactChecks } from './match';

const reviewed = [
  { claimReviewed: 'A convoy of 300 fighters crossed the border at Qaim last week', by: 'Checks Desk' },
  { claimReviewed: 'The militants destroyed the old minaret in the city centre with explosives planted overnight', by: 'Desk Two' },
];

describe('figuresIn / contentWords', () => {
  it('reads grouped figures, skips years, keeps small numbers', () => {
    expect([...figuresIn('1,200 men in 2016, then 12 more and 3.5 %')]).toEqual([1200, 12, 3.5]);
  });
  it('drops stop words and numbers, stems plurals', () => {
    expect([...contentWords('The fighters crossed 300 borders')].sort()).toEqual(['border', 'crossed', 'fighter']);
  });
});

describe('matchFactChecks', () => {
  it('matches a claim with the same figure and subject words, saying why', () => {
    const m = matchFactChecks([{ text: 'Officials said 300 fighters in a convoy crossed the border near Qaim.', subject: 'fighters', quantity: 300 }], reviewed);
    expect(m).toHaveLength(1);
    expect(m[0].review.by).toBe('Checks Desk');
    expect(m[0].rule).toBe('figure-and-subject');
    expect(m[0].reason).toMatch(/^same figure 300 and words: .*fighter/);
  });

  it('does not match the same subject with a different figure', () => {
    expect(matchFactChecks([{ text: 'A convoy of 500 fighters crossed the border at Qaim last week.', subject: 'fighters', quantity: 500 }], reviewed)).toEqual([]);
  });

  it('does not match a shared figure with unrelated words', () => {
    expect(matchFactChecks([{ text: 'The ministry counted 300 new schools across the province.', subject: 'schools', quantity: 300 }], reviewed)).toEqual([]);
  });

  it('needs a word of the counted subject for the figure rule', () => {
    // shares 300, convoy, crossed, border, qaim — but counts trucks, not fighters (and 4 words are too few to overlap)
    expect(matchFactChecks([{ text: 'A convoy of 300 trucks crossed the border at Qaim.', subject: 'trucks', quantity: 300 }], reviewed)).toEqual([]);
    // without a subject the figure rule takes it
    expect(matchFactChecks([{ text: 'A convoy of 300 trucks crossed the border at Qaim.', quantity: 300 }], reviewed).map((x) => x.rule)).toEqual(['figure-and-subject']);
  });

  it('matches a figure-less claim by word overlap ≥ 60 % and ≥ 5 words', () => {
    const m = matchFactChecks([{ text: 'Witnesses say militants destroyed the old minaret in the centre of the city with explosives.' }], reviewed);
    expect(m).toHaveLength(1);
    expect(m[0].rule).toBe('word-overlap');
    expect(m[0].review.by).toBe('Desk Two');
    expect(m[0].reason).toMatch(/^\d+ of \d+ words shared with the reviewed claim$/);
  });

  it('does not match on a few common words', () => {
    expect(matchFactChecks([{ text: 'The militants left the city centre on Tuesday.' }], reviewed)).toEqual([]);
    expect(matchFactChecks([{ text: '' }], reviewed)).toEqual([]);
  });

  it('returns the claim index and keeps at most perClaim matches', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ claimReviewed: `A convoy of 300 fighters crossed the border at Qaim (${i})` }));
    const m = matchFactChecks([{ text: 'nothing here' }, { text: 'A convoy of 300 fighters crossed the border at Qaim.', quantity: 300 }], many, 2);
    expect(m.map((x) => x.claimIndex)).toEqual([1, 1]);
  });
});
