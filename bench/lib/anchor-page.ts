/**
 * bench:anchor, the page: ~1 MB of seeded prose-like text (headings, links, emphasis, lists,
 * scripts), 200 highlights described on it, then the edits (paragraphs and ads inserted,
 * words replaced inside and around highlights, highlighted paragraphs deleted) with the text
 * each highlight is expected to land on afterwards.
 */
import { parseHtml } from '../../src/core/extract/parse-html';
import { buildTextModel, describe, rangeFromOffsets, rawOffsetOf, rawToText, textSpanToRaw, type HighlightSelectors } from '../../src/core/anchoring';
import { rng } from './huge-page';

export const TARGET_TEXT_CHARS = 1_000_000;
export const N_HIGHLIGHTS = 200;
export const N_FUZZY = 30;
export const N_CONTEXT = 10;
export const N_DELETED = 6;

// ---------------------------------------------------------------- text generation


export const FUNCTION_WORDS = 'the of and to in a that for on with as by at from was were is are said after before during while but not also which who their its this these than into over'.split(' ');
export const SYLLABLES = 'ka ra mo li sa ten dor vel an mi ros ta el qu bar nis lo ver za ho pen ri tal gor am si un del ba cor fi na ex ter ol vin'.split(' ');

export function makeVocabulary(rnd: () => number, n: number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const k = 1 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

export interface Para {
  id: string;
  kind: 'p' | 'h2' | 'li' | 'ad';
  words: string[];
  /** Inline markup over word index ranges [from, to). */
  marks: Array<{ from: number; to: number; tag: 'a' | 'em' | 'strong' }>;
}

export function sentenceWords(rnd: () => number, vocab: string[]): string[] {
  const n = 8 + Math.floor(rnd() * 18);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = rnd() < 0.4 ? FUNCTION_WORDS[Math.floor(rnd() * FUNCTION_WORDS.length)] : vocab[Math.floor(Math.pow(rnd(), 1.6) * vocab.length)];
    out.push(i === 0 ? w[0].toUpperCase() + w.slice(1) : w);
  }
  out[out.length - 1] += rnd() < 0.1 ? '?' : '.';
  if (rnd() < 0.15) out[Math.floor(rnd() * (out.length - 1))] += ',';
  return out;
}

