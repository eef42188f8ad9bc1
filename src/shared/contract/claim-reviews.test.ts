/** ClaimReviews in the page report: capped by capPageReport to what the worker's schema accepts; over-limit or malformed ones refused. */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { capPageReport, CLAIM_REVIEW_LIMITS as L } from './limits';
import { PageReportSchema, type PageReport } from '../messages';

const page: PageReport = {
  stage: 'full', url: 'https://example.org/a', title: 't', titleDerived: false, siteName: null, byline: null,
  published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 3, text: 'a b c',
  verdict: { topicId: 'islamic-state', topicLabel: 'the Islamic State', score: 0.9, onTopic: true, reason: 'r', evidence: [], lang: 'en' },
};
const review = {
  claimReviewed: 'A claim', claimAuthor: 'Someone', appearance: null, ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1,
  reviewer: 'Desk', datePublished: '2024-01-01', url: 'https://checks.example/1',
};
const ok = (p: unknown) => v.safeParse(PageReportSchema, p).success;

describe('claimReviews in the page report', () => {
  it('are optional and accepted when within limits', () => {
    expect(ok(page)).toBe(true);
    expect(ok({ ...page, claimReviews: [review] })).toBe(true);
  });

  it('over-long or too many are refused raw, and accepted once capped', () => {
    const long = { ...page, claimReviews: Array.from({ length: 25 }, () => ({ ...review, claimReviewed: 'x'.repeat(5000), reviewer: 'r'.repeat(1000), url: 'u'.repeat(9000) })) };
    expect(ok(long)).toBe(false);
    const capped = capPageReport(long);
    expect(capped.claimReviews).toHaveLength(L.reviews);
    expect(capped.claimReviews![0].claimReviewed).toHaveLength(L.claimReviewed);
    expect(capped.claimReviews![0].reviewer).toHaveLength(L.reviewer);
    expect(ok(capped)).toBe(true);
    expect(capPageReport(page)).toEqual(page);
  });

  it('malformed reviews are refused', () => {
    expect(ok({ ...page, claimReviews: [{ ...review, claimReviewed: '' }] })).toBe(false);
    expect(ok({ ...page, claimReviews: [{ ...review, ratingValue: '1' }] })).toBe(false);
    expect(ok({ ...page, claimReviews: [{ ...review, ratingValue: Number.POSITIVE_INFINITY }] })).toBe(false);
    expect(ok({ ...page, claimReviews: [{ ...review, reviewer: { name: 'x' } }] })).toBe(false);
    expect(ok({ ...page, claimReviews: 'x' })).toBe(false);
  });
});
