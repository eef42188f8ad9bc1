/**
 * The text model of a DOM subtree and the maps between its clean-text offsets, raw-text
 * offsets and DOM positions. What counts as text and the cleaning rules: text-nodes.ts; the
 * (sliced) build: text-model-builder.ts. Standard DOM only, so it works the same on the live
 * page and on linkedom documents.
 */
import { TextModelBuilder } from './text-model-builder';
import { ELEMENT_NODE, type TextModel } from './text-nodes';

export {
  HIGHLIGHT_TAG,
  UI_TAG,
  UI_ATTR,
  SKIP_TAGS,
  BLOCK_TAGS,
  isExcludedElement,
  charClass,
  cleanString,
  type TextModel,
} from './text-nodes';
export { TextModelBuilder };

export function buildTextModel(root: Element): TextModel {
  return new TextModelBuilder(root).step(true)!;
}

/** Raw offset of clean offset `i` (raw.length for i ≥ text.length). */
export function textToRaw(model: TextModel, i: number): number {
  const { segText, segRaw, segCopy } = model;
  const n = segCopy.length;
  if (i >= model.text.length || n === 0) return model.raw.length;
  if (i < 0) i = 0;
  // Largest j with segText[j] <= i.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segText[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return segCopy[lo] ? segRaw[lo] + (i - segText[lo]) : segRaw[lo];
}

/** Smallest clean offset whose raw offset is ≥ `raw` (text.length when none). */
export function rawToText(model: TextModel, raw: number): number {
  const { segText, segRaw, segCopy } = model;
  const n = segCopy.length;
  // First segment whose last raw offset is >= raw.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const last = segCopy[mid] ? segRaw[mid] + (segText[mid + 1] - segText[mid]) - 1 : segRaw[mid];
    if (last < raw) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= n) return model.text.length;
  return segCopy[lo] ? segText[lo] + Math.max(0, raw - segRaw[lo]) : segText[lo];
}

/** Raw offsets of the clean-text span [s, e). */
export function textSpanToRaw(model: TextModel, s: number, e: number): { start: number; end: number } {
  if (e <= s) {
    const r = textToRaw(model, s);
    return { start: r, end: r };
  }
  return { start: textToRaw(model, s), end: textToRaw(model, e - 1) + 1 };
}

/** True for a text model (as opposed to a DOM element). */
export function isTextModel(x: unknown): x is TextModel {
  return !!x && typeof x === 'object' && 'segText' in x && 'nodes' in x;
}

/** Clean text of the raw span [start, end), trimmed. */
export function textOfRaw(model: TextModel, start: number, end: number): string {
  const s = rawToText(model, start);
  const e = rawToText(model, end);
  return model.text.slice(s, e).trim();
}

/** Index of the node containing raw offset `raw` (the node starting there when on a boundary), or -1. */
export function nodeIndexAt(model: TextModel, raw: number, preferEnd = false): number {
  const { starts, nodes } = model;
  if (!nodes.length) return -1;
  // Largest i with starts[i] <= raw (or < raw when preferEnd).
  let lo = 0;
  let hi = nodes.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (preferEnd ? starts[mid] < raw : starts[mid] <= raw) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (ans < 0) return preferEnd ? -1 : 0;
  return ans;
}

/** The next node after `node` in document order within `root`, skipping `node`'s subtree when `skipChildren`. */
export function nextInDocument(node: Node, root: Node, skipChildren = false): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  let n: Node | null = node;
  while (n && n !== root) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}

/** True when `node` is `root` or inside it. */
export function isWithin(node: Node, root: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/**
 * Raw offset of a DOM boundary point (container, offset) within the model. Boundaries inside
 * left-out subtrees resolve to the next counted text. Returns -1 when the point is outside root.
 */
export function rawOffsetOf(model: TextModel, container: Node, offset: number): number {
  if (!isWithin(container, model.root)) return -1;
  const i = model.index.get(container);
  if (i !== undefined) return model.starts[i] + Math.max(0, Math.min(offset, model.nodes[i].data.length));
  let from: Node | null;
  let includeFrom = true;
  if (container.nodeType === ELEMENT_NODE || container.nodeType === 9 || container.nodeType === 11) {
    const kids = container.childNodes;
    if (offset < kids.length) from = kids[offset];
    else {
      from = container;
      includeFrom = false;
    }
  } else {
    // A text node we do not count (inside script, our UI…), a comment…: position after it.
    from = container;
    includeFrom = false;
  }
  let n: Node | null = includeFrom ? from : nextInDocument(from, model.root, true);
  while (n) {
    const j = model.index.get(n);
    if (j !== undefined) return model.starts[j];
    n = nextInDocument(n, model.root, false);
  }
  return model.raw.length;
}
