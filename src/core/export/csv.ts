/**
 * CSV export: one row per highlight, for spreadsheets.
 *
 * - RFC 4180: fields separated by commas, records by CRLF; a field containing a comma, a
 *   double quote, CR or LF is enclosed in double quotes, and its double quotes doubled.
 *   Line breaks inside a quote are kept (inside the quoted field).
 * - The text starts with a UTF-8 byte-order mark (U+FEFF) so that Excel reads it as UTF-8
 *   (Arabic and other non-Latin text would otherwise be garbled); other readers skip it.
 * - Formula injection is neutralised: a cell whose text starts with `=`, `+`, `-`, `@`, or
 *   any control character (NUL and the other C0 controls — tab, carriage return, line feed
 *   included — and DEL; OWASP ASVS 5.0 V1.2.10) is prefixed with an apostrophe (`'`), the
 *   OWASP recommendation, so a spreadsheet shows it as text instead of running it
 *   (`=HYPERLINK(…)`, `@SUM(…)`). The cell then reads with the apostrophe — a quote that
 *   starts with "-" appears as "'-…" — which is the price of never executing a page's or a
 *   file's text; every column, ours included, goes through the same rule.
 * - Tags are joined with "; ". Times are ISO 8601 (UTC). "anchor" is the outcome of the
 *   last re-anchoring on a visit (exact, position, fuzzy, orphan), empty when not yet known.
 *   "archived copy" is the Wayback Machine link of the page at the time the highlight was
 *   saved (archive.ts; built from the address and time, nothing is requested).
 */
import { archiveUrl } from './archive';
import { isoTime } from './highlight-check';
import type { HighlightRecord } from './types';

export const CSV_COLUMNS = ['page url', 'page title', 'outlet', 'quote', 'note', 'tags', 'colour', 'created', 'anchor', 'highlight id', 'archived copy'] as const;
export const CSV_BOM = '\uFEFF';
export const TAG_SEPARATOR = '; ';

// eslint-disable-next-line no-control-regex
export const FORMULA_START = /^[=+\-@\u0000-\u001F\u007F]/;

/** A cell's text made inert for spreadsheets (see the module comment). */
export function neutralizeFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One RFC 4180 field. */
export function csvField(s: string): string {
  const v = neutralizeFormula(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface CsvRowInput {
  highlight: HighlightRecord;
  /** The page's title and outlet as the export knows them (the highlight's own title otherwise). */
  pageTitle?: string;
  outlet?: string;
}

/** The cells of a highlight's row, before quoting and neutralising. */
export function csvCells({ highlight: h, pageTitle, outlet }: CsvRowInput): string[] {
  return [
    h.url,
    pageTitle ?? h.pageTitle ?? '',
    outlet ?? '',
    h.quote,
    h.note ?? '',
    h.tags.join(TAG_SEPARATOR),
    h.color,
    isoTime(h.createdAt),
    h.anchor?.status ?? '',
    h.id,
    archiveUrl(h.url, h.createdAt) ?? '',
  ];
}

/** The CSV file's text: BOM, header row, one row per highlight, CRLF after every record. */
export function toCsv(rows: readonly CsvRowInput[]): string {
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const r of rows) lines.push(csvCells(r).map(csvField).join(','));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
