/**
 * CSL-JSON export of the user's pages (saved reports and pages with highlights), for
 * reference managers: Zotero imports it (File → Import…, or paste from the clipboard) as
 * "Newspaper Article" items.
 *
 * Each page becomes one item of type "article-newspaper":
 * `id`, `title`, `container-title` (the outlet; the site's host name when the outlet is
 * unknown), `author`, `URL`, `issued` (publication date, only when known — never
 * invented), `accessed`, `language`, `section` (when known) and `note`.
 *
 * Dates are `{"date-parts": [[y, m, d]]}` with as many parts as are known (a partial date
 * "2024-05" is `[[2024, 5]]`). A publication date-time keeps its own calendar date (the
 * date as published, not converted to UTC); `accessed` is an ISO date as
 * written, or a time in ms written as its UTC calendar date.
 *
 * Authors: "Family, Given" is split at the comma; a name in Latin, Greek or Cyrillic script
 * of two or more words is split before the last word, lower-case particles before it (van,
 * de, al-…) going to `non-dropping-particle`; anything else — one word, other scripts
 * (Arabic names do not reliably split this way), agency or desk bylines — is a `literal`.
 */
import type { ExportPage } from './types';
import { hostOf } from '../match/host';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts': number[][];
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  URL: string;
  issued?: CslDate;
  accessed?: CslDate;
  language?: string;
  section?: string;
  note?: string;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'des', 'la', 'le', 'ter', 'ten', 'al', 'el', 'bin', 'ibn', 'ben', 'abu', 'dos', 'das']);
const ORGANISATION = /\b(?:staff|desk|bureau|agency|agencies|news|newsroom|reporters?|correspondents?|editors?|editorial|team|service|press|wire|reuters|afp|ap|associated|times|post|journal|tribune|herald|media|online|and)\b|&|\d/i;
const SPLITTABLE_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\s.'’-]+$/u;

/** A byline name as CSL. */
export function cslName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma && SPLITTABLE_SCRIPT.test(name.replace(',', ''))) return { family: comma[1].trim(), given: comma[2].trim() };
  const words = name.split(' ');
  if (words.length < 2 || !SPLITTABLE_SCRIPT.test(name) || ORGANISATION.test(name)) return { literal: name };
  let i = words.length - 1;
  const particles: string[] = [];
  while (i > 1 && PARTICLES.has(words[i - 1].toLowerCase()) && words[i - 1] === words[i - 1].toLowerCase()) particles.unshift(words[--i]);
  const out: CslName = { family: words[words.length - 1], given: words.slice(0, i).join(' ') };
  if (particles.length) out['non-dropping-particle'] = particles.join(' ');
  return out;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;

/** A (partial) ISO 8601 date or date-time as CSL date parts, or undefined when it is not one. */
export function cslDate(iso: string | undefined): CslDate | undefined {
  const m = iso ? ISO_DATE.exec(iso.trim()) : null;
  if (!m) return undefined;
  const parts = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  if (parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12)) return undefined;
  if (parts[2] !== undefined && (parts[2] < 1 || parts[2] > 31)) return undefined;
  return { 'date-parts': [parts] };
}

/** A time in ms as its UTC calendar date. */
export function cslDay(ms: number): CslDate | undefined {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] };
}


function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Citation id: the report id, else "page-" and a short, stable form of the URL; unique in the export. */
function itemId(page: ExportPage, used: Set<string>): string {
  const fromUrl = `page-${hostOf(page.url) ?? ''}${pathOf(page.url)}`.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+$/, '').slice(0, 120);
  const base = page.reportId || fromUrl;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

export function cslItem(page: ExportPage, used = new Set<string>()): CslItem {
  const item: CslItem = { id: itemId(page, used), type: 'article-newspaper', title: page.title || page.url, URL: page.url };
  const container = page.outlet || hostOf(page.url) || undefined;
  if (container) item['container-title'] = container;
  const authors = (page.authors ?? []).map((a) => a.trim()).filter(Boolean);
  if (authors.length) item.author = authors.map(cslName);
  const issued = cslDate(page.published);
  if (issued) item.issued = issued;
  const accessed = typeof page.accessed === 'number' ? cslDay(page.accessed) : cslDate(page.accessed);
  if (accessed) item.accessed = accessed;
  if (page.lang) item.language = page.lang;
  if (page.section) item.section = page.section;
  if (page.note) item.note = page.note;
  return item;
}

export function toCsl(pages: readonly ExportPage[]): CslItem[] {
  const used = new Set<string>();
  return pages.map((p) => cslItem(p, used));
}

export function cslText(pages: readonly ExportPage[]): string {
  return JSON.stringify(toCsl(pages), null, 2) + '\n';
}
