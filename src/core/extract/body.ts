/**
 * Article body: Readability on a clone of the document (never the caller's), with a
 * paragraph-cluster fallback for pages Readability gives up on and for huge pages.
 */
import { Readability } from '@mozilla/readability';
import { declaredBody, markupByline } from './declared-body';
import { blockParagraphs, boundedText, boundedTextLength, type Para } from './dom-text';
import { ARTICLE_CLASS, FURNITURE_CLASS, FURNITURE_ROLES, SKIP_IN_BODY_CLASS } from './furniture';

export interface ReadabilityMeta {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
}

export interface BodyResult {
  paras: Para[];
  source: 'readability' | 'declared' | 'fallback' | 'none';
  /** Readability skipped because the page is too large, or text capped. */
  truncated: boolean;
  readability: ReadabilityMeta | null;
  /** With the declared body (no Readability): the byline marked up in the page, found as Readability would. */
  markupByline?: string | null;
}

export interface BodyOptions {
  maxTextChars: number;
  maxElements: number;
  maxBodyTextChars: number;
  /** Above this nesting depth Readability is skipped (it gets quadratic on very deep trees). */
  maxDepth?: number;
  /** Always run Readability, even when the page declares its body (for comparisons). */
  noDeclared?: boolean;
}

/** Elements under which <p>s are ignored by the fallback. */
const FALLBACK_SKIP_TAGS = new Set(['p', 'nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog', 'template', 'noscript', 'script', 'style', 'button', 'select', 'figcaption']);
const FALLBACK_SKIP_CLASS =
  /(?:^|[\s_-])(?:comments?|comment-?(?:list|form|respond|body|content|text)|respond|disqus|related|relatedposts|share|sharing|social|newsletter|captcha|sidebar|widget|promo|breadcrumbs?|footer|nav|navbar|menu|cookie|consent|popup|modal)(?:$|[\s_-])/i;

/**
 * Element count and maximum nesting depth, walking at most `limit` elements (the walk stops
 * as soon as the count passes `limit`). Readability's cost grows with count × depth.
 */
export function measureTree(doc: Document, limit: number): { elements: number; depth: number } {
  const root = doc.documentElement;
  if (!root) return { elements: 0, depth: 0 };
  let elements = 0;
  let depth = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (++elements > limit) break;
    if (d > depth) depth = d;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, d + 1]);
  }
  return { elements, depth };
}

function classAndId(el: Element): string {
  const c = el.getAttribute('class');
  const id = el.getAttribute('id');
  return c && id ? `${c} ${id}` : (c ?? id ?? '');
}

const ARTICLE_CONTAINER_SELECTOR = [
  'main', '[role="main"]', '[itemprop~="articleBody"]',
  '[class*="article-body"]', '[class*="articleBody"]', '[class*="article-content"]', '[class*="article__body"]',
  '[class*="article__content"]', '[class*="article-text"]', '[class*="entry-content"]', '[class*="post-content"]',
  '[class*="post-body"]', '[class*="story-body"]', '[class*="story-content"]', '[class*="content-body"]',
  '[class*="body-text"]', '[class*="news-content"]', '[class*="single-content"]', '[id*="article-body"]',
  '[id*="articleBody"]', '[id*="story-body"]', '[id*="post-body"]',
].join(', ');

/** The element holding the largest cluster of substantial <p> text (parent full weight, grandparent half). */
export function bestParagraphContainer(root: Element, maxParagraphs = 5000): Element | null {
  const ps = root.getElementsByTagName('p');
  const score = new Map<Element, number>();
  const n = Math.min(ps.length, maxParagraphs);
  let budget = 2_000_000;
  for (let i = 0; i < n && budget > 0; i++) {
    const p = ps[i];
    const bt = boundedText(p, 20_000, 4000);
    budget -= bt.visited;
    const len = bt.text.trim().length;
    if (len < 40) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + len);
    const grand = parent.parentElement;
    if (grand) score.set(grand, (score.get(grand) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, sc] of score) {
    if (sc > bestScore) {
      best = el;
      bestScore = sc;
    }
  }
  return bestScore >= 200 ? best : null;
}

/**
 * Remove navigation, asides, forms and furniture-classed containers from a (cloned)
 * document before Readability scores it. Never removes the article's container or its
 * ancestors (the largest <p> cluster, main, [itemprop=articleBody], article-body classes),
 * nor an element holding most of the page's text.
 */
