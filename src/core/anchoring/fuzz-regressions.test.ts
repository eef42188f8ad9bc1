/**
 * Regressions found by the fuzzer (tests/fuzz, `npm run fuzz`): corrupt or hostile
 * selectors once made one `anchor` call take seconds, far over its 50 ms budget.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../extract/parse-html';
import { anchor } from './anchor';
import type { HighlightSelectors } from './types';

const PAGE = `<html><body><article>${Array.from({ length: 20 }, (_, i) => `<p>Paragraph ${i}: the council said on Tuesday that repairs to the old bridge would take several weeks.</p>`).join('')}</article></body></html>`;

function timed(sel: HighlightSelectors): { ms: number; status: string } {
  const doc = parseHtml(PAGE);
  anchor(doc.body, sel); // warm
  let best = Infinity;
  let status = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    status = anchor(doc.body, sel).status;
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, status };
}

const quote = (exact: string, prefix: string, suffix: string): HighlightSelectors => ({ quote: { type: 'TextQuoteSelector', exact, prefix, suffix } });

describe('anchoring: fuzz regressions', () => {
  it('a 90 KB prefix or suffix is cut to the context next to the quote (was seconds per call)', () => {
    const a = timed(quote('the', 'x', 'y'.repeat(93_000)));
    expect(a.ms).toBeLessThan(50);
    const b = timed(quote('bridge would', 'q'.repeat(93_000), ''));
    expect(b.ms).toBeLessThan(50);
    expect(b.status).not.toBe('orphan');
  });

  it('the context next to the quote still decides between occurrences', () => {
    const doc = parseHtml(PAGE);
    const r = anchor(doc.body, quote('the council', `${'z'.repeat(5000)} Paragraph 7: `, ' said on Tuesday that repairs'));
    expect(r.status).toBe('exact');
    const text = doc.body.textContent ?? '';
    expect(r.status !== 'orphan' && text.slice(r.start - 13, r.start)).toBe('Paragraph 7: ');
  });

  it('an edited 800-character quote whose context repeats is searched in units that respect the deadline (was 250 ms)', () => {
    const sentence = (i: number) => `Sentence ${i} tells how the river flooded the lower town and how the council answered. `;
    const quoteText = Array.from({ length: 10 }, (_, i) => sentence(i)).join('').trim();
    // The context words repeat all over the page: many prefix-end × suffix-start pairs to compare.
    const filler = Array.from({ length: 30 }, () => '<p>Read more about it here. See the whole story below.</p>').join('');
    const html = `<html><body><article>${filler}<p>Read more about it here. ${quoteText.replace(/river/g, 'stream')} See the whole story below.</p>${filler}</article></body></html>`;
    const doc = parseHtml(html);
    const sel = quote(quoteText, 'Read more about it here. ', ' See the whole story below.');
    anchor(doc.body, sel); // warm
    let best = Infinity;
    let status = '';
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      status = anchor(doc.body, sel).status;
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(65); // the 50 ms budget plus the unit of work in progress
    expect(status).not.toBe('exact');
  });

  it('a one-character quote that is not found with its context does not search approximately (every position matches: 200 ms on 200 KB)', () => {
    const big = `<html><body><article>${Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i}: a quiet day at the harbour, and a boat or two.</p>`).join('')}</article></body></html>`;
    const doc = parseHtml(big);
    const sel = quote('a', 'the', 'zzzz zzzz zzzz zzzz');
    // A generous budget, so that the time measured is the work done, not the deadline.
    anchor(doc.body, sel, { maxMs: 2000 });
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      anchor(doc.body, sel, { maxMs: 2000 });
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(50);
  });
});
