/**
 * Every field limit of the message contract, defined once. The worker's valibot schemas
 * (schemas.ts, ../messages.ts, ../highlight-messages.ts) reject anything over these limits; the
 * content script caps its page report with `capPageReport` before sending, so a real page is
 * never refused for a long address or title. No validation library here: this module is
 * part of every page's content script.
 */

/** Limits of a page report (what the content script sends about its page). */
export const PAGE_LIMITS = {
  url: 4_000,
  canonicalUrl: 4_000,
  title: 1_000,
  siteName: 300,
  byline: 500,
  published: 100,
  lang: 20,
  section: 300,
  /** Article text sent for matching. */
  text: 60_000,
  quickReason: 200,
} as const;

/** Limits of a topic verdict inside a page report. */
export const VERDICT_LIMITS = {
  topicId: 100,
  topicLabel: 200,
  reason: 1_000,
  evidence: 100,
  term: 200,
  positions: 50,
  lang: 20,
} as const;

/** schema.org ClaimReviews inside a page report: the extractor (core/extract/claim-review.ts) caps to the same limits. */
import { CLAIM_REVIEW_LIMITS } from '../../core/model/report';
export { CLAIM_REVIEW_LIMITS };

/** Highlights. */
export const HIGHLIGHT_LIMITS = {
  quote: 10_000,
  quoteContext: 200,
  note: 20_000,
  tags: 30,
  tag: 60,
  /** Anchoring outcomes in one message. */
  batch: 1_000,
  id: 300,
  pageTitle: 1_000,
  reason: 40,
} as const;

/** Other request fields. */
export const FIELD_LIMITS = {
  /** A pack file's text, a little above the pack limit (the validator gives the exact message). */
  fileText: 60 * 1024 * 1024,
  packUrl: 2_048,
  sha256: 100,
  id: 200,
  host: 300,
  name: 300,
  userNote: 20_000,
  reportTags: 50,
  reportTag: 100,
  /** In-page sourcing marks: statements per request and quote length. */
  marks: 200,
  markQuote: 2_000,
} as const;

const cap = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);
const capOrNull = (s: string | null | undefined, max: number): string | null => (s == null ? null : cap(s, max));

/** The shape `capPageReport` works on (structurally the contract's PageReport). */
interface PageLike {
  url: string;
  canonicalUrl: string | null;
  title: string;
  siteName: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  section: string | null;
  text: string;
  quickReason?: string;
  claimReviews?: {
    claimReviewed: string; claimAuthor: string | null; appearance: string | null; ratingName: string | null;
    reviewer: string | null; datePublished: string | null; url: string | null;
  }[];
  verdict: {
    topicId: string;
    topicLabel: string;
    reason: string;
    lang: string | null;
    evidence: { term: string; positions: number[] }[];
  };
}

function capClaimReviews<R extends NonNullable<PageLike['claimReviews']>[number]>(list: R[]): R[] {
  const L = CLAIM_REVIEW_LIMITS;
  return list.slice(0, L.reviews).map((r) => ({
    ...r,
    claimReviewed: cap(r.claimReviewed, L.claimReviewed),
    claimAuthor: capOrNull(r.claimAuthor, L.claimAuthor),
    appearance: capOrNull(r.appearance, L.appearance),
    ratingName: capOrNull(r.ratingName, L.ratingName),
    reviewer: capOrNull(r.reviewer, L.reviewer),
    datePublished: capOrNull(r.datePublished, L.datePublished),
    url: capOrNull(r.url, L.url),
  }));
}

/** A copy of `page` with every field cut to its limit (what the worker accepts). */
export function capPageReport<P extends PageLike>(page: P): P {
  const v = page.verdict;
  return {
    ...page,
    url: cap(page.url, PAGE_LIMITS.url),
    canonicalUrl: capOrNull(page.canonicalUrl, PAGE_LIMITS.canonicalUrl),
    title: cap(page.title, PAGE_LIMITS.title),
    siteName: capOrNull(page.siteName, PAGE_LIMITS.siteName),
    byline: capOrNull(page.byline, PAGE_LIMITS.byline),
    published: capOrNull(page.published, PAGE_LIMITS.published),
    lang: capOrNull(page.lang, PAGE_LIMITS.lang),
    section: capOrNull(page.section, PAGE_LIMITS.section),
    text: cap(page.text, PAGE_LIMITS.text),
    ...(page.quickReason !== undefined ? { quickReason: cap(page.quickReason, PAGE_LIMITS.quickReason) } : {}),
    ...(page.claimReviews !== undefined ? { claimReviews: capClaimReviews(page.claimReviews) } : {}),
    verdict: {
      ...v,
      topicId: cap(v.topicId, VERDICT_LIMITS.topicId),
      topicLabel: cap(v.topicLabel, VERDICT_LIMITS.topicLabel),
      reason: cap(v.reason, VERDICT_LIMITS.reason),
      lang: capOrNull(v.lang, VERDICT_LIMITS.lang),
      evidence: v.evidence.slice(0, VERDICT_LIMITS.evidence).map((e) => ({ ...e, term: cap(e.term, VERDICT_LIMITS.term), positions: e.positions.slice(0, VERDICT_LIMITS.positions) })),
    },
  };
}
