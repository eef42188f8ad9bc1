/**
 * Article extraction: metadata + readable body of a DOM Document.
 *
 * Works on the live `document` (content script) and on linkedom documents (Node CLI,
 * tests; see `./parse-html`). The caller's document is never modified: Readability runs
 * on a clone. Never throws.
 */
import { normalizeText } from '../text/normalize';
import { countLetterRuns, countProse, countWordRuns, wordRuns } from './char-class';
import type { ExtractedArticle } from '../types';
import { extractBody, type BodyResult } from './body';
import { documentUrl } from './doc-url';
import type { Para } from './dom-text';
import { stripFurniture } from './furniture';
import { conflictsWithScript, countScripts, detectLang, dirForLang, guessLatinLang } from './lang';
import { readRawMeta, resolveMeta, type ResolvedMeta } from './metadata';
import { cleanAuthor, squash, tidy, truncateWords } from './strings';
import { deriveTitle, httpHostname, isGenericTitle, stripSiteSuffix, tidyHost } from './title';

export interface ExtractOptions {
  /** The page URL (defaults to the document's own URL when it has one). */
  url?: string;
  /** Cap on `text` length in characters (default 200,000). */
  maxTextChars?: number;
  /** Always run Readability, even when the page declares its body (comparisons, `scripts/lib/extract-eval.ts`). */
  noDeclared?: boolean;
}

export const DEFAULT_MAX_TEXT_CHARS = 200_000;
/** Above this many elements Readability is skipped (the fallback runs with caps). */
export const MAX_ELEMENTS_FOR_READABILITY = 20_000;
/** Above this much body text Readability is skipped. */
export const MAX_BODY_TEXT_FOR_READABILITY = 2_000_000;
/**
 * Above this nesting depth Readability is skipped (its cost grows with elements × depth, and
 * faster still when it retries on a page with little text: 200 levels took 200–600 ms). Real
 * pages of the corpus nest 51 levels at most.
 */
export const MAX_DEPTH_FOR_READABILITY = 100;

const LEAD_MAX = 400;
const LATIN_GUESSABLE = new Set(['en', 'fr', 'es', 'pt', 'it', 'de']);
const DERIVED_TITLE_MAX = 110;

export { parseJsonLdText } from './jsonld';
export { normalizeDate } from './dates';
export { detectLang, primaryLang, dirForLang } from './lang';
export { stripFurniture, isMarkerLine, isCaptchaLine } from './furniture';
export type { Para } from './dom-text';
export { tidyHost } from './title';
export { cleanAuthor } from './strings';
export { extractClaimReviews, ratingLabel, CLAIM_REVIEW_LIMITS, type ClaimReviewData } from './claim-review';

function emptyArticle(url: string | null): ExtractedArticle {
  return {
    title: '',
    titleDerived: true,
    byline: null,
    siteName: null,
    published: null,
    lang: null,
    dir: 'ltr',
    canonicalUrl: null,
    url,
    section: null,
    description: null,
    text: '',
    lead: '',
    wordCount: 0,
    isArticle: false,
  };
}

