/**
 * Reads the cheap signals the first pass needs, touching a bounded part of the page:
 * head metadata, the paragraphs' text (at most DEEP_CHARS characters: the first
 * SLICE_CHARS are read at once and in full by the first pass, the rest only when the first
 * pass asks for it, for the topic's names, see core/detect/quick-deep.ts), and a few counts.
 * No layout, no full-document text, no regular expression (compiling one costs more than
 * these reads on a cold page). The meta text is capped at META_CHARS.
 */
import type { QuickInput } from '../types';

export const SLICE_CHARS = 4_000;
/** Paragraph text read at most (= QUICK_DEEP_CHARS of core/detect/quick-scan). */
export const DEEP_CHARS = 60_000;
/** Paragraphs looked at for the article signal (long ones), and read at most. */
const MAX_PARAGRAPHS = 60;
const MAX_DEEP_PARAGRAPHS = 1_500;
/** The quick pass reads this much meta text at most (QUICK_META_CHARS). */
const META_CHARS = 4_000;
/** Meta tags looked at, at most. */
const MAX_METAS = 300;

/**
 * Whether JSON-LD text names an article type: "Article", "Posting", or either with a
 * "News" / "Reportage" / "Blog" prefix, in quotes. Written with indexOf (a regex costs more
 * to compile than this takes on a cold page).
 */
export function isArticleLd(json: string): boolean {
  for (const type of ['Article"', 'Posting"']) {
    for (let i = json.indexOf(type); i >= 0; i = json.indexOf(type, i + 1)) {
      for (const prefix of ['"', '"News', '"Reportage', '"Blog']) {
        if (i >= prefix.length && json.startsWith(prefix, i - prefix.length)) return true;
      }
    }
  }
  return false;
}

export function readQuickInput(doc: Document): QuickInput {
  const metaParts: string[] = [];
  let metaChars = 0;
  let articleSignals = 0;
  const head = doc.head;
  if (head) {
    // The head's metas by tag name: a selector list of the keys read below costs more to parse
    // and match on a cold page than reading two attributes of each meta.
    const metas = head.getElementsByTagName('meta');
    for (let i = 0; i < metas.length && i < MAX_METAS; i++) {
      const m = metas[i];
      // `name` and `content` through the meta's own properties (no attribute name to convert and
      // look up); an element of another namespace has none, and its attributes are read instead.
      const k = (m.getAttribute('property') || (m.name ?? m.getAttribute('name')) || '').toLowerCase();
      if (!k) continue;
      const c = (m.content ?? m.getAttribute('content')) || '';
      if (k === 'og:type' && c.toLowerCase().includes('article')) articleSignals++;
      if (metaChars < META_CHARS && (k === 'og:title' || k === 'description' || k === 'og:description' || k === 'keywords' || k === 'news_keywords' || k === 'twitter:title' || k === 'article:section' || k === 'article:tag')) {
        const part = c.slice(0, 500);
        metaParts.push(part);
        metaChars += part.length + 1;
      }
      if (k.startsWith('article:published') || k === 'citation_title') articleSignals++;
    }
    const ld = head.querySelector('script[type="application/ld+json"]');
    if (ld && isArticleLd((ld.textContent || '').slice(0, 5_000))) articleSignals++;
  }
  // One walk finds the first <article>, <main> or [role="main"] (two selectors walked a page
  // without them twice); only when a main comes first is an <article> after it looked for.
  const first = doc.querySelector('article, main, [role="main"]');
  const article = first && first.localName === 'article' ? first : first ? doc.getElementsByTagName('article')[0] : undefined;
  if (article) articleSignals++;
  const root = article ?? first ?? doc.body;
  const h1 = root?.getElementsByTagName('h1')[0] ?? doc.getElementsByTagName('h1')[0];
  // The live list is read item by item up to the caps: its length would walk the whole tree.
  const ps = (root ?? doc).getElementsByTagName('p');
  let slice = h1 ? (h1.textContent || '').slice(0, 300) + '\n' : '';
  let long = 0;
  let i = 0;
  let p: Element | undefined;
  for (; i < MAX_PARAGRAPHS && slice.length < SLICE_CHARS && (p = ps[i]); i++) {
    const t = p.textContent || '';
    if (t.length > 80) long++;
    slice += t.slice(0, DEEP_CHARS - slice.length) + '\n';
  }
  if (long >= 3) articleSignals++;
  // The rest of the paragraphs, for the names only (a name may first appear deep in the body): up
  // to SLICE_CHARS now (the first pass reads all of that), the rest when the first pass asks for it
  // (`more`, only on some pages: no long string read and copied on the others).
  for (; i < MAX_DEEP_PARAGRAPHS && slice.length < SLICE_CHARS && (p = ps[i]); i++) {
    slice += (p.textContent || '').slice(0, DEEP_CHARS - slice.length) + '\n';
  }
  const atOnce = slice;
  const from = i;
  let list: HTMLCollectionOf<Element> | null = ps;
  let rest: string | null = null;
  // (Only when a paragraph follows: on a short page the first pass has nothing more to ask for.)
  const more = i < MAX_DEEP_PARAGRAPHS && slice.length < DEEP_CHARS && ps[i] ? (): string => {
    if (rest !== null) return rest;
    rest = '';
    let n = atOnce.length;
    let q: Element | undefined;
    for (let j = from; j < MAX_DEEP_PARAGRAPHS && n < DEEP_CHARS && list && (q = list[j]); j++) {
      const t = (q.textContent || '').slice(0, DEEP_CHARS - n) + '\n';
      rest += t;
      n += t.length;
    }
    list = null; // (the live list is not kept)
    return rest;
  } : undefined;
  return {
    title: (doc.title || '').slice(0, 500),
    meta: metaParts.join('\n'),
    textSlice: atOnce,
    more,
    lang: doc.documentElement?.getAttribute('lang') || null,
    articleSignals,
  };
}
