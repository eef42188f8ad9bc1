/**
 * Page metadata in one pass over meta/link/script/time/[itemprop]/title/h1 elements.
 *
 * Sources and precedence: JSON-LD > OpenGraph (and Twitter cards) > citation_* (Highwire/
 * Google Scholar) > Dublin Core > plain markup (meta[name=author], microdata, <time>, <title>, <h1>).
 */
import { readJsonLd, type JsonLdMeta } from './jsonld';
import { normalizeDate } from './dates';
import { boundedText } from './dom-text';
import { primaryLang } from './lang';
import { cleanAuthor, decodeEntities, looksLikeUrl, tidy, truncateWords } from './strings';

const MAX_SCANNED = 8000;
const MAX_JSONLD_SCRIPTS = 30;
const MAX_JSONLD_CHARS = 1_000_000;
/** A title candidate longer than this is not a headline (a <title> is read up to this much too). */
const MAX_TITLE_CANDIDATE = 1000;
/** Description and section are cut to these lengths (huge values cost every later step). */
const MAX_DESCRIPTION = 2000;
const MAX_SECTION = 200;

export interface RawMeta {
  /** meta name/property/itemprop/http-equiv (lower-cased) → contents, in document order. */
  metas: Map<string, string[]>;
  jsonld: JsonLdMeta | null;
  docTitle: string;
  /** First <h1> inside <article>/<main>/[role=main]/[itemprop=articleBody]'s container. */
  articleH1: string | null;
  /** The page's only <h1>, when there is exactly one. */
  soleH1: string | null;
  h1Count: number;
  canonical: string | null;
  htmlLang: string | null;
  htmlDir: string | null;
  /** Microdata (itemprop) values that are not on <meta> elements. */
  micro: { headline: string | null; datePublished: string | null; authors: string[]; inLanguage: string | null };
  /** <time datetime> values: first one marked as publication time, and the first overall. */
  timePub: string | null;
  timeFirst: string | null;
  relAuthor: string | null;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const arr = map.get(key);
  if (!arr) map.set(key, [value]);
  else if (arr.length < 30) arr.push(value);
}

function attr(el: Element, name: string): string | null {
  const v = el.getAttribute(name);
  return v == null ? null : v;
}

function isInsideArticle(el: Element): boolean {
  try {
    return !!el.closest('article, main, [role="main"], [itemprop~="articleBody"]');
  } catch {
    return false;
  }
}

function textOf(el: Element, max = 500): string {
  return tidy(boundedText(el, max * 4, 2000).text).slice(0, max);
}

