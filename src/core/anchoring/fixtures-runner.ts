/**
 * Re-anchoring fixtures (Node only: reads the fixture HTML from disk and parses it with
 * linkedom). Each highlight in `fixtures/highlights.ts` is described on the original article,
 * then re-anchored on variants of the page built by DOM edits:
 *
 * - unchanged
 * - inserted-before: two paragraphs added at the top of the article, one right before the quote's block
 * - edited-inside: 1–3 words of the quote replaced (quotes of 2+ words)
 * - edited-around: one word replaced in the context before the quote and one after it
 * - ads-comments: ad blocks between paragraphs (also right before/after the quote's block) and a
 *   comment section appended, one comment repeating the quote verbatim (quotes ≤ 120 chars)
 * - markup: white space re-indented, <b> and <a> added inside the quote, the quote's paragraph
 *   split at a sentence boundary, the two paragraphs after it merged
 * - late-content: the article body is missing when anchoring starts and appended later
 *   (`anchorWithRetry` with a fake notifier); must fail first, then succeed
 * - combined: inserted-before + one word edited + ads + re-indented white space + <b>
 * - removed: the sentence(s) holding the quote deleted → must come back orphan (only counted
 *   when the quote no longer occurs anywhere on the page)
 *
 * While editing, the expected place of the (edited) quote is tracked as DOM positions, so
 * success is judged on the words themselves: the anchored clean text equals the expected
 * clean text, or the two spans overlap by ≥ 80 % (intersection over union).
 */
import { readFileSync } from 'node:fs';
import { parseHtml } from '../extract/parse-html';
import { anchor, anchorWithRetry } from './anchor';
import { describe } from './describe';
import { HIGHLIGHTS, type HighlightSpec } from './fixtures/highlights';
import { rangeFromOffsets } from './range';
import { BLOCK_TAGS, buildTextModel, isWithin, nodeIndexAt, rawOffsetOf, rawToText, textSpanToRaw, type TextModel } from './text-model';
import type { AnchorResult, HighlightSelectors } from './types';

export const PLACEMENT_VARIANTS = [
  'unchanged',
  'inserted-before',
  'edited-inside',
  'edited-around',
  'ads-comments',
  'markup',
  'late-content',
  'combined',
] as const;
export type PlacementVariant = (typeof PLACEMENT_VARIANTS)[number];
export type Variant = PlacementVariant | 'removed';

export interface Trial {
  id: string;
  variant: Variant;
  ok: boolean;
  /** Why the variant does not apply to this highlight (trial not counted). */
  skipped?: string;
  status: AnchorResult['status'] | 'n/a';
  score?: number;
  expected?: string;
  got?: string;
  iou?: number;
  ms: number;
  /** late-content only: the first attempt (before the content arrived) was an orphan. */
  failedFirst?: boolean;
}

export interface VariantSummary {
  trials: number;
  ok: number;
  skipped: number;
  failures: string[];
}

export interface FixtureReport {
  highlights: number;
  /** Placement trials (all variants but 'removed'). */
  placementTrials: number;
  placementOk: number;
  /** placementOk / placementTrials. */
  successRate: number;
  byVariant: Record<Variant, VariantSummary>;
  /** Placement trials that were placed on the wrong words (not orphaned: wrong). */
  wrongPlacements: number;
  /** 'removed' variant: orphan expected. */
  orphanTrials: number;
  orphanCorrect: number;
  statusCounts: Record<string, number>;
  trials: Trial[];
}

const FIXTURE_FILES: Record<'en' | 'ar', string> = { en: 'article-en.html', ar: 'article-ar.html' };
const htmlCache = new Map<string, string>();

export function fixtureHtml(name: 'en' | 'ar'): string {
  let s = htmlCache.get(name);
  if (s === undefined) {
    s = readFileSync(new URL(`./fixtures/${FIXTURE_FILES[name]}`, import.meta.url), 'utf8');
    htmlCache.set(name, s);
  }
  return s;
}

const now = () => performance.now();

interface Pos {
  node: Text;
  offset: number;
}

