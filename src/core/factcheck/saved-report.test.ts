/** A saved fact-check page keeps its ClaimReviews in the report, and the pack format accepts them. */
import { describe, expect, it } from 'vitest';
import { reportFromPage } from '../packs/report-from-page';
import { validatePack } from '../packs/validate';
import { CLAIM_REVIEW_LIMITS as CORE } from '../extract/claim-review';
import { CLAIM_REVIEW_LIMITS as CONTRACT } from '../../shared/contract/limits';

const page = {
  url: 'https://checks.example/fc/1', title: 'Did a convoy cross at Qaim?', byline: null, published: '2024-05-02', lang: 'en',
  canonicalUrl: null, section: null, text: 'We looked at the footage and the claim does not hold.',
  claimReviews: [
    { claimReviewed: 'A convoy of 300 fighters crossed at Qaim', claimAuthor: 'A channel', appearance: 'https://channel.example/p', ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'Checks Desk', datePublished: '2024-05-02', url: 'https://checks.example/fc/1' },
    { claimReviewed: '   ', claimAuthor: null, appearance: null, ratingName: null, ratingValue: null, bestRating: null, worstRating: null, reviewer: null, datePublished: null, url: 'javascript:alert(1)' },
    { claimReviewed: 'Second claim', claimAuthor: null, appearance: null, ratingName: null, ratingValue: null, bestRating: null, worstRating: null, reviewer: 'R', datePublished: null, url: 'javascript:alert(1)' },
  ],
};

describe('saved ClaimReviews', () => {
  it('keeps them in the report (nulls and non-http URLs left out, empty claims dropped)', () => {
    const rec = reportFromPage(page, { sourceId: 'checks' });
    expect(rec.claimReviews).toEqual([
      { claimReviewed: 'A convoy of 300 fighters crossed at Qaim', claimAuthor: 'A channel', appearance: 'https://channel.example/p', ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'Checks Desk', datePublished: '2024-05-02', url: 'https://checks.example/fc/1' },
      { claimReviewed: 'Second claim', reviewer: 'R' },
    ]);
    expect(reportFromPage({ ...page, claimReviews: [] }, { sourceId: 'checks' }).claimReviews).toBeUndefined();
  });

  it('a pack carrying them validates; a bad one is refused with its path', () => {
    const rec = reportFromPage(page, { sourceId: 'checks' });
    const pack = {
      format: 'provenance-pack/1', id: 'p', name: 'P', version: '1.0.0', publisher: 'me', updated: '2024-05-03T00:00:00Z',
      sources: [{ id: 'checks', name: 'Checks', domains: ['checks.example'], type: 'news-site', country: '', languages: [], notes: '' }],
      reports: [rec],
    };
    expect(validatePack(pack).ok).toBe(true);
    const bad = structuredClone(pack);
    (bad.reports[0].claimReviews![0] as unknown as Record<string, unknown>).ratingValue = 'one';
    const r = validatePack(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(['$.reports[0].claimReviews[0].ratingValue']);
  });

  it('the extractor caps to the contract limits', () => {
    expect(CORE).toEqual(CONTRACT);
  });
});
