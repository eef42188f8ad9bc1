/**
 * Anchoring targets on linkedom documents: describe random ranges, re-anchor them on the
 * unchanged page (must find the same words), edit the DOM and anchor again, anchor hostile
 * selectors, anchorAll everything, and draw then remove highlights (the text must come back
 * unchanged).
 */
import fc from 'fast-check';
import {
  anchor,
  anchorAll,
  buildTextModel,
  describe,
  highlightRange,
  rangeFromOffsets,
  rawToText,
  removeHighlights,
  HIGHLIGHT_TAG,
  UI_TAG,
  UI_ATTR,
  type AnchorResult,
  type HighlightSelectors,
  type SelectorsInput,
  type TextModel,
} from '../../../src/core/anchoring';
import { parseHtml } from '../../../src/core/extract/parse-html';
import { ANCHOR_STATUSES } from '../../../src/core/model';
import type { Recorder } from './harness';
import { textArb } from './html-arb';

export interface RangePick {
  a: number;
  ao: number;
  b: number;
  bo: number;
}

export type DomEdit =
  | { op: 'insertText'; at: number; text: string }
  | { op: 'remove'; at: number }
  | { op: 'setData'; at: number; text: string }
  | { op: 'wrap'; at: number; tag: string }
  | { op: 'insertSkipped'; at: number; tag: 'script' | 'style' | 'ui' | 'hidden'; text: string }
  | { op: 'splitText'; at: number; off: number };

export interface AnchorCase {
  ranges: RangePick[];
  edits: DomEdit[];
  hostile: SelectorsInput[];
  useRoot: 'body' | 'html' | 'first-element';
}

const huge = fc.tuple(fc.constantFrom('a', 'ab ', 'داعش ', '\u200b', ' '), fc.integer({ min: 500, max: 100_000 })).map(([p, n]) => p.repeat(Math.ceil(n / p.length)).slice(0, n));
const odd = fc.constantFrom('', ' ', '\n\t ', '\ud800', '\udfff', '\u200b\u200b', '\u202e', '<script>', 'the', 'a');
const strArb = fc.oneof({ weight: 4, arbitrary: textArb }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: huge });
const numArb = fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, 1.5, -1e9));

const quoteArb = fc.record({ type: fc.constant('TextQuoteSelector' as const), exact: strArb, prefix: strArb, suffix: strArb });
const positionArb = fc.record({ type: fc.constant('TextPositionSelector' as const), start: numArb, end: numArb });

export const hostileSelectorArb: fc.Arbitrary<SelectorsInput> = fc.oneof(
  fc.record({ quote: quoteArb, position: fc.option(positionArb, { nil: undefined }) }, { requiredKeys: ['quote'] }),
  fc.array(fc.oneof(quoteArb, positionArb, fc.record({ type: fc.constantFrom('RangeSelector', 'CssSelector', '', 'TextQuoteSelector ') })), { maxLength: 4 }),
);

const editArb: fc.Arbitrary<DomEdit> = fc.oneof(
  fc.record({ op: fc.constant('insertText' as const), at: fc.nat(), text: textArb }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('setData' as const), at: fc.nat(), text: textArb }),
  fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), tag: fc.constantFrom('b', 'p', 'div', 'span', HIGHLIGHT_TAG, 'td') }),
  fc.record({ op: fc.constant('insertSkipped' as const), at: fc.nat(), tag: fc.constantFrom('script' as const, 'style' as const, 'ui' as const, 'hidden' as const), text: textArb }),
  fc.record({ op: fc.constant('splitText' as const), at: fc.nat(), off: fc.nat() }),
);

export const anchorCaseArb: fc.Arbitrary<AnchorCase> = fc.record({
  ranges: fc.array(fc.record({ a: fc.nat(), ao: fc.nat(), b: fc.nat(), bo: fc.nat() }), { minLength: 1, maxLength: 6 }),
  edits: fc.array(editArb, { maxLength: 6 }),
  hostile: fc.array(hostileSelectorArb, { maxLength: 3 }),
  useRoot: fc.constantFrom('body' as const, 'body' as const, 'html' as const, 'first-element' as const),
});

