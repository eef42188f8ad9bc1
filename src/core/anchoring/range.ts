/**
 * Raw-text offsets ↔ DOM boundary points, and the text nodes a range covers.
 */
import { buildTextModel, isExcludedElement, isTextModel, isWithin, nextInDocument, nodeIndexAt, type TextModel } from './text-model';
import type { RangeLike } from './types';

export interface TextRangeLike extends RangeLike {
  startContainer: Text;
  endContainer: Text;
}

/**
 * Raw-text offsets [start, end) in `root` → boundary points in text nodes. Returns null when
 * the root has no text. Offsets are clamped to the text. The start lands at the beginning of
 * the node that holds the first character (never at the end of the previous node), the end
 * right after the last character.
 *
 * To get a live Range on a page: `const r = document.createRange(); r.setStart(x.startContainer,
 * x.startOffset); r.setEnd(x.endContainer, x.endOffset);` (linkedom's Range has no setStart).
 */
export function rangeFromOffsets(root: Element | TextModel, start: number, end: number): TextRangeLike | null {
  const model = isTextModel(root) ? root : buildTextModel(root);
  const { nodes, starts } = model;
  if (!nodes.length) return null;
  const total = model.raw.length;
  start = Math.max(0, Math.min(total, start));
  end = Math.max(start, Math.min(total, end));
  let si = nodeIndexAt(model, start);
  if (start - starts[si] >= nodes[si].data.length && si + 1 < nodes.length) si++;
  let ei: number;
  if (end === start) ei = si;
  else {
    ei = nodeIndexAt(model, end, true);
    if (ei < 0) ei = 0;
  }
  const endOffset = end === start ? start - starts[si] : end - starts[ei];
  return {
    startContainer: nodes[si],
    startOffset: Math.min(start - starts[si], nodes[si].data.length),
    endContainer: nodes[ei],
    endOffset: Math.min(Math.max(0, endOffset), nodes[ei].data.length),
  };
}

export interface TextPart {
  node: Text;
  /** Offsets within `node.data` covered by the range. */
  start: number;
  end: number;
}

const TEXT_NODE = 3;

function isText(n: Node | null): n is Text {
  return !!n && n.nodeType === TEXT_NODE;
}

/** First text node at or after `node` in document order (within `limit`), skipping left-out subtrees. */
function firstTextFrom(node: Node | null, limit: Node, includeSelf: boolean): Text | null {
  let n: Node | null = node && (includeSelf ? node : nextInDocument(node, limit, true));
  while (n) {
    if (isText(n)) return n;
    if (n.nodeType === 1 && isExcludedElement(n as Element)) n = nextInDocument(n, limit, true);
    else n = nextInDocument(n, limit, false);
  }
  return null;
}

function docRoot(n: Node): Node {
  let r = n;
  while (r.parentNode) r = r.parentNode;
  return r;
}

/**
 * Resolve a boundary point to (text node, offset). Handles element containers and offsets
 * that point past the end of a text node that has since been split by `highlightRange` (the
 * offset then continues into the following text nodes, whose text is what the split moved).
 */
export function toTextBoundary(container: Node, offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
  const top = docRoot(container);
  if (isText(container)) {
    let node: Text = container;
    let off = offset;
    while (off > node.data.length) {
      const next = firstTextFrom(node, top, false);
      if (!next) return { node, offset: node.data.length };
      off -= node.data.length;
      node = next;
    }
    return { node, offset: Math.max(0, off) };
  }
  const kids = container.childNodes;
  if (side === 'start') {
    const from = offset < kids.length ? kids[offset] : null;
    const t = from ? firstTextFrom(from, top, true) : firstTextFrom(container, top, false);
    return t ? { node: t, offset: 0 } : null;
  }
  // End: last text node before the boundary.
  let n: Node | null = offset > 0 ? kids[Math.min(offset, kids.length) - 1] : null;
  if (!n) {
    // Nothing before inside the container: the text just before the container.
    n = container;
    while (n && !n.previousSibling) n = n.parentNode;
    n = n ? n.previousSibling : null;
  }
  while (n) {
    // Deepest last descendant.
    while (n.lastChild && !(n.nodeType === 1 && isExcludedElement(n as Element))) n = n.lastChild;
    if (isText(n)) return { node: n, offset: n.data.length };
    while (n && !n.previousSibling) n = n.parentNode;
    n = n ? n.previousSibling : null;
  }
  return null;
}

/**
 * The text nodes covered by `range`, with the covered part of each, in document order.
 * Text inside left-out subtrees (script, style, our UI…) is not included. Empty parts are
 * left out.
 */
export function textNodesInRange(range: RangeLike): TextPart[] {
  const s = toTextBoundary(range.startContainer, range.startOffset, 'start');
  const e = toTextBoundary(range.endContainer, range.endOffset, 'end');
  if (!s || !e) return [];
  const top = docRoot(s.node);
  const parts: TextPart[] = [];
  if (s.node === e.node) {
    if (e.offset > s.offset) parts.push({ node: s.node, start: s.offset, end: e.offset });
    return parts;
  }
  let n: Node | null = s.node;
  let guard = 0;
  while (n) {
    if (isText(n)) {
      const from = n === s.node ? s.offset : 0;
      const to = n === e.node ? e.offset : n.data.length;
      if (to > from && (n !== s.node || !insideExcluded(n))) parts.push({ node: n, start: from, end: to });
      if (n === e.node) return parts;
      n = nextInDocument(n, top, true);
    } else if (n.nodeType === 1 && isExcludedElement(n as Element)) {
      if (isWithin(e.node, n)) return parts; // end inside a left-out subtree: stop
      n = nextInDocument(n, top, true);
    } else n = nextInDocument(n, top, false);
    if (++guard > 5_000_000) break;
  }
  // The end was never reached (end before start): nothing sensible to return.
  return parts.length && parts[parts.length - 1].node === e.node ? parts : [];
}

function insideExcluded(n: Node): boolean {
  for (let p = n.parentNode; p; p = p.parentNode) if (p.nodeType === 1 && isExcludedElement(p as Element)) return true;
  return false;
}

/** Convenience: the raw-text offsets of a DOM range in `model` (see text-model.ts `rawOffsetOf`). */
export { rawOffsetOf } from './text-model';
