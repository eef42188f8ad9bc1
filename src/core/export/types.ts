/**
 * Shapes shared by the export and import formats. Pure data: no browser or Node APIs.
 * `HighlightRecord` is defined in the domain model (../model/highlight.ts); it mirrors
 * `StoredHighlight` (src/store/db.ts) field for field; the store layer (src/store/highlights-io.ts) asserts at compile time that the two stay identical,
 * so the core does not import the Dexie module.
 */
import { ANCHOR_STATUSES, DEFAULT_HIGHLIGHT_COLOR, HIGHLIGHT_COLORS, type HighlightColor, type HighlightRecord } from '../model';

export { ANCHOR_STATUSES };
export type { AnchorState, HighlightRecord } from '../model';

/** The highlight colours, in the order the UI offers them (same list as db.ts HIGHLIGHT_COLORS). */
export const EXPORT_COLORS = HIGHLIGHT_COLORS;
export type ExportColor = HighlightColor;
export const DEFAULT_COLOR: ExportColor = DEFAULT_HIGHLIGHT_COLOR;

/**
 * A page the user keeps: a saved report, or a page that has highlights. What the citation
 * (CSL-JSON) and Markdown exports know about it.
 */
export interface ExportPage {
  /** Page URL (http or https). */
  url: string;
  /** The page's canonical URL (`<link rel="canonical">`), when known: citations prefer it. */
  canonicalUrl?: string;
  /** The page's title (the URL when nothing better is known). */
  title: string;
  /** Publishing outlet's name, when known. */
  outlet?: string;
  authors?: string[];
  /** Publication date: ISO 8601 date, partial date (YYYY, YYYY-MM) or date-time. */
  published?: string;
  /** When the user read / saved the page: ms since the epoch, or an ISO 8601 (partial) date. */
  accessed?: number | string;
  /** BCP 47 language tag. */
  lang?: string;
  section?: string;
  /** Id of the stored report this page is (a saved report or a pack report). */
  reportId?: string;
  /** Free text for the citation's note (CSL `note`, Zotero's "Extra"). */
  note?: string;
}

/** A page with its highlights, for the per-page exports. */
export interface PageHighlights {
  page: ExportPage;
  highlights: HighlightRecord[];
}

/**
 * A problem with one item of an imported file. `path` locates it (`$.first.items[3]`);
 * `severity: 'error'` means the item was skipped, `'warning'` that it was imported with
 * the part described left out or replaced by a default.
 */
export interface ImportProblem {
  path: string;
  /** The item's id, when it had one. */
  id?: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface HighlightsImport {
  highlights: HighlightRecord[];
  problems: ImportProblem[];
}

/** Limits on imported highlights: they bound what a hostile file can make the store hold. */
export const MAX_IMPORT_HIGHLIGHTS = 100_000;
export const MAX_QUOTE_CHARS = 50_000;
/** Prefix and suffix of a TextQuoteSelector (ours carry 32 characters). */
export const MAX_CONTEXT_CHARS = 1_000;
export const MAX_NOTE_CHARS = 20_000;
export const MAX_TAG_CHARS = 2_000;
export const MAX_TAGS = 1_000;
export const MAX_ID_CHARS = 2_048;
export const MAX_PAGE_TITLE_CHARS = 2_000;
/** Problems listed at most per import; one last problem says how many more there were. */
export const MAX_IMPORT_PROBLEMS = 1_000;