const STATUSES = new Set<string>(ANCHOR_STATUSES);

/** Length of the longest quote (or context) in a selectors input: what the anchoring cost depends on. */
function quoteSize(input: SelectorsInput): number {
  const parts = Array.isArray(input) ? input : [(input as HighlightSelectors).quote];
  let n = 0;
  for (const p of parts) {
    const q = p as { exact?: unknown };
    if (p && typeof q.exact === 'string') n = Math.max(n, q.exact.length);
  }
  return n;
}

function checkResult(rec: Recorder, target: string, r: AnchorResult, rawLength: number): void {
  if (!r || !STATUSES.has(r.status)) {
    rec.fail(target, `bad result ${JSON.stringify(r)}`);
    return;
  }
  if (r.status === 'orphan') return;
  rec.check(target, Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= rawLength, () => `offsets [${r.start}, ${r.end}) outside the raw text (${rawLength})`);
  rec.check(target, Number.isFinite(r.score) && r.score >= 0 && r.score <= 1, () => `score ${r.score}`);
}

function elementsOf(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*'));
}

export function applyEdit(doc: Document, root: Element, model: TextModel, e: DomEdit): void {
  const texts = model.nodes.filter((n) => n.parentNode);
  const els = elementsOf(root);
  switch (e.op) {
    case 'insertText': {
      const host = els.length ? els[e.at % els.length] : root;
      host.insertBefore(doc.createTextNode(e.text), host.childNodes[e.at % (host.childNodes.length + 1)] ?? null);
      break;
    }
    case 'remove': {
      if (!els.length) break;
      const el = els[e.at % els.length];
      el.parentNode?.removeChild(el);
      break;
    }
    case 'setData': {
      if (texts.length) texts[e.at % texts.length].data = e.text;
      break;
    }
    case 'wrap': {
      if (!texts.length) break;
      const t = texts[e.at % texts.length];
      const w = doc.createElement(e.tag);
      t.parentNode!.insertBefore(w, t);
      w.appendChild(t);
      break;
    }
    case 'insertSkipped': {
      const host = els.length ? els[e.at % els.length] : root;
      const el = doc.createElement(e.tag === 'ui' ? UI_TAG : e.tag === 'hidden' ? 'span' : e.tag);
      if (e.tag === 'hidden') el.setAttribute('hidden', '');
      if (e.tag === 'ui') el.setAttribute(UI_ATTR, '');
      el.appendChild(doc.createTextNode(e.text));
      host.appendChild(el);
      break;
    }
    case 'splitText': {
      if (!texts.length) break;
      const t = texts[e.at % texts.length];
      const k = e.off % (t.data.length + 1);
      const rest = doc.createTextNode(t.data.slice(k));
      t.data = t.data.slice(0, k);
      t.parentNode!.insertBefore(rest, t.nextSibling);
      break;
    }
  }
}

function pickRoot(doc: Document, which: AnchorCase['useRoot']): Element | null {
  if (which === 'html') return doc.documentElement;
  if (which === 'first-element') return doc.body?.firstElementChild ?? doc.body ?? doc.documentElement;
  return doc.body ?? doc.documentElement;
}

