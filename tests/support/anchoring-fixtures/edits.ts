/**
 * The DOM edits that turn a fixture page into its variants (words replaced inside and
 * around the quote, paragraphs inserted, ads and comments, re-indented white space, inline
 * markup, paragraphs split and merged). Deterministic: word choices come from a hash of
 * the highlight id.
 */
import { BLOCK_TAGS, buildTextModel, isWithin, nodeIndexAt, rawOffsetOf, rawToText, textSpanToRaw, type TextModel } from '../../../src/core/anchoring';
import type { HighlightSpec } from '../../fixtures/anchoring/highlights';
import type { Setup } from './setup';

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
export const POOL_EN = ['several', 'northern', 'crowded', 'quiet', 'rebuilt', 'ancient', 'narrow', 'modest', 'distant', 'famous', 'broken', 'patient'];
export const POOL_AR = ['الكبير', 'الجديد', 'القديمة', 'البعيدة', 'الهادئة', 'الواسعة', 'الصغيرة', 'المعروف', 'الطويل'];
export const ARABIC = /[\u0600-\u06ff]/;

export const INSERTED = {
  en: [
    'Editor’s note: this report was updated on Thursday with new figures from the municipality and a correction to a street name.',
    'Listen to this article. Audio versions of our field reports are available to subscribers in the app.',
    'Earlier this month, the provincial council approved a new budget line for heritage repairs, officials said.',
  ],
  ar: [
    'ملاحظة من المحرر: جرى تحديث هذا التقرير يوم الخميس بأرقام جديدة من المجلس المحلي.',
    'استمع إلى هذا التقرير. النسخ الصوتية متاحة للمشتركين في التطبيق.',
    'وكان المجلس المحلي قد أقر في وقت سابق من هذا الشهر ميزانية جديدة لإصلاح الطرق الزراعية.',
  ],
};
export const ADS = {
  en: ['Compare home insurance quotes in minutes. Sponsored.', 'New season sale: up to 40% off garden furniture.', 'Learn a language in ten minutes a day — try it free.'],
  ar: ['قارن أسعار التأمين في دقائق. محتوى مدفوع.', 'تخفيضات الموسم الجديد حتى ٤٠٪ على الأثاث.', 'تعلم لغة جديدة في عشر دقائق يوميًا.'],
};
export const COMMENTS = {
  en: ['Great reporting, thank you for going there.', 'My grandparents lived near the fish market, this made me cry.', 'Who is paying for all of this, though?'],
  ar: ['تقرير رائع، شكرًا لكم.', 'أهلي من تلك المنطقة، الله يعينهم.', 'من يدفع تكاليف كل هذا؟'],
};

export function blockOf(n: Node): Element | null {
  for (let p = n.parentNode; p; p = p.parentNode) {
    if (p.nodeType !== 1) continue;
    const name = (p as Element).localName;
    if (name === 'article' || name === 'main' || name === 'body') return null;
    if (BLOCK_TAGS.has(name)) return p as Element;
  }
  return null;
}

/** The child of `article` that contains `n`. */
export function topBlockOf(article: Element, n: Node): Element | null {
  let c: Node | null = n;
  while (c && c.parentNode !== article) c = c.parentNode;
  return c && c.nodeType === 1 ? (c as Element) : null;
}

export function para(doc: Document, text: string, cls?: string): Element {
  const p = doc.createElement('p');
  if (cls) p.setAttribute('class', cls);
  p.appendChild(doc.createTextNode(text));
  return p;
}

export function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== 1) n = n.nextSibling;
  return n as Element | null;
}

