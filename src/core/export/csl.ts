/**
 * CSL-JSON export of the user's pages (saved reports and pages with highlights), for
 * reference managers: Zotero imports it (File → Import…, or paste from the clipboard) as
 * "Newspaper Article" items.
 *
 * Each page becomes one item of type "article-newspaper":
 * `id`, `title`, `container-title` (the outlet; the site's host name, lower-case, when the
 * outlet is unknown — wrapped in `<span class="nocase">`, CSL-JSON's rich-text markup that
 * citeproc-js and Zotero honour, so styles that title-case container titles do not print
 * "Blog.Example.Org"), `author`, `URL` (the canonical address when known, without tracking
 * parameters: tracking.ts), `issued` (publication date, only when known — never invented),
 * `accessed`, `archive` + `archive_location` (the Internet Archive's Wayback Machine and
 * the link to the page's copy at the save time, archive.ts; CSL 1.0.2 defines
 * `archive_location` as the item's location in the archive, Zotero shows it as "Loc. in
 * Archive"), `language`, `section` (when known) and `note`.
 *
 * Dates are `{"date-parts": [[y, m, d]]}` with as many parts as are known (a partial date
 * "2024-05" is `[[2024, 5]]`) and real: a day the month does not have ("2025-02-31") is
 * dropped (the year and month stay), an impossible month drops the whole date. A
 * publication date-time keeps its own calendar date (the date as published, not converted
 * to UTC); `accessed` is an ISO date as written, or a time in ms written as its UTC
 * calendar date.
 *
 * Authors: "Family, Given" is split at the comma; a name in Latin, Greek or Cyrillic script
 * of two or more words is split before the last word. Lower-case name particles before it
 * (NON_DROPPING_PARTICLES: van, van der, de, de la, di, da, du, des, ter, ten, al, el, bin,
 * ibn, ben, dos, das…; attached al-/el-/d'/l' prefixes of the last word) stay with the
 * family name; German von/zu (DROPPING_PARTICLES) go with the given name — CSL's
 * non-dropping and dropping particles. They are written *inside* `family` ("van der Berg")
 * and at the end of `given` ("Alexander von"), the form CSL processors parse particles
 * from (citeproc-js `parseParticles`, on by default), because Zotero's CSL-JSON import
 * keeps only `family` and `given` and drops the separate particle fields ("Ludwig van der
 * Berg" became "Berg, Ludwig"). Anything else — one word, other scripts (Arabic names do
 * not reliably split this way), agency or desk bylines — is a `literal`.
 */
import { archiveUrl } from './archive';
import { citationUrl } from './tracking';
import type { ExportPage } from './types';
import { hostOf } from '../match/host';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
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
  /** "Internet Archive" when `archive_location` is set. */
  archive?: string;
  /** The Wayback Machine link of the page at its save time. */
  archive_location?: string;
  language?: string;
  section?: string;
  note?: string;
}

/** Particles that stay with the family name (Dutch, French, Italian, Spanish, Portuguese, Arabic). */
export const NON_DROPPING_PARTICLES: ReadonlySet<string> = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'degli', 'di', 'da', 'du', 'des', 'la', 'le', 'lo', 'ter', 'ten', 'al', 'el', 'bin', 'ibn', 'ben', 'bint', 'dos', 'das', 'do']);
/** Particles dropped when the family name stands alone (German nobiliary particles). */
export const DROPPING_PARTICLES: ReadonlySet<string> = new Set(['von', 'zu', 'und']);
/** Particles written attached to the family name. */
const ATTACHED_PARTICLE = /^(al-|el-|d'|d’|l'|l’)(\p{Lu}.*)$/u;
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
  const isParticle = (w: string) => w === w.toLowerCase() && (NON_DROPPING_PARTICLES.has(w) || DROPPING_PARTICLES.has(w));
  while (i > 1 && isParticle(words[i - 1])) i--;
  const particles = words.slice(i, words.length - 1);
  // German particles first ("von"), then the ones that stay ("von der" → dropping "von", non-dropping "der").
  let d = 0;
  while (d < particles.length && DROPPING_PARTICLES.has(particles[d])) d++;
  const dropping = particles.slice(0, d);
  const nonDropping = particles.slice(d);
  const given = [...words.slice(0, i), ...dropping].join(' ');
  const family = [...nonDropping, words[words.length - 1]].join(' ');
  return { family, given };
}

/**
 * The CSL name parts a CSL processor reads from a name we wrote: `non-dropping-particle`
 * from the lower-case words (or attached prefix) at the start of `family`,
 * `dropping-particle` from the lower-case words at the end of `given` (the rule of
 * citeproc-js `parseParticles`). Used by the tests; exported for tools that want the
 * explicit fields.
 */
export function cslNameParts(n: CslName): CslName {
  if (n.literal !== undefined || n.family === undefined) return { ...n };
  const fam = n.family.split(' ');
  let f = 0;
  while (f < fam.length - 1 && fam[f] === fam[f].toLowerCase() && /\p{L}/u.test(fam[f])) f++;
  let family = fam.slice(f).join(' ');
  let ndp = fam.slice(0, f).join(' ');
  const attached = f === fam.length - 1 ? ATTACHED_PARTICLE.exec(family) : null;
  if (attached) {
    ndp = ndp ? `${ndp} ${attached[1]}` : attached[1];
    family = attached[2];
  }
  const giv = (n.given ?? '').split(' ').filter(Boolean);
  let g = giv.length;
  while (g > 1 && giv[g - 1] === giv[g - 1].toLowerCase() && /\p{L}/u.test(giv[g - 1])) g--;
  const out: CslName = { family, given: giv.slice(0, g).join(' ') };
  if (g < giv.length) out['dropping-particle'] = giv.slice(g).join(' ');
  if (ndp) out['non-dropping-particle'] = ndp;
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
  if (parts[0] < 1 || (parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12))) return undefined;
  // A day the month does not have: the day is dropped, the year and month kept.
  if (parts[2] !== undefined && (parts[2] < 1 || parts[2] > daysInMonth(parts[0], parts[1]))) parts.length = 2;
  return { 'date-parts': [parts] };
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month: the month's last day
  return d.getUTCDate();
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
  const url = citationUrl(page.url, page.canonicalUrl);
  const item: CslItem = { id: itemId(page, used), type: 'article-newspaper', title: page.title || url, URL: url };
  const host = hostOf(url);
  const outlet = page.outlet?.trim();
  // An outlet "name" that is only the host (pages saved without a site name) is the host too.
  const isHost = !!outlet && !!host && outlet.toLowerCase().replace(/^www\./, '') === host;
  if (outlet && !isHost) item['container-title'] = outlet;
  else if (host) item['container-title'] = `<span class="nocase">${host}</span>`;
  const authors = (page.authors ?? []).map((a) => a.trim()).filter(Boolean);
  if (authors.length) item.author = authors.map(cslName);
  const issued = cslDate(page.published);
  if (issued) item.issued = issued;
  const accessed = typeof page.accessed === 'number' ? cslDay(page.accessed) : cslDate(page.accessed);
  if (accessed) item.accessed = accessed;
  const archived = archiveUrl(url, page.accessed);
  if (archived) {
    item.archive = 'Internet Archive';
    item.archive_location = archived;
  }
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