/** Paragraphs that are page chrome around the headline rather than body: dates, "By …", "Updated …". */
function isPreamble(text: string, byline: string | null): boolean {
  if (text.length > 160) return false;
  const t = text.trim();
  if (byline && squash(cleanAuthor(t) ?? '') === squash(byline)) return true;
  if (/^(?:by|par|بقلم)\s+\S/i.test(t) && t.split(/\s+/).length <= 10 && !/[.!?؟]$/.test(t)) return true;
  if (/^(?:published|updated|posted|last\s+updated|mis\s+à\s+jour|publié|نشر|آخر\s+تحديث)\b/i.test(t) && t.length < 120) return true;
  // a kicker or label ("Abstract", "EXCLUSIVE")
  if (t.length < 30 && !/[.!?؟:;]["'”’»)]*$/u.test(t)) return true;
  // date-ish short lines ("March 3, 2024", "12/03/2024 10:45")
  if (t.length < 60 && /\d/.test(t) && !/[.!?؟]$/.test(t) && countLetterRuns(t) <= 6) return true;
  return false;
}

/** Share of characters that are letters, digits, white space or punctuation (binary junk scores low). */
function proseRatio(text: string): number {
  const t = text.slice(0, 5000);
  if (!t) return 0;
  return countProse(t) / t.length;
}

function countWords(text: string): number {
  return countWordRuns(text);
}

/** First paragraph(s), up to ~400 characters. */
function makeLead(paras: string[]): string {
  let lead = '';
  for (const p of paras) {
    if (!lead) {
      if (p.length >= LEAD_MAX) return truncateAtSentence(p, LEAD_MAX);
      lead = p;
    } else if (lead.length < 150 && lead.length + 2 + p.length <= LEAD_MAX) {
      lead += '\n\n' + p;
    } else break;
  }
  return lead;
}

function truncateAtSentence(p: string, max: number): string {
  const slice = p.slice(0, max);
  const re = /[.!?؟。]["'”’»)]*\s/gu;
  let lastEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) lastEnd = m.index + m[0].length;
  if (lastEnd >= max * 0.5) return slice.slice(0, lastEnd).trim();
  return truncateWords(p, max);
}

function wordSet(s: string): Set<string> {
  return new Set(wordRuns(normalizeText(s)).filter((w) => w.length > 1));
}

/** Share of the smaller word set found in the other. */
function overlap(a: string, b: string): number {
  const A = wordSet(a);
  const B = wordSet(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n / Math.min(A.size, B.size);
}

function chooseTitle(meta: ResolvedMeta, siteNames: string[], host: string | null): string | null {
  const usable = (v: string | undefined, heuristic: boolean) => {
    if (!v) return null;
    let t = stripSiteSuffix(v, siteNames, host, heuristic);
    // "Opinion | Headline": a leading section name.
    if (meta.section) {
      const m = /^(.{2,40}?)\s+[|:–—-]\s+(.+)$/u.exec(t);
      if (m && squash(m[1]) === squash(meta.section)) t = m[2];
    }
    return t && !isGenericTitle(t, siteNames, host) ? t : null;
  };
  const docTitle = usable(meta.titles.find((c) => c.from === 'document')?.value, true);
  const ogTitle = usable(meta.titles.find((c) => c.from === 'og')?.value, false);
  for (const c of meta.titles) {
    const heuristic = c.from === 'document' || c.from === 'webpage';
    const t = usable(c.value, heuristic);
    if (!t) continue;
    // A JSON-LD headline sharing few words with the page's <title> nor og:title is a
    // description or a teaser (Wikipedia puts its short description there).
    if (c.from === 'jsonld' && (docTitle || ogTitle) && overlap(t, docTitle ?? '') < 0.6 && overlap(t, ogTitle ?? '') < 0.6) continue;
    if (c.from === 'h1-article' || c.from === 'h1') {
      // A short <h1> that the (usable) <title> does not contain is a logo or a section name.
      if (t.length < 12 && !/\s/.test(t)) continue;
      if (docTitle && t.split(/\s+/).length < 4 && !squash(docTitle).includes(squash(t))) continue;
      // A very long <h1>, or one unrelated to the <title>, is a caption or a teaser.
      if (t.length > 200 || (docTitle && overlap(t, docTitle) < 0.3)) continue;
    }
    // A one-word <title> with nothing stripped from it is usually the site's name.
    if (c.from === 'document' && t.length < 12 && !/\s/.test(t) && t === tidy(c.value)) continue;
    return t;
  }
  return null;
}

function firstBodyParagraph(paras: string[]): string | null {
  for (const p of paras) {
    if (p.length >= 60 || (p.split(/\s+/).length >= 8 && /[.!?؟]["'”’»)]*$/u.test(p))) return p;
  }
  return paras[0] ?? null;
}

/** Extract metadata and readable body text from a document. Never throws. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle {
  let url: string | null = null;
  try {
    url = opts.url && /^https?:\/\//i.test(opts.url) ? opts.url : documentUrl(doc);
  } catch {
    url = null;
  }
  try {
    return extractUnsafe(doc, opts, url);
  } catch {
    return emptyArticle(url);
  }
}

function extractUnsafe(doc: Document, opts: ExtractOptions, url: string | null): ExtractedArticle {
  if (!doc || !doc.documentElement) return emptyArticle(url);
  const requested = opts.maxTextChars;
  const maxTextChars = typeof requested === 'number' && Number.isFinite(requested) && requested > 0 ? Math.floor(requested) : DEFAULT_MAX_TEXT_CHARS;

  const raw = readRawMeta(doc);
  const meta = resolveMeta(raw, url);

  let body: BodyResult;
  try {
    body = extractBody(doc, {
      maxTextChars,
      maxElements: MAX_ELEMENTS_FOR_READABILITY,
      maxBodyTextChars: MAX_BODY_TEXT_FOR_READABILITY,
      maxDepth: MAX_DEPTH_FOR_READABILITY,
      noDeclared: opts.noDeclared,
    });
  } catch {
    body = { paras: [], source: 'none', truncated: false, readability: null };
  }

  // Byline: metadata, else what Readability found in the markup (class="byline", rel=author…).
  let byline = meta.byline;
  const markedByline = body.readability?.byline ?? body.markupByline;
  if (!byline && markedByline) {
    const b = cleanAuthor(markedByline);
    if (b && b.length <= 100 && (b.match(/\d/g)?.length ?? 0) < 4) byline = b;
  }

  const host = httpHostname(url) ?? httpHostname(meta.canonical);
  const siteName = meta.siteName ?? (host ? tidyHost(host) : null);
  const siteNames = [meta.siteName, body.readability?.siteName].filter((s): s is string => !!s);

  // Body paragraphs: furniture filtered, headline/byline echoes at the top removed.
  let paras: Para[] = stripFurniture(body.paras);
  let title = chooseTitle(meta, siteNames, host);
  const titleKey = title ? squash(title) : '';
  while (paras.length) {
    const k = squash(paras[0].text);
    if (titleKey && (k === titleKey || (k.length > 10 && titleKey.startsWith(k)))) paras = paras.slice(1);
    else if (byline && paras[0].text.length < 120 && squash(cleanAuthor(paras[0].text) ?? '') === squash(byline)) paras = paras.slice(1);
    else break;
  }
  const texts = paras.map((p) => p.text);
  let text = texts.join('\n\n');
  let truncated = body.truncated;
  if (text.length > maxTextChars) {
    text = text.slice(0, maxTextChars);
    truncated = true;
  }

  // A "By Jane Roe" line at the top gives the byline when the metadata had none.
  if (!byline) {
    for (const t of texts.slice(0, 3)) {
      const m = /^(?:by|par|بقلم)\s+([^.!?؟\d]{3,60})$/iu.exec(t.trim());
      if (m) {
        byline = cleanAuthor(m[0]);
        break;
      }
    }
  }

  // Lead: skip date/byline lines at the top.
  let start = 0;
  while (start < texts.length - 1 && start < 4 && isPreamble(texts[start], byline)) start++;
  const leadParas = texts.slice(start);
  const lead = makeLead(leadParas);

  let titleDerived = false;
  if (!title) {
    titleDerived = true;
    const first = firstBodyParagraph(leadParas);
    if (first) title = deriveTitle(first, DERIVED_TITLE_MAX);
    if (!title) title = tidy(raw.docTitle) || '';
  }

  // Language: declared, unless the text's script contradicts it; else detected.
  const sample = text ? text.slice(0, 6000) : `${title} ${meta.description ?? ''}`;
  let lang = meta.lang;
  if (lang) {
    const counts = countScripts(sample);
    if (conflictsWithScript(lang, counts)) lang = detectLang(sample);
    else if (text.length >= 1500 && LATIN_GUESSABLE.has(lang)) {
      // Templates often keep one site-wide lang (an English story under lang="de"): trust a clear stopword signal.
      const guess = guessLatinLang(sample);
      if (guess && guess !== lang) lang = guess;
    }
  }
  if (!lang) lang = detectLang(sample);
  const dir = meta.htmlDirRtl ? 'rtl' : dirForLang(lang);

  const wordCount = countWords(text);
  const isArticle =
    (body.source === 'readability' || body.source === 'declared'
      ? text.length >= 500
      : body.source === 'fallback'
        ? text.length >= 500 && paras.length >= 3
        : false) && proseRatio(text) >= 0.9;

  const out: ExtractedArticle = {
    title,
    titleDerived,
    byline,
    siteName,
    published: meta.published,
    lang,
    dir,
    canonicalUrl: meta.canonical,
    url,
    section: meta.section,
    description: meta.description,
    text,
    lead,
    wordCount,
    isArticle,
  };
  if (truncated) out.truncated = true;
  return out;
}