/** Words (clean spans) of the clean-text span [s, e) that lie inside a single text node. */
export function wordsIn(model: TextModel, s: number, e: number, minLen: number): Array<{ s: number; e: number; w: string }> {
  const out: Array<{ s: number; e: number; w: string }> = [];
  const seg = model.text.slice(s, e);
  for (const m of seg.matchAll(WORD)) {
    if (m[0].length < minLen) continue;
    const ws = s + m.index!;
    const we = ws + m[0].length;
    const raw = textSpanToRaw(model, ws, we);
    if (nodeIndexAt(model, raw.start) !== nodeIndexAt(model, raw.end, true)) continue;
    out.push({ s: ws, e: we, w: m[0] });
  }
  return out;
}

export function replaceWords(st: Setup, model: TextModel, words: Array<{ s: number; e: number; w: string }>, seed: number): number {
  // Right to left, so earlier offsets stay valid.
  const sorted = [...words].sort((a, b) => b.s - a.s);
  let i = 0;
  for (const w of sorted) {
    const pool = ARABIC.test(w.w) ? POOL_AR : POOL_EN;
    let rep = pool[(seed + i++) % pool.length];
    if (rep === w.w) rep = pool[(seed + i++) % pool.length];
    const raw = textSpanToRaw(model, w.s, w.e);
    const ni = nodeIndexAt(model, raw.start);
    const node = model.nodes[ni];
    st.ed.replace(node, raw.start - model.starts[ni], raw.end - model.starts[ni], rep);
  }
  return sorted.length;
}

export function currentSpan(model: TextModel, st: Setup): { s: number; e: number } {
  return { s: rawToText(model, rawOffsetOf(model, st.start.node, st.start.offset)), e: rawToText(model, rawOffsetOf(model, st.end.node, st.end.offset)) };
}

export function editInside(st: Setup, spec: HighlightSpec, maxWords = 3): string | null {
  const model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const all = model.text.slice(s, e).match(WORD) ?? [];
  if (all.length < 2) return 'single word';
  const cands = wordsIn(model, s, e, all.length <= 3 ? 2 : 3);
  if (!cands.length) return 'no editable word';
  const n = Math.min(maxWords, cands.length, all.length <= 8 ? 1 : all.length <= 20 ? 2 : 3);
  const picked: typeof cands = [];
  for (let j = 0; j < n; j++) picked.push(cands[Math.min(cands.length - 1, Math.floor(((j + 0.5) * cands.length) / n))]);
  replaceWords(st, model, [...new Set(picked)], hash(spec.id));
  return null;
}

export function editAround(st: Setup, spec: HighlightSpec): string | null {
  const model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const before = wordsIn(model, Math.max(0, s - 32), s, 3).filter((w) => w.e < s);
  const after = wordsIn(model, e, Math.min(model.text.length, e + 32), 3).filter((w) => w.s > e);
  const picked = [before[before.length - 1], after[0]].filter(Boolean);
  if (!picked.length) return 'no context words';
  replaceWords(st, model, picked, hash(spec.id) + 3);
  return null;
}

export function insertBefore(st: Setup): void {
  const { doc } = st;
  const article = doc.querySelector('article')!;
  const ps = Array.from(article.querySelectorAll('p'));
  const first = ps.find((p) => p.getAttribute('class') !== 'byline') ?? ps[0];
  const texts = INSERTED[st.lang];
  first.parentNode!.insertBefore(para(doc, texts[0]), first);
  first.parentNode!.insertBefore(para(doc, texts[1]), first);
  const blk = blockOf(st.start.node);
  if (blk && blk !== first && blk.parentNode) blk.parentNode.insertBefore(para(doc, texts[2]), blk);
}

