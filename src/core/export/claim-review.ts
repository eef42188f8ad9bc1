/**
 * ClaimReview out: the user's verdicts on claims of saved reports as schema.org
 * `ClaimReview` JSON-LD (https://schema.org/ClaimReview), with the fields Google's
 * fact-check markup documentation asks for (developers.google.com/search/docs/appearance/
 * structured-data/factcheck): `claimReviewed`, `reviewRating` (a `Rating` with
 * `alternateName` and the numeric `ratingValue`/`bestRating`/`worstRating`), `author`
 * (who checked), `datePublished`, `url` (the page that publishes the fact check) and
 * `itemReviewed`, a `Claim` with its `author` (who made the claim), `datePublished` when
 * known and `appearance` (the article where the claim appears, with its archived copy at
 * the save time as `archivedAt`). The user's notes become `reviewBody`.
 *
 * The scale is 1–5, higher meaning more accurate (1 = False … 5 = True), as Google's
 * documentation describes numeric ratings. The file is a JSON list of self-contained
 * objects (each with its `@context`), ready to paste into a page's
 * `<script type="application/ld+json">`. tests/support/claimreview.schema.json is the
 * JSON Schema the tests check every export against. Pure: no browser APIs.
 */
import type { Claim } from '../packs/types';
import { archiveUrl } from './archive';
import { citationUrl } from './tracking';

export const WORST_RATING = 1;
export const BEST_RATING = 5;

/** Suggested rating names for the 1–5 scale (the user may write their own). */
export const RATING_PRESETS: readonly { name: string; value: number }[] = [
  { name: 'False', value: 1 },
  { name: 'Mostly false', value: 2 },
  { name: 'Half true', value: 3 },
  { name: 'Mostly true', value: 4 },
  { name: 'True', value: 5 },
];

/** The user's verdict on one claim of a saved report. */
export interface ClaimVerdict {
  /** Position of the claim in the report's `claims`. */
  claimIndex: number;
  /** The claim's text when the verdict was given: a verdict whose claim changed is not exported. */
  claimText: string;
  /** The rating's name (Google: `alternateName`), e.g. "Mostly false". */
  rating: string;
  /** 1 (worst) … 5 (best). */
  ratingValue: number;
  notes?: string;
  /** When the verdict was last set (ms). */
  updatedAt: number;
}

/** What the export knows of the report a claim comes from. */
export interface ClaimSource {
  reportId: string;
  title: string;
  url: string;
  canonicalUrl?: string;
  /** The publishing outlet's name. */
  outlet: string;
  published?: string;
  authors?: string[];
  lang?: string;
  /** When the user saved the page (ms or ISO date): the archived copy's time. */
  savedAt?: number | string;
}

export interface Reviewer {
  name: string;
  url?: string;
  type?: 'Organization' | 'Person';
}

export interface ClaimReviewOptions {
  reviewer: Reviewer;
  /** The page that publishes the fact check (http or https). */
  reviewUrl: string;
}

const ORGANISATION = /\b(?:ministry|ministries|agency|army|forces|government|police|office|council|command|coalition|news|media|committee|organi[sz]ation|group|state|department|un|who|unicef|observatory|authorities|military|spokes\w*|press)\b/i;

const isHttp = (u: string | undefined): u is string => !!u && /^https?:\/\/[^\s]+$/i.test(u);

/** Who made the claim: the person or body it is attributed to, else the outlet that published it. */
export function claimAuthor(claim: Claim, outlet: string): Record<string, unknown> {
  const who = claim.attributedTo?.trim();
  if (!who || /\b(?:anonymous|unnamed|unidentified)\b/i.test(who) || who.toLowerCase() === outlet.toLowerCase()) return { '@type': 'Organization', name: outlet };
  return { '@type': ORGANISATION.test(who) ? 'Organization' : 'Person', name: who };
}

