/**
 * Report pack format, version 1. A pack is a JSON file teams share: outlet profiles
 * ("sources") and annotated reports. All text is plain text and is rendered as text.
 * See docs/pack-format.md (later issue) for the full specification.
 */

export const PACK_FORMAT = 'provenance-pack/1';

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
}

export interface Pack {
  format: string;
  id: string;
  name: string;
  version: string;
  publisher: string;
  /** ISO date-time of this version. */
  updated: string;
  description?: string;
  sources: SourceProfile[];
  reports: ReportRecord[];
  [extra: string]: unknown;
}
