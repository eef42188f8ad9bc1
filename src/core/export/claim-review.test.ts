/**
 * ClaimReview out: every export is checked against tests/support/claimreview.schema.json
 * (written from Google's fact-check markup documentation and schema.org), including for
 * generated hostile text; verdicts that cannot be exported are listed, not written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../tests/support/claimreview.schema.json';
import { checkSchema } from '../../../tests/support/json-schema-check';
import type { Claim } from '../packs/types';
import { claimAuthor, claimReviewText, toClaimReviews, type ClaimReviewItem, type ClaimVerdict } from './claim-review';
import { text } from '../../../tests/support/export-arbitraries';

const claims: Claim[] = [
  { subject: 'fighters killed', text: 'At least 40 fighters were killed in the strike', quantity: 40, qualifier: 'at-least', attributedTo: 'the defence ministry' },
  { subject: 'detainees', text: 'Some 2,000 detainees remain in the camp', attributedTo: 'Jane Roe' },
  { subject: 'displaced', text: 'Thousands fled the town' },
];

const item = (verdicts: ClaimVerdict[]): ClaimReviewItem => ({
  source: {
    reportId: 'user.strike', title: 'Strike near the border', url: 'https://paper.example/strike?utm_source=x', outlet: 'Paper Example',
    published: '2025-03-01', authors: ['Ann Writer'], lang: 'en', savedAt: Date.UTC(2025, 2, 2, 12),
  },
  claims,
  verdicts,
});

const verdict = (claimIndex: number, over: Partial<ClaimVerdict> = {}): ClaimVerdict => ({
  claimIndex, claimText: claims[claimIndex].text, rating: 'Mostly false', ratingValue: 2, notes: 'The ministry later revised the figure.', updatedAt: Date.UTC(2025, 3, 5), ...over,
});

const opts = { reviewer: { name: 'Desk Checkers', url: 'https://checkers.example/' }, reviewUrl: 'https://checkers.example/reviews/strike' };

describe('ClaimReview export', () => {
  it('writes the fields schema.org and Google ask for, and passes the JSON Schema', () => {
    const { reviews, skipped } = toClaimReviews([item([verdict(0), verdict(2, { rating: 'True', ratingValue: 5, notes: undefined })])], opts);
    expect(skipped).toEqual([]);
    expect(reviews).toHaveLength(2);
    expect(checkSchema(schema, JSON.parse(claimReviewText(reviews)))).toEqual([]);
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://checkers.example/reviews/strike',
      claimReviewed: 'At least 40 fighters were killed in the strike',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'the defence ministry' },
        appearance: {
          '@type': 'NewsArticle', url: 'https://paper.example/strike', headline: 'Strike near the border',
          publisher: { '@type': 'Organization', name: 'Paper Example' }, datePublished: '2025-03-01',
          author: [{ '@type': 'Person', name: 'Ann Writer' }],
          archivedAt: 'https://web.archive.org/web/20250302120000/https://paper.example/strike',
        },
        datePublished: '2025-03-01',
      },
      author: { '@type': 'Organization', name: 'Desk Checkers', url: 'https://checkers.example/' },
      datePublished: '2025-04-05',
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
      reviewBody: 'The ministry later revised the figure.',
      inLanguage: 'en',
    });
    // A claim without attribution is the outlet's.
    expect((reviews[1].itemReviewed as { author: unknown }).author).toEqual({ '@type': 'Organization', name: 'Paper Example' });
  });

  it('the schema catches each missing required field (so the check above means something)', () => {
    const [good] = toClaimReviews([item([verdict(1)])], opts).reviews;
    for (const key of ['claimReviewed', 'reviewRating', 'author', 'datePublished', 'url', 'itemReviewed']) {
      const { [key]: _gone, ...rest } = good;
      expect(checkSchema(schema, [rest]).join('\n')).toContain(`missing "${key}"`);
    }
    const noAppearance = JSON.parse(JSON.stringify(good));
    delete noAppearance.itemReviewed.appearance;
    expect(checkSchema(schema, [noAppearance])).toEqual(['$[0].itemReviewed: missing "appearance"']);
    const badRating = JSON.parse(JSON.stringify(good));
    badRating.reviewRating.ratingValue = 9;
    expect(checkSchema(schema, [badRating])).toEqual(['$[0].reviewRating.ratingValue: above 5']);
  });

  it('leaves out verdicts it cannot export, and says why', () => {
    const { reviews, skipped } = toClaimReviews([item([verdict(0, { claimText: 'an older wording' }), verdict(1, { ratingValue: 0 }), verdict(2, { rating: ' ' }), { ...verdict(0), claimIndex: 7 }])], opts);
    expect(reviews).toEqual([]);
    expect(skipped.map((s) => s.reasons.join('; '))).toEqual([
      'claim 1 changed since the verdict was given',
      'the rating must be a whole number from 1 to 5',
      'the rating has no name',
      'claim 8 is no longer in the report',
    ]);
    const noUrl = toClaimReviews([item([verdict(0)])], { reviewer: { name: '' }, reviewUrl: 'javascript:alert(1)' });
    expect(noUrl.reviews).toEqual([]);
    expect(noUrl.skipped[0].reasons).toHaveLength(2);
  });

  it('who made the claim: person, body, or the outlet for anonymous sources', () => {
    expect(claimAuthor({ subject: 's', text: 't', attributedTo: 'an anonymous source' }, 'Outlet')).toEqual({ '@type': 'Organization', name: 'Outlet' });
    expect(claimAuthor({ subject: 's', text: 't', attributedTo: 'Iraqi security forces' }, 'Outlet')).toEqual({ '@type': 'Organization', name: 'Iraqi security forces' });
    expect(claimAuthor({ subject: 's', text: 't', attributedTo: 'Ahmed Saleh' }, 'Outlet')).toEqual({ '@type': 'Person', name: 'Ahmed Saleh' });
  });

  it('every export of generated text and verdicts passes the schema (300 runs)', () => {
    const nonBlank = text(1).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(fc.record({ subject: nonBlank, text: nonBlank, attributedTo: fc.option(text(), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ i: fc.nat(5), rating: text(), value: fc.integer({ min: -1, max: 7 }), notes: fc.option(text(), { nil: undefined }), at: fc.integer({ min: 0, max: 4_102_444_800_000 }) }), { maxLength: 6 }),
        nonBlank, nonBlank,
        (cs, vs, title, outlet) => {
          const verdicts = vs.map((v) => ({ claimIndex: v.i, claimText: cs[v.i]?.text ?? '', rating: v.rating, ratingValue: v.value, notes: v.notes, updatedAt: v.at }));
          const out = toClaimReviews([{ source: { reportId: 'r', title, url: 'https://paper.example/a', outlet, savedAt: 0 }, claims: cs, verdicts }], opts);
          expect(out.reviews.length + out.skipped.length).toBe(verdicts.length);
          expect(checkSchema(schema, JSON.parse(claimReviewText(out.reviews)))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
