/**
 * fast-check arbitraries for HTML pages: structured pages (random nesting of article, p,
 * div, script, style, template, svg, table, iframe srcdoc…, hostile attribute values,
 * entities, malformed and unclosed tags, RTL/Arabic/French text, emoji, zero-width and
 * bidi controls, JSON-LD blobs valid and broken, huge attribute values) and plain
 * random strings / tag soup.
 */
import fc from 'fast-check';
import {
  ATTR_NAMES, CLASS_VALUES, ENTITIES, HOSTILE_VALUES, INVISIBLES, MALFORMED, ODD_CHARS, TAGS, WORDS, pickSentences,
} from './text-pools';

export type HtmlNode =
  | { k: 'text'; text: string; raw: boolean }
  | { k: 'frag'; html: string }
  | { k: 'ld'; json: string }
  | { k: 'deep'; tag: string; depth: number; close: boolean; inner: string }
  | { k: 'el'; tag: string; attrs: Attr[]; children: HtmlNode[]; close: 'close' | 'omit' | 'self' }
  | { k: 'srcdoc'; children: HtmlNode[] };

export interface Attr {
  name: string;
  value: string;
  quote: '"' | "'" | '' | 'broken';
}

export interface GeneratedPage {
  doctype: boolean;
  html: { lang: string | null; dir: string | null } | null;
  head: HtmlNode[] | null;
  title: string | null;
  article: { lang: 'en' | 'fr' | 'ar' | 'mix'; h1: string | null; byline: string | null; paras: string[]; wrap: string } | null;
  before: HtmlNode[];
  after: HtmlNode[];
  /** Close </body></html>. */
  closeTags: boolean;
}

const LANGS = ['en', 'fr', 'ar', 'mix'] as const;

/** A sentence-ish string: pool sentences, words, or hostile characters. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...LANGS), fc.array(fc.nat(), { minLength: 1, maxLength: 5 })).map(([l, idx]) => idx.map((i) => pickSentences(l)[i % pickSentences(l).length]).join(' ')) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...INVISIBLES), fc.constantFrom(...ODD_CHARS), fc.constantFrom(' ', ' ', '\n', '. ', ', ', '“', '”', '«', '»', '"')), { maxLength: 30 })
      .map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string, q: string) => s.replace(/&/g, '&amp;').replace(q === "'" ? /'/g : /"/g, q === "'" ? '&#39;' : '&quot;');

/** Huge value: a pattern repeated up to `n` characters (up to 200k). */
const hugeArb = fc.tuple(fc.constantFrom('x', 'ab ', 'داعش ', '\u200b', '&amp;', '"', 'é', '😀'), fc.integer({ min: 1_000, max: 200_000 })).map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n));

const attrValueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CLASS_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: textArb },
  { weight: 2, arbitrary: fc.constantFrom(...ENTITIES).map((e) => `a${e}b`) },
  { weight: 1, arbitrary: hugeArb },
);

