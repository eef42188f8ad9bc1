import { describe as suite, expect, it } from 'vitest';
import { parseHtml } from '../extract/parse-html';
import { anchor, anchorAll, anchorWithRetry } from './anchor';
import { describe } from './describe';
import { rangeFromOffsets } from './range';
import { buildTextModel, textOfRaw, textToRaw } from './text-model';
import type { AnchorResult, HighlightSelectors } from './types';

function body(html: string): Element {
  return parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
}

/** Describe the n-th occurrence (0-based) of `quote` in the clean text of `root`. */
function select(root: Element, quote: string, nth = 0): HighlightSelectors {
  const m = buildTextModel(root);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = m.text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not found: ${quote}`);
  const r = rangeFromOffsets(m, textToRaw(m, at), textToRaw(m, at + quote.length - 1) + 1)!;
  return describe(root, r)!;
}

function placed(root: Element, res: AnchorResult): string | null {
  if (res.status === 'orphan') return null;
  return textOfRaw(buildTextModel(root), res.start, res.end);
}

const ARTICLE = `
  <h1>River town reopens its bridge</h1>
  <p>The old bridge over the river reopened on Monday after two years of repairs. Engineers said the
  bridge can now carry lorries again, and the market on the east bank expects more traders.</p>
  <p>Residents crossed the bridge on foot in the morning. “It feels like the town is joined up
  again,” said a teacher who walks to school across the river every day.</p>
  <p>The council said the bridge would close again for one night in May for final checks.</p>`;

suite('describe', () => {
  it('returns the quote, 32 characters of context and the raw position', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'can now carry lorries again');
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'can now carry lorries again',
      prefix: "airs. Engineers said the bridge ",
      suffix: ', and the market on the east ban',
    });
    expect(sel.quote.prefix).toHaveLength(32);
    expect(sel.quote.suffix).toHaveLength(32);
    const m = buildTextModel(root);
    expect(m.raw.slice(sel.position!.start, sel.position!.end)).toBe('can now carry lorries again');
  });

  it('trims white space at the edges and returns null for an empty range', () => {
    const root = body('<p>alpha   beta</p>');
    const t = root.querySelector('p')!.firstChild as Text;
    const sel = describe(root, { startContainer: t, startOffset: 5, endContainer: t, endOffset: 12 })!;
    expect(sel.quote.exact).toBe('beta');
    expect(describe(root, { startContainer: t, startOffset: 6, endContainer: t, endOffset: 8 })).toBeNull();
  });

  it('never cuts a surrogate pair in the context', () => {
    const root = body(`<p>${'😀'.repeat(30)}quote here${'🙂'.repeat(30)}</p>`);
    const sel = select(root, 'quote here');
    expect(sel.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(sel.quote.prefix).toMatch(/^(😀)+$/u);
    expect(sel.quote.suffix).toMatch(/^(🙂)+$/u);
  });
});

suite('anchor', () => {
  it('finds an unchanged quote exactly', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'walks to school across the river');
    const res = anchor(root, sel);
    expect(res).toMatchObject({ status: 'exact', score: 1 });
    expect(placed(root, res)).toBe('walks to school across the river');
  });

  it('accepts a W3C selector array', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'final checks');
    expect(placed(root, anchor(root, [sel.quote, sel.position!]))).toBe('final checks');
  });

  it('uses prefix/suffix to pick between occurrences of a repeated quote', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'the bridge', 1); // "crossed the bridge on foot"
    // Insert text before so the stored position is stale.
    const page = body(`<p>Breaking: the bridge is open. More on the bridge below.</p>${ARTICLE}`);
    const res = anchor(page, sel);
    expect(res.status).toBe('exact');
    const m = buildTextModel(page);
    if (res.status === 'orphan') throw new Error('orphan');
    expect(m.raw.slice(res.start - 8, res.end + 8)).toBe('crossed the bridge on foot');
  });

  it('uses the position when occurrences have the same context', () => {
    const rep = '<p>same words here</p>';
    const root = body(rep.repeat(9));
    const sel = select(root, 'words', 4); // 32 identical characters either side of occurrences 2–6
    const res = anchor(root, sel);
    expect(res.status).toBe('position');
    if (res.status === 'orphan') throw new Error('orphan');
    expect(res.start).toBe(sel.position!.start);
  });

  it('is insensitive to white space and markup changes, also across elements', () => {
    const root = body('<p>The militants withdrew from the town</p><p>before dawn on Sunday.</p>');
    const sel = select(root, 'withdrew from the town before dawn');
    const changed = body('<div><p>The militants\n   withdrew   from <a href="#">the <b>town</b></a></p>\n\n<p>before\tdawn on Sunday.</p></div>');
    const res = anchor(changed, sel);
    expect(res.status).toBe('exact');
    expect(placed(changed, res)).toBe('withdrew from the town before dawn');
  });

  it('places an edited quote approximately', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'Engineers said the bridge can now carry lorries again, and the market');
    const edited = body(ARTICLE.replace('can now carry lorries again', 'is able to carry trucks again'));
    const res = anchor(edited, sel);
    expect(res.status).toBe('fuzzy');
    expect(placed(edited, res)).toBe('Engineers said the bridge is able to carry trucks again, and the market');
  });

  it('places a quote with an ad inserted inside it', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'bank expects more traders. Residents crossed the bridge on foot');
    const withAd = body(
      ARTICLE.replace('<p>Residents crossed', '<div class="ad"><p>Advertisement</p><p>Cheap flights to anywhere this summer, book now.</p></div><p>Residents crossed'),
    );
    const res = anchor(withAd, sel);
    expect(res.status).toBe('fuzzy');
    const got = placed(withAd, res)!;
    expect(got.startsWith('bank expects more traders.')).toBe(true);
    expect(got.endsWith('Residents crossed the bridge on foot')).toBe(true);
  });

  it('orphans a quote that no longer exists, and an empty quote', () => {
    const root = body(ARTICLE);
    const sel = select(root, 'a teacher who walks to school across the river every day');
    const gone = body(ARTICLE.replace(/<p>Residents[\s\S]*?<\/p>/, ''));
    expect(anchor(gone, sel)).toEqual({ status: 'orphan', reason: 'not-found' });
    expect(anchor(root, { quote: { type: 'TextQuoteSelector', exact: '  ', prefix: '', suffix: '' } })).toEqual({ status: 'orphan', reason: 'empty-quote' });
  });

  it('does not place a short quote on an unrelated occurrence', () => {
    const root = body('<p>The council met on Tuesday to discuss the oil price.</p><p>Farmers worry about water.</p>');
    const sel = select(root, 'oil');
    const page = body('<p>Completely different story about olive oil from another region, written later.</p>');
    expect(anchor(page, sel).status).toBe('orphan');
  });

  it('respects the time budget', () => {
    const big = Array.from({ length: 4000 }, (_, i) => `<p>Paragraph number ${i} with some filler words to make it longer than usual.</p>`).join('');
    const root = body(big);
    const sel: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'a sentence that is nowhere on this page at all', prefix: 'nothing like this', suffix: 'either' },
    };
    // With no time at all, the search stops after its first unit of work (the verbatim search).
    expect(anchor(root, sel, { maxMs: 0 })).toEqual({ status: 'orphan', reason: 'timeout' });
    // With time, it completes and knows the quote is not there.
    expect(anchor(root, sel, { maxMs: 10_000 }).status).toBe('orphan');
    expect(anchor(root, sel, { maxMs: 10_000 })).not.toEqual({ status: 'orphan', reason: 'timeout' });
    // A quote found by the verbatim search is returned even with no time left.
    const present = select(root, 'Paragraph number 3999 with some');
    expect(anchor(root, present, { maxMs: 0 }).status).toBe('exact');
  });
});

suite('anchorWithRetry', () => {
  it('fails on the initial DOM and succeeds once the content is appended and the notifier fires', async () => {
    const original = body(ARTICLE);
    const sel = select(original, 'the market on the east bank expects more traders');
    const doc = parseHtml('<!DOCTYPE html><html><body><h1>River town reopens its bridge</h1><main></main></body></html>');
    const root = doc.body;
    let listener: (() => void) | null = null;
    let unsubscribed = false;
    const observe = (cb: () => void) => {
      listener = cb;
      return () => {
        unsubscribed = true;
        listener = null;
      };
    };
    expect(anchor(root, sel).status).toBe('orphan');
    const pending = anchorWithRetry(root, sel, { timeoutMs: 2000, observe, minIntervalMs: 0 });
    await new Promise((r) => setTimeout(r, 10));
    expect(listener).not.toBeNull();
    // Content arrives.
    const fresh = body(ARTICLE);
    const main = root.querySelector('main')!;
    for (const n of Array.from(fresh.childNodes)) main.appendChild(n);
    (listener as unknown as () => void)();
    const res = await pending;
    expect(res.status).toBe('exact');
    expect(placed(root, res)).toBe('the market on the east bank expects more traders');
    expect(unsubscribed).toBe(true);
  });

  it('gives up with an orphan "timeout" and unsubscribes', async () => {
    const sel = select(body(ARTICLE), 'final checks');
    const root = body('<p>Nothing here yet.</p>');
    let unsubscribed = false;
    let notify: () => void = () => {};
    const res = anchorWithRetry(root, sel, {
      timeoutMs: 60,
      minIntervalMs: 0,
      observe: (cb) => {
        notify = cb;
        return () => {
          unsubscribed = true;
        };
      },
    });
    notify(); // a mutation that does not bring the quote
    expect(await res).toEqual({ status: 'orphan', reason: 'timeout' });
    expect(unsubscribed).toBe(true);
  });
});

suite('anchorAll', () => {
  it('anchors many highlights in order, in several slices, with drift correction', async () => {
    const paras = Array.from({ length: 400 }, (_, i) => `<p>Item ${i}: the report number ${i * 7} lists ${i % 13} cases in district ${i % 29}.</p>`).join('');
    const root = body(paras);
    const quotes = Array.from({ length: 60 }, (_, j) => `the report number ${j * 6 * 7} lists ${(j * 6) % 13} cases`);
    const sels = quotes.map((q) => select(root, q));
    // Shift everything: insert content at the top; edit one quote.
    const edited = body(`<p>${'New introduction text. '.repeat(40)}</p>` + paras.replace('the report number 42 lists 6 cases', 'the report number 42 listed 6 cases'));
    let yields = 0;
    const out = await anchorAll(edited, sels, {
      sliceMs: 0,
      yield: async () => {
        yields++;
      },
    });
    expect(out.results).toHaveLength(60);
    expect(yields).toBeGreaterThan(0);
    expect(out.slices).toBe(yields + 1);
    const texts = out.results.map((r) => placed(edited, r));
    quotes.forEach((q, j) => expect(texts[j]).toBe(q === 'the report number 42 lists 6 cases' ? 'the report number 42 listed 6 cases' : q));
    expect(out.results[1].status).toBe('fuzzy');
  });
});
