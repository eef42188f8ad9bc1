/**
 * Claims: checkable statements with a figure or a dated event. A `ReportClaim` is written
 * by pack authors about a stored report; a `PageClaim` is found by the analyser in a page.
 */
import type { AnalysisLang } from './lang';
import type { AttributionKind } from './sourcing';

/** How a figure is qualified ("about 7,000", "more than 160", "dozens"). */
export const CLAIM_QUALIFIERS = [
  'exact',
  'about',
  'more-than',
  'at-least',
  'fewer-than',
  'up-to',
  'dozens',
  'hundreds',
  'thousands',
  'several',
  'none',
] as const;
export type ClaimQualifier = (typeof CLAIM_QUALIFIERS)[number];

/** A checkable statement of a stored report, written in the pack authors' own words. */
export interface ReportClaim {
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

/** A claim found in a page's text by `extractClaims`. */
export interface PageClaim {
  /** The sentence stating the claim, trimmed. */
  text: string;
  /** The figure (null for vague quantities such as "dozens" and for events). */
  quantity: number | null;
  qualifier: ClaimQualifier;
  /** What is counted as written ("soldiers"), or "%". */
  unit?: string;
  /** The counted noun phrase as written ("Syrian soldiers", "foreign IT experts", "معتقل"). */
  subject: string;
  date?: string;
  /** Gazetteer places named in the sentence ("Mosul, Iraq"). */
  place?: string;
  /** Who the sentence is attributed to (a person, an anonymous source, an outlet, a document). */
  attributedTo?: string;
  attributedKind?: AttributionKind;
  /** The outlet list id of the source, when it is a known outlet. */
  attributedId?: string;
  /** The outlet the source spoke to, when known. */
  via?: string;
  /** Offsets of the sentence in the text. */
  start: number;
  end: number;
  /** The figure as written and its offsets ("approximately 7,000"); absent for events. */
  figure?: { text: string; start: number; end: number };
  lang: AnalysisLang;
}