/** A verdict's problems (empty when it can be exported). */
export function verdictProblems(v: ClaimVerdict, claim: Claim | undefined): string[] {
  const out: string[] = [];
  if (!claim) out.push(`claim ${v.claimIndex + 1} is no longer in the report`);
  else if (claim.text !== v.claimText) out.push(`claim ${v.claimIndex + 1} changed since the verdict was given`);
  if (!v.rating.trim()) out.push('the rating has no name');
  if (!Number.isInteger(v.ratingValue) || v.ratingValue < WORST_RATING || v.ratingValue > BEST_RATING) out.push(`the rating must be a whole number from ${WORST_RATING} to ${BEST_RATING}`);
  return out;
}

/** Problems with the export options (empty when fine). */
export function optionProblems(o: ClaimReviewOptions): string[] {
  const out: string[] = [];
  if (!o.reviewer.name.trim()) out.push('say who checked the claims (your name or your organisation)');
  if (o.reviewer.url !== undefined && o.reviewer.url !== '' && !isHttp(o.reviewer.url)) out.push("the reviewer's address must start with http:// or https://");
  if (!isHttp(o.reviewUrl)) out.push('give the address (http or https) of the page that publishes your fact check: Google requires it');
  return out;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One ClaimReview object. The verdict and options must have no problems (see verdictProblems, optionProblems). */
export function claimReview(source: ClaimSource, claim: Claim, verdict: ClaimVerdict, opts: ClaimReviewOptions): Record<string, unknown> {
  const url = citationUrl(source.url, source.canonicalUrl);
  const appearance: Record<string, unknown> = { '@type': 'NewsArticle', url, headline: source.title, publisher: { '@type': 'Organization', name: source.outlet } };
  if (source.published) appearance.datePublished = source.published;
  if (source.authors?.length) appearance.author = source.authors.map((name) => ({ '@type': 'Person', name }));
  const archived = archiveUrl(url, source.savedAt);
  if (archived) appearance.archivedAt = archived;

  const itemReviewed: Record<string, unknown> = { '@type': 'Claim', author: claimAuthor(claim, source.outlet), appearance };
  if (claim.date && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(claim.date)) itemReviewed.datePublished = claim.date;
  else if (source.published) itemReviewed.datePublished = source.published;

  const author: Record<string, unknown> = { '@type': opts.reviewer.type ?? 'Organization', name: opts.reviewer.name.trim() };
  if (isHttp(opts.reviewer.url)) author.url = opts.reviewer.url;

  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: opts.reviewUrl,
    claimReviewed: claim.text,
    itemReviewed,
    author,
    datePublished: isoDate(verdict.updatedAt),
    reviewRating: { '@type': 'Rating', ratingValue: verdict.ratingValue, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: verdict.rating.trim() },
  };
  if (verdict.notes?.trim()) review.reviewBody = verdict.notes.trim();
  if (source.lang) review.inLanguage = source.lang;
  return review;
}

export interface ClaimReviewItem {
  source: ClaimSource;
  claims: readonly Claim[];
  verdicts: readonly ClaimVerdict[];
}

export interface ClaimReviewExport {
  reviews: Record<string, unknown>[];
  /** Verdicts left out, and why. */
  skipped: { reportId: string; claimIndex: number; reasons: string[] }[];
}

/** Every exportable verdict of the given reports as ClaimReview objects; the rest listed with the reason. */
export function toClaimReviews(items: readonly ClaimReviewItem[], opts: ClaimReviewOptions): ClaimReviewExport {
  const out: ClaimReviewExport = { reviews: [], skipped: [] };
  const bad = optionProblems(opts);
  for (const { source, claims, verdicts } of items) {
    for (const v of [...verdicts].sort((a, b) => a.claimIndex - b.claimIndex)) {
      const claim = claims[v.claimIndex];
      const reasons = [...bad, ...verdictProblems(v, claim)];
      if (reasons.length || !claim) out.skipped.push({ reportId: source.reportId, claimIndex: v.claimIndex, reasons });
      else out.reviews.push(claimReview(source, claim, v, opts));
    }
  }
  return out;
}

export function claimReviewText(reviews: readonly Record<string, unknown>[]): string {
  return JSON.stringify(reviews, null, 2) + '\n';
}