const attrArb: fc.Arbitrary<Attr> = fc.record({
  name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ATTR_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 }).map((s) => s.replace(/[\s"'<>/=]/g, '') || 'x') }),
  value: attrValueArb,
  quote: fc.constantFrom<Attr['quote']>('"', '"', '"', "'", '', 'broken'),
});

const ldValueArb = fc.oneof(textArb, fc.constantFrom('2016-04-03T10:00:00Z', 'yesterday', '0000-00-00', '2024-13-45', ''), fc.integer(), fc.constant(null));

/** JSON-LD: a NewsArticle-ish object (sometimes a @graph or an array), valid or broken. */
const jsonLdArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.record({
      '@context': fc.constantFrom('https://schema.org', 'http://schema.org/', '', 42),
      '@type': fc.constantFrom('NewsArticle', 'Article', 'ReportageNewsArticle', 'WebPage', ['NewsArticle', 'Thing'], 'BlogPosting', 7),
      headline: ldValueArb,
      datePublished: ldValueArb,
      dateModified: ldValueArb,
      author: fc.oneof(fc.record({ '@type': fc.constant('Person'), name: ldValueArb }), fc.array(fc.record({ name: ldValueArb }), { maxLength: 3 }), ldValueArb),
      publisher: fc.oneof(fc.record({ name: ldValueArb, logo: fc.record({ url: ldValueArb }) }), ldValueArb),
      inLanguage: fc.constantFrom('en', 'ar', 'fr-FR', 'xx', 3),
      articleSection: ldValueArb,
      description: ldValueArb,
      mainEntityOfPage: fc.record({ '@id': fc.constantFrom('https://news.example/a', 'javascript:alert(1)', '') }),
    }, { requiredKeys: [] }),
    fc.constantFrom('plain', 'graph', 'array', 'truncated', 'trailing-comma', 'script-end', 'deep', 'nan', 'comment', 'html'),
    fc.nat(),
  )
  .map(([obj, shape, n]) => {
    const json = JSON.stringify(obj);
    switch (shape) {
      case 'graph': return JSON.stringify({ '@context': 'https://schema.org', '@graph': [obj, { '@type': 'Organization', name: 'X' }] });
      case 'array': return JSON.stringify([obj, obj]);
      case 'truncated': return json.slice(0, n % Math.max(1, json.length));
      case 'trailing-comma': return json.replace(/}$/, ',}');
      case 'script-end': return json.replace(/"headline":"?/, '"headline":"</script><p>escaped?</p>');
      case 'deep': return '['.repeat(1 + (n % 3000)) + json + ']'.repeat(1 + (n % 3000));
      case 'nan': return json.replace(/}$/, ',"wordCount":NaN,"x":Infinity}');
      case 'comment': return `/* c */ ${json} // tail`;
      case 'html': return `<!-- ${json} -->`;
      default: return json;
    }
  });

const leafArb: fc.Arbitrary<HtmlNode> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('text' as const), text: textArb, raw: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED).map((html) => ({ k: 'frag' as const, html })) },
  { weight: 1, arbitrary: fc.constantFrom(...ENTITIES).map((html) => ({ k: 'frag' as const, html })) },
  { weight: 1, arbitrary: jsonLdArb.map((json) => ({ k: 'ld' as const, json })) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('deep' as const), tag: fc.constantFrom('div', 'span', 'b', 'section', 'p', 'td', 'li', 'blockquote'), depth: fc.integer({ min: 10, max: 600 }), close: fc.boolean(), inner: textArb }),
  },
);

const { node: nodeArb } = fc.letrec<{ node: HtmlNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'html-tree' },
    leafArb,
    fc.record({
      k: fc.constant('el' as const),
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attrArb, { maxLength: 4 }),
      children: fc.array(tie('node'), { maxLength: 6, depthIdentifier: 'html-tree' }),
      close: fc.constantFrom<'close' | 'omit' | 'self'>('close', 'close', 'close', 'close', 'omit', 'self'),
    }),
    fc.record({ k: fc.constant('srcdoc' as const), children: fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'html-tree' }) }),
  ),
}));
export { nodeArb };

const metaArb: fc.Arbitrary<HtmlNode> = fc
  .tuple(fc.constantFrom('og:title', 'og:site_name', 'description', 'og:description', 'article:published_time', 'og:type', 'keywords', 'author', 'og:url', 'twitter:title', 'article:section', 'citation_title'), attrValueArb, fc.boolean())
  .map(([k, v, prop]) => ({ k: 'frag' as const, html: `<meta ${prop ? 'property' : 'name'}="${escAttr(k, '"')}" content="${escAttr(v, '"')}">` }));
const linkArb: fc.Arbitrary<HtmlNode> = fc
  .constantFrom('https://news.example/story/1', '/relative/path', 'javascript:alert(1)', '', 'http://[::1', 'https://xn--mgbh0fb.example/')
  .map((href) => ({ k: 'frag' as const, html: `<link rel="canonical" href="${escAttr(href, '"')}">` }));

