/**
 * The text of a DOM subtree as anchoring sees it, with maps between text offsets and DOM
 * positions. Standard DOM only (firstChild / nextSibling / parentNode / Text#data), so it
 * works the same on the live page and on linkedom documents (linkedom's TreeWalker ignores
 * its filter argument, so we walk the tree ourselves and skip subtrees as we go).
 *
 * Two texts are computed:
 *
 * - **raw text**: the concatenation of the root's text nodes in document order, leaving out
 *   the subtrees of `SKIP_TAGS` (script, style, noscript, template, form controls, svg…),
 *   elements with the `hidden` attribute, and our own UI (elements named `UI_TAG` or carrying
 *   `UI_ATTR`). Our highlight wrappers (`HIGHLIGHT_TAG`) are transparent: their text counts.
 *   TextPositionSelector offsets and `anchor` results are raw-text offsets.
 * - **clean text** (`model.text`): the raw text with every run of white space (including
 *   NBSP and other Unicode spaces) collapsed to one space, a space inserted at block-element
 *   boundaries and at <br> (so "<p>end.</p><p>Next" reads "end. Next"), and invisible format
 *   characters dropped (soft hyphen, zero-width space, word joiner, bidi marks and embeddings,
 *   BOM; ZWJ/ZWNJ are kept since emoji sequences and Persian spelling need them). Quotes and
 *   their context are stored and matched in this form; `model.map` maps each clean-text
 *   offset back to a raw offset.
 */

/** Tag name of the elements `highlightRange` wraps highlighted text in (transparent to the text model). */
export const HIGHLIGHT_TAG = 'provenance-highlight';
/** Elements with this name are our own UI (note popovers, buttons): left out of the text model. */
export const UI_TAG = 'provenance-ui';
/** Elements carrying this attribute are our own UI: left out of the text model. */
export const UI_ATTR = 'data-provenance-ui';

/** Subtrees whose text is never part of the page's readable text. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'textarea', 'select', 'option', 'optgroup',
  'datalist', 'button', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', UI_TAG,
]);

/** Elements that start a new line when rendered: their boundaries count as white space. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'img', 'video', 'iframe', 'canvas', 'object', 'embed', 'audio',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export interface TextModel {
  root: Element;
  /** Non-empty text nodes in document order. */
  nodes: Text[];
  /** `starts[i]` = raw offset of `nodes[i]`'s first character. */
  starts: Int32Array;
  /** Raw text (concatenation of `nodes`). */
  raw: string;
  /** Clean text (see the module comment). */
  text: string;
  /**
   * The clean text as segments (for `textToRaw` / `rawToText`): segment j covers clean
   * offsets [segText[j], segText[j + 1]) and starts at raw offset segRaw[j]; it is either a
   * verbatim copy of the raw text (segCopy[j] = 1) or one space standing for white space, a
   * block boundary or dropped characters (segCopy[j] = 0). segText has one extra entry, text.length.
   */
  segText: Int32Array;
  segRaw: Int32Array;
  segCopy: Uint8Array;
  /** Node → index in `nodes` (built on first use: anchoring alone never needs it). */
  readonly index: Map<Node, number>;
}

/** True for an element whose subtree is left out of the text model. */
export function isExcludedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  return el.hasAttributes() && (el.hasAttribute(UI_ATTR) || el.hasAttribute('hidden'));
}

/** Clean-text treatment of one UTF-16 unit: 1 = white space, 2 = drop, 0 = keep. */
export function charClass(c: number): 0 | 1 | 2 {
  if (c <= 0x20) return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b ? 1 : 0;
  if (c < 0xa0) return 0;
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) return 1;
  if (c === 0xad || c === 0x200b || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return 2;
  return 0;
}

