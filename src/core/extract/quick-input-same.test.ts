/**
 * The first pass's page reading (quick-input.ts) was made cheaper (issue #17: one walk for the
 * root, the paragraph list read without its length, the text after the slice read only when
 * asked for). These tests check on many generated
 * pages, parsed by linkedom and by jsdom, that it reads exactly what the earlier reading did:
 * the same text and the same article signals, hence the same first-pass decision.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse-html';
import { readQuickInput, SLICE_CHARS, DEEP_CHARS } from './quick-input';

/** The earlier body reading (root by two selectors, `ps.length` in the loops), kept here as the reference. */
function before(doc: Document): { textSlice: string; bodySignals: number } {
  let bodySignals = 0;
  const article = doc.querySelector('article');
  if (article) bodySignals++;
  const root = article ?? doc.querySelector('main, [role="main"]') ?? doc.body;
  const h1 = root?.getElementsByTagName('h1')[0] ?? doc.getElementsByTagName('h1')[0];
  const ps = (root ?? doc).getElementsByTagName('p');
  let slice = h1 ? (h1.textContent || '').slice(0, 300) + '\n' : '';
  let long = 0;
  let i = 0;
  for (; i < ps.length && i < 60 && slice.length < SLICE_CHARS; i++) {
    const t = ps[i].textContent || '';
    if (t.length > 80) long++;
    slice += t.slice(0, DEEP_CHARS - slice.length) + '\n';
  }
  if (long >= 3) bodySignals++;
  for (; i < ps.length && i < 1_500 && slice.length < DEEP_CHARS; i++) {
    slice += (ps[i].textContent || '').slice(0, DEEP_CHARS - slice.length) + '\n';
  }
  return { textSlice: slice, bodySignals };
}

/** A small deterministic generator (the pages are the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['council', 'harbour', 'budget', 'the', 'river', 'flood', 'mayor', 'école', 'وزير', 'ISIS', 'court', 'trial'];
const CONTAINERS = ['article', 'main', 'div role="main"', 'section role="Main"', 'div', 'section role="navigation"', 'aside', 'nav'];

function page(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const para = () => {
    const n = Math.floor(r() * r() * 400);
    return `<p>${Array.from({ length: n }, () => pick(WORDS)).join(' ')}</p>`;
  };
  const block = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(r() * 6);
    for (let k = 0; k < n; k++) {
      const x = r();
      if (x < 0.15) parts.push(`<h1>Head ${seed} ${k}</h1>`);
      else if (x < 0.35 && depth < 3) {
        const c = pick(CONTAINERS);
        parts.push(`<${c}>${block(depth + 1)}</${c.split(' ')[0]}>`);
      } else if (x < 0.4) parts.push(Array.from({ length: Math.floor(r() * 200) }, para).join(''));
      else parts.push(para());
    }
    return parts.join('');
  };
  return `<html><head><title>p${seed}</title></head><body>${block(0)}</body></html>`;
}

function signalsOf(doc: Document): number {
  return readQuickInput(doc).articleSignals;
}

describe('readQuickInput reads what the earlier reading read', () => {
  const pages = Array.from({ length: 120 }, (_, i) => page(i + 1));
  // Hand-made layouts the generator may miss: main before a later article, an article inside main,
  // role="main" on a later element, no root at all, more paragraphs than the caps.
  pages.push(
    '<html><body><main><p>In main</p></main><div><article><h1>A</h1><p>In article</p></article></div></body></html>',
    '<html><body><div role="main"><h1>M</h1><p>x</p><article><p>inner</p></article></div><p>out</p></body></html>',
    '<html><body><p>before</p><div role="main"><p>in role main</p></div><main><p>in main</p></main></body></html>',
    '<html><body><h1>Only</h1>' + '<p>short</p>'.repeat(1_700) + '</body></html>',
    '<html><body><article>' + `<p>${'long words here '.repeat(300)}</p>`.repeat(30) + '</article></body></html>',
    '<html><body><div role="main main"><p>not a match</p></div><p>x</p></body></html>',
    '<html><body></body></html>',
  );

  it('with linkedom', () => {
    let deep = 0;
    for (const html of pages) {
      const ref = before(parseHtml(html));
      const doc = parseHtml(html);
      const got = readQuickInput(doc);
      const all = got.textSlice + (got.more?.() ?? '');
      expect(all, html.slice(0, 200)).toBe(ref.textSlice);
      // At once, the slice the first pass reads in full (and not much more); the rest when asked for.
      expect(got.textSlice).toBe(ref.textSlice.slice(0, got.textSlice.length));
      expect(got.textSlice.length >= Math.min(SLICE_CHARS, ref.textSlice.length)).toBe(true);
      expect(signalsOf(doc)).toBe(ref.bodySignals);
      if (all.length > SLICE_CHARS && got.textSlice.length < all.length) deep++;
    }
    // The pages do reach the deep part and the caps (the tests would otherwise prove little).
    expect(deep).toBeGreaterThan(10);
  });

  it('with jsdom (a browser-like tree: implied elements, live collections)', async () => {
    // jsdom has no type declarations installed: loaded by name, used through a minimal shape.
    const name = 'jsdom';
    const { JSDOM } = (await import(name)) as { JSDOM: new (html: string) => { window: { document: Document } } };
    // (A third of the generated pages and all the hand-made ones: jsdom is slow to parse.)
    for (const html of pages.filter((_, i) => i % 3 === 0 || i >= 120)) {
      const doc = new JSDOM(html).window.document;
      const ref = before(doc);
      const got = readQuickInput(doc);
      expect(got.textSlice + (got.more?.() ?? ''), html.slice(0, 200)).toBe(ref.textSlice);
      expect(got.articleSignals).toBe(ref.bodySignals);
    }
  });
});