export function renderNode(n: HtmlNode, out: string[] = []): string[] {
  switch (n.k) {
    case 'text':
      out.push(n.raw ? n.text : escText(n.text));
      break;
    case 'frag':
      out.push(n.html);
      break;
    case 'ld':
      out.push(`<script type="application/ld+json">${n.json}</script>`);
      break;
    case 'deep':
      out.push(`<${n.tag}>`.repeat(n.depth), escText(n.inner));
      if (n.close) out.push(`</${n.tag}>`.repeat(n.depth));
      break;
    case 'srcdoc': {
      const inner = renderNode({ k: 'el', tag: 'div', attrs: [], children: n.children, close: 'close' }).join('');
      out.push(`<iframe srcdoc="${escAttr(inner, '"')}"></iframe>`);
      break;
    }
    case 'el': {
      out.push(`<${n.tag}`);
      for (const a of n.attrs) {
        if (a.quote === '') out.push(` ${a.name}=${a.value.replace(/[\s>]/g, '_')}`);
        else if (a.quote === 'broken') out.push(` ${a.name}="${a.value}`);
        else out.push(` ${a.name}=${a.quote}${escAttr(a.value, a.quote)}${a.quote}`);
      }
      if (n.close === 'self') {
        out.push('/>');
        break;
      }
      out.push('>');
      for (const c of n.children) renderNode(c, out);
      if (n.close === 'close') out.push(`</${n.tag}>`);
      break;
    }
  }
  return out;
}

export const pageArb: fc.Arbitrary<GeneratedPage> = fc.record({
  doctype: fc.boolean(),
  html: fc.option(fc.record({ lang: fc.option(fc.constantFrom('en', 'ar', 'fr', 'de', 'en-GB', 'xx', '')), dir: fc.option(fc.constantFrom('rtl', 'ltr', 'auto', 'RTL')) }), { freq: 4 }),
  head: fc.option(fc.array(fc.oneof({ weight: 4, arbitrary: metaArb }, linkArb, leafArb), { maxLength: 8 }), { freq: 5 }),
  title: fc.option(textArb, { freq: 6 }),
  article: fc.option(
    fc.record({
      lang: fc.constantFrom(...LANGS),
      h1: fc.option(textArb),
      byline: fc.option(fc.constantFrom('By Jane Roe', 'بقلم أحمد علي', 'Par Marie Dupont', 'By', 'By ' + 'x'.repeat(300))),
      paras: fc.array(textArb, { maxLength: 40 }),
      wrap: fc.constantFrom('article', 'main', 'div class="story-content"', 'section', 'div', 'td'),
    }),
    { freq: 4 },
  ),
  before: fc.array(nodeArb, { maxLength: 5 }),
  after: fc.array(nodeArb, { maxLength: 5 }),
  closeTags: fc.boolean(),
});

export function renderPage(p: GeneratedPage): string {
  const out: string[] = [];
  if (p.doctype) out.push('<!DOCTYPE html>');
  if (p.html) {
    out.push('<html');
    if (p.html.lang !== null) out.push(` lang="${p.html.lang}"`);
    if (p.html.dir !== null) out.push(` dir="${p.html.dir}"`);
    out.push('>');
  }
  if (p.head) {
    out.push('<head><meta charset="utf-8">');
    if (p.title !== null) out.push(`<title>${escText(p.title)}</title>`);
    for (const n of p.head) renderNode(n, out);
    out.push('</head>');
  } else if (p.title !== null) out.push(`<title>${escText(p.title)}</title>`);
  out.push('<body>');
  for (const n of p.before) renderNode(n, out);
  if (p.article) {
    const a = p.article;
    const tag = a.wrap.split(' ')[0];
    out.push(`<${a.wrap}>`);
    if (a.h1 !== null) out.push(`<h1>${escText(a.h1)}</h1>`);
    if (a.byline !== null) out.push(`<p class="byline">${escText(a.byline)}</p>`);
    const pool = pickSentences(a.lang);
    a.paras.forEach((t, i) => {
      // Mix pool sentences in so that most pages have article-length text.
      out.push(`<p>${escText(t)} ${escText(pool[i % pool.length])}</p>`);
    });
    out.push(`</${tag}>`);
  }
  for (const n of p.after) renderNode(n, out);
  if (p.closeTags) out.push('</body></html>');
  return out.join('');
}

export const generatedHtmlArb: fc.Arbitrary<string> = pageArb.map(renderPage);

/** Plain random strings and tag soup. */
export const randomHtmlArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: 'binary-ascii', maxLength: 4000 }),
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...MALFORMED) },
        { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `<${t}>`) },
        { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
        { weight: 3, arbitrary: textArb },
        { weight: 1, arbitrary: fc.constantFrom(...ENTITIES, ...INVISIBLES, ...ODD_CHARS) },
        { weight: 1, arbitrary: fc.constantFrom('<', '>', '"', "'", '=', '/', '&', '<!', '<?', ']]>', '\u0000') },
      ),
      { maxLength: 300 },
    )
    .map((a) => a.join('')),
);
