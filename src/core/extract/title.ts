/**
 * Headline choice: site-suffix stripping, generic-title detection, and a title
 * derived from the lead for headline-less pages.
 */
import { squash, tidy, truncateWords } from './strings';

const SEP_RE = /\s+(?:\||-{1,2}|–|—|::|·|•|«|»|―|_|~|\/)\s+|_(?=[^_]{1,30}$)/g;

const GENERIC_TITLES = new Set(
  [
    'home', 'homepage', 'home page', 'news', 'latest news', 'breaking news', 'untitled', 'untitled document', 'document',
    'index', 'page', 'article', 'story', 'welcome', 'accueil', 'actualites', 'actualités', 'la une', 'الرئيسية',
    'الصفحة الرئيسية', 'أخبار', 'اخبار', 'loading', 'loading...', 'redirecting', 'null', 'undefined',
  ].map(squash),
);

/** "www.nasdaq.com" → "nasdaq.com"; "edition.cnn.com" → "cnn.com"; "news.bbc.co.uk" → "bbc.co.uk". */
export function tidyHost(hostname: string): string | null {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (!h || /^[\d.]+$/.test(h) || h === 'localhost' || h.includes(':')) return h || null;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels[labels.length - 1];
  const sld = labels[labels.length - 2];
  const twoLevel =
    tld.length === 2 && /^(co|com|org|net|gov|ac|edu|gob|gouv|ne|or|go|nic|mil|info|biz|ltd|plc|me|sch|nhs|police)$/.test(sld);
  return labels.slice(twoLevel ? -3 : -2).join('.');
}

/** The raw hostname of an http(s) address ("www." kept), for the title heuristics; page hosts elsewhere use core/match/host's hostOf. */
export function httpHostname(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return u.hostname || null;
  } catch {
    return null;
  }
}

const BRAND_TAIL = /^(?:news|online|com|tv|media|net|magazine|daily|times|post|press|arabic|english|world|fr|ar|en|dotcom|money|business|international|today|live|digital|\d+)+$/;

/**
 * Whether `part` names the site: equal to a site name or to the host's brand
 * ("nasdaq.com", "Nasdaq", "CNNMoney" for cnn.com). With `loose`, also when one of
 * part / site name contains the other (for the segment after a " | " separator).
 */
function namesSite(part: string, siteNames: string[], host: string | null, loose: boolean): boolean {
  const p = squash(part);
  if (!p) return false;
  for (const s of siteNames) {
    const q = squash(s);
    if (!q) continue;
    if (p === q) return true;
    // "Yahoo News" for the site "Yahoo News - Latest News & Headlines"
    if (s.split(SEP_RE).some((part) => squash(part) === p)) return true;
    if (loose && p.length >= 4 && q.length >= 4 && (q.includes(p) || p.includes(q)) && part.split(/\s+/).length <= 6) return true;
  }
  if (host) {
    const tidyH = tidyHost(host) ?? host;
    if (p === squash(host) || p === squash(tidyH) || p === squash(host.replace(/^www\./, ''))) return true;
    const brand = tidyH.split('.')[0];
    if (brand && brand.length >= 2 && p.startsWith(brand) && BRAND_TAIL.test(p.slice(brand.length) || 'com')) return true;
  }
  return false;
}

/** Whether a title is a placeholder (site name, host name, "Home", a bare domain). */
export function isGenericTitle(title: string, siteNames: string[], host: string | null): boolean {
  const t = tidy(title);
  if (!t) return true;
  if (GENERIC_TITLES.has(squash(t))) return true;
  if (/^[\w-]+(\.[\w-]+)+$/.test(t) && /\.[a-z]{2,}$/i.test(t)) return true; // a bare domain
  if (namesSite(t, siteNames, host, false)) return true;
  // "Site | Home", "News - Site"
  const parts = t.split(SEP_RE).map((x) => x.trim()).filter(Boolean);
  if (parts.length >= 2 && parts.every((x) => GENERIC_TITLES.has(squash(x)) || namesSite(x, siteNames, host, true))) return true;
  return false;
}