/** Clean a stored string the same way the clean text is built (white space collapsed, invisibles dropped). */
export function cleanString(s: string, trim = true): string {
  let out = '';
  let lastSpace = trim; // when trimming, leading white space is dropped
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const k = charClass(s.charCodeAt(i));
    if (k === 2) continue;
    if (k === 1) {
      if (!lastSpace) pendingSpace = true;
      lastSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += s[i];
    lastSpace = false;
  }
  if (!trim && pendingSpace) out += ' ';
  return out;
}

/** Nodes visited per step of a sliced build. */
const WALK_CHUNK = 2048;
/** Characters processed per step of a sliced build. */
const CLEAN_CHUNK = 131072;

/**
 * Builds a text model in steps (a plain object with its loop state, rather than a generator,
 * so that the hot loops stay optimisable): `step()` does one chunk of work (~2000 nodes of the
 * DOM walk, or ~128K characters of the clean-text pass) and returns the model once finished.
 *
 * The DOM should not change until the build finishes: a node removed mid-walk ends the walk
 * early, and the model then misses text (anchoring may orphan highlights that a later retry
 * places).
 */
export class TextModelBuilder {
  private phase: 'walk' | 'clean' | 'done' = 'walk';
  private node: Node | null;
  private pendingBreak = false;
  private rawLength = 0;
  private readonly nodes: Text[] = [];
  /** The text of `nodes`, read once during the walk. */
  private readonly datas: string[] = [];
  private readonly breaks: number[] = [];
  /** Block flags of the elements the walk is inside. */
  private readonly stack: boolean[] = [];
  private raw = '';
  private starts: Int32Array = new Int32Array(0);
  // Clean-text pass.
  private pos = 0;
  private b = 0;
  private lastSpace = true; // no leading space
  private textLen = 0;
  private readonly parts: string[] = [];
  private readonly segText: number[] = [];
  private readonly segRaw: number[] = [];
  private readonly segCopy: number[] = [];
  private model: TextModel | null = null;

  constructor(readonly root: Element) {
    this.node = root.firstChild;
  }

  /** Run one chunk of work (or everything when `all`); returns the model once it is complete. */
  step(all = false): TextModel | null {
    if (this.phase === 'walk') {
      this.walk(all ? Infinity : WALK_CHUNK);
      if (!all) return null;
    }
    if (this.phase === 'clean') {
      this.clean(all ? Infinity : CLEAN_CHUNK);
      if (!all && this.phase === 'clean') return null;
    }
    return this.model;
  }

