/**
 * Outlets: the publications that print news (a page's publisher, an outlet a text relays).
 * An outlet is never a speaker: who is quoted inside a text is a `Speaker` (sourcing.ts).
 */

/** Kinds of outlet a pack may describe. */
export const OUTLET_TYPES = [
  'wire',
  'newspaper',
  'broadcaster',
  'regional',
  'syndicator',
  'state-affiliated',
  'magazine',
  'news-site',
  'blog',
  'aggregator',
  // The Islamic State's own media (Amaq, al-Naba, …): profiled so readers learn what they are;
  // never a page's publisher (no domains) and never matched as a relayed outlet in text.
  'group-media',
] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];

/** An outlet's profile as a pack describes it ("sources" in the pack format). Facts only: no ratings. */
export interface OutletProfile {
  /** Stable id, kebab-case, e.g. "wsj". */
  id: string;
  name: string;
  /** Other names the outlet is cited by in text ("Novosti", "RIA", "WSJ"). */
  aliases?: string[];
  /** Host names this outlet publishes on; subdomains match too. */
  domains: string[];
  type: OutletType;
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

/**
 * The shape in which known outlets are handed to the sourcing extractor: outlet profiles
 * reduced to what the text matchers need.
 */
export interface OutletName {
  sourceId: string;
  name: string;
  aliases: string[];
  /** Host names the outlet publishes on (to recognise the page's own outlet). */
  domains?: string[];
}