export function removeFurniture(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let list: ArrayLike<Element>;
  const protectedEls = new Set<Element>();
  const protect = (el: Element | null) => {
    for (let e = el, d = 0; e && d < 200; e = e.parentElement, d++) {
      if (protectedEls.has(e)) break;
      protectedEls.add(e);
    }
  };
  try {
    protect(bestParagraphContainer(body));
    const containers = body.querySelectorAll(ARTICLE_CONTAINER_SELECTOR);
    for (let i = 0; i < containers.length && i < 200; i++) {
      const c = containers[i];
      if (c.localName === 'main' || c.getAttribute('role') === 'main' || ARTICLE_CLASS.test(classAndId(c)) || /articleBody/i.test(c.getAttribute('itemprop') ?? '')) protect(c);
    }
    list = body.querySelectorAll('nav, aside, form, footer, [role], [class], [id]');
  } catch {
    return 0;
  }
  const bodyLen = boundedText(body, 4_000_000, 200_000).text.length || 1;
  const removed: Element[] = [];
  let budget = 3_000_000;
  let lastTop: Element | null = null;
  const n = Math.min(list.length, 30_000);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (protectedEls.has(el)) continue;
    if (lastTop && lastTop.contains(el)) continue; // inside something already removed
    const tag = el.localName;
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') continue;
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    const ci = classAndId(el);
    const furnitureTag = tag === 'nav' || tag === 'aside' || tag === 'form' || tag === 'footer';
    const furnitureRole = role ? FURNITURE_ROLES.has(role) : false;
    const furnitureClass = ci ? FURNITURE_CLASS.test(ci) && !ARTICLE_CLASS.test(ci) : false;
    if (!furnitureTag && !furnitureRole && !furnitureClass) continue;
    if (budget <= 0) break;
    const bt = boundedText(el, Math.ceil(bodyLen * 0.6) + 1, 100_000);
    budget -= bt.visited;
    if (bt.text.length > bodyLen * 0.6 && tag !== 'nav') continue;
    removed.push(el);
    lastTop = el;
  }
  for (const el of removed) el.parentNode?.removeChild(el);
  return removed.length;
}

function runReadability(doc: Document, opts: BodyOptions): { paras: Para[]; truncated: boolean; meta: ReadabilityMeta } | null {
  let clone: Document;
  try {
    clone = doc.cloneNode(true) as Document;
  } catch {
    return null;
  }
  if (!clone || !clone.documentElement || !clone.body) return null;
  try {
    removeFurniture(clone);
  } catch {
    /* best effort */
  }
  let result: ReturnType<Readability<Node>['parse']>;
  try {
    result = new Readability<Node>(clone, { charThreshold: 300, keepClasses: true, serializer: (el: Node) => el }).parse();
  } catch {
    return null;
  }
  if (!result || !result.content) return null;
  const walked = blockParagraphs(result.content, { maxChars: opts.maxTextChars, skipCaptions: true, skipClass: SKIP_IN_BODY_CLASS });
  return {
    paras: walked.paras,
    truncated: walked.truncated,
    meta: {
      title: result.title ?? null,
      byline: result.byline ?? null,
      siteName: result.siteName ?? null,
      publishedTime: result.publishedTime ?? null,
      lang: result.lang ?? null,
      dir: result.dir ?? null,
      excerpt: result.excerpt ?? null,
    },
  };
}

function skipByAncestors(p: Element, stop: Element | null): boolean {
  let el: Element | null = p.parentElement;
  let depth = 0;
  while (el && el !== stop && depth < 40) {
    const tag = el.localName;
    if (FALLBACK_SKIP_TAGS.has(tag)) return true;
    const role = el.getAttribute('role');
    if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
    const ci = classAndId(el);
    if (ci && FALLBACK_SKIP_CLASS.test(ci) && !ARTICLE_CLASS.test(ci)) return true;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
    el = el.parentElement;
    depth++;
  }
  return false;
}

function paraText(p: Element, maxLen: number): { text: string; linkRatio: number; visited: number } {
  const bt = boundedText(p, maxLen, 3000);
  const text = bt.text.replace(/[\u200b\ufeff\u00ad]/g, '').replace(/\s+/g, ' ').trim();
  const letters = text.replace(/\s+/g, '').length || 1;
  return { text, linkRatio: Math.min(1, bt.linkChars / letters), visited: bt.visited };
}

/**
 * Fallback: the largest cluster of <p> text inside <article>/<main>/[role=main] (or the
 * body), ignoring navigation, headers, footers, asides, forms and comment-ish containers.
 */