/** DOM edits that keep tracked positions (the expected quote boundaries) up to date. */
class Editor {
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

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
const POOL_EN = ['several', 'northern', 'crowded', 'quiet', 'rebuilt', 'ancient', 'narrow', 'modest', 'distant', 'famous', 'broken', 'patient'];
const POOL_AR = ['الكبير', 'الجديد', 'القديمة', 'البعيدة', 'الهادئة', 'الواسعة', 'الصغيرة', 'المعروف', 'الطويل'];
const ARABIC = /[\u0600-\u06ff]/;

const INSERTED = {
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
const ADS = {
  en: ['Compare home insurance quotes in minutes. Sponsored.', 'New season sale: up to 40% off garden furniture.', 'Learn a language in ten minutes a day — try it free.'],
  ar: ['قارن أسعار التأمين في دقائق. محتوى مدفوع.', 'تخفيضات الموسم الجديد حتى ٤٠٪ على الأثاث.', 'تعلم لغة جديدة في عشر دقائق يوميًا.'],
};
const COMMENTS = {
  en: ['Great reporting, thank you for going there.', 'My grandparents lived near the fish market, this made me cry.', 'Who is paying for all of this, though?'],
  ar: ['تقرير رائع، شكرًا لكم.', 'أهلي من تلك المنطقة، الله يعينهم.', 'من يدفع تكاليف كل هذا؟'],
};

interface Setup {
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

function fresh(spec: HighlightSpec): Setup {
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

function blockOf(n: Node): Element | null {
  for (let p = n.parentNode; p; p = p.parentNode) {
    if (p.nodeType !== 1) continue;
    const name = (p as Element).localName;
    if (name === 'article' || name === 'main' || name === 'body') return null;
    if (BLOCK_TAGS.has(name)) return p as Element;
  }
  return null;
}

/** The child of `article` that contains `n`. */
function topBlockOf(article: Element, n: Node): Element | null {
  let c: Node | null = n;
  while (c && c.parentNode !== article) c = c.parentNode;
  return c && c.nodeType === 1 ? (c as Element) : null;
}

function para(doc: Document, text: string, cls?: string): Element {
  const p = doc.createElement('p');
  if (cls) p.setAttribute('class', cls);
  p.appendChild(doc.createTextNode(text));
  return p;
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== 1) n = n.nextSibling;
  return n as Element | null;
}

/** Words (clean spans) of the clean-text span [s, e) that lie inside a single text node. */
function wordsIn(model: TextModel, s: number, e: number, minLen: number): Array<{ s: number; e: number; w: string }> {
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

function replaceWords(st: Setup, model: TextModel, words: Array<{ s: number; e: number; w: string }>, seed: number): number {
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

function currentSpan(model: TextModel, st: Setup): { s: number; e: number } {
  return { s: rawToText(model, rawOffsetOf(model, st.start.node, st.start.offset)), e: rawToText(model, rawOffsetOf(model, st.end.node, st.end.offset)) };
}

function editInside(st: Setup, spec: HighlightSpec, maxWords = 3): string | null {
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

function editAround(st: Setup, spec: HighlightSpec): string | null {
  const model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const before = wordsIn(model, Math.max(0, s - 32), s, 3).filter((w) => w.e < s);
  const after = wordsIn(model, e, Math.min(model.text.length, e + 32), 3).filter((w) => w.s > e);
  const picked = [before[before.length - 1], after[0]].filter(Boolean);
  if (!picked.length) return 'no context words';
  replaceWords(st, model, picked, hash(spec.id) + 3);
  return null;
}

function insertBefore(st: Setup): void {
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

function adsAndComments(st: Setup, spec: HighlightSpec, duplicateQuote: boolean): void {
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

function reindent(st: Setup): void {
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

function addInlineMarkup(st: Setup, withLink: boolean): void {
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

function splitAndMerge(st: Setup): void {
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

function judge(st: Setup, res: AnchorResult): Pick<Trial, 'ok' | 'expected' | 'got' | 'iou' | 'status' | 'score'> {
  const model = buildTextModel(st.root);
  const { s: es, e: ee } = currentSpan(model, st);
  const expected = model.text.slice(es, ee).trim();
  if (res.status === 'orphan') return { ok: false, expected, got: `(orphan: ${res.reason})`, status: 'orphan' };
  const as = rawToText(model, res.start);
  const ae = rawToText(model, res.end);
  const got = model.text.slice(as, ae).trim();
  const inter = Math.max(0, Math.min(ae, ee) - Math.max(as, es));
  const union = Math.max(ae, ee) - Math.min(as, es);
  const iou = union > 0 ? inter / union : 0;
  return { ok: got === expected || iou >= 0.8, expected, got, iou: Math.round(iou * 100) / 100, status: res.status, score: res.score };
}

async function runTrial(spec: HighlightSpec, sel: HighlightSelectors, variant: Variant): Promise<Trial> {
  const st = fresh(spec);
  const base = { id: spec.id, variant };
  let skipped: string | null = null;
  switch (variant) {
    case 'unchanged':
      break;
    case 'inserted-before':
      insertBefore(st);
      break;
    case 'edited-inside':
      skipped = editInside(st, spec);
      break;
    case 'edited-around':
      skipped = editAround(st, spec);
      break;
    case 'ads-comments':
      adsAndComments(st, spec, true);
      break;
    case 'markup':
      reindent(st);
      addInlineMarkup(st, true);
      splitAndMerge(st);
      break;
    case 'combined':
      insertBefore(st);
      editInside(st, spec, 1);
      adsAndComments(st, spec, false);
      reindent(st);
      addInlineMarkup(st, false);
      break;
    case 'late-content':
      return lateContent(st, spec, sel);
    case 'removed':
      return removed(st, spec, sel);
  }
  if (skipped) return { ...base, ok: false, skipped, status: 'n/a', ms: 0 };
  const t0 = now();
  const res = anchor(st.root, sel);
  const ms = now() - t0;
  return { ...base, ...judge(st, res), ms };
}

async function lateContent(st: Setup, spec: HighlightSpec, sel: HighlightSelectors): Promise<Trial> {
  const { doc } = st;
  const article = doc.querySelector('article')!;
  const held = Array.from(article.childNodes).filter((c) => !(c.nodeType === 1 && ((c as Element).localName === 'h1' || (c as Element).getAttribute('class') === 'byline')));
  for (const c of held) article.removeChild(c);
  const first = anchor(st.root, sel);
  let notify: (() => void) | null = null;
  const t0 = now();
  const pending = anchorWithRetry(st.root, sel, {
    timeoutMs: 1000,
    minIntervalMs: 0,
    observe: (cb) => {
      notify = cb;
      return () => {
        notify = null;
      };
    },
  });
  await new Promise((r) => setTimeout(r, 5));
  for (const c of held) article.appendChild(c);
  (notify as (() => void) | null)?.();
  const res = await pending;
  const ms = now() - t0;
  const j = judge(st, res);
  const inHeader = !held.some((c) => isWithin(st.start.node, c));
  const failedFirst = first.status === 'orphan';
  // Must fail on the initial DOM (unless the quote is in the part that was there from the start).
  return { id: spec.id, variant: 'late-content', ...j, ok: j.ok && (failedFirst || inHeader), failedFirst, ms };
}

async function removed(st: Setup, spec: HighlightSpec, sel: HighlightSelectors): Promise<Trial> {
  let model = buildTextModel(st.root);
  const { s, e } = currentSpan(model, st);
  const text = model.text;
  let a = s;
  while (a > 0 && !(/[.!?؟]/.test(text[a - 1]) && text[a] === ' ')) a--;
  let b = e;
  while (b < text.length && !/[.!?؟]/.test(text[b - 1] ?? '')) b++;
  const raw = textSpanToRaw(model, a, b);
  st.ed.deleteRaw(model, raw.start, raw.end);
  model = buildTextModel(st.root);
  if (model.text.includes(spec.quote)) return { id: spec.id, variant: 'removed', ok: false, skipped: 'quote still occurs elsewhere', status: 'n/a', ms: 0 };
  const t0 = now();
  const res = anchor(st.root, sel, { model });
  const ms = now() - t0;
  const got = res.status === 'orphan' ? `(orphan: ${res.reason})` : model.text.slice(rawToText(model, res.start), rawToText(model, res.end));
  return { id: spec.id, variant: 'removed', ok: res.status === 'orphan', status: res.status, score: res.status === 'orphan' ? undefined : res.score, expected: '(orphan)', got, ms };
}

/**
 * Run every highlight × variant and summarise. `filter` restricts to some highlight ids
 * (for debugging).
 */
export async function runAnchoringFixtures(opts: { ids?: string[]; variants?: Variant[] } = {}): Promise<FixtureReport> {
  const specs = opts.ids ? HIGHLIGHTS.filter((h) => opts.ids!.includes(h.id)) : HIGHLIGHTS;
  const variants: Variant[] = opts.variants ?? [...PLACEMENT_VARIANTS, 'removed'];
  const trials: Trial[] = [];
  for (const spec of specs) {
    const sel = describeSpec(spec);
    for (const v of variants) trials.push(await runTrial(spec, sel, v));
  }
  const byVariant = {} as Record<Variant, VariantSummary>;
  for (const v of variants) byVariant[v] = { trials: 0, ok: 0, skipped: 0, failures: [] };
  const statusCounts: Record<string, number> = {};
  for (const t of trials) {
    const s = byVariant[t.variant];
    if (t.skipped) {
      s.skipped++;
      continue;
    }
    s.trials++;
    if (t.ok) s.ok++;
    else s.failures.push(t.id);
    statusCounts[t.status] = (statusCounts[t.status] ?? 0) + 1;
  }
  let placementTrials = 0;
  let placementOk = 0;
  for (const v of variants) {
    if (v === 'removed') continue;
    placementTrials += byVariant[v].trials;
    placementOk += byVariant[v].ok;
  }
  const orphan = byVariant.removed ?? { trials: 0, ok: 0 };
  const wrongPlacements = trials.filter((t) => !t.skipped && !t.ok && t.status !== 'orphan' && t.status !== 'n/a').length;
  return {
    highlights: specs.length,
    placementTrials,
    placementOk,
    successRate: placementTrials ? placementOk / placementTrials : 0,
    wrongPlacements,
    byVariant,
    orphanTrials: orphan.trials,
    orphanCorrect: orphan.ok,
    statusCounts,
    trials,
  };
}
