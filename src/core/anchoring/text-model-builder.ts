/**
 * Building a text model (see text-nodes.ts for what counts as text): one walk of the DOM
 * for the raw text and its nodes, then the clean-text pass, both in slices so a very large
 * page never blocks the main thread for long.
 */
import { BLOCK_TAGS, CDATA_SECTION_NODE, charClass, ELEMENT_NODE, isExcludedElement, TEXT_NODE, type TextModel } from './text-nodes';

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
