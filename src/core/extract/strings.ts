/**
 * Small string helpers for metadata values (never turn page text into HTML).
 */
import { hasLetter, lettersAndDigits } from './char-class';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018',
  rdquo: '\u201d', ldquo: '\u201c', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', laquo: '\u00ab',
  raquo: '\u00bb', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô',
};

/** Decode character references that CMSs leave in JSON-LD and attributes ("&amp;", "&#039;"). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    const v = NAMED[body.toLowerCase()];
    return v ?? m;
  });
}

/** Collapse white space, drop zero-width junk, trim. */
export function tidy(s: string | null | undefined): string {
  if (s == null) return '';
  return String(s)
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For loose comparisons: lower case, letters and digits only. */
export function squash(s: string): string {
  const folded = s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return lettersAndDigits(folded);
}

export function looksLikeUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s) || /^www\./i.test(s) || /^[\w-]+(\.[\w-]+)+\/\S*$/.test(s);
}

/** Truncate at a word boundary, adding "…" when shortened. */
export function truncateWords(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.lastIndexOf(' ', max - 1);
  if (cut < max * 0.5) cut = max - 1;
  return s.slice(0, cut).replace(/[\s,;:\-–—(«"'“]+$/u, '') + '…';
}

const BY_PREFIX = /^(?:(?:written|posted|reported|story|words|text)\s+)?(?:by|par|por|بقلم|كتب|كتبه|كتبت|إعداد|اعداد|تحرير)\s*[:：]?\s+/iu;

/** Longer (tidied) byline values are refused without further work (see cleanAuthor). */
const MAX_AUTHOR_INPUT = 600;

/**
 * Clean a byline: remove "By "/"Par "/"بقلم" prefixes, trailing separators, e-mail
 * addresses, and reject values that are URLs or clearly not names.
 */
export function cleanAuthor(raw: string | null | undefined): string | null {
  let s = tidy(decodeEntities(raw ?? ''));
  if (!s) return null;
  // Far over the 150 characters a name may have: refuse before the regexes below, which are
  // quadratic on long runs without white space (a 136 KB author meta took 20 s).
  if (s.length > MAX_AUTHOR_INPUT) return null;
  if (looksLikeUrl(s)) return null;
  for (let i = 0; i < 2; i++) s = s.replace(BY_PREFIX, '');
  s = s
    .replace(/\S+@\S+\.\S+/g, '')
    .replace(/^[\s,;:|\-–—]+|[\s,;:|\-–—]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || s.length > 150) return null;
  if (/^(?:by|par|por|بقلم)$/iu.test(s)) return null;
  if (!hasLetter(s)) return null;
  return s;
}
