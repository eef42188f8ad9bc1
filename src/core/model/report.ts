/** Stored reports: annotated news items from packs or saved by the user from a page. */
import type { ReportClaim } from './claims';

/** How a report relays another outlet's reporting. */
export const RELAY_KINDS = ['quotes', 'republishes', 'cites', 'interview'] as const;
export type RelayKind = (typeof RELAY_KINDS)[number];

/** An outlet whose reporting this report relays. */
export interface Relay {
  /** Outlet id in this pack when known, else null. */
  sourceId: string | null;
  name: string;
  how: RelayKind;
}

export const REPORT_LINK_TYPES = ['republishes', 'cites', 'same-story'] as const;
export type ReportLinkType = (typeof REPORT_LINK_TYPES)[number];

export interface ReportLink {
  type: ReportLinkType;
  /** Report id in the store (same or other pack). */
  reportId: string;
}

/**
 * Compact fingerprint of a text, computed by `fingerprintText` (packs/fingerprint.ts) from
 * the first 60,000 characters of the text: enough to recognise the same or a lightly edited
 * copy of a report without shipping its text.
 */
export interface Fingerprint {
  /** 64 minimum hashes (unsigned 32-bit integers) of the text's word 5-shingles. */
  minhash: number[];
  /** 64-bit SimHash of the weighted terms, as 16 lower-case hex digits. */
  simhash: string;
  /** Top 80 terms (as produced by `termFrequencies`) → 1 + ln(frequency), 3 decimals. */
  terms: Record<string, number>;
}

export interface ReportRecord {
  id: string;
  title: string;
  /** True when the original page had no headline and this title was written by the pack authors. */
  titleIsDescriptive?: boolean;
  /** Outlet id of the publishing outlet. */
  sourceId: string;
  url?: string;
  canonicalUrl?: string;
  /** Other URLs where the same text is known to appear. */
  copies?: string[];
  /** ISO date; see publishedEstimate. */
  published?: string;
  /** True when `published` is an estimate (e.g. from the events described). */
  publishedEstimate?: boolean;
  lang: string;
  authors?: string[];
  summary: string;
  /** Topic tags, e.g. "propaganda", "defectors", "recruitment", "detainees", "mosul". */
  tags: string[];
  entities?: { people?: string[]; organisations?: string[]; places?: string[] };
  claims?: ReportClaim[];
  relays?: Relay[];
  links?: ReportLink[];
  /** Extra matching terms in the report's language(s), beyond title and summary. */
  keywords?: string[];
  /**
   * Full text of the report, when the pack's authors may redistribute it. Optional, and
   * usually absent: a pack normally carries only the `fingerprint` of the text.
   */
  text?: string;
  /** Compact fingerprint of the report's full text. */
  fingerprint?: Fingerprint;
  /** Section of the publication ("Middle East", "World"), when known. */
  section?: string;
  /** ISO date the page was read (reports saved by a user from a page). */
  accessed?: string;
  /** The saver's own note on the report. */
  note?: string;
  /** schema.org ClaimReviews the page carried (it is a fact-check). */
  claimReviews?: ClaimReviewRecord[];
}

/** A fact-checker's review of a claim (schema.org ClaimReview), as a report keeps it. */
export interface ClaimReviewRecord {
  claimReviewed: string;
  /** Who made the claim. */
  claimAuthor?: string;
  /** Where the claim appeared (URL or name). */
  appearance?: string;
  ratingName?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
  /** The reviewing organisation. */
  reviewer?: string;
  datePublished?: string;
  url?: string;
}

/** Caps on the ClaimReviews a page report carries (the extractor and the message contract both apply them). */
export const CLAIM_REVIEW_LIMITS = {
  reviews: 10,
  claimReviewed: 1_000,
  claimAuthor: 300,
  appearance: 1_000,
  ratingName: 200,
  reviewer: 300,
  datePublished: 100,
  url: 2_000,
} as const;
