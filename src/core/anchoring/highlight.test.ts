import { describe as suite, expect, it } from 'vitest';
import { parseHtml } from '../extract/parse-html';
import { anchor } from './anchor';
import { describe } from './describe';
import { drawHighlights, drawHighlightsSliced, highlightIdOf, highlightRange, removeHighlights } from './highlight';
import { rangeFromOffsets } from './range';
import { HIGHLIGHT_TAG, buildTextModel, textToRaw } from './text-model';

function page(html: string): { doc: Document; root: Element } {
  const doc = parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return { doc, root: doc.body };
}

function rangeOf(root: Element, quote: string) {
  const m = buildTextModel(root);
  const at = m.text.indexOf(quote);
  if (at < 0) throw new Error(`not found: ${quote}`);
  return rangeFromOffsets(m, textToRaw(m, at), textToRaw(m, at + quote.length - 1) + 1)!;
}

const HTML = '<p>The convoy left <a href="/x">the <b>northern</b> gate</a> at dawn.</p>\n<ul>\n  <li>first item</li>\n  <li>second item</li>\n</ul>';

suite('highlightRange / removeHighlights', () => {
  it('wraps every covered text piece, across elements, without changing the text', () => {
    const { doc, root } = page(HTML);
    const before = root.textContent;
    const els = highlightRange(doc, rangeOf(root, 'left the northern gate at'), HIGHLIGHT_TAG, { class: 'prov-hl' }, 'h-1');
    expect(els.map((e) => e.textContent)).toEqual(['left ', 'the ', 'northern', ' gate', ' at']);
    expect(els.every((e) => e.localName === HIGHLIGHT_TAG && e.getAttribute('class') === 'prov-hl')).toBe(true);
    expect(root.textContent).toBe(before);
    expect(els.every((e) => highlightIdOf(e) === 'h-1')).toBe(true);
    expect(highlightIdOf(root.querySelector('p')!)).toBeUndefined();
  });

  it('stores no quote, note or id in the DOM and refuses event-handler and URL attributes', () => {
    const { doc, root } = page(HTML);
    const els = highlightRange(doc, rangeOf(root, 'northern gate'), HIGHLIGHT_TAG, { onclick: 'alert(1)', href: 'javascript:x', 'aria-label': 'Highlight' }, 'secret-id');
    for (const e of els) {
      expect(e.getAttribute('onclick')).toBeNull();
      expect(e.getAttribute('href')).toBeNull();
      expect(e.getAttribute('aria-label')).toBe('Highlight');
    }
    expect(root.innerHTML).not.toContain('secret-id');
  });

  it('skips white space between list items and wraps across blocks', () => {
    const { doc, root } = page(HTML);
    const els = highlightRange(doc, rangeOf(root, 'first item second'));
    expect(els.map((e) => e.textContent)).toEqual(['first item', 'second']);
    expect(root.querySelector('ul')!.children).toHaveLength(2);
  });

  it('removeHighlights restores the original markup and text nodes', () => {
    const { doc, root } = page(HTML);
    const original = root.innerHTML;
    const p = root.querySelector('p')!;
    const nodesBefore = p.childNodes.length;
    const a = highlightRange(doc, rangeOf(root, 'convoy left the nor'), HIGHLIGHT_TAG, {}, 'a');
    const b = highlightRange(doc, rangeOf(root, 'thern gate at dawn. first'), HIGHLIGHT_TAG, {}, 'b');
    expect(root.innerHTML).not.toBe(original);
    removeHighlights(a);
    removeHighlights(b);
    expect(root.innerHTML).toBe(original);
    expect(p.childNodes.length).toBe(nodesBefore);
  });

  it('drawHighlights draws many anchored highlights, overlapping ones included', () => {
    const { doc, root } = page('<p>alpha beta gamma delta epsilon zeta eta theta</p><p>iota kappa lambda</p>');
    const m = buildTextModel(root);
    const span = (q: string) => {
      const s = m.text.indexOf(q);
      return { start: textToRaw(m, s), end: textToRaw(m, s + q.length - 1) + 1 };
    };
    const drawn = drawHighlights(doc, m, [
      { id: 'x', ...span('beta gamma delta') },
      { id: 'y', ...span('delta epsilon') },
      { id: 'z', ...span('theta iota') },
      { id: 'w', ...span('alpha') },
    ]);
    const text = (id: string) => drawn.get(id)!.map((e) => e.textContent).join('|');
    expect(text('x')).toBe('beta gamma delta');
    expect(text('y')).toBe('delta| epsilon');
    expect(text('z')).toBe('theta|iota');
    expect(text('w')).toBe('alpha');
    expect(root.textContent).toBe('alpha beta gamma delta epsilon zeta eta thetaiota kappa lambda');
  });

  it('drawHighlightsSliced draws the same highlights in slices', async () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>line ${i} with <i>some</i> words</p>`).join('');
    const a = page(html);
    const b = page(html);
    const items = (root: Element) => {
      const m = buildTextModel(root);
      return Array.from({ length: 100 }, (_, j) => {
        const s = m.text.indexOf(`line ${j * 3} with some`);
        return { id: `h${j}`, start: textToRaw(m, s), end: textToRaw(m, s + `line ${j * 3} with some`.length - 1) + 1 };
      });
    };
    const sync = drawHighlights(a.doc, a.root, items(a.root));
    let yields = 0;
    const sliced = await drawHighlightsSliced(b.doc, b.root, items(b.root), {
      sliceMs: 0,
      yield: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(50);
    expect(b.root.innerHTML).toBe(a.root.innerHTML);
    expect(sliced.drawn.get('h7')!.map((e) => e.textContent)).toEqual(sync.get('h7')!.map((e) => e.textContent));
  });

  it('highlights stay anchorable: the wrappers are transparent to the text model', () => {
    const { doc, root } = page(HTML);
    const sel = describe(root, rangeOf(root, 'northern gate at dawn'))!;
    highlightRange(doc, rangeOf(root, 'the northern'));
    const res = anchor(root, sel);
    expect(res.status).toBe('exact');
    expect(describe(root, rangeOf(root, 'northern gate at dawn'))).toEqual(sel);
  });
});
