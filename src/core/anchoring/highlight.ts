/**
 * Drawing highlights: wrap the text a range covers in inline elements, and undo it.
 *
 * - Only DOM methods (createElement, setAttribute, insertBefore, appendChild, Text#data):
 *   never innerHTML, so page text is never parsed as markup.
 * - Wrappers are `<provenance-highlight>` by default: an unknown custom element is
 *   `display: inline` with no box of its own, so wrapping causes no layout shift as long as
 *   the styles given to it only paint (background, outline, text-decoration) — the content
 *   script's stylesheet should use `provenance-highlight { all: unset; background: … }`.
 * - No quote, note or other user data is put in the DOM. Each wrapper is tied to an opaque
 *   highlight id through a module-level WeakMap (`highlightIdOf`), which lives in the content
 *   script's isolated world: page scripts can see that text is wrapped, but not which stored
 *   highlight it belongs to nor anything about it. (A closed shadow root was the other option;
 *   it cannot wrap text that stays in the page's own flow, so it would mean an overlay with
 *   layout reads, which we want to avoid.)
 */
import { HIGHLIGHT_TAG, TextModelBuilder, buildTextModel, isTextModel, type TextModel } from './text-model';
import { rangeFromOffsets, textNodesInRange } from './range';
import type { RangeLike } from './types';

const highlightIds = new WeakMap<Element, string>();

/** The highlight id a wrapper element was drawn for (undefined for any other element). */
export function highlightIdOf(el: Element): string | undefined {
  return highlightIds.get(el);
}

/** Containers in which a white-space-only text node is not rendered as text (wrapping it would be invalid or visible). */
const NO_TEXT_CONTAINERS = new Set([
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'ul', 'ol', 'dl', 'select', 'optgroup', 'datalist', 'html', 'head', 'menu',
]);
const BLOCKISH = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'dd', 'dt', 'figure', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'br',
]);

function isBlockEl(n: Node | null): boolean {
  return !!n && n.nodeType === 1 && BLOCKISH.has((n as Element).localName);
}

/** True for a white-space-only text node that sits where white space is not rendered (between blocks, in tables/lists). */
function isIgnorableWhitespace(t: Text): boolean {
  if (/\S/.test(t.data)) return false;
  const parent = t.parentNode as Element | null;
  if (!parent) return true;
  if (parent.nodeType === 1 && NO_TEXT_CONTAINERS.has(parent.localName)) return true;
  return isBlockEl(t.previousSibling) || isBlockEl(t.nextSibling) || (!t.previousSibling && !t.nextSibling);
}

/** Split `node` at `offset`; returns the new node holding the text from `offset` on. */
function split(node: Text, offset: number): Text {
  if (typeof node.splitText === 'function') return node.splitText(offset);
  const doc = node.ownerDocument as Document;
  const rest = doc.createTextNode(node.data.slice(offset));
  node.parentNode!.insertBefore(rest, node.nextSibling);
  node.data = node.data.slice(0, offset);
  return rest;
}

function setSafeAttributes(el: Element, attrs: Record<string, string>): void {
  for (const [name, value] of Object.entries(attrs)) {
    // No event handlers, no URLs: attributes here are for styling/accessibility only.
    if (!/^[a-zA-Z][\w:.-]*$/.test(name) || /^on/i.test(name) || /^(href|src|srcdoc|action|formaction|xlink:href)$/i.test(name)) continue;
    el.setAttribute(name, String(value));
  }
}

/**
 * Wrap every non-empty text part of `range` in a new `tagName` element (attributes from
 * `attrs`; event-handler and URL attributes are refused). Text nodes are split at the range
 * boundaries. White-space-only nodes between blocks or inside table/list containers are left
 * alone. `id`, when given, is remembered for `highlightIdOf`. Returns the wrappers in document
 * order.
 *
 * Ranges computed before other highlights were drawn stay usable: a boundary offset past the
 * end of a text node that was split continues into the text that followed it.
 */
