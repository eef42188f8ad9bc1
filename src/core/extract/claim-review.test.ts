/** ClaimReview extraction: JSON-LD (top level, @graph, nested review), microdata, caps, junk. */
import { describe, expect, it } from 'vitest';
import { extractClaimReviews, ratingLabel, CLAIM_REVIEW_LIMITS } from './claim-review';
import { parseHtml } from './parse-html';

const page = (head: string, body = '') => parseHtml(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://checks.example/a');
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

const review = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://checks.example/fact-check/convoy',
  datePublished: '2024-05-02',
  claimReviewed: 'A convoy of 300 fighters crossed the border at Qaim last week',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'Amaq' }, firstAppearance: { '@type': 'CreativeWork', url: 'https://channel.example/post/1' } },
  author: { '@type': 'Organization', name: 'Checks Desk' },
  reviewRating: { '@type': 'Rating', ratingValue: '1', bestRating: 5, worstRating: 1, alternateName: 'False' },
};

describe('extractClaimReviews', () => {
  it('reads every field of a top-level JSON-LD ClaimReview', () => {
    const [r, ...rest] = extractClaimReviews(page(ld(review)));
    expect(rest).toEqual([]);
    expect(r).toEqual({
      claimReviewed: 'A convoy of 300 fighters crossed the border at Qaim last week',
      claimAuthor: 'Amaq', appearance: 'https://channel.example/post/1',
      ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1,
      reviewer: 'Checks Desk', datePublished: '2024-05-02', url: 'https://checks.example/fact-check/convoy',
    });
    expect(ratingLabel(r)).toBe('False (1 of 5)');
  });

  it('finds ClaimReviews inside @graph and under an article, with appearance as a list', () => {
    const { itemReviewed, ...rest } = review;
    const graph = { '@context': 'https://schema.org', '@graph': [
      { '@type': 'WebSite', name: 'Checks' },
      { '@type': 'NewsArticle', headline: 'x', review: [{ ...rest, '@type': ['ClaimReview'], claimReviewed: 'Second claim', itemReviewed: { '@type': 'Claim', appearance: [{ url: 'https://a.example/1' }, { url: 'https://b.example/2' }] } }] },
      { ...review, '@type': 'http://schema.org/ClaimReview' },
    ] };
    const got = extractClaimReviews(page(ld(graph)));
    expect(got.map((r) => r.claimReviewed)).toEqual(['Second claim', review.claimReviewed]);
    expect(got[0].appearance).toBe('https://a.example/1');
    expect(got[0].claimAuthor).toBeNull();
  });

  it('reads microdata ClaimReview with nested Claim and Rating items', () => {
    const html = `<div itemscope itemtype="https://schema.org/ClaimReview">
      <a itemprop="url" href="https://checks.example/md">link</a>
      <meta itemprop="datePublished" content="2024-06-01">
      <p itemprop="claimReviewed">The group   holds the dam &amp; the bridge</p>
      <div itemprop="itemReviewed" itemscope itemtype="https://schema.org/Claim">
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">A spokesman</span></span>
      </div>
      <div itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Desk Two</span></div>
      <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
        <meta itemprop="ratingValue" content="2"><meta itemprop="bestRating" content="5"><span itemprop="alternateName">Mostly false</span>
      </div></div>`;
    const [r] = extractClaimReviews(page('', html));
    expect(r).toMatchObject({ claimReviewed: 'The group holds the dam & the bridge', claimAuthor: 'A spokesman', reviewer: 'Desk Two', ratingName: 'Mostly false', ratingValue: 2, bestRating: 5, url: 'https://checks.example/md', datePublished: '2024-06-01' });
    expect(ratingLabel(r)).toBe('Mostly false (2 of 5)');
  });

  it('caps long fields and the number of reviews; skips reviews without a claim and broken JSON', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...review, claimReviewed: `claim ${i} ` + 'x'.repeat(5000) }));
    const got = extractClaimReviews(page(ld(many) + ld({ '@type': 'ClaimReview', reviewRating: { ratingValue: 1 } }) + '<script type="application/ld+json">{not json</script>'));
    expect(got.length).toBe(CLAIM_REVIEW_LIMITS.reviews);
    expect(got.every((r) => r.claimReviewed.length === CLAIM_REVIEW_LIMITS.claimReviewed)).toBe(true);
    expect(extractClaimReviews(page('<script type="application/ld+json">{not json</script>'))).toEqual([]);
  });

  it('ignores non-numeric ratings and labels what it has', () => {
    const [r] = extractClaimReviews(page(ld({ ...review, reviewRating: { ratingValue: 'n/a', name: 'Unproven' } })));
    expect(r.ratingValue).toBeNull();
    expect(ratingLabel(r)).toBe('Unproven');
    expect(ratingLabel({ ratingName: null, ratingValue: 3, bestRating: null, worstRating: null })).toBe('3');
  });
});
