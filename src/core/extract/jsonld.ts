/**
 * JSON-LD (schema.org) article metadata.
 */
import { decodeEntities, tidy } from './strings';

export interface JsonLdMeta {
  headline: string | null;
  /** `name` of a WebPage node (often "Headline - Site"); weaker than `headline`. */
  pageName: string | null;
  authors: string[];
  publisher: string | null;
  /** `name` of a WebSite node. */
  websiteName: string | null;
  datePublished: string | null;
  section: string | null;
  inLanguage: string | null;
  description: string | null;
  url: string | null;
  /** @type of the chosen node, e.g. "NewsArticle". */
  type: string | null;
}

type Obj = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicquestionarticle', 'satiricalarticle',
  'blogposting', 'liveblogposting', 'socialmediaposting', 'discussionforumposting',
  'scholarlyarticle', 'medicalscholarlyarticle', 'techarticle', 'report', 'advertisercontentarticle',
]);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'collectionpage', 'profilepage', 'qapage', 'medicalwebpage']);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: Obj): string[] {
  const t = o['@type'];
  const arr = Array.isArray(t) ? t : [t];
  return arr.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = tidy(decodeEntities(v));
    return s || null;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
    return null;
  }
  if (isObj(v)) {
    if ('@value' in v) return str(v['@value']);
    if ('name' in v) return str(v.name);
  }
  return null;
}

/** Parse the text of one <script type="application/ld+json"> (tolerating comment/CDATA wrappers). */
export function parseJsonLdText(raw: string): unknown[] {
  let s = raw.trim();
  if (!s) return [];
  s = s
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[/, '')
    .replace(/^\s*<!\[CDATA\[/, '')
    .replace(/\/\/\s*\]\]>\s*$/, '')
    .replace(/\]\]>\s*$/, '')
    .trim();
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v : [v];
  } catch {
    // Some CMSs emit raw control characters inside strings.
    try {
      // eslint-disable-next-line no-control-regex
      const v = JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' '));
      return Array.isArray(v) ? v : [v];
    } catch {
      return [];
    }
  }
}

/** Flatten top-level values, arrays and @graph into a list of nodes (bounded). */
function collectNodes(values: unknown[], out: Obj[], depth = 0): void {
  for (const v of values) {
    if (out.length > 500) return;
    if (Array.isArray(v)) {
      if (depth < 4) collectNodes(v, out, depth + 1);
    } else if (isObj(v)) {
      out.push(v);
      const g = v['@graph'];
      if (Array.isArray(g) && depth < 4) collectNodes(g, out, depth + 1);
      else if (isObj(g) && depth < 4) collectNodes([g], out, depth + 1);
      // An article sometimes hides as mainEntity of a WebPage.
      const me = v.mainEntity;
      if (isObj(me) && depth < 4) collectNodes([me], out, depth + 1);
    }
  }
}

function personNames(v: unknown, byId: Map<string, Obj>, out: string[], depth = 0): void {
  if (depth > 3 || out.length >= 12) return;
  if (typeof v === 'string') {
    const s = tidy(decodeEntities(v));
    if (s) out.push(s);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) personNames(x, byId, out, depth + 1);
    return;
  }
  if (!isObj(v)) return;
  let o = v;
  const id = typeof o['@id'] === 'string' ? (o['@id'] as string) : null;
  if (id && !('name' in o) && byId.has(id)) o = byId.get(id)!;
  let name = str(o.name);
  if (!name && (o.givenName || o.familyName)) name = tidy(`${str(o.givenName) ?? ''} ${str(o.familyName) ?? ''}`);
  if (name) out.push(name);
}

function orgName(v: unknown, byId: Map<string, Obj>): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const n = orgName(x, byId);
      if (n) return n;
    }
    return null;
  }
  if (typeof v === 'string') return str(v);
  if (!isObj(v)) return null;
  let o = v;
  const id = typeof o['@id'] === 'string' ? (o['@id'] as string) : null;
  if (id && !('name' in o) && byId.has(id)) o = byId.get(id)!;
  return str(o.name);
}

function langOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return langOf(v[0]);
  if (isObj(v)) return str(v.alternateName) ?? str(v.name);
  return null;
}

/** Pick article metadata from the JSON-LD blocks of a page. */
export function readJsonLd(texts: string[]): JsonLdMeta | null {
  const values: unknown[] = [];
  for (const t of texts) values.push(...parseJsonLdText(t));
  if (!values.length) return null;
  const nodes: Obj[] = [];
  collectNodes(values, nodes);
  if (!nodes.length) return null;

  const byId = new Map<string, Obj>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'] as string, n);

  let article: Obj | null = null;
  let articleType: string | null = null;
  let page: Obj | null = null;
  let website: Obj | null = null;
  for (const n of nodes) {
    const ts = typesOf(n);
    const at = ts.find((t) => ARTICLE_TYPES.has(t));
    if (at) {
      // Prefer the first article node that has a headline (listing pages carry many).
      if (!article || (!str(article.headline) && str(n.headline))) {
        article = n;
        articleType = at;
      }
    } else if (!page && ts.some((t) => PAGE_TYPES.has(t))) page = n;
    else if (!website && ts.includes('website')) website = n;
  }
  const main = article ?? page;
  const meta: JsonLdMeta = {
    headline: null,
    pageName: null,
    authors: [],
    publisher: null,
    websiteName: website ? str(website.name) : null,
    datePublished: null,
    section: null,
    inLanguage: null,
    description: null,
    url: null,
    type: article ? articleType : page ? 'WebPage' : null,
  };
  if (!main) return meta;

  if (article) meta.headline = str(article.headline) ?? str(article.name);
  if (page) meta.pageName = str(page.headline) ?? str(page.name);

  const authorSrc = main.author ?? main.creator ?? (article && page ? page.author : undefined);
  if (authorSrc !== undefined) {
    const names: string[] = [];
    personNames(authorSrc, byId, names);
    meta.authors = Array.from(new Set(names));
  }

  meta.publisher = orgName(main.publisher, byId) ?? (page ? orgName(page.publisher, byId) : null);
  if (!meta.publisher && isObj(main.isPartOf)) {
    const ip = main.isPartOf as Obj;
    const id = typeof ip['@id'] === 'string' ? (ip['@id'] as string) : null;
    const target = id && byId.has(id) ? byId.get(id)! : ip;
    if (typesOf(target).some((t) => t === 'website' || t === 'periodical' || t === 'newspaper')) meta.publisher = str(target.name);
  }

  meta.datePublished =
    str(main.datePublished) ?? str(main.dateCreated) ?? (page ? str(page.datePublished) : null) ?? str(main.uploadDate);
  const sec = main.articleSection;
  meta.section = Array.isArray(sec) ? str(sec[0]) : str(sec);
  meta.inLanguage = langOf(main.inLanguage) ?? (page ? langOf(page.inLanguage) : null) ?? (website ? langOf(website.inLanguage) : null);
  meta.description = str(main.description);
  const u = main.url ?? (isObj(main.mainEntityOfPage) ? (main.mainEntityOfPage as Obj)['@id'] : main.mainEntityOfPage);
  meta.url = typeof u === 'string' ? u : null;
  return meta;
}