export function highlightRange(doc: Document, range: RangeLike, tagName: string = HIGHLIGHT_TAG, attrs: Record<string, string> = {}, id?: string): Element[] {
  const parts = textNodesInRange(range);
  const out: Element[] = [];
  for (const part of parts) {
    let node = part.node;
    if (part.end <= part.start) continue;
    if (isIgnorableWhitespace(node)) continue;
    const parent = node.parentNode;
    if (!parent) continue;
    if (part.end < node.data.length) split(node, part.end);
    if (part.start > 0) node = split(node, part.start);
    const wrapper = doc.createElement(tagName);
    setSafeAttributes(wrapper, attrs);
    node.parentNode!.insertBefore(wrapper, node);
    wrapper.appendChild(node);
    if (id !== undefined) highlightIds.set(wrapper, id);
    out.push(wrapper);
  }
  return out;
}

function mergeWithPrevious(t: Node | null): void {
  if (!t || t.nodeType !== 3) return;
  const prev = t.previousSibling;
  if (prev && prev.nodeType === 3) {
    (prev as Text).data += (t as Text).data;
    t.parentNode?.removeChild(t);
  }
}

/**
 * Undo `highlightRange`: put each wrapper's children back in its place and re-join the text
 * nodes that drawing split. Other highlights are left alone.
 */
export function removeHighlights(elements: Iterable<Element>): void {
  for (const el of elements) {
    const parent = el.parentNode;
    if (!parent) continue;
    const first = el.firstChild;
    const after = el.nextSibling;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
    highlightIds.delete(el);
    // Join the seams: before the first moved child, and after the last one.
    if (after) mergeWithPrevious(after);
    if (first) mergeWithPrevious(first);
  }
}

export interface OffsetHighlight {
  id: string;
  /** Raw-text offsets, as `anchor` returns them. */
  start: number;
  end: number;
}

/**
 * Draw many anchored highlights: computes all ranges on one text model, then wraps them.
 * Returns the wrappers of each highlight id.
 */
export function drawHighlights(
  doc: Document,
  root: Element | TextModel,
  items: ReadonlyArray<OffsetHighlight>,
  tagName: string = HIGHLIGHT_TAG,
  attrs: Record<string, string> = {},
): Map<string, Element[]> {
  const model = isTextModel(root) ? root : buildTextModel(root);
  const ranges = items.map((it) => ({ id: it.id, range: rangeFromOffsets(model, it.start, it.end) }));
  const out = new Map<string, Element[]>();
  for (const { id, range } of ranges) {
    if (!range) continue;
    const els = highlightRange(doc, range, tagName, attrs, id);
    out.set(id, [...(out.get(id) ?? []), ...els]);
  }
  return out;
}

export interface SlicedDrawOptions {
  /** Yield to the event loop once a slice has run this long (default 8 ms). */
  sliceMs?: number;
  yield: () => Promise<void>;
  tagName?: string;
  attrs?: Record<string, string>;
  /** A text model of the root for the DOM state the offsets were anchored on. */
  model?: TextModel;
}

/**
 * `drawHighlights` in time slices: all ranges are computed on one text model first, then
 * wrapped a highlight at a time, yielding whenever a slice has run `sliceMs`. Resolves with
 * the wrappers of each highlight id and the longest slice in ms. Ranges stay valid across our
 * own splits (see `highlightRange`); if the page edits the same text in between, re-anchor.
 */
export async function drawHighlightsSliced(
  doc: Document,
  root: Element,
  items: ReadonlyArray<OffsetHighlight>,
  opts: SlicedDrawOptions,
): Promise<{ drawn: Map<string, Element[]>; longestSliceMs: number }> {
  const sliceMs = opts.sliceMs ?? 8;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  let sliceStart = now();
  let longest = 0;
  const maybeYield = async () => {
    const t = now();
    if (t - sliceStart < sliceMs) return;
    longest = Math.max(longest, t - sliceStart);
    await opts.yield();
    sliceStart = now();
  };
  let model = opts.model;
  if (!model) {
    const builder = new TextModelBuilder(root);
    while (!(model = builder.step() ?? undefined)) await maybeYield();
  }
  const ranges = items.map((it) => ({ id: it.id, range: rangeFromOffsets(model, it.start, it.end) }));
  const drawn = new Map<string, Element[]>();
  for (const { id, range } of ranges) {
    await maybeYield();
    if (!range) continue;
    const els = highlightRange(doc, range, opts.tagName ?? HIGHLIGHT_TAG, opts.attrs ?? {}, id);
    drawn.set(id, [...(drawn.get(id) ?? []), ...els]);
  }
  longest = Math.max(longest, now() - sliceStart);
  return { drawn, longestSliceMs: longest };
}
