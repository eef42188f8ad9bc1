/**
 * ClaimReviews in the worker: the ones read on visited pages are kept locally
 * (store table `claimReviews`) and the claims of other pages are matched against them
 * (core/factcheck) to show "fact-checked by X: rating" with the reason for the match.
 */
import { fnv1a } from '../core/packs/fingerprint';
import { matchFactChecks, type ClaimLike } from '../core/factcheck';
import { ratingLabel } from '../core/extract/claim-review';
import type { ClaimView, FactCheckView, PageReport } from '../shared/messages';
import type { ProvenanceDB, StoredClaimReview } from '../store/db';
import { pageKey } from './changes';

/** Reviews matched against, most recent first. */
const MAX_REVIEWS = 5_000;

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

/** Adds `factChecks` to the claim views whose claims match a kept ClaimReview from another page. */
export async function attachFactChecks(db: ProvenanceDB, pageUrl: string, claims: ClaimLike[], views: ClaimView[]): Promise<void> {
  if (!views.length) return;
  const here = pageKey(pageUrl);
  const reviews = (await db.claimReviews.orderBy('seenAt').reverse().limit(MAX_REVIEWS).toArray()).filter((r) => r.pageUrl !== here);
  if (!reviews.length) return;
  const matches = matchFactChecks(claims.slice(0, views.length), reviews.map((r) => ({ ...r.review, pageUrl: r.pageUrl })));
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
