/**
 * The text of a DOM subtree as anchoring sees it: what counts as text (the tags skipped,
 * our own UI and highlight elements), the `TextModel` shape, and the white-space cleaning
 * of the clean text. The model is built by text-model-builder.ts; text-model.ts maps offsets. Standard DOM only (firstChild / nextSibling / parentNode / Text#data), so it
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

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

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

