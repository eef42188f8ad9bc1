/**
 * HTML string → DOM Document for Node (CLI, tests, benchmarks), using linkedom.
 *
 * The content script never needs this: it hands the live `document` to
 * `extractArticle`. Keep this module out of the extension bundle (it is not
 * re-exported from `./index.ts`).
 *
 * linkedom does not build the tree the way a browser does: it has no implied
 * <html>/<head>/<body>, so fragments and sloppy pages come out with an empty
 * body and the content hanging off <html> (or, with no <html> at all, a
 * random element as the document element, or an exception). We repair that
 * here so that `doc.head`/`doc.body` hold what a browser would put there.
 */
import { DOMParser } from 'linkedom';
import { DOC_URL_KEY } from './doc-url';

const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style']);

function emptyDocument(parser: DOMParser): Document {
  return parser.parseFromString('<!DOCTYPE html><html><head></head><body></body></html>', 'text/html') as unknown as Document;
}

/**
 * Parse an HTML string into a Document (linkedom). Never throws: unparseable input
 * gives an empty document. `url`, when given, is remembered on the document so that
 * `extractArticle(doc)` can use it without being told again.
 */
export function parseHtml(html: string, url?: string): Document {
  const parser = new DOMParser();
  let doc: Document;
  try {
    doc = parser.parseFromString(prepare(String(html ?? '')), 'text/html') as unknown as Document;
    if (!doc || !doc.documentElement) doc = emptyDocument(parser);
    repairTree(doc);
  } catch {
    doc = emptyDocument(parser);
  }
  try {
    // linkedom makes one text node per character reference ("&quot;&quot;…"), where a browser's
    // parser joins adjacent text: 78,000 of them in a 470 KB page made extraction take 300+ ms.
    doc.documentElement.normalize();
  } catch {
    /* keep the text nodes as they are */
  }
  if (url) {
    try {
      const u = new URL(url);
      Object.defineProperty(doc, DOC_URL_KEY, { value: u.href, configurable: true });
    } catch {
      /* not a URL (e.g. a file path): ignore */
    }
  }
  return doc;
}

/** Make sure the markup has exactly one root <html> element linkedom will use. */
function prepare(html: string): string {
  // NUL and other C0 controls confuse the tokenizer and never matter for text.
  // eslint-disable-next-line no-control-regex
  let s = html.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (!/<html[\s>]/i.test(s)) {
    s = s.replace(/^\s*(<\?xml[^>]*>\s*)?(<!doctype[^>]*>)?/i, '');
    s = `<!DOCTYPE html><html>${s}</html>`;
  }
  return s;
}

/** Move stray children of <html> into <head>/<body>, as a browser's parser would. */
function repairTree(doc: Document): void {
  const root = doc.documentElement;
  if (!root) return;
  if (root.localName !== 'html') return; // should not happen after prepare()
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  const stray: ChildNode[] = [];
  for (const n of Array.from(root.childNodes)) {
    if (n === (head as unknown) || n === (body as unknown)) continue;
    stray.push(n);
  }
  if (!stray.length) return;
  // Content after </body> (or with no <body> tag at all) belongs in the body;
  // head-only elements go to <head> while no body content has been seen yet.
  let seenBodyContent = body.childNodes.length > 0;
  for (const n of stray) {
    const isEl = n.nodeType === 1;
    const tag = isEl ? (n as Element).localName : '';
    if (!seenBodyContent && isEl && (HEAD_TAGS.has(tag) || tag === 'script' || tag === 'noscript')) {
      head.appendChild(n);
      continue;
    }
    if (n.nodeType === 3 && !(n.textContent ?? '').trim()) {
      root.removeChild(n);
      continue;
    }
    if (n.nodeType === 8) {
      root.removeChild(n);
      continue;
    }
    seenBodyContent = true;
    body.appendChild(n);
  }
}