export function makeParagraph(rnd: () => number, vocab: string[], id: string): Para {
  const words: string[] = [];
  const sentences = 2 + Math.floor(rnd() * 5);
  for (let s = 0; s < sentences; s++) words.push(...sentenceWords(rnd, vocab));
  const marks: Para['marks'] = [];
  if (rnd() < 0.3) {
    const from = Math.floor(rnd() * (words.length - 3));
    marks.push({ from, to: from + 1 + Math.floor(rnd() * 3), tag: rnd() < 0.6 ? 'a' : rnd() < 0.5 ? 'em' : 'strong' });
  }
  return { id, kind: 'p', words, marks };
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderPara(p: Para): string {
  const parts: string[] = [];
  for (let i = 0; i < p.words.length; i++) {
    const open = p.marks.find((m) => m.from === i);
    const close = p.marks.find((m) => m.to === i + 1);
    parts.push(`${open ? `<${open.tag}${open.tag === 'a' ? ' href="#r"' : ''}>` : ''}${escapeText(p.words[i])}${close ? `</${close.tag}>` : ''}`);
  }
  const body = parts.join(' ');
  if (p.kind === 'ad') return `<div class="ad" id="${p.id}"><p>Advertisement</p><p>${body}</p></div>`;
  if (p.kind === 'h2') return `<h2 id="${p.id}">${body}</h2>`;
  if (p.kind === 'li') return `<ul><li id="${p.id}">${body}</li></ul>`;
  // Wrap lines like hand-written HTML.
  return `<p id="${p.id}">${body.replace(/((?:\S+ ){12}\S+) /g, '$1\n      ')}</p>`;
}

export function renderPage(paras: Para[]): string {
  const body = paras.map(renderPara).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Anchoring benchmark page</title>
<style>.ad{border:1px solid #ccc}</style><script>window.cfg = { section: "bench" };</script></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <main><article>
    <h1>Generated long page for the anchoring benchmark</h1>
    ${body}
  </article></main>
  <footer><p>Generated text. Not a real publication.</p></footer>
</body></html>`;
}

export interface BenchHighlight {
  paraIndex: number;
  category: 'plain' | 'fuzzy-inside' | 'context-edit' | 'deleted';
  /** Word span [from, to) in the paragraph; spans into the next paragraph when `spillWords` > 0. */
  from: number;
  to: number;
  spillWords: number;
  selectors?: HighlightSelectors;
}

export interface Bench {
  originalHtml: string;
  editedHtml: string;
  highlights: BenchHighlight[];
  /** Expected clean text of each highlight on the edited page (null = must be orphan). */
  expected: Array<string | null>;
  textChars: number;
}

export function buildBench(): Bench {
  const rnd = rng(20240611);
  const vocab = makeVocabulary(rnd, 2500);
  const paras: Para[] = [];
  let chars = 0;
  let n = 0;
  while (chars < TARGET_TEXT_CHARS) {
    const id = `b${n++}`;
    let p: Para;
    if (n % 12 === 0) p = { id, kind: 'h2', words: sentenceWords(rnd, vocab).slice(0, 6), marks: [] };
    else if (n % 17 === 0) p = { ...makeParagraph(rnd, vocab, id), kind: 'li' };
    else p = makeParagraph(rnd, vocab, id);
    paras.push(p);
    chars += p.words.join(' ').length + 1;
  }
  // Highlights: distinct paragraphs, word-aligned spans of 10–300 characters.
  const candidates = paras.map((p, i) => i).filter((i) => paras[i].kind === 'p' || paras[i].kind === 'li');
  const chosen = new Set<number>();
  while (chosen.size < N_HIGHLIGHTS) chosen.add(candidates[Math.floor(rnd() * candidates.length)]);
  const highlights: BenchHighlight[] = [];
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const w = paras[i].words;
    const targetLen = 10 + Math.floor(Math.pow(rnd(), 1.5) * 290);
    let from = Math.floor(rnd() * Math.max(1, w.length - 2));
    let to = from + 1;
    while (to < w.length && w.slice(from, to).join(' ').length < targetLen) to++;
    while (from > 0 && w.slice(from, to).join(' ').length < 10) from--;
    const spill = to === w.length && paras[i + 1]?.kind === 'p' && rnd() < 0.5 && !chosen.has(i + 1) ? 2 + Math.floor(rnd() * 4) : 0;
    highlights.push({ paraIndex: i, category: 'plain', from, to, spillWords: spill });
  }
  // Categories, spread over the page.
  const order = highlights.map((_, i) => i).sort(() => rnd() - 0.5);
  order.slice(0, N_FUZZY).forEach((i) => (highlights[i].category = 'fuzzy-inside'));
  order.slice(N_FUZZY, N_FUZZY + N_CONTEXT).forEach((i) => (highlights[i].category = 'context-edit'));
  order.slice(N_FUZZY + N_CONTEXT, N_FUZZY + N_CONTEXT + N_DELETED).forEach((i) => (highlights[i].category = 'deleted'));

  const originalHtml = renderPage(paras);

  // Edited copy.
  const edited: Para[] = paras.map((p) => ({ ...p, words: [...p.words], marks: [...p.marks] }));
  const replacement = () => vocab[Math.floor(rnd() * vocab.length)];
  const expectedWords: Array<string[] | null> = [];
  for (const h of highlights) {
    const p = edited[h.paraIndex];
    if (h.category === 'fuzzy-inside') {
      const span = h.to - h.from;
      const k = span <= 3 ? 0 : span <= 12 ? 1 : 2;
      for (let j = 0; j < k; j++) {
        const at = h.from + 1 + Math.floor(((j + 0.5) * (span - 2)) / k);
        p.words[at] = replacement() + (/[.,?]$/.test(p.words[at]) ? p.words[at].slice(-1) : '');
      }
    } else if (h.category === 'context-edit') {
      if (h.from > 1) p.words[h.from - 2] = replacement();
      if (h.to + 1 < p.words.length) p.words[h.to + 1] = replacement();
    }
    const words = p.words.slice(h.from, h.to);
    if (h.spillWords) words.push(...edited[h.paraIndex + 1].words.slice(0, h.spillWords));
    expectedWords.push(h.category === 'deleted' ? null : words);
  }
  const deleted = new Set(highlights.filter((h) => h.category === 'deleted').map((h) => h.paraIndex));
  const out: Para[] = [];
  let extra = 0;
  edited.forEach((p, i) => {
    if (rnd() < 40 / paras.length) out.push(makeParagraph(rnd, vocab, `new${extra++}`));
    if (rnd() < 20 / paras.length) out.push({ ...makeParagraph(rnd, vocab, `ad${extra++}`), kind: 'ad' });
    if (!deleted.has(i)) out.push(p);
  });
  const editedHtml = renderPage(out);
  // Expected text in clean form: words joined by single spaces (inline marks and line breaks vanish).
  const expected = expectedWords.map((w) => (w ? w.join(' ') : null));
  return { originalHtml, editedHtml, highlights, expected, textChars: chars };
}

export function describeAll(b: Bench): HighlightSelectors[] {
  const doc = parseHtml(b.originalHtml);
  const root = doc.body;
  const model = buildTextModel(root);
  return b.highlights.map((h) => {
    const pid = `b${h.paraIndex}`;
    const el = doc.querySelector(`#${pid}`)!;
    const pStart = rawToText(model, rawOffsetOf(model, el, 0));
    // Clean offsets of the word span: words are separated by single spaces in the clean text.
    const paraText = model.text.slice(pStart);
    const wordsArr = paraText.split(' ');
    const s = pStart + wordsArr.slice(0, h.from).join(' ').length + (h.from > 0 ? 1 : 0);
    let e = pStart + wordsArr.slice(0, h.to).join(' ').length;
    if (h.spillWords) e = pStart + wordsArr.slice(0, h.to + h.spillWords).join(' ').length;
    const raw = textSpanToRaw(model, s, e);
    const range = rangeFromOffsets(model, raw.start, raw.end)!;
    const sel = describe(root, range, { model });
    if (!sel) throw new Error(`could not describe highlight in ${pid}`);
    return sel;
  });
}
