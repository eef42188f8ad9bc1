/**
 * The article body a page declares itself: one `[itemprop~="articleBody"]` element, or the
 * page's only `<article>`, when it holds most of the page's paragraph text. Reading it
 * directly (on the caller's document, nothing cloned or modified) replaces Readability's
 * clone-and-score on most news pages, which is most of the content script's full-pass cost
 * (issue #14). Pages without such an element, or whose text is mostly elsewhere, return
 * null and go to Readability as before.
 */
import { blockParagraphs, type Para } from './dom-text';
import { ARTICLE_CLASS, FURNITURE_CLASS, FURNITURE_ROLES, SKIP_IN_BODY_CLASS } from './furniture';

/** Share of the page's substantial paragraph text the declared element must hold. */
export const DECLARED_SHARE = 0.8;
/** Paragraph text (substantial paragraphs, characters) the declared element must hold. */
export const DECLARED_MIN_CHARS = 500;
/** A paragraph counts as substantial from this length on (as in the fallback's scoring). */
const SUBSTANTIAL = 40;
/** Pages with more paragraphs than this go the old way (size checks, then the bounded fallback). */
const MAX_PARAGRAPHS = 3_000;
/** The paragraphs' own block inside the declared element holds this share of its paragraph text. */
const CLUSTER_SHARE = 0.9;

/** Elements inside the declared body that are page furniture, not article text. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'form', 'footer', 'header', 'menu', 'dialog', 'h1']);

function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const c = el.getAttribute('class');
  const id = el.getAttribute('id');
  const ci = c && id ? `${c} ${id}` : (c ?? id);
  return !!ci && FURNITURE_CLASS.test(ci) && !ARTICLE_CLASS.test(ci);
}

/** The one element the page declares as its article body, if there is exactly one. */
export function declaredContainer(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const marked = body.querySelectorAll('[itemprop~="articleBody"]');
  if (marked.length === 1) return marked[0];
  if (marked.length > 1) return null;
  const articles = body.getElementsByTagName('article');
  return articles.length === 1 ? articles[0] : null;
}

/**
 * Substantial <p> text (characters) on the page and inside `inner`, and the lowest element
 * under `inner` holding at least CLUSTER_SHARE of the latter (the paragraphs' own block:
 * headers, bylines, share bars and tag lists around it inside the article are left out).
 * Paragraphs inside page furniture (nav, aside, footer, form) are not counted.
 */
function paragraphShare(root: Element, inner: Element): { total: number; inside: number; cluster: Element } | null {
  const ps = root.getElementsByTagName('p');
  if (ps.length > MAX_PARAGRAPHS) return null;
  let total = 0;
  let inside = 0;
  const under = new Map<Element, number>();
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const len = (p.textContent ?? '').trim().length;
    if (len < SUBSTANTIAL) continue;
    if (p.closest('nav, aside, footer, form')) continue;
    total += len;
    if (!inner.contains(p)) continue;
    inside += len;
    for (let e = p.parentElement, d = 0; e && d < 60; e = e.parentElement, d++) {
      under.set(e, (under.get(e) ?? 0) + len);
      if (e === inner) break;
    }
  }
  let cluster = inner;
  let depth = -1;
  for (const [e, len] of under) {
    if (len < CLUSTER_SHARE * inside) continue;
    let d = 0;
    // The qualifying elements nest (each holds most of the text), so there are few of them.
    for (let x: Element | null = e; x && x !== inner && d < 200; x = x.parentElement) d++;
    if (d > depth) {
      depth = d;
      cluster = e;
    }
  }
  return { total, inside, cluster };
}

/**
 * The declared body's paragraphs, or null when the page declares none, or when the element
 * holds too little text or too small a share of the page's.
 */
export function declaredBody(doc: Document, maxTextChars: number): { paras: Para[]; truncated: boolean } | null {
  const el = declaredContainer(doc);
  if (!el || !doc.body) return null;
  const share = paragraphShare(doc.body, el);
  if (!share || share.inside < DECLARED_MIN_CHARS || share.inside < DECLARED_SHARE * share.total) return null;
  const walked = blockParagraphs(share.cluster, { maxChars: maxTextChars, skipCaptions: true, skipClass: SKIP_IN_BODY_CLASS, skipElement: isFurniture });
  let chars = 0;
  for (const p of walked.paras) chars += p.text.length;
  return chars >= DECLARED_MIN_CHARS ? walked : null;
}

const BYLINE_SELECTOR = '[rel="author"], [itemprop~="author"], [class*="uthor"], [class*="yline"], [class*="yLine"], [id*="uthor"], [id*="yline"]';
const BYLINE_CLASS = /byline|author|dateline|writtenby|p-author/i;

/**
 * A byline marked up in the page (rel=author, itemprop=author, a byline/author class or id),
 * as Readability finds it: the first such element, in document order, with 1–99 characters
 * of text. Used with the declared body, where Readability does not run.
 */
export function markupByline(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const list = body.querySelectorAll(BYLINE_SELECTOR);
  for (let i = 0; i < list.length && i < 50; i++) {
    const el = list[i];
    const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const marked = el.getAttribute('rel') === 'author' || /author/i.test(el.getAttribute('itemprop') ?? '') || BYLINE_CLASS.test(ci);
    if (!marked) continue;
    const named = /author/i.test(el.getAttribute('itemprop') ?? '') ? el.querySelector('[itemprop~="name"]') : null;
    const text = ((named ?? el).textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length < 100) return text;
  }
  return null;
}
