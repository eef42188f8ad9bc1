/**
 * Shared types of the pure analysis core. Nothing here touches browser APIs,
 * so the content script, the service worker and the CLI all use the same shapes.
 */

import type { SourcingProfile } from './sourcing/types';
import type { PageClaim } from './claims/extract';

export type TextDirection = 'ltr' | 'rtl';

/** Metadata and body of a page, as extracted by `src/core/extract`. */
export interface ExtractedArticle {
  /** Headline, or a usable substitute (og:title, <title> without site suffix, first sentence). */
  title: string;
  /** True when the page had no headline and `title` was derived from elsewhere. */
  titleDerived: boolean;
  byline: string | null;
  /** Outlet / site name (og:site_name, JSON-LD publisher, or from the host name). */
  siteName: string | null;
  /** ISO 8601 date-time or date, when known. */
  published: string | null;
  /** BCP 47 primary language subtag ('en', 'ar', 'fr', …) or null when unknown. */
  lang: string | null;
  dir: TextDirection;
  canonicalUrl: string | null;
  /** The URL the page was loaded from (or given to the CLI), if any. */
  url: string | null;
  section: string | null;
  description: string | null;
  /** Article body as plain text, page furniture removed; paragraphs separated by "\n\n". */
  text: string;
  /** First paragraph(s) of the body, up to ~400 characters. */
  lead: string;
  wordCount: number;
  /** True when a document-level article was found (Readability or the fallback). */
  isArticle: boolean;
  /**
   * Set when the page was too large for full extraction (Readability skipped, caps applied)
   * or `text` was cut at `maxTextChars`.
   */
  truncated?: boolean;
}

export type EvidenceWhere = 'title' | 'meta' | 'lead' | 'body';

export interface TopicEvidence {
  /** The alias or vocabulary term as written in the profile. */
  term: string;
  /** 'name' for names/aliases of the topic, 'vocab' for related vocabulary. */
  kind: 'name' | 'vocab';
  where: EvidenceWhere;
  count: number;
  /** Character offsets of the first few hits within that field (title, lead or body text). */
  positions: number[];
}

export interface TopicVerdict {
  topicId: string;
  topicLabel: string;
  /** 0..1 */
  score: number;
  onTopic: boolean;
  /** One plain sentence for the popup, e.g. "Named in the headline and 9 times in the body". */
  reason: string;
  evidence: TopicEvidence[];
  /** Language the profile matched with ('en', 'ar', 'fr'). */
  lang: string | null;
  /**
   * 'about': the page's subject; 'partly': a side topic that matters (named repeatedly, or
   * tied to the group's attacks, trials, fighters, …); 'none': not named or in passing.
   * `onTopic` is true for 'about' and 'partly'. Absent in verdicts made before it existed.
   */
  level?: TopicLevel;
}

export type TopicLevel = 'about' | 'partly' | 'none';

/** Result of the cheap first pass run on every page. */
export interface QuickCheckResult {
  /** Whether the full extraction + detection is worth running. */
  worth: boolean;
  /** Why not (for debugging / benchmarks): 'not-article' | 'no-topic-terms' | … */
  reason: string;
  hits: number;
}

/** Input to the quick pass: cheap things a content script can read without layout. */
export interface QuickInput {
  title: string;
  /** og:title, description, keywords, og:type, JSON-LD @type etc. concatenated. */
  meta: string;
  /** A bounded slice of visible-ish text (first N characters of paragraphs). */
  textSlice: string;
  lang: string | null;
  /** Whether the page looks like an article (og:type=article, <article>, NewsArticle JSON-LD, many <p>). */
  articleSignals: number;
}

export interface Analysis {
  article: ExtractedArticle;
  topic: TopicVerdict;
  /** Who the text attributes its statements to, outlets relayed, second-hand flag (src/core/sourcing). */
  sourcing: SourcingProfile;
  /** Checkable statements with a figure or a dated event (src/core/claims). */
  claims: PageClaim[];
}

export type { SourcingProfile, Attribution, AttributionKind } from './sourcing/types';
export type { PageClaim } from './claims/extract';
