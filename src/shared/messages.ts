/**
 * The data carried by messages between the content script, the service worker and extension
 * pages: the page report (valibot schema, limits from contract/limits.ts) and the views the
 * worker answers with. Which message carries what, who may send it and what it returns is the
 * contract in ./contract/ (see its README.md).
 */
import * as v from 'valibot';
import { TOPIC_LEVELS, type AttributionKind } from '../core/model';
import type { StoredSubscription } from '../store/db';
import { CLAIM_REVIEW_LIMITS as CR, PAGE_LIMITS as P, VERDICT_LIMITS as V } from './contract/limits';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(shortText(max));

export const EvidenceSchema = v.object({
  term: shortText(V.term),
  kind: v.picklist(['name', 'vocab']),
  where: v.picklist(['title', 'meta', 'lead', 'body']),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  positions: v.pipe(v.array(v.number()), v.maxLength(V.positions)),
});

export const VerdictSchema = v.object({
  topicId: shortText(V.topicId),
  topicLabel: shortText(V.topicLabel),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  onTopic: v.boolean(),
  reason: shortText(V.reason),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(V.evidence)),
  lang: nullableText(V.lang),
  /** 'about' / 'partly' (both onTopic) / 'none'. */
  level: v.optional(v.picklist(TOPIC_LEVELS)),
});

const rating = v.nullable(v.pipe(v.number(), v.finite(), v.minValue(-1e6), v.maxValue(1e6)));

/** A schema.org ClaimReview found on the page (core/extract/claim-review.ts). */
export const ClaimReviewSchema = v.object({
  claimReviewed: v.pipe(v.string(), v.minLength(1), v.maxLength(CR.claimReviewed)),
  claimAuthor: nullableText(CR.claimAuthor),
  appearance: nullableText(CR.appearance),
  ratingName: nullableText(CR.ratingName),
  ratingValue: rating,
  bestRating: rating,
  worstRating: rating,
  reviewer: nullableText(CR.reviewer),
  datePublished: nullableText(CR.datePublished),
  url: nullableText(CR.url),
});
export type ClaimReviewView = v.InferOutput<typeof ClaimReviewSchema>;

/** What the content script reports about its page (capped to these limits by `capPageReport`). */
export const PageReportSchema = v.object({
  /** 'quick' = only the cheap first pass ran (and said no); 'full' = extraction + detection. */
  stage: v.picklist(['quick', 'full']),
  url: shortText(P.url),
  title: shortText(P.title),
  titleDerived: v.boolean(),
  siteName: nullableText(P.siteName),
  byline: nullableText(P.byline),
  published: nullableText(P.published),
  lang: nullableText(P.lang),
  dir: v.picklist(['ltr', 'rtl']),
  canonicalUrl: nullableText(P.canonicalUrl),
  section: nullableText(P.section),
  isArticle: v.boolean(),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Article text (capped) for matching in the worker; empty for stage 'quick'. */
  text: shortText(P.text),
  verdict: VerdictSchema,
  /** Why the quick pass stopped, when stage is 'quick'. */
  quickReason: v.optional(shortText(P.quickReason)),
  /** The reader asked for this analysis ("Analyse sourcing anyway"): sourcing is worked out even off-topic. */
  requested: v.optional(v.boolean()),
  /** schema.org ClaimReviews on the page (fact-checks), when it has any. */
  claimReviews: v.optional(v.pipe(v.array(ClaimReviewSchema), v.maxLength(CR.reviews))),
});
export type PageReport = v.InferOutput<typeof PageReportSchema>;

// ---- Responses ------------------------------------------------------------

// The views the explanation core produces (src/core/explain/types.ts), carried as they are.
export type { SourceView, RelatedView, ProvenanceLink, AttributionKindName, SourcingView } from '../core/explain/types';
import type { ClaimView as ExplainedClaimView, ProvenanceLink, RelatedView, SourceView, SourcingView } from '../core/explain/types';

/** A claim as the popup shows it: the explanation core's view plus the fact-checks the worker attaches. */
export interface ClaimView extends ExplainedClaimView {
  /** Fact-checkers who reviewed this claim (a ClaimReview seen on another page), and why it matched. */
  factChecks?: FactCheckView[];
}

export interface FactCheckView {
  reviewer: string;
  /** "False (1 of 5)", or null when the review gave no rating. */
  rating: string | null;
  claimReviewed: string;
  url: string | null;
  datePublished: string | null;
  reason: string;
}

/** One version of a page's text. */
export interface PageVersionView {
  title: string;
  published: string | null;
  paragraphs: string[];
}

/** What changed on this page since the user saved (or highlighted) it. */
export interface ChangesView {
  savedAt: number;
  reason: 'saved' | 'highlight';
  reportId: string | null;
  titleBefore: string | null;
  titleAfter: string | null;
  dateBefore: string | null;
  dateAfter: string | null;
  edited: number;
  added: number;
  removed: number;
  /** Old text of the paragraphs edited or removed (to tell highlights that sit on them). */
  changedParagraphs: string[];
}

/** A saved page and the later version seen (library). */
export interface VersionsView {
  url: string;
  reportId: string | null;
  savedAt: number;
  seenAt: number;
  before: PageVersionView;
  after: PageVersionView;
}

export interface TabState {
  status: 'unknown' | 'analysed';
  page: PageReport | null;
  source: SourceView | null;
  /** Host name of the page, for the "no notes for <host>" state. */
  host: string | null;
  related: RelatedView[];
  provenance: ProvenanceLink[];
  sourcing: SourcingView | null;
  claims: ClaimView[];
  analysedAt: number | null;
  /** The user's saved report of this very page, if any (it is not listed as related). */
  savedReportId?: string | null;
  /** Changes since the user saved or highlighted this page (null: none, or never saved). */
  changes?: ChangesView | null;
  /** Worker time spent on this page (ms) and the number of candidate reports ranked. */
  timings?: { sourcingMs: number; matchMs: number; candidates: number; steps?: Record<string, number> };
}

export interface StoreStats {
  reports: number;
  sources: number;
  packs: { id: string; name: string; version: string; reports: number }[];
}

export interface PackProblem {
  path: string;
  message: string;
}

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  publisher: string;
  updated: string;
  reports: number;
  sources: number;
  importedAt: number;
}

/** A subscription as the options page sees it (the HTTP validators stay in the worker). */
export type SubscriptionView = Omit<StoredSubscription, 'etag' | 'lastModified' | 'addedAt'>;

/** A pack import that went through (a refused one is a failed call carrying `problems`). */
export interface PackImported {
  packId: string;
  packName: string;
  status: 'imported' | 'unchanged';
  reports: number;
  sources: number;
  warnings: PackProblem[];
  timings?: { parseMs?: number; prepareMs: number; writeMs: number; steps?: Record<string, number> };
}