export function readRawMeta(doc: Document): RawMeta {
  const raw: RawMeta = {
    metas: new Map(),
    jsonld: null,
    docTitle: '',
    articleH1: null,
    soleH1: null,
    h1Count: 0,
    canonical: null,
    htmlLang: null,
    htmlDir: null,
    micro: { headline: null, datePublished: null, authors: [], inLanguage: null },
    timePub: null,
    timeFirst: null,
    relAuthor: null,
  };
  const root = doc.documentElement;
  if (!root) return raw;
  raw.htmlLang = attr(root, 'lang') ?? attr(root, 'xml:lang');
  raw.htmlDir = attr(root, 'dir') ?? (doc.body ? attr(doc.body, 'dir') : null);

  let list: ArrayLike<Element>;
  try {
    list = doc.querySelectorAll('meta, link[rel], script[type], time, [itemprop], title, h1, a[rel]');
  } catch {
    return raw;
  }
  const jsonTexts: string[] = [];
  let jsonChars = 0;
  let firstH1: string | null = null;
  const n = Math.min(list.length, MAX_SCANNED);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    const tag = el.localName || el.tagName.toLowerCase();
    const itemprop = attr(el, 'itemprop');
    if (tag === 'meta') {
      const content = attr(el, 'content');
      if (content == null) continue;
      const value = content.trim();
      if (!value) continue;
      const keys = `${attr(el, 'property') ?? ''} ${attr(el, 'name') ?? ''} ${itemprop ?? ''} ${attr(el, 'http-equiv') ?? ''}`
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      for (const k of new Set(keys)) push(raw.metas, k, value);
      continue;
    }
    if (tag === 'script') {
      const type = (attr(el, 'type') ?? '').toLowerCase();
      if (type.includes('ld+json') && jsonTexts.length < MAX_JSONLD_SCRIPTS) {
        const t = el.textContent ?? '';
        if (t.length + jsonChars <= MAX_JSONLD_CHARS) {
          jsonTexts.push(t);
          jsonChars += t.length;
        }
      }
      continue;
    }
    if (tag === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical') && !raw.canonical) raw.canonical = tidy(attr(el, 'href'));
      if (rel.includes('author') && !raw.relAuthor) {
        const t = tidy(attr(el, 'title'));
        if (t) raw.relAuthor = t;
      }
      if (!itemprop) continue;
    }
    if (tag === 'title') {
      if (!raw.docTitle && !el.closest('svg')) raw.docTitle = textOf(el, 1000);
      continue;
    }
    if (tag === 'h1') {
      raw.h1Count++;
      const t = textOf(el);
      if (t) {
        if (!firstH1) firstH1 = t;
        if (!raw.articleH1 && isInsideArticle(el)) raw.articleH1 = t;
      }
      // an h1 may carry itemprop="headline": fall through
      if (!itemprop) continue;
    }
    if (tag === 'a') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('author') && !raw.relAuthor) {
        const t = textOf(el, 200);
        if (t) raw.relAuthor = t;
      }
      if (!itemprop) continue;
    }
    if (tag === 'time') {
      const dt = attr(el, 'datetime');
      if (dt) {
        if (!raw.timeFirst) raw.timeFirst = dt;
        const pub = el.hasAttribute('pubdate') || /datePublished/i.test(itemprop ?? '') || /publi|posted|created/i.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`);
        if (pub && !raw.timePub) raw.timePub = dt;
      }
      if (!itemprop) continue;
    }
    if (itemprop) {
      const props = itemprop.toLowerCase().split(/\s+/);
      const value = () => attr(el, 'content') ?? attr(el, 'datetime') ?? textOf(el, 400);
      if (props.includes('headline') && !raw.micro.headline) raw.micro.headline = tidy(value()) || null;
      if (props.includes('datepublished') && !raw.micro.datePublished) raw.micro.datePublished = tidy(value()) || null;
      if (props.includes('inlanguage') && !raw.micro.inLanguage) raw.micro.inLanguage = tidy(value()) || null;
      if ((props.includes('author') || props.includes('creator')) && raw.micro.authors.length < 10) {
        let name: string | null = attr(el, 'content');
        if (!name) {
          const nameEl = el.querySelector('[itemprop~="name"]');
          name = nameEl ? (attr(nameEl, 'content') ?? textOf(nameEl, 200)) : textOf(el, 200);
        }
        const t = tidy(name);
        if (t) raw.micro.authors.push(t);
      }
    }
  }
  if (raw.h1Count === 1) raw.soleH1 = firstH1;
  if (!raw.docTitle) {
    try {
      raw.docTitle = tidy(doc.title).slice(0, MAX_TITLE_CANDIDATE);
    } catch {
      /* ignore */
    }
  }
  try {
    raw.jsonld = jsonTexts.length ? readJsonLd(jsonTexts) : null;
  } catch {
    raw.jsonld = null;
  }
  return raw;
}

/** First non-empty meta value among the keys, in order of the keys. */
export function metaFirst(raw: RawMeta, ...keys: string[]): string | null {
  for (const k of keys) {
    const arr = raw.metas.get(k);
    if (arr) {
      for (const v of arr) {
        const t = tidy(decodeEntities(v));
        if (t) return t;
      }
    }
  }
  return null;
}

export function metaAll(raw: RawMeta, key: string): string[] {
  return (raw.metas.get(key) ?? []).map((v) => tidy(decodeEntities(v))).filter(Boolean);
}

/** Join several author names, dropping duplicates and URL-ish values. */
export function joinAuthors(names: (string | null | undefined)[]): string | null {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const c = cleanAuthor(n);
    if (!c) continue;
    const key = c.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out.length ? out.join(', ') : null;
}

export interface ResolvedMeta {
  /** Title candidates, strongest first, with where they came from. */
  titles: { value: string; from: 'jsonld' | 'og' | 'twitter' | 'citation' | 'dc' | 'microdata' | 'h1-article' | 'webpage' | 'document' | 'h1' }[];
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  langFromDoc: boolean;
  htmlDirRtl: boolean;
  canonical: string | null;
  section: string | null;
  description: string | null;
  ogType: string | null;
  jsonldType: string | null;
}

function absolutize(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

export function resolveMeta(raw: RawMeta, url: string | null): ResolvedMeta {
  const j = raw.jsonld;
  const titles: ResolvedMeta['titles'] = [];
  const addTitle = (v: string | null | undefined, from: ResolvedMeta['titles'][number]['from']) => {
    const t = tidy(decodeEntities(v ?? ''));
    if (t && t.length <= MAX_TITLE_CANDIDATE) titles.push({ value: t, from });
  };
  addTitle(j?.headline, 'jsonld');
  addTitle(metaFirst(raw, 'og:title'), 'og');
  addTitle(metaFirst(raw, 'twitter:title'), 'twitter');
  addTitle(metaFirst(raw, 'citation_title'), 'citation');
  addTitle(metaFirst(raw, 'dc.title', 'dcterms.title', 'dc:title'), 'dc');
  addTitle(raw.micro.headline ?? metaFirst(raw, 'headline'), 'microdata');
  addTitle(raw.articleH1, 'h1-article');
  addTitle(j?.pageName, 'webpage');
  addTitle(raw.docTitle, 'document');
  addTitle(raw.soleH1, 'h1');

  let byline: string | null = null;
  if (j?.authors.length) byline = joinAuthors(j.authors);
  if (!byline) byline = joinAuthors(metaAll(raw, 'article:author').filter((v) => !looksLikeUrl(v)));
  // citation_author is usually "Last, First": turn it round so that a list stays readable.
  if (!byline) byline = joinAuthors(metaAll(raw, 'citation_author').map((a) => (/^[^,]+,\s*[^,]+$/.test(a) ? a.replace(/^([^,]+),\s*(.+)$/, '$2 $1') : a)));
  if (!byline) byline = joinAuthors([...metaAll(raw, 'dc.creator'), ...metaAll(raw, 'dcterms.creator'), ...metaAll(raw, 'dc:creator')]);
  if (!byline) byline = joinAuthors(metaAll(raw, 'author').slice(0, 5));
  if (!byline) byline = joinAuthors([metaFirst(raw, 'parsely-author', 'sailthru.author', 'byl')]);
  if (!byline && raw.micro.authors.length) byline = joinAuthors(raw.micro.authors);
  if (!byline && raw.relAuthor) byline = joinAuthors([raw.relAuthor]);

  const siteCandidates = [
    j?.publisher,
    metaFirst(raw, 'og:site_name'),
    j?.websiteName,
    metaFirst(raw, 'citation_journal_title', 'citation_publisher', 'citation_conference_title'),
    metaFirst(raw, 'dc.publisher', 'dcterms.publisher', 'dc:publisher'),
    metaFirst(raw, 'application-name', 'publisher'),
  ];
  let siteName: string | null = null;
  for (const c of siteCandidates) {
    const t = tidy(c).replace(/^@(?=\w)/, '');
    if (t && !looksLikeUrl(t) && t.length <= 100) {
      siteName = t;
      break;
    }
  }

  const dateCandidates = [
    j?.datePublished,
    metaFirst(raw, 'article:published_time', 'og:published_time', 'og:article:published_time'),
    metaFirst(raw, 'citation_publication_date', 'citation_date', 'citation_online_date', 'citation_cover_date'),
    metaFirst(raw, 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'dc:date'),
    metaFirst(raw, 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'parsely-pub-date', 'sailthru.date', 'article.published', 'original-publish-date', 'originalpublicationdate', 'datepublished'),
    raw.micro.datePublished,
    raw.timePub,
    raw.timeFirst,
  ];
  let published: string | null = null;
  for (const d of dateCandidates) {
    published = normalizeDate(d);
    if (published) break;
  }

  const langCandidates = [
    raw.htmlLang,
    metaFirst(raw, 'content-language'),
    metaFirst(raw, 'og:locale'),
    j?.inLanguage,
    metaFirst(raw, 'dc.language', 'dcterms.language', 'dc:language', 'language', 'citation_language', 'inlanguage'),
    raw.micro.inLanguage,
  ];
  let lang: string | null = null;
  for (const l of langCandidates) {
    lang = primaryLang(l);
    if (lang) break;
  }

  const canonical = absolutize(raw.canonical, url) ?? absolutize(metaFirst(raw, 'og:url'), url) ?? absolutize(j?.url ?? null, url);
  const section = (tidy(j?.section) || metaFirst(raw, 'article:section', 'section', 'article-section', 'parsely-section', 'category') || '').slice(0, MAX_SECTION) || null;
  const fullDescription =
    metaFirst(raw, 'description', 'og:description', 'twitter:description', 'dc.description', 'dcterms.description', 'citation_abstract') ||
    tidy(j?.description) ||
    null;
  const description = fullDescription ? truncateWords(fullDescription, MAX_DESCRIPTION) : null;

  return {
    titles,
    byline,
    siteName: siteName || null,
    published,
    lang,
    langFromDoc: !!lang,
    htmlDirRtl: (raw.htmlDir ?? '').toLowerCase() === 'rtl',
    canonical: canonical && /^https?:/i.test(canonical) ? canonical : null,
    section: section || null,
    description,
    ogType: metaFirst(raw, 'og:type'),
    jsonldType: j?.type ?? null,
  };
}
