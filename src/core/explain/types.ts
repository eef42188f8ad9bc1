/**
 * Types of the explanation core: what it needs about the page, the outlets and the
 * candidate reports read from the store, and the views it returns (related reports with
 * reasons, provenance chain, sourcing, claims cross-reference, the page's outlet).
 * Plain data, no browser or store types; the worker's message types match these.
 */
import type { ReportFeatures } from '../match/features';
import type { CorpusStats, PageFeatures } from '../match/match';
import type { ReportRecord, SourceProfile } from '../packs/types';
import type { AttributionKind, AttributionMode } from '../model';

/** The page analysis the content script (or the CLI) produced, as far as explaining it needs. */
export interface ExplainPage {
  /** 'quick' = only the cheap first pass ran; 'full' = extraction + detection. */
  stage: 'quick' | 'full';
  url: string;
  canonicalUrl: string | null;
  siteName: string | null;
  title: string;
  text: string;
  lang: string | null;
  published: string | null;
  verdict: { onTopic: boolean };
  /** The reader asked for this analysis ("Analyse sourcing anyway"). */
  requested?: boolean;
}

/** The page fields candidate lookup reads. */
export type CandidateQuery = Pick<ExplainPage, 'title' | 'text' | 'url' | 'canonicalUrl'>;

/** An outlet profile as held in the store: the pack's profile, its pack, the user's notes. */
export interface OutletProfile extends SourceProfile {
  packId: string;
  userNotes?: string;
}

/** A candidate report: the pack's record, its pack and its precomputed matching features. */
export interface CandidateReport {
  id: string;
  packId: string;
  sourceId: string;
  published?: string;
  record: ReportRecord;
  features: ReportFeatures;
}

/** Candidate reports with what ranking them needs (from the postings index, persisted or in memory). */
export interface CandidateSet<R extends CandidateReport = CandidateReport> {
  candidates: R[];
  stats: CorpusStats;
  /** The page's terms and normalised text (see pageFeatures). */
  prepared: PageFeatures;
  /** Milliseconds per lookup step. */
  steps: Record<string, number>;
}

export type SourceMatch = 'host' | 'canonical' | 'site-name';

export interface SourceView {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
  ownership?: string;
  founded?: number;
  notes: string;
  links?: string[];
  /** Where this profile came from: a pack's name, or "your notes". */
  origin: string;
  /** The user's own notes on this outlet (never overwritten by pack updates). */
  userNotes: string;
  /** Set when the outlet was recognised from the page's own claim, not its address. */
  matchedBy?: 'canonical' | 'site-name';
}

export interface RelatedView {
  reportId: string;
  title: string;
  outlet: string;
  published: string | null;
  publishedEstimate: boolean;
  url: string | null;
  summary: string;
  score: number;
  reasons: string[];
  lang: string;
}

export interface ProvenanceLink {
  /** 'relays' | 'republishes' | 'copy-of' */
  kind: string;
  outlet: string;
  sourceId: string | null;
  /** A report by that outlet in the store, if any. */
  reportId: string | null;
  text: string;
}

export type AttributionKindName = AttributionKind;

export interface SourcingView {
  summary: string;
  counts: Record<AttributionKindName, number>;
  secondHand: boolean;
  secondHandReason: string | null;
  origin: string | null;
  sources: { kind: AttributionKindName; source: string; role: string | null; via: string | null; statements: number }[];
  /** `mode`: a belief or an intention (absent: speech). */
  items: { kind: AttributionKindName; source: string; quote: string; start: number; end: number; mode?: AttributionMode }[];
  /** Time for attributions + claims on this page (ms). */
  sourcingMs: number;
}

export interface ClaimView {
  text: string;
  figure: string | null;
  subject: string;
  quantity: number | null;
  qualifier: string;
  attributedTo: string | null;
  via: string | null;
  /** The same subject in stored reports, and whether the figures agree. */
  elsewhere: { reportId: string; title: string; outlet: string; relation: 'agrees' | 'differs'; otherText: string }[];
}

export interface ExplainTimings {
  sourcingMs: number;
  matchMs: number;
  candidates: number;
  steps?: Record<string, number>;
}

/** What explaining a page gives: everything the popup shows beyond the page itself. */
export interface Explanation {
  source: SourceView | null;
  /** Host name of the page, for the "no notes for <host>" state. */
  host: string | null;
  related: RelatedView[];
  provenance: ProvenanceLink[];
  sourcing: SourcingView | null;
  claims: ClaimView[];
  /** The user's saved report of this very page, if any (it is not listed as related). */
  savedReportId?: string | null;
  timings?: ExplainTimings;
}
