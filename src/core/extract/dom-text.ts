/**
 * DOM subtree → plain-text paragraphs, by walking nodes (never via innerHTML).
 */
import { isAttributionLine } from './furniture';

import type { Para } from './para';

export type { Para };

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'html',
]);

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'option', 'input', 'textarea', 'iframe',
  'object', 'embed', 'canvas', 'video', 'audio', 'img', 'picture', 'source', 'head', 'title', 'meta', 'link', 'map', 'area',
  'track', 'param', 'dialog',
]);

export interface WalkOptions {
  /** Stop after this many characters of paragraph text. */
  maxChars: number;
  /** Leave out <figcaption> (and <figure> captions) text. */
  skipCaptions?: boolean;
  /** Stop after visiting this many nodes (guards against pathological trees). */
  maxNodes?: number;
  /** Skip elements whose class/id matches (captions, share bars… when classes survived). */
  skipClass?: RegExp;
  /** Skip elements for which this returns true (page furniture inside a declared article body). */
  skipElement?: (el: Element) => boolean;
}

export interface WalkResult {
  paras: Para[];
  truncated: boolean;
}

/** Walk `root` and cut its text into paragraphs at block boundaries and <br>. */
export function blockParagraphs(root: Node, opts: WalkOptions): WalkResult {
  const paras: Para[] = [];
  let total = 0;
  let truncated = false;
  let buf = '';
  let linkChars = 0;
  const blockTags: string[] = ['p'];
  let linkDepth = 0;
  let preDepth = 0;
  const maxNodes = opts.maxNodes ?? 400_000;
  let visited = 0;

  const flush = () => {
    if (!buf) return;
    const raw = buf;
    const lr = raw.length ? Math.min(1, linkChars / raw.replace(/\s+/g, '').length || 0) : 0;
    buf = '';
    linkChars = 0;
    const text = raw
      .replace(/[\u200b\ufeff\u00ad]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return;
    if (total + text.length > opts.maxChars) {
      const room = opts.maxChars - total;
      if (room > 40) paras.push({ text: cutAtWord(text, room), linkRatio: lr, tag: blockTags[blockTags.length - 1] });
      total = opts.maxChars;
      truncated = true;
      return;
    }
    paras.push({ text, linkRatio: lr, tag: blockTags[blockTags.length - 1] });
    total += text.length + 2;
  };

  // Iterative walk: entries are nodes, or `null` markers followed by the element that ends.
  type Frame = { node: Node; exit: boolean };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length) {
    if (truncated) break;
    const f = stack.pop()!;
    const node = f.node;
    if (f.exit) {
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'a') linkDepth--;
      else if (tag === 'pre') preDepth--;
      if (BLOCK.has(tag)) {
        flush();
        if (blockTags.length > 1) blockTags.pop();
      } else if (tag === 'td' || tag === 'th') buf += ' ';
      continue;
    }
    if (++visited > maxNodes) {
      truncated = true;
      break;
    }
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      if (!data) continue;
      if (preDepth > 0 && data.includes('\n')) {
        const lines = data.split('\n');
        for (let i = 0; i < lines.length; i++) {
          if (i > 0) flush();
          buf += lines[i];
          if (linkDepth > 0) linkChars += lines[i].replace(/\s+/g, '').length;
        }
      } else {
        buf += data;
        if (linkDepth > 0) linkChars += data.replace(/\s+/g, '').length;
      }
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    const el = node as Element;
    const tag = type === 1 ? el.localName || '' : '';
    if (type === 1) {
      if (SKIP.has(tag)) continue;
      if (opts.skipCaptions && tag === 'figcaption') continue;
      if (el.hasAttribute('hidden')) continue;
      if (opts.skipClass) {
        const ci = el.getAttribute('class');
        if (ci && opts.skipClass.test(ci) && !isAttributionLine(el.textContent)) continue;
      }
      if (opts.skipElement && opts.skipElement(el)) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      if (tag === 'hr') {
        flush();
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        blockTags.push(tag);
      } else if (tag === 'td' || tag === 'th') buf += ' ';
      if (tag === 'a') linkDepth++;
      else if (tag === 'pre') preDepth++;
      stack.push({ node, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], exit: false });
  }
  if (!truncated) flush();
  return { paras, truncated };
}

function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max);
  return s.slice(0, cut > max * 0.5 ? cut : max).trim();
}

export interface BoundedText {
  text: string;
  /** Characters (white space excluded) inside <a> elements. */
  linkChars: number;
  /** Nodes visited (for work budgets). */
  visited: number;
  /** True when the walk stopped early. */
  capped: boolean;
}

/**
 * textContent with bounds: stops after `maxChars` characters or `maxNodes` nodes, skips
 * script/style/template. Used where a plain `textContent` could be quadratic (nested
 * paragraphs on broken pages).
 */
export function boundedText(root: Node, maxChars: number, maxNodes = 5000): BoundedText {
  let text = '';
  let linkChars = 0;
  let visited = 0;
  let capped = false;
  const stack: { node: Node; inLink: boolean }[] = [{ node: root, inLink: false }];
  while (stack.length) {
    const { node, inLink } = stack.pop()!;
    if (++visited > maxNodes || text.length >= maxChars) {
      capped = true;
      break;
    }
    const type = node.nodeType;
    if (type === 3) {
      const d = (node as Text).data;
      text += d;
      if (inLink) linkChars += d.replace(/\s+/g, '').length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    let link = inLink;
    if (type === 1) {
      const tag = (node as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
      if (tag === 'a') link = true;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], inLink: link });
  }
  if (text.length > maxChars) text = text.slice(0, maxChars);
  return { text, linkChars, visited, capped };
}

/** Length of the text under `root` as `boundedText` would read it, without building the string; stops once past `limit`. */
export function boundedTextLength(root: Node, limit: number, maxNodes = 5000): number {
  let total = 0;
  let visited = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (++visited > maxNodes || total > limit) break;
    const type = node.nodeType;
    if (type === 3) {
      total += (node as Text).data.length;
      continue;
    }
    if (type !== 1 && type !== 9 && type !== 11) continue;
    if (type === 1) {
      const tag = (node as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return total;
}
