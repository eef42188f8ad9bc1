/**
 * Archived-copy links: the Internet Archive's Wayback Machine address of a page as it was
 * when the user saved it — `https://web.archive.org/web/<YYYYMMDDhhmmss>/<url>` with the
 * time in UTC. The Wayback Machine answers such an address with the capture nearest to
 * that time, so the link works whether or not a capture exists at that second.
 *
 * Building the link is pure string work: nothing is requested, nothing is checked online.
 * Every export writes it next to the page's own address (CSL `archive_location`, Web
 * Annotation `state.cached`, a CSV column, a Markdown link), and Markdown links carry the
 * Robust Links attributes (`data-originalurl`, `data-versiondate`) of
 * https://robustlinks.mementoweb.org/spec/ so a reader's tools can fall back to the copy.
 */

export const WAYBACK_PREFIX = 'https://web.archive.org/web/';

/** A save time (ms since the epoch, or an ISO 8601 date or date-time) as ms, or null. */
export function savedAtMs(at: number | string | undefined): number | null {
  if (typeof at === 'number') return Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? at : null;
  if (typeof at !== 'string' || !/^\d{4}(?:-\d{2}(?:-\d{2}(?:T.*)?)?)?$/.test(at.trim())) return null;
  const ms = Date.parse(at.trim().length === 4 ? `${at.trim()}-01-01` : at.trim());
  return Number.isNaN(ms) ? null : ms;
}

/** The 14-digit Wayback timestamp (UTC) of a time in ms; null outside years 1000–9999. */
export function waybackTimestamp(ms: number): string | null {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || y < 1000 || y > 9999) return null;
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The http(s) address in its parsed form, or null. */
function webUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The Wayback Machine link of `url` at the save time `at`; null when either is not usable. */
export function archiveUrl(url: string, at: number | string | undefined): string | null {
  const ms = savedAtMs(at);
  const href = webUrl(url);
  const ts = ms === null ? null : waybackTimestamp(ms);
  return href && ts ? `${WAYBACK_PREFIX}${ts}/${href}` : null;
}

/** The Robust Links `data-versiondate` value (ISO 8601 date, UTC) of a save time; null when unusable. */
export function versionDate(at: number | string | undefined): string | null {
  const ms = savedAtMs(at);
  return ms === null || waybackTimestamp(ms) === null ? null : new Date(ms).toISOString().slice(0, 10);
}