/** Every anchoring target on one page. */
export async function runAnchorTargets(rec: Recorder, html: string, c: AnchorCase): Promise<void> {
  const doc = parseHtml(html);
  const root = pickRoot(doc, c.useRoot);
  if (!root) return;
  const model = rec.call('buildTextModel', () => buildTextModel(root));
  if (!model) return;
  const textBefore = model.text;

  // describe random ranges, then anchor them on the unchanged page: the same words must come back.
  const described: HighlightSelectors[] = [];
  for (const p of c.ranges) {
    let range;
    if (model.nodes.length) {
      const sa = model.nodes[p.a % model.nodes.length];
      const sb = model.nodes[p.b % model.nodes.length];
      range = { startContainer: sa, startOffset: p.ao % (sa.data.length + 1), endContainer: sb, endOffset: p.bo % (sb.data.length + 1) };
    } else {
      range = { startContainer: root, startOffset: 0, endContainer: root, endOffset: root.childNodes.length };
    }
    const sel = rec.call('describe', () => describe(root, range, { model }));
    if (!sel) continue;
    // Messages give sizes, never page text (pages may come from the shared corpus, and reports are committed).
    rec.check('describe', sel.quote.exact.length > 0 && sel.quote.exact === sel.quote.exact.trim(), () => `quote not trimmed or empty (${sel.quote.exact.length} chars)`);
    described.push(sel);
    const r = rec.call('anchor', () => anchor(root, sel, { model }), { size: quoteSize(sel) });
    if (!r) continue;
    checkResult(rec, 'anchor', r, model.raw.length);
    if (r.status === 'orphan') rec.fail('anchor', `described range came back orphan (${r.reason}) on the unchanged page (quote of ${sel.quote.exact.length} chars)`);
    else {
      const got = model.text.slice(rawToText(model, r.start), rawToText(model, r.end)).trim();
      rec.check('anchor', got === sel.quote.exact, () => `anchored other words (${got.length} chars) than the ${sel.quote.exact.length}-char quote on the unchanged page`);
    }
  }
  // A range outside the root describes nothing.
  if (doc.head && root !== doc.documentElement) {
    const out = rec.call('describe', () => describe(root, { startContainer: doc.head!, startOffset: 0, endContainer: doc.head!, endOffset: doc.head!.childNodes.length }, { model }));
    rec.check('describe', out === null || out === undefined, 'a range outside the root was described');
  }

  // Draw highlights and remove them: the page's text must be exactly as before.
  if (model.nodes.length && described.length) {
    const drawn: Element[] = [];
    // Ranges first (as the content script does), then draw: later ranges survive earlier splits.
    const ranges = described.slice(0, 3).map((sel) => rangeFromOffsets(model, sel.position!.start, sel.position!.end));
    for (const range of ranges) {
      if (!range) continue;
      const els = rec.call('highlightRange', () => highlightRange(doc, range), { rerun: false });
      if (els) drawn.push(...els);
    }
    rec.call('removeHighlights', () => removeHighlights(drawn), { rerun: false });
    const after = buildTextModel(root).text;
    rec.check('removeHighlights', after === textBefore, 'page text changed after drawing and removing highlights');
  }

  // Edit the page, then anchor again (may be found or orphaned, never a throw or a bad result).
  if (c.edits.length) {
    for (const e of c.edits) {
      try {
        applyEdit(doc, root, buildTextModel(root), e);
      } catch {
        /* linkedom refused an edit (e.g. a cycle): the fuzz input, not a target, failed */
      }
    }
  }
  const edited = rec.call('buildTextModel', () => buildTextModel(root));
  if (!edited) return;
  for (const sel of [...described, ...c.hostile]) {
    const r = rec.call('anchor', () => anchor(root, sel), { size: quoteSize(sel) });
    if (r) checkResult(rec, 'anchor', r, edited.raw.length);
  }
  const items = [...described, ...c.hostile];
  const all = await rec.callAsync('anchorAll', () => anchorAll(root, items, { yield: () => new Promise((r) => setImmediate(r)) }), {
    // What blocks the page is the longest synchronous slice, not the wall time (which includes yields).
    measure: (v, wall) => (v && typeof v === 'object' && 'longestSliceMs' in v ? (v as { longestSliceMs: number }).longestSliceMs : wall),
    size: items.reduce((n, it) => Math.max(n, quoteSize(it)), 0),
  });
  if (all) {
    rec.check('anchorAll', all.results.length === items.length, () => `${all.results.length} results for ${items.length} items`);
    for (const r of all.results) checkResult(rec, 'anchorAll', r, edited.raw.length);
  }
}
