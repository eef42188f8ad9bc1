/**
 * The declared-body fast path (declared-body.ts): which pages take it, what it leaves out,
 * and that extraction gives the same body as Readability on a plain declared page.
 */
import { describe, expect, it } from 'vitest';
import { extractBody } from './body';
import { declaredBody, declaredContainer, markupByline } from './declared-body';
import { extractArticle } from './index';
import { parseHtml } from './parse-html';

const OPTS = { maxTextChars: 60_000, maxElements: 20_000, maxBodyTextChars: 2_000_000, maxDepth: 100 };

const para = (topic: string, i: number) =>
  `<p>Paragraph ${i} on ${topic}: the council heard from residents, engineers and the mayor's office about the plans, and a vote is expected before the summer recess.</p>`;
const paras = (topic: string, n: number) => Array.from({ length: n }, (_, i) => para(topic, i + 1)).join('\n');

function page(article: string, outside = ''): string {
  return `<!doctype html><html lang="en"><head><title>Bridge repairs approved | Town Crier</title></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
${outside}
${article}
<footer><p>Copyright the Town Crier, all rights reserved, no part may be reproduced without permission.</p></footer>
</body></html>`;
}

const ARTICLE = `<article>
  <header><h1>Bridge repairs approved</h1><p class="byline">By Dana Whitfield</p></header>
  <div class="share-bar"><a href="#">Share on a network</a> <a href="#">Copy the link</a></div>
  <div class="story">
    ${paras('the bridge', 6)}
    <h2>What happens next</h2>
    <ul><li>Work starts in the autumn.</li><li>One lane stays open throughout.</li></ul>
    <aside><p>Related: a list of other stories about roads that readers might also like to read today.</p></aside>
    ${paras('the budget', 2)}
  </div>
</article>`;

describe('declared body', () => {
  it('reads the only <article> directly, without its header, share bar and aside', () => {
    const doc = parseHtml(page(ARTICLE));
    const r = extractBody(doc, OPTS);
    expect(r.source).toBe('declared');
    const texts = r.paras.map((p) => p.text);
    expect(texts[0]).toMatch(/^Paragraph 1 on the bridge/);
    expect(texts).toContain('What happens next');
    expect(texts).toContain('Work starts in the autumn.');
    expect(texts.filter((t) => t.startsWith('Paragraph'))).toHaveLength(8);
    expect(texts.some((t) => /Share on|Related:|By Dana|Copyright/.test(t))).toBe(false);
  });

  it('prefers a single articleBody element over the <article>', () => {
    const html = page(`<article><h1>Bridge repairs approved</h1><p>A teaser line that sits above the body and is not part of the story text.</p>
      <div itemprop="articleBody">${paras('the bridge', 6)}</div></article>`);
    const doc = parseHtml(html);
    expect(declaredContainer(doc)?.getAttribute('itemprop')).toBe('articleBody');
    const r = declaredBody(doc, 60_000)!;
    expect(r.paras.map((p) => p.text).every((t) => t.startsWith('Paragraph'))).toBe(true);
  });

  it('is not taken when the page has several articles, or the article holds little of the text', () => {
    const two = parseHtml(page(`<article>${paras('one', 4)}</article><article>${paras('two', 4)}</article>`));
    expect(declaredContainer(two)).toBeNull();
    expect(extractBody(two, OPTS).source).not.toBe('declared');

    const teaser = parseHtml(page(`<article><p>Short teaser card for another story.</p></article>`, `<div class="main-text">${paras('the flood', 8)}</div>`));
    expect(declaredContainer(teaser)).not.toBeNull();
    expect(declaredBody(teaser, 60_000)).toBeNull();
    expect(extractBody(teaser, OPTS).source).not.toBe('declared');

    const half = parseHtml(page(`<article>${paras('the bridge', 4)}</article>`, `<div class="more">${paras('elsewhere', 4)}</div>`));
    expect(declaredBody(half, 60_000)).toBeNull();
  });

  it('leaves pages with thousands of paragraphs to the size checks and the bounded fallback', () => {
    const many = parseHtml(page(`<article>${paras('the bridge', 3_001)}</article>`));
    expect(declaredContainer(many)).not.toBeNull();
    expect(declaredBody(many, 60_000)).toBeNull();
  });

  it('gives the same article as Readability on a plain declared page, with the marked-up byline', () => {
    const html = page(ARTICLE);
    const fast = extractArticle(parseHtml(html));
    const slow = extractArticle(parseHtml(html), { noDeclared: true });
    expect(fast.text).toBe(slow.text);
    expect(fast.byline).toBe('Dana Whitfield');
    expect(fast.byline).toBe(slow.byline);
    expect(fast.isArticle).toBe(true);
    expect(fast.lead).toBe(slow.lead);
  });

  it('finds a marked-up byline as Readability does', () => {
    expect(markupByline(parseHtml('<body><div class="nav"><a href="/author/x">All authors</a></div><span rel="author">Sam Okafor</span></body>'))).toBe('Sam Okafor');
    expect(markupByline(parseHtml('<body><div itemprop="author"><span itemprop="name">Léa Martin</span> <span>staff writer</span></div></body>'))).toBe('Léa Martin');
    expect(markupByline(parseHtml('<body><p>No byline here.</p></body>'))).toBeNull();
  });
});