  private walk(budget: number): void {
    // Few DOM reads per node (each is a call into the engine on a live page): the block flags
    // of the open elements are kept on a stack rather than read again on the way out.
    const root = this.root;
    const nodes = this.nodes;
    const datas = this.datas;
    const breaks = this.breaks;
    const stack = this.stack;
    let node = this.node;
    let pendingBreak = this.pendingBreak;
    let rawLength = this.rawLength;
    let visited = 0;
    while (node && visited++ < budget) {
      const type = node.nodeType;
      let child: Node | null = null;
      let isBlock = false;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (pendingBreak && rawLength > 0) breaks.push(rawLength);
          pendingBreak = false;
          nodes.push(node as Text);
          datas.push(data);
          rawLength += data.length;
        }
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        if (!isExcludedElement(el)) {
          isBlock = BLOCK_TAGS.has(el.localName);
          if (isBlock) pendingBreak = true;
          child = el.firstChild;
        }
      }
      if (child) {
        stack.push(isBlock);
        node = child;
        continue;
      }
      if (isBlock) pendingBreak = true; // an empty block element: entered and left
      // On to the next node in document order, leaving the elements we finish on the way.
      for (;;) {
        const next: Node | null = node.nextSibling;
        if (next) {
          node = next;
          break;
        }
        const parent: Node | null = node.parentNode;
        if (!parent || parent === root || !stack.length) {
          node = null;
          break;
        }
        node = parent;
        if (stack.pop()) pendingBreak = true;
      }
    }
    this.node = node;
    this.pendingBreak = pendingBreak;
    this.rawLength = rawLength;
    if (!node) this.startClean();
  }

  private startClean(): void {
    const datas = this.datas;
    const starts = new Int32Array(datas.length);
    let off = 0;
    for (let i = 0; i < datas.length; i++) {
      starts[i] = off;
      off += datas[i].length;
    }
    this.starts = starts;
    this.raw = datas.join('');
    this.datas.length = 0;
    this.phase = 'clean';
  }

  /** Append the raw run [a, e) verbatim (callers never start a run with a space after a space). */
  private emitRun(a: number, e: number): void {
    if (e <= a) return;
    this.segText.push(this.textLen);
    this.segRaw.push(a);
    this.segCopy.push(1);
    this.parts.push(this.raw.slice(a, e));
    this.textLen += e - a;
  }

  /** Append one space standing for the raw offset `at`. */
  private emitSpace(at: number): void {
    this.segText.push(this.textLen);
    this.segRaw.push(at);
    this.segCopy.push(0);
    this.parts.push(' ');
    this.textLen += 1;
  }

  /**
   * The clean-text pass: one tight loop over the characters that only notes where runs of
   * ordinary text begin and end; the runs are copied as slices of the raw text, and only the
   * irregular spots (white-space runs, non-space white space, invisible characters, block
   * boundaries) become segments of their own.
   */
  private clean(budget: number): void {
    const raw = this.raw;
    const breaks = this.breaks;
    const stop = Math.min(raw.length, this.pos + budget);
    let lastSpace = this.lastSpace;
    let b = this.b;
    let nextBreak = b < breaks.length ? breaks[b] : -1;
    let runStart = -1;
    let pos = this.pos;
    for (; pos < stop; pos++) {
      if (pos === nextBreak) {
        if (runStart >= 0) {
          this.emitRun(runStart, pos);
          runStart = -1;
        }
        if (!lastSpace) {
          this.emitSpace(pos);
          lastSpace = true;
        }
        nextBreak = ++b < breaks.length ? breaks[b] : -1;
      }
      const ch = raw.charCodeAt(pos);
      // Ordinary characters (printable ASCII, or a single space after a non-space) extend the run.
      if ((ch > 0x20 && ch < 0x7f) || (ch === 0x20 && !lastSpace)) {
        if (runStart < 0) runStart = pos;
        lastSpace = ch === 0x20;
        continue;
      }
      const cls = charClass(ch);
      if (cls === 0) {
        if (runStart < 0) runStart = pos;
        lastSpace = false;
        continue;
      }
      if (runStart >= 0) {
        this.emitRun(runStart, pos);
        runStart = -1;
      }
      if (cls === 1 && !lastSpace) {
        this.emitSpace(pos);
        lastSpace = true;
      }
    }
    if (runStart >= 0) this.emitRun(runStart, pos);
    this.lastSpace = lastSpace;
    this.b = b;
    this.pos = pos;
    if (pos < raw.length) return;
    // Drop a trailing space.
    const n = this.segCopy.length;
    if (this.lastSpace && n > 0) {
      if (this.segCopy[n - 1] === 0) {
        this.segText.pop();
        this.segRaw.pop();
        this.segCopy.pop();
        this.parts.pop();
      } else {
        this.parts[n - 1] = this.parts[n - 1].slice(0, -1);
      }
      this.textLen--;
    }
    const text = this.parts.join('');
    this.segText.push(this.textLen);
    const nodes = this.nodes;
    let index: Map<Node, number> | null = null;
    this.model = {
      root: this.root,
      nodes,
      starts: this.starts,
      raw,
      text,
      segText: Int32Array.from(this.segText),
      segRaw: Int32Array.from(this.segRaw),
      segCopy: Uint8Array.from(this.segCopy),
      get index() {
        if (!index) {
          index = new Map<Node, number>();
          for (let i = 0; i < nodes.length; i++) index.set(nodes[i], i);
        }
        return index;
      },
    };
    this.parts.length = 0;
    this.phase = 'done';
  }
}

/** Build the text model of `root` (one DOM walk plus one pass over the text). */
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
