/**
 * Report pack format, version 1. A pack is a JSON file teams share: topic profiles,
 * outlet profiles ("sources") and annotated reports. All text is plain text and is
 * rendered as text. Fields not listed here are preserved (a later minor revision of the
 * format may add them). See docs/pack-format.md for the full specification, and
 * `validatePack` (validate.ts) for the rules.
 */
import type { TopicProfile } from '../detect/profile';

export const PACK_FORMAT = 'provenance-pack/1';
/** Major version of the pack format this code reads (the number after the slash). */
export const PACK_FORMAT_MAJOR = 1;

export type SourceType =
  | 'wire'
  | 'newspaper'
  | 'broadcaster'
  | 'regional'
  | 'syndicator'
  | 'state-affiliated'
  | 'magazine'
  | 'news-site'
  | 'blog'
  | 'aggregator';

/** An outlet profile. Facts only: no ratings. */
export interface SourceProfile {
  /** Stable id, kebab-case, e.g. "wsj". */
  id: string;
  name: string;
  /** Other names the outlet is cited by in text ("Novosti", "RIA", "WSJ"). */
  aliases?: string[];
  /** Host names this outlet publishes on; subdomains match too. */
  domains: string[];
  type: SourceType;
  /** ISO 3166-1 alpha-2 country code, or a region name. */
  country: string;
  /** Main publication languages, BCP 47. */
  languages: string[];
  ownership?: string;
  founded?: number;
  /** Short factual notes written by the pack's authors. */
  notes: string;
  links?: string[];
}

export type ClaimQualifier =
  | 'exact'
  | 'about'
  | 'more-than'
  | 'at-least'
  | 'fewer-than'
  | 'up-to'
  | 'dozens'
  | 'hundreds'
  | 'thousands'
  | 'several'
  | 'none';

/** A checkable statement, written in the pack authors' own words. */
export interface Claim {
  /** What is counted or asserted, as a short normalised subject ("foreign IT experts who deserted ISIS in Mosul"). */
  subject: string;
  /** The claim in the authors' words. */
  text: string;
  quantity?: number;
  qualifier?: ClaimQualifier;
  unit?: string;
  date?: string;
  place?: string;
  /** Who the report attributes the claim to (a person, "anonymous source", or an outlet). */
  attributedTo?: string;
}

export type RelayKind = 'quotes' | 'republishes' | 'cites' | 'interview';

/** An outlet whose reporting this report relays. */
export interface Relay {
  /** Source id in this pack when known, else null. */
  sourceId: string | null;
  name: string;
  how: RelayKind;
}

export type ReportLinkType = 'republishes' | 'cites' | 'same-story';

export interface ReportLink {
  type: ReportLinkType;
  /** Report id in the store (same or other pack). */
  reportId: string;
}

export interface ReportRecord {
  id: string;
  title: string;
  /** True when the original page had no headline and this title was written by the pack authors. */
  titleIsDescriptive?: boolean;
  /** Source id of the publishing outlet. */
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
  claims?: Claim[];
  relays?: Relay[];
  links?: ReportLink[];
  /** Extra matching terms in the report's language(s), beyond title and summary. */
  keywords?: string[];
  /**
   * Full text of the report, when the pack's authors may redistribute it. Optional, and
   * usually absent: a pack normally carries only the `fingerprint` of the text.
   */
  text?: string;
  /** Compact fingerprint of the report's full text (see fingerprint.ts). */
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

/**
 * Compact fingerprint of a text, computed by `fingerprintText` (fingerprint.ts) from the
 * first 60,000 characters of the text: enough to recognise the same or a lightly edited
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

export interface Pack {
  format: string;
  id: string;
  name: string;
  version: string;
  publisher: string;
  /** ISO 8601 date or date-time of this version. */
  updated: string;
  description?: string;
  /** http(s) page about the pack. */
  homepage?: string;
  /** Hours between update checks for subscribed packs; at least 1, default 24. */
  updateInterval?: number;
  /** Topic profiles (the format of src/core/detect/profiles/*.json). */
  topics?: TopicProfile[];
  sources: SourceProfile[];
  reports: ReportRecord[];
  [extra: string]: unknown;
}
