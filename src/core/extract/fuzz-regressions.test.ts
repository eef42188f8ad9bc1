/**
 * Regressions found by the fuzzer (tests/fuzz, `npm run fuzz`): each case once made
 * extraction throw or take far over its time budget.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import { parseHtml } from './parse-html';
import { cleanAuthor } from './strings';

const ms = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

const ARTICLE = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}: the council said on Tuesday that repairs to the old bridge would take several weeks, officials said.</p>`).join('');

describe('extraction: fuzz regressions', () => {
  it('cleanAuthor refuses a huge value without running its quadratic regexes (was 20 s for 136 KB)', () => {
    expect(cleanAuthor('x'.repeat(136_000))).toBeNull();
    expect(cleanAuthor('-'.repeat(100_000) + 'x')).toBeNull();
    expect(ms(() => cleanAuthor('x'.repeat(136_000)))).toBeLessThan(50);
    // Ordinary bylines are unchanged.
    expect(cleanAuthor('By Jane Roe jane.roe@example.com')).toBe('Jane Roe');
  });

  it('a page with a 200 KB author meta is extracted promptly, without that byline', () => {
    const doc = parseHtml(`<html><head><title>Bridge repairs</title><meta name="author" content="${'x'.repeat(200_000)}"></head><body><article>${ARTICLE}</article></body></html>`);
    let byline: string | null = 'unset';
    const t = ms(() => {
      byline = extractArticle(doc).byline;
    });
    expect(byline).toBeNull();
    expect(t).toBeLessThan(500);
  });

  it('a 200 KB og:title or citation_title is not taken as the headline; description and section are capped', () => {
    const huge = 'داعش '.repeat(40_000);
    const doc = parseHtml(
      `<html><head><title>Bridge repairs will take weeks</title><meta property="og:title" content="${huge}"><meta name="citation_title" content="${huge}">` +
        `<meta name="description" content="${huge}"><meta property="article:section" content="${'s'.repeat(10_000)}"></head><body><article><h1>Bridge repairs will take weeks</h1>${ARTICLE}</article></body></html>`,
    );
    let a = extractArticle(doc);
    const t = ms(() => {
      a = extractArticle(doc);
    });
    expect(a.title).toBe('Bridge repairs will take weeks');
    expect(a.description!.length).toBeLessThanOrEqual(2001);
    expect(a.section!.length).toBeLessThanOrEqual(200);
    expect(t).toBeLessThan(500);
  });

  it('a deep chain of elements with little text skips Readability (200+ levels took 200–600 ms)', () => {
    const doc = parseHtml(`<html><body>${'<div>'.repeat(240)}<p>${'Some words of text here. '.repeat(20)}</p><p>The end of it.</p></body></html>`);
    extractArticle(doc); // warm
    let best = Infinity;
    let a = extractArticle(doc);
    for (let i = 0; i < 3; i++) best = Math.min(best, ms(() => (a = extractArticle(doc))));
    expect(best).toBeLessThan(100);
    expect(a.text).toContain('Some words of text here.');
  });

  it('a run of 78,000 character references is one text node, not 78,000 (extraction took 300+ ms)', () => {
    const html = `<html><body><section><p>${'&quot;'.repeat(78_000)}</p><h1>Bridge repairs</h1>${ARTICLE}</section></body></html>`;
    const doc = parseHtml(html);
    expect(doc.querySelector('p')!.childNodes.length).toBe(1);
    extractArticle(doc); // warm
    let best = Infinity;
    for (let i = 0; i < 3; i++) best = Math.min(best, ms(() => extractArticle(doc)));
    expect(best).toBeLessThan(100);
  });
});
