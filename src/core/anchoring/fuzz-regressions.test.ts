/**
 * Regressions found by the fuzzer (tests/fuzz, `npm run fuzz`): corrupt or hostile
 * selectors once made one `anchor` call take seconds, far over its 50 ms budget.
 * No wall-clock limits here (speed lives in `npm run bench:anchor`): the clock is replaced,
 * so the tests count the search's units of work and check the deadline logic exactly; the
 * only timing is a hang guard (a test timeout hundreds of times what the call takes).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHtml } from '../extract/parse-html';
import { anchor } from './anchor';
import type { HighlightSelectors } from './types';

const PAGE = `<html><body><article>${Array.from({ length: 20 }, (_, i) => `<p>Paragraph ${i}: the council said on Tuesday that repairs to the old bridge would take several weeks.</p>`).join('')}</article></body></html>`;

/** Replace the clock: every reading advances it by `step` ms. Returns how many times it was read. */
function fakeClock(step: number): { reads: () => number } {
  let t = 0;
  let n = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => {
    n++;
    return (t += step);
  });
  return { reads: () => n };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const quote = (exact: string, prefix: string, suffix: string): HighlightSelectors => ({ quote: { type: 'TextQuoteSelector', exact, prefix, suffix } });

describe('anchoring: fuzz regressions', () => {
  it('a 90 KB prefix or suffix is cut to the context next to the quote (was seconds per call)', { timeout: 5_000 }, () => {
    const doc = parseHtml(PAGE);
    expect(anchor(doc.body, quote('the', 'x', 'y'.repeat(93_000))).status).toBe('orphan');
    const b = anchor(doc.body, quote('bridge would', 'q'.repeat(93_000), ''));
    expect(b.status).toBe('exact');
  });

  it('the context next to the quote still decides between occurrences', () => {
    const doc = parseHtml(PAGE);
    const r = anchor(doc.body, quote('the council', `${'z'.repeat(5000)} Paragraph 7: `, ' said on Tuesday that repairs'));
    expect(r.status).toBe('exact');
    const text = doc.body.textContent ?? '';
    expect(r.status !== 'orphan' && text.slice(r.start - 13, r.start)).toBe('Paragraph 7: ');
  });

  it('an edited 800-character quote whose context repeats stops at the deadline, between units of work (was 250 ms)', () => {
    const sentence = (i: number) => `Sentence ${i} tells how the river flooded the lower town and how the council answered. `;
    const quoteText = Array.from({ length: 10 }, (_, i) => sentence(i)).join('').trim();
    // The context words repeat all over the page: many prefix-end × suffix-start pairs to compare.
    const filler = Array.from({ length: 30 }, () => '<p>Read more about it here. See the whole story below.</p>').join('');
    const html = `<html><body><article>${filler}<p>Read more about it here. ${quoteText.replace(/river/g, 'stream')} See the whole story below.</p>${filler}</article></body></html>`;
    const doc = parseHtml(html);
    const sel = quote(quoteText, 'Read more about it here. ', ' See the whole story below.');
    // Each clock reading is one unit of work and costs 1 ms: the 50 ms budget allows about 50
    // (the search has hundreds here), and the call gives up cleanly instead of running on.
    const clock = fakeClock(1);
    const r = anchor(doc.body, sel);
    expect(clock.reads()).toBeGreaterThanOrEqual(50);
    expect(clock.reads()).toBeLessThanOrEqual(52);
    expect(r).toEqual({ status: 'orphan', reason: 'timeout' });
  });

  it('a one-character quote that is not found with its context does not search approximately (every position matches: 200 ms on 200 KB)', () => {
    const big = `<html><body><article>${Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i}: a quiet day at the harbour, and a boat or two.</p>`).join('')}</article></body></html>`;
    const doc = parseHtml(big);
    // The clock stands still, so no deadline cuts the search short: what is counted is the work.
    const still = fakeClock(0);
    expect(anchor(doc.body, quote('a', 'the', 'zzzz zzzz zzzz zzzz'), { maxMs: 2000 })).toEqual({ status: 'orphan', reason: 'not-found' });
    expect(still.reads()).toBeLessThanOrEqual(3); // the verbatim pass only; an approximate search is one unit per region
    // A longer quote with a typo is searched approximately, unit by unit (the count above can fail).
    vi.restoreAllMocks();
    const fuzzy = fakeClock(0);
    expect(anchor(doc.body, quote('a quiet dya at the harbour', 'the', 'zzzz zzzz zzzz zzzz'), { maxMs: 2000 }).status).toBe('fuzzy');
    expect(fuzzy.reads()).toBeGreaterThan(10);
  });
});