export function adsAndComments(st: Setup, spec: HighlightSpec, duplicateQuote: boolean): void {
  const { doc } = st;
  const article = doc.querySelector('article')!;
  const ads = ADS[st.lang];
  const mkAd = (i: number) => {
    const d = doc.createElement('div');
    d.setAttribute('class', 'ad');
    d.appendChild(para(doc, st.lang === 'en' ? 'Advertisement' : 'إعلان'));
    d.appendChild(para(doc, ads[i % ads.length]));
    return d;
  };
  const blocks = Array.from(article.children).filter((c) => c.localName !== 'h1');
  blocks.forEach((b, i) => {
    if (i % 2 === 1) article.insertBefore(mkAd(i), b);
  });
  const top = topBlockOf(article, st.start.node);
  if (top) article.insertBefore(mkAd(7), top);
  const bottom = topBlockOf(article, st.end.node);
  if (bottom) article.insertBefore(mkAd(8), bottom.nextSibling);
  const section = doc.createElement('section');
  section.setAttribute('class', 'comments');
  const h = doc.createElement('h3');
  h.appendChild(doc.createTextNode(st.lang === 'en' ? 'Comments (3)' : 'التعليقات (٣)'));
  section.appendChild(h);
  const comments = [...COMMENTS[st.lang]];
  if (duplicateQuote && spec.quote.length <= 120) {
    comments[1] = st.lang === 'en' ? `As the piece says, “${spec.quote}” — worth remembering.` : `كما يقول التقرير: «${spec.quote}» — كلام صحيح.`;
  }
  for (const c of comments) {
    const d = doc.createElement('div');
    d.setAttribute('class', 'comment');
    d.appendChild(para(doc, c));
    section.appendChild(d);
  }
  (article.parentNode ?? doc.body).appendChild(section);
}

export function reindent(st: Setup): void {
  const blocks = new Set([blockOf(st.start.node), blockOf(st.end.node)].filter((b): b is Element => !!b));
  for (const b of blocks) {
    const texts: Text[] = [];
    const walk = (n: Node) => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) texts.push(c as Text);
        else if (c.nodeType === 1) walk(c);
      }
    };
    walk(b);
    for (const t of texts) st.ed.rewrite(t, (ch) => (ch === ' ' ? '\n        ' : ch));
  }
}

export function addInlineMarkup(st: Setup, withLink: boolean): void {
  const model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const words = wordsIn(model, s, e, 2);
  const targets: Array<{ w: (typeof words)[number]; tag: string }> = [];
  if (words.length >= 2) targets.push({ w: words[1], tag: 'b' });
  else if (words.length === 1) targets.push({ w: words[0], tag: 'b' });
  if (withLink && words.length >= 4) targets.push({ w: words[words.length - 2], tag: 'a' });
  // Right to left so the model's offsets stay valid for the earlier word.
  targets.sort((a, b) => b.w.s - a.w.s);
  for (const { w, tag } of targets) {
    const raw = textSpanToRaw(model, w.s, w.e);
    const ni = nodeIndexAt(model, raw.start);
    st.ed.wrap(model.nodes[ni], raw.start - model.starts[ni], raw.end - model.starts[ni], tag, tag === 'a' ? { href: '#related' } : {});
  }
}

export function splitAndMerge(st: Setup): void {
  const { doc } = st;
  const blk = blockOf(st.start.node);
  if (blk && blk.localName === 'p') {
    // Split at the first sentence boundary found in a direct text child.
    for (let c = blk.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 3) continue;
      const m = /[.!?؟»”"]\s+/.exec((c as Text).data);
      if (!m) continue;
      const rest = st.ed.split(c as Text, m.index + 1);
      const p2 = doc.createElement('p');
      blk.parentNode!.insertBefore(p2, blk.nextSibling);
      let n: Node | null = rest;
      while (n) {
        const next: Node | null = n.nextSibling;
        p2.appendChild(n);
        n = next;
      }
      break;
    }
  }
  // Merge the two paragraphs that follow the quote's end block.
  const endBlk = blockOf(st.end.node);
  const a = endBlk ? nextElement(endBlk) : null;
  const b = a ? nextElement(a) : null;
  if (a && b && a.localName === 'p' && b.localName === 'p') {
    a.appendChild(doc.createTextNode(' '));
    while (b.firstChild) a.appendChild(b.firstChild);
    b.parentNode!.removeChild(b);
  }
}
