/**
 * Regressions found by the fuzzer (tests/fuzz, `npm run fuzz`): each case once made
 * extraction throw or take far over its time budget. The answers are checked here, with a
 * test timeout as the only guard against a hang; the time each takes is measured with its
 * budget by `npm run bench:hot-paths`.
 */
import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractArticle } from './index';
import { parseHtml } from './parse-html';
import { cleanAuthor } from './strings';

/** Far above what any case here costs (milliseconds), far below what the bugs took (seconds). */
const HANG_GUARD = { timeout: 5_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

const ARTICLE = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}: the council said on Tuesday that repairs to the old bridge would take several weeks, officials said.</p>`).join('');

describe('extraction: fuzz regressions', () => {
  it('cleanAuthor refuses a huge value without running its quadratic regexes (was 20 s for 136 KB)', HANG_GUARD, () => {
    expect(cleanAuthor('x'.repeat(136_000))).toBeNull();
    expect(cleanAuthor('-'.repeat(100_000) + 'x')).toBeNull();
    // Ordinary bylines are unchanged.
    expect(cleanAuthor('By Jane Roe jane.roe@example.com')).toBe('Jane Roe');
  });

  it('a page with a 200 KB author meta is extracted without that byline', HANG_GUARD, () => {
    const doc = parseHtml(`<html><head><title>Bridge repairs</title><meta name="author" content="${'x'.repeat(200_000)}"></head><body><article>${ARTICLE}</article></body></html>`);
    expect(extractArticle(doc).byline).toBeNull();
  });

  it('a 200 KB og:title or citation_title is not taken as the headline; description and section are capped', HANG_GUARD, () => {
    const huge = 'داعش '.repeat(40_000);
    const doc = parseHtml(
      `<html><head><title>Bridge repairs will take weeks</title><meta property="og:title" content="${huge}"><meta name="citation_title" content="${huge}">` +
        `<meta name="description" content="${huge}"><meta property="article:section" content="${'s'.repeat(10_000)}"></head><body><article><h1>Bridge repairs will take weeks</h1>${ARTICLE}</article></body></html>`,
    );
    const a = extractArticle(doc);
    expect(a.title).toBe('Bridge repairs will take weeks');
    expect(a.description!.length).toBeLessThanOrEqual(2001);
    expect(a.section!.length).toBeLessThanOrEqual(200);
  });

  it('a deep chain of elements with little text skips Readability (200+ levels took 200–600 ms)', HANG_GUARD, () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    const shallow = parseHtml(`<html><body>${'<div>'.repeat(12)}<p>${'Some words of text here. '.repeat(20)}</p><p>The end of it.</p></body></html>`);
    expect(extractArticle(shallow).text).toContain('Some words of text here.');
    expect(parse).toHaveBeenCalled(); // the control: a shallow page goes through Readability
    parse.mockClear();
    const doc = parseHtml(`<html><body>${'<div>'.repeat(240)}<p>${'Some words of text here. '.repeat(20)}</p><p>The end of it.</p></body></html>`);
    expect(extractArticle(doc).text).toContain('Some words of text here.');
    expect(parse).not.toHaveBeenCalled();
  });

  it('a run of 78,000 character references is one text node, not 78,000 (extraction took 300+ ms)', HANG_GUARD, () => {
    const html = `<html><body><section><p>${'&quot;'.repeat(78_000)}</p><h1>Bridge repairs</h1>${ARTICLE}</section></body></html>`;
    const doc = parseHtml(html);
    expect(doc.querySelector('p')!.childNodes.length).toBe(1);
    expect(extractArticle(doc).title).toBe('Bridge repairs');
  });
});