export function fallbackParagraphs(doc: Document, opts: BodyOptions & { maxParagraphs?: number }): { paras: Para[]; truncated: boolean } {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { paras: [], truncated: false };
  const maxP = opts.maxParagraphs ?? 20_000;
  let containers: Element[] = [];
  try {
    containers = Array.from(body.querySelectorAll('article, main, [role="main"], [itemprop~="articleBody"]')).slice(0, 200);
  } catch {
    containers = [];
  }
  type Item = { el: Element; text: string; linkRatio: number; parent: Element | null; grand: Element | null };
  let truncated = false;
  let budget = 3_000_000;
  // Text read, bounded too: a huge page need not be read in full to find its densest cluster.
  let charBudget = Math.max(4 * opts.maxTextChars, 400_000);
  // Gather paragraphs with their parents (each <p> once, even when containers nest).
  const gather = (scopes: Element[]): Item[] => {
    const seen = new Set<Element>();
    const found: Item[] = [];
    for (const scope of scopes) {
      const ps = scope.getElementsByTagName('p');
      for (let i = 0; i < ps.length; i++) {
        if (found.length >= maxP || budget <= 0 || charBudget <= 0) {
          truncated = true;
          break;
        }
        const p = ps[i];
        if (seen.has(p)) continue;
        seen.add(p);
        if (skipByAncestors(p, scope === body ? null : scope.parentElement)) continue;
        const { text, linkRatio, visited } = paraText(p, 20_000);
        budget -= visited;
        charBudget -= text.length;
        if (!text) continue;
        const parent = p.parentElement;
        found.push({ el: p, text, linkRatio, parent, grand: parent?.parentElement ?? null });
      }
    }
    return found;
  };
  const substantial = (xs: Item[]) => xs.reduce((n, it) => n + (it.text.length >= 40 && it.linkRatio <= 0.5 ? it.text.length : 0), 0);
  let items = containers.length ? gather(containers) : [];
  // <article>/<main> holding next to nothing (teaser cards): look at the whole body instead.
  if (substantial(items) < 500) {
    const all = gather([body]);
    if (substantial(all) > substantial(items)) items = all;
  }
  if (!items.length) return { paras: [], truncated };
  // Score parents (full weight) and grandparents (half) by the text of substantial paragraphs.
  const score = new Map<Element, number>();
  for (const it of items) {
    if (it.text.length < 40 || it.linkRatio > 0.5) continue;
    const w = it.text.length;
    if (it.parent) score.set(it.parent, (score.get(it.parent) ?? 0) + w);
    if (it.grand) score.set(it.grand, (score.get(it.grand) ?? 0) + w / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  const paras: Para[] = [];
  let total = 0;
  for (const it of items) {
    if (best && !(it.parent === best || it.grand === best || best.contains(it.el))) continue;
    if (total + it.text.length > opts.maxTextChars) {
      truncated = true;
      break;
    }
    paras.push({ text: it.text, linkRatio: it.linkRatio, tag: 'p' });
    total += it.text.length + 2;
  }
  return { paras, truncated };
}

const totalChars = (paras: Para[]) => paras.reduce((n, p) => n + p.text.length, 0);

/** Extract the body paragraphs of a document. */
export function extractBody(doc: Document, opts: BodyOptions): BodyResult {
  // The body the page declares (one articleBody element, or its only <article> holding most of the
  // text): no clone, no Readability, and no walk of the whole tree to size it up for Readability.
  if (!opts.noDeclared) {
    let declared: ReturnType<typeof declaredBody> = null;
    try {
      declared = declaredBody(doc, opts.maxTextChars);
    } catch {
      declared = null;
    }
    if (declared) return { paras: declared.paras, source: 'declared', truncated: declared.truncated, readability: null, markupByline: markupByline(doc) };
  }
  let tree = { elements: 0, depth: 0 };
  try {
    tree = measureTree(doc, opts.maxElements);
  } catch {
    /* ignore */
  }
  let bodyTextLen = 0;
  try {
    bodyTextLen = tree.elements > opts.maxElements || !doc.body ? 0 : boundedTextLength(doc.body, opts.maxBodyTextChars, 1_000_000);
  } catch {
    bodyTextLen = 0;
  }
  const tooBig = tree.elements > opts.maxElements || tree.depth > (opts.maxDepth ?? 250) || bodyTextLen > opts.maxBodyTextChars;
  if (tooBig) {
    const fb = fallbackParagraphs(doc, { ...opts, maxParagraphs: 5_000 });
    return { paras: fb.paras, source: fb.paras.length ? 'fallback' : 'none', truncated: true, readability: null };
  }
  const r = runReadability(doc, opts);
  const rChars = r ? totalChars(r.paras) : 0;
  if (r && rChars >= 500) {
    return { paras: r.paras, source: 'readability', truncated: r.truncated, readability: r.meta };
  }
  const fb = fallbackParagraphs(doc, opts);
  const fbChars = totalChars(fb.paras);
  if (fbChars > rChars) {
    return { paras: fb.paras, source: 'fallback', truncated: fb.truncated, readability: r?.meta ?? null };
  }
  if (r && r.paras.length) return { paras: r.paras, source: 'readability', truncated: r.truncated, readability: r.meta };
  return { paras: [], source: 'none', truncated: false, readability: r?.meta ?? null };
}
