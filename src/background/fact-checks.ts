/**
 * ClaimReviews in the worker: the ones read on visited pages are kept locally
 * (store table `claimReviews`) and the claims of other pages are matched against them
 * (core/factcheck) to show "fact-checked by X: rating" with the reason for the match.
 */
import { fnv1a } from '../core/packs/fingerprint';
import { matchPrepared, prepareReview, type ClaimLike, type PreparedReview } from '../core/factcheck';
import { ratingLabel } from '../core/extract/claim-review';
import type { ClaimView, FactCheckView, PageReport } from '../shared/messages';
import type { ProvenanceDB, StoredClaimReview } from '../store/db';
import type { ClaimReviewRecord } from '../core/packs/types';
import { pageKey } from './changes';

/** Reviews matched against, most recent first. */
const MAX_REVIEWS = 5_000;

type Reviewed = StoredClaimReview['review'] & { pageUrl: string };
/** Prepared reviews (words, figures) kept between pages; reset when it grows past MAX_REVIEWS. */
const cache = new Map<string, PreparedReview<Reviewed>>();

function prepared(r: Pick<StoredClaimReview, 'pageUrl' | 'review'>): PreparedReview<Reviewed> {
  const key = `${r.pageUrl}\n${r.review.reviewer ?? ''}\n${r.review.claimReviewed}\n${r.review.ratingName ?? ''}\n${r.review.ratingValue ?? ''}\n${r.review.url ?? ''}\n${r.review.datePublished ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    if (cache.size >= MAX_REVIEWS * 2) cache.clear();
    p = prepareReview({ ...r.review, pageUrl: r.pageUrl });
    cache.set(key, p);
  }
  return p;
}

/** Keep the page's ClaimReviews (a later visit refreshes them). */
export async function recordClaimReviews(db: ProvenanceDB, page: PageReport, now = Date.now()): Promise<number> {
  const list = page.claimReviews ?? [];
  if (!list.length) return 0;
  const pageUrl = pageKey(page.url);
  const rows: StoredClaimReview[] = list.map((review) => {
    const k = `${review.reviewer ?? ''}\n${review.claimReviewed}`;
    return { id: `cr-${fnv1a(k).toString(16)}${fnv1a(k, 0x9e3779b9).toString(16)}`, pageUrl, seenAt: now, review };
  });
  await db.claimReviews.bulkPut(rows);
  return rows.length;
}

/** A report's stored ClaimReview (packs) in the shape the matcher takes. */
export function fromRecord(r: ClaimReviewRecord, pageUrl: string): Pick<StoredClaimReview, 'pageUrl' | 'review'> {
  return {
    pageUrl,
    review: {
      claimReviewed: r.claimReviewed, claimAuthor: r.claimAuthor ?? null, appearance: r.appearance ?? null, ratingName: r.ratingName ?? null,
      ratingValue: r.ratingValue ?? null, bestRating: r.bestRating ?? null, worstRating: r.worstRating ?? null,
      reviewer: r.reviewer ?? null, datePublished: r.datePublished ?? null, url: r.url ?? null,
    },
  };
}

/**
 * Adds `factChecks` to the claim views whose claims match a ClaimReview from another page:
 * those kept from visited pages, and `extra` ones (carried by reports of the store).
 */
export async function attachFactChecks(db: ProvenanceDB, pageUrl: string, claims: ClaimLike[], views: ClaimView[], extra: Pick<StoredClaimReview, 'pageUrl' | 'review'>[] = []): Promise<void> {
  if (!views.length) return;
  const here = pageKey(pageUrl);
  const seen = await db.claimReviews.orderBy('seenAt').reverse().limit(MAX_REVIEWS).toArray();
  const keys = new Set(seen.map((r) => `${r.review.reviewer ?? ''}\n${r.review.claimReviewed}`));
  const fromReports = extra.filter((r) => !keys.has(`${r.review.reviewer ?? ''}\n${r.review.claimReviewed}`));
  const reviews = [...seen, ...fromReports].filter((r) => pageKey(r.pageUrl) !== here);
  if (!reviews.length) return;
  const matches = matchPrepared(claims.slice(0, views.length), reviews.map(prepared));
  for (const m of matches) {
    const r = m.review;
    const view: FactCheckView = {
      reviewer: r.reviewer ?? 'a fact-checker', rating: ratingLabel(r), claimReviewed: r.claimReviewed,
      url: r.url && /^https?:\/\//i.test(r.url) ? r.url : /^https?:\/\//i.test(r.pageUrl) ? r.pageUrl : null,
      datePublished: r.datePublished, reason: m.reason,
    };
    (views[m.claimIndex].factChecks ??= []).push(view);
  }
}
