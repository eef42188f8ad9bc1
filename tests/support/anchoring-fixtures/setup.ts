/**
 * Setting up one fixture trial: the fixture page parsed with linkedom, the highlight's
 * expected place tracked as DOM positions while the page is edited (Editor), and the
 * highlight described on the untouched page.
 */
import { readFileSync } from 'node:fs';
import { buildTextModel, describe, rangeFromOffsets, textSpanToRaw, type HighlightSelectors, type TextModel } from '../../../src/core/anchoring';
import { parseHtml } from '../../../src/core/extract/parse-html';
import type { HighlightSpec } from '../../fixtures/anchoring/highlights';

const FIXTURE_FILES: Record<'en' | 'ar', string> = { en: 'article-en.html', ar: 'article-ar.html' };
const htmlCache = new Map<string, string>();

export function fixtureHtml(name: 'en' | 'ar'): string {
  let s = htmlCache.get(name);
  if (s === undefined) {
    s = readFileSync(new URL(`../../fixtures/anchoring/${FIXTURE_FILES[name]}`, import.meta.url), 'utf8');
    htmlCache.set(name, s);
  }
  return s;
}

const now = () => performance.now();

export interface Pos {
  node: Text;
  offset: number;
}

/** DOM edits that keep tracked positions (the expected quote boundaries) up to date. */
export class Editor {
  readonly trackers: Pos[] = [];
  constructor(readonly doc: Document) {}

  replace(node: Text, a: number, b: number, str: string): void {
    const delta = str.length - (b - a);
    node.data = node.data.slice(0, a) + str + node.data.slice(b);
    for (const t of this.trackers) {
      if (t.node !== node) continue;
      if (t.offset >= b) t.offset += delta;
      else if (t.offset > a) t.offset = Math.min(t.offset, a + str.length);
    }
  }

  /** Rewrite a node character by character (e.g. re-indenting white space). */
  rewrite(node: Text, fn: (ch: string) => string): void {
    const old = node.data;
    const map = new Int32Array(old.length + 1);
    let out = '';
    for (let i = 0; i < old.length; i++) {
      map[i] = out.length;
      out += fn(old[i]);
    }
    map[old.length] = out.length;
    node.data = out;
    for (const t of this.trackers) if (t.node === node) t.offset = map[t.offset];
  }

  split(node: Text, k: number): Text {
    const rest = this.doc.createTextNode(node.data.slice(k));
    node.parentNode!.insertBefore(rest, node.nextSibling);
    node.data = node.data.slice(0, k);
    for (const t of this.trackers) {
      if (t.node === node && t.offset > k) {
        t.node = rest;
        t.offset -= k;
      }
    }
    return rest;
  }

  wrap(node: Text, a: number, b: number, tag: string, attrs: Record<string, string> = {}): Element {
    if (b < node.data.length) this.split(node, b);
    const mid = a > 0 ? this.split(node, a) : node;
    const el = this.doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    mid.parentNode!.insertBefore(el, mid);
    el.appendChild(mid);
    return el;
  }

  /** Delete the raw-text span [start, end) of `model` (possibly across nodes). */
  deleteRaw(model: TextModel, start: number, end: number): void {
    for (let i = 0; i < model.nodes.length; i++) {
      const s = model.starts[i];
      const n = model.nodes[i];
      const len = n.data.length;
      if (s + len <= start || s >= end) continue;
      this.replace(n, Math.max(0, start - s), Math.min(len, end - s), '');
    }
  }
}

export interface Setup {
  doc: Document;
  root: Element;
  ed: Editor;
  start: Pos;
  end: Pos;
  lang: 'en' | 'ar';
}

/** Clean-text span of a spec in a model built from the fixture. */
function locate(model: TextModel, spec: HighlightSpec): { s: number; e: number } {
  let from = 0;
  if (spec.after) {
    const i = model.text.indexOf(spec.after);
    if (i < 0) throw new Error(`fixture ${spec.id}: "after" text not found`);
    from = i + spec.after.length;
  }
  const s = model.text.indexOf(spec.quote, from);
  if (s < 0) throw new Error(`fixture ${spec.id}: quote not found in ${spec.fixture}`);
  return { s, e: s + spec.quote.length };
}

export function fresh(spec: HighlightSpec): Setup {
  const doc = parseHtml(fixtureHtml(spec.fixture));
  const root = doc.body;
  const model = buildTextModel(root);
  const { s, e } = locate(model, spec);
  const raw = textSpanToRaw(model, s, e);
  const r = rangeFromOffsets(model, raw.start, raw.end)!;
  const ed = new Editor(doc);
  const start = { node: r.startContainer, offset: r.startOffset };
  const end = { node: r.endContainer, offset: r.endOffset };
  ed.trackers.push(start, end);
  return { doc, root, ed, start, end, lang: spec.fixture };
}

/** Describe the highlight on the untouched original page. */
export function describeSpec(spec: HighlightSpec): HighlightSelectors {
  const { root, start, end } = fresh(spec);
  const sel = describe(root, { startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
  if (!sel) throw new Error(`fixture ${spec.id}: empty description`);
  if (sel.quote.exact !== spec.quote) throw new Error(`fixture ${spec.id}: described "${sel.quote.exact}"`);
  return sel;
}
