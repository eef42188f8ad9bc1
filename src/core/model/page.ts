/** A page as the analysers see it: extracted article, and the full analysis of it. */
import type { PageClaim } from './claims';
import type { TextDirection } from './lang';
import type { SourcingProfile } from './sourcing';
import type { TopicVerdict } from './topic';

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

/** Everything the core works out about one page. */
export interface Analysis {
  article: ExtractedArticle;
  topic: TopicVerdict;
  /** Who the text attributes its statements to, outlets relayed, second-hand flag (src/core/sourcing). */
  sourcing: SourcingProfile;
  /** Checkable statements with a figure or a dated event (src/core/claims). */
  claims: PageClaim[];
}
