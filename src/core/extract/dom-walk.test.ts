/**
 * The selector stand-ins (dom-walk.ts and the tests built on it in metadata.ts and
 * declared-body.ts) against the selectors they replace, on random documents: the same
 * elements in the same order as linkedom's querySelectorAll / closest / matches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bylineCandidate, declaredContainer, markupByline } from './declared-body';
import { closestTag, hasWord, someDescendant } from './dom-walk';
import { isInsideArticle, scanned } from './metadata';
import { parseHtml } from './parse-html';

const TAGS = ['div', 'p', 'span', 'a', 'link', 'meta', 'script', 'time', 'title', 'h1', 'article', 'main', 'template', 'svg', 'nav', 'aside', 'footer', 'form', 'section'];
const VALUES: Record<string, string[]> = {
  rel: ['author', 'AUTHOR', 'Author', 'nofollow author', 'authors', ''],
  itemprop: ['author', 'articleBody', 'name', 'headline author', 'author\u00a0name', 'articlebody', 'x\tarticleBody', 'authorName'],
  class: ['byline', 'post-author', 'yLine', 'Byline', 'story', 'author-box'],
  id: ['main-byline', 'authorBox', 'Yline', 'content'],
  role: ['main', 'Main', 'navigation'],
  type: ['application/ld+json', 'text/javascript'],
};

type Node = { tag: string; attrs: [string, string][]; kids: Node[] };
const attrArb = fc.constantFrom(...Object.keys(VALUES)).chain((name) => fc.constantFrom(...VALUES[name]).map((v) => [name, v] as [string, string]));
const nodeArb = (depth: number): fc.Arbitrary<Node> =>
  fc.record({ tag: fc.constantFrom(...TAGS), attrs: fc.array(attrArb, { maxLength: 3 }), kids: depth ? fc.array(nodeArb(depth - 1), { maxLength: 3 }) : fc.constant([]) });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
function html(n: Node): string {
  const attrs = [...new Map(n.attrs)].map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${n.tag}${attrs}>x ${n.kids.map(html).join('')}</${n.tag}>`;
}
const page = fc.array(nodeArb(3), { minLength: 1, maxLength: 5 }).map((nodes) => `<!doctype html><html><head><title>t</title></head><body>${nodes.map(html).join('')}</body></html>`);

/** markupByline as it was written with querySelectorAll. */
function bylineBySelector(doc: Document): string | null {
  const list = doc.body.querySelectorAll('[rel="author"], [itemprop~="author"], [class*="uthor"], [class*="yline"], [class*="yLine"], [id*="uthor"], [id*="yline"]');
  for (let i = 0; i < list.length && i < 50; i++) {
    const el = list[i];
    const ci = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const marked = el.getAttribute('rel') === 'author' || /author/i.test(el.getAttribute('itemprop') ?? '') || /byline|author|dateline|writtenby|p-author/i.test(ci);
    if (!marked) continue;
    const named = /author/i.test(el.getAttribute('itemprop') ?? '') ? el.querySelector('[itemprop~="name"]') : null;
    const text = ((named ?? el).textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length < 100) return text;
  }
  return null;
}

function walked(root: Element | Document): Element[] {
  const out: Element[] = [];
  someDescendant(root, (el) => {
    out.push(el);
    return false;
  });
  return out;
}

describe('selector stand-ins', () => {
  it('walk the elements querySelectorAll gives, in its order, and test what the selectors test', () => {
    fc.assert(
      fc.property(page, (source) => {
        const doc = parseHtml(source);
        expect(walked(doc)).toEqual(Array.from(doc.querySelectorAll('*')));
        expect(walked(doc.body)).toEqual(Array.from(doc.body.querySelectorAll('*')));
        for (const el of Array.from(doc.querySelectorAll('*'))) {
          expect(scanned(el)).toBe(el.matches('meta, link[rel], script[type], time, [itemprop], title, h1, a[rel]'));
          expect(bylineCandidate(el)).toBe(el.matches('[rel="author"], [itemprop~="author"], [class*="uthor"], [class*="yline"], [class*="yLine"], [id*="uthor"], [id*="yline"]'));
          expect(isInsideArticle(el)).toBe(!!el.closest('article, main, [role="main"], [itemprop~="articleBody"]'));
          expect(closestTag(el, new Set(['nav', 'aside', 'footer', 'form']))).toBe(el.closest('nav, aside, footer, form'));
        }
        const marked = doc.body.querySelectorAll('[itemprop~="articleBody"]');
        const articles = doc.body.getElementsByTagName('article');
        expect(declaredContainer(doc)).toBe(marked.length === 1 ? marked[0] : marked.length > 1 ? null : articles.length === 1 ? articles[0] : null);
        expect(markupByline(doc)).toBe(bylineBySelector(doc));
      }),
      { numRuns: 80, seed: 1414 },
    );
  });

  it('stop as soon as the visitor says so', () => {
    const doc = parseHtml('<html><body><div id="a"><p id="b"></p></div><p id="c"></p></body></html>');
    const seen: string[] = [];
    expect(someDescendant(doc.body, (el) => (seen.push(el.id), el.id === 'b'))).toBe(true);
    expect(seen).toEqual(['a', 'b']);
  });

  it('hasWord is the ~= test: whole white-space separated words, case-sensitive', () => {
    expect(hasWord('headline author', 'author')).toBe(true);
    expect(hasWord('authorName', 'author')).toBe(false);
    expect(hasWord('co-author', 'author')).toBe(false);
    expect(hasWord('Author', 'author')).toBe(false);
    expect(hasWord('x author\ty', 'author')).toBe(true);
    expect(hasWord(null, 'author')).toBe(false);
  });
});
