import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html';
import { DEEP_CHARS, isArticleLd, readQuickInput, SLICE_CHARS } from './quick-input';
import { QUICK_DEEP_CHARS, QUICK_SLICE_CHARS } from '../detect/quick-scan';

describe('isArticleLd', () => {
  it('finds the article types the regex it replaces found, and only those', () => {
    const re = /"(News|Reportage|Blog)?(Article|Posting)"/;
    const cases = [
      '{"@type":"NewsArticle"}',
      '{"@type": "Article"}',
      '{"@type":"BlogPosting"}',
      '{"@type":"ReportageArticle"}',
      '{"@type":"Posting"}',
      '{"@type":"ScholarlyArticle"}',
      '{"@type":"WebPage","name":"Article"}',
      '{"@type":"WebPage"}',
      '{"articleBody":"x"}',
      'Article"',
      '"NewsArticle',
      '{"@type":["Thing","NewsArticle"]}',
    ];
    for (const c of cases) expect(isArticleLd(c), c).toBe(re.test(c));
  });
});

describe('readQuickInput', () => {
  it('reads the title, the wanted meta tags, the headline and the first paragraphs, with article signals', () => {
    const doc = parseHtml(
      `<html lang="en"><head><title>Page title</title>
        <meta property="og:type" content="Article"><meta name="Description" content="About the council">
        <meta name="viewport" content="width=device-width"><meta property="article:published_time" content="2024-01-01">
        <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
        <body><nav><p>Menu</p></nav><article><h1>Headline here</h1>
        <p>${'First paragraph with enough words to count as a long one. '.repeat(2)}</p>
        <p>${'Second paragraph with enough words to count as a long one. '.repeat(2)}</p>
        <p>${'Third paragraph with enough words to count as a long one. '.repeat(2)}</p></article></body></html>`,
    );
    const q = readQuickInput(doc);
    expect(q.title).toBe('Page title');
    expect(q.meta).toBe('About the council');
    expect(q.lang).toBe('en');
    expect(q.textSlice.startsWith('Headline here\nFirst paragraph')).toBe(true);
    expect(q.textSlice).not.toContain('Menu');
    // og:type article, article:published_time, NewsArticle JSON-LD, <article>, three long paragraphs.
    expect(q.articleSignals).toBe(5);
  });

  it('reads the wanted meta tags whatever the case of their keys, and no others', () => {
    const doc = parseHtml(
      `<html><head><title>t</title><meta property="OG:Title" content="Upper-case key"><meta name="KEYWORDS" content="floods, river">
        <meta name="author" content="Not read"><meta property="og:image" content="Not read either"><meta name="Article:Published_Time" content="2024-01-01">
        </head><body><p>x</p></body></html>`,
    );
    const q = readQuickInput(doc);
    expect(q.meta).toBe('Upper-case key\nfloods, river');
    expect(q.articleSignals).toBe(1);
  });

  it('stays bounded: text slice and meta text are capped', () => {
    const metas = Array.from({ length: 100 }, (_, i) => `<meta property="article:tag" content="tag ${i} ${'x'.repeat(200)}">`).join('');
    const paras = Array.from({ length: 200 }, () => `<p>${'word '.repeat(100)}</p>`).join('');
    const q = readQuickInput(parseHtml(`<html><head><title>t</title>${metas}</head><body>${paras}</body></html>`));
    const all = q.textSlice + (q.more?.() ?? '');
    expect(all.length).toBeLessThanOrEqual(DEEP_CHARS + 1);
    expect(all.length).toBeGreaterThan(SLICE_CHARS);
    // Only the slice is read at once (it ends with the paragraph that reaches SLICE_CHARS).
    expect(q.textSlice.length).toBeGreaterThanOrEqual(SLICE_CHARS);
    expect(q.textSlice.length).toBeLessThan(SLICE_CHARS + 600);
    expect(q.meta.length).toBeLessThanOrEqual(4_000 + 500);
    expect(q.meta.length).toBeGreaterThan(3_000);
    const many = Array.from({ length: 2_000 }, () => `<p>${'word '.repeat(100)}</p>`).join('');
    const big = readQuickInput(parseHtml(`<html><body>${many}</body></html>`));
    expect((big.textSlice + (big.more?.() ?? '')).length).toBeLessThanOrEqual(DEEP_CHARS + 1);
  });

  it('reads on past the slice, so that a name deep in the body reaches the first pass (issue #17)', () => {
    const paras = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i}: ${'the council discussed the harbour budget '.repeat(8)}</p>`).join('');
    const q = readQuickInput(parseHtml(`<html><body><article><h1>Court news</h1>${paras}<p>The accused had joined ISIS in 2015.</p></article></body></html>`));
    expect(q.textSlice).not.toContain('joined ISIS');
    expect((q.textSlice + (q.more?.() ?? '')).indexOf('joined ISIS')).toBeGreaterThan(SLICE_CHARS);
    expect(DEEP_CHARS).toBe(QUICK_DEEP_CHARS);
    expect(SLICE_CHARS).toBe(QUICK_SLICE_CHARS);
  });
});