/**
 * Remove " - Site", " | Site", " – Site" suffixes (and "Site | " prefixes).
 * With `heuristic`, also drop a short trailing segment when the remaining title is long
 * enough (document <title>s nearly always end with the site or section name).
 */
export function stripSiteSuffix(title: string, siteNames: string[], host: string | null, heuristic: boolean): string {
  let t = tidy(title);
  for (let guard = 0; guard < 4; guard++) {
    const seps = [...t.matchAll(SEP_RE)];
    if (!seps.length) break;
    const last = seps[seps.length - 1];
    const before = t.slice(0, last.index).trim();
    const after = t.slice(last.index! + last[0].length).trim();
    if (before && after && namesSite(after, siteNames, host, true)) {
      t = before;
      continue;
    }
    const first = seps[0];
    const head = t.slice(0, first.index).trim();
    const rest = t.slice(first.index! + first[0].length).trim();
    if (head && rest && namesSite(head, siteNames, host, true)) {
      t = rest;
      continue;
    }
    break;
  }
  if (heuristic) {
    const seps = [...t.matchAll(SEP_RE)];
    if (seps.length) {
      const last = seps[seps.length - 1];
      const before = t.slice(0, last.index).trim();
      const after = t.slice(last.index! + last[0].length).trim();
      const sepChar = last[0].trim();
      const afterWords = after.split(/\s+/).length;
      const beforeWords = before.split(/\s+/).length;
      // " - " inside real headlines is common; only cut hyphen-separated tails that look like names.
      const strongSep = sepChar !== '-' && sepChar !== '/';
      if (before && after && afterWords <= 4 && beforeWords >= 4 && (strongSep || /^[\p{Lu}\d]/u.test(after))) t = before;
    }
  }
  return t;
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Gov|Sen|Rep|Rev|St|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|M|Mme|Mlle)|\b\p{Lu}|\b(?:U\.S|U\.K|U\.N|E\.U))\.$/u;

const AGENCIES = 'Reuters|AP|AFP|dpa|DPA|Xinhua|UPI|Bloomberg|CNN|AA|Anadolu|WAM|SPA|KUNA|MENA|RTTNews|IANS|PTI|ANI|Sputnik|TASS|IRNA|EFE|ANSA';

/** Remove a wire-service dateline ("BAGHDAD, May 3 (Reuters) - ", "PARIS (AFP) — ", "BEIRUT — "). */
export function stripDateline(s: string): string {
  // CITY[, Month Day] (Agency) - …
  let t = s.replace(
    new RegExp(`^\\p{Lu}[\\p{L}\\p{N}\\s.'’,/-]{1,60}?\\s*\\((?:${AGENCIES})\\)\\s*[-–—:]{1,2}\\s*`, 'u'),
    '',
  );
  // CITY — … (city in capitals)
  if (t === s) t = s.replace(/^\p{Lu}[\p{Lu}\s.'’-]{2,40}(?:,\s*\p{Lu}[\p{L}.]{2,12}\.?\s+\d{1,2})?\s*[-–—]{1,2}\s+/u, '');
  return t.trim();
}

/** First sentence of a paragraph (bounded), sentence-ending punctuation kept. */
export function firstSentence(p: string): string {
  const s = tidy(p);
  const re = /[.!?؟。](?:["'”’»)\]]*)(?=\s+["'“‘«(\[]?[\p{Lu}\p{Lo}\d]|\s*$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREV.test(s.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    if (end >= 20) return s.slice(0, end).trim();
    if (end > 400) break;
  }
  return s;
}

/** A usable title from the lead paragraph: first sentence, dateline removed, ≤ ~110 chars. */
export function deriveTitle(leadParagraph: string, max = 110): string {
  let s = stripDateline(firstSentence(stripDateline(tidy(leadParagraph))));
  s = s.replace(/[.。]$/, '');
  return truncateWords(s, max);
}

