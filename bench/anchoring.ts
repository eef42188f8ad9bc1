/**
 * `npm run bench:anchor`: re-anchoring 200 highlights on a ~1 MB page.
 *
 * A page of ~1 MB of text is generated (seeded, varied prose-like text: headings, links,
 * emphasis, lists, scripts). 200 highlights (10–300 characters, some spanning two paragraphs)
 * are described on it; then the page is edited — new paragraphs and ad blocks inserted
 * throughout, words replaced inside 30 highlights (these need fuzzy matching) and around 10
 * others, 6 highlighted paragraphs deleted (these must come back orphan) — and all 200 are
 * re-anchored with `anchorAll` (8 ms slices):
 *
 * - in Node on a linkedom document;
 * - in headless Debian Chromium (no extension: the module is bundled with esbuild as an IIFE
 *   and injected into the page, served from 127.0.0.1), where long tasks are also observed.
 *
 * Reports the median over runs of the active time for the 200 (sum of slices, model build
 * included), the wall time, and the longest synchronous slice; checks the placements; runs the
 * fixture set (`runAnchoringFixtures`) for its success rate. Prints a Markdown report and writes
 * it into bench/RESULTS.md under its own heading.
 *
 * Options: BENCH_ANCHOR_RUNS (default 7), BENCH_ANCHOR_NO_BROWSER=1 to skip Chromium.
 * Development aids (nothing is written to RESULTS.md with the first two): BENCH_ANCHOR_PROFILE=1
 * lists the slowest highlights anchored one by one; BENCH_ANCHOR_DUMP=file.json writes the
 * edited page and the selectors; BENCH_ANCHOR_CPUPROFILE=file.cpuprofile saves a V8 profile
 * of the last Chromium run.
 * Exit code 0 = ran (targets may be missed: the figures are recorded as measured), 1 = failed.
 */
import { writeResultsSection } from './lib/results-md';
import { rng } from './lib/huge-page';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/core/extract/parse-html';
import { anchor, anchorAll, buildTextModel, describe, rangeFromOffsets, rawOffsetOf, rawToText, textOfRaw, type AnchorResult, type HighlightSelectors } from '../src/core/anchoring/index';
import { textSpanToRaw } from '../src/core/anchoring/text-model';
import { editDistance } from '../src/core/anchoring/match-quote';
import { runAnchoringFixtures, PLACEMENT_VARIANTS } from '../tests/support/anchoring-fixtures';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(REPO, 'bench', 'RESULTS.md');
const HEADING = '## Re-anchoring (npm run bench:anchor)';
const RUNS = Math.max(1, Number(process.env.BENCH_ANCHOR_RUNS ?? 7));
const TARGET_TEXT_CHARS = 1_000_000;
const N_HIGHLIGHTS = 200;
const N_FUZZY = 30;
const N_CONTEXT = 10;
const N_DELETED = 6;
const SLICE_MS = 8;
const TARGET_MEDIAN_MS = 100;
const TARGET_SLICE_MS = 50;

// ---------------------------------------------------------------- text generation


const FUNCTION_WORDS = 'the of and to in a that for on with as by at from was were is are said after before during while but not also which who their its this these than into over'.split(' ');
const SYLLABLES = 'ka ra mo li sa ten dor vel an mi ros ta el qu bar nis lo ver za ho pen ri tal gor am si un del ba cor fi na ex ter ol vin'.split(' ');

function makeVocabulary(rnd: () => number, n: number): string[] {
  const words = new Set<string>();
  while (words.size < n) {
    const k = 1 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < k; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (w.length >= 3) words.add(w);
  }
  return [...words];
}

interface Para {
  id: string;
  kind: 'p' | 'h2' | 'li' | 'ad';
  words: string[];
  /** Inline markup over word index ranges [from, to). */
  marks: Array<{ from: number; to: number; tag: 'a' | 'em' | 'strong' }>;
}

function sentenceWords(rnd: () => number, vocab: string[]): string[] {
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

function makeParagraph(rnd: () => number, vocab: string[], id: string): Para {
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

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderPara(p: Para): string {
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

function renderPage(paras: Para[]): string {
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

interface BenchHighlight {
  paraIndex: number;
  category: 'plain' | 'fuzzy-inside' | 'context-edit' | 'deleted';
  /** Word span [from, to) in the paragraph; spans into the next paragraph when `spillWords` > 0. */
  from: number;
  to: number;
  spillWords: number;
  selectors?: HighlightSelectors;
}

interface Bench {
  originalHtml: string;
  editedHtml: string;
  highlights: BenchHighlight[];
  /** Expected clean text of each highlight on the edited page (null = must be orphan). */
  expected: Array<string | null>;
  textChars: number;
}

function buildBench(): Bench {
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

function describeAll(b: Bench): HighlightSelectors[] {
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

interface RunStats {
  activeMs: number[];
  wallMs: number[];
  longestSliceMs: number[];
  modelMs: number[];
  slices: number[];
  /** From the last run: anchored clean text per highlight (null = orphan) and statuses. */
  texts: Array<string | null>;
  statuses: string[];
  longTasks?: number[];
}

function checkPlacements(expected: Array<string | null>, texts: Array<string | null>): { right: number; wrong: number; missed: number; orphansRight: number; orphans: number } {
  let right = 0;
  let wrong = 0;
  let missed = 0;
  let orphansRight = 0;
  let orphans = 0;
  expected.forEach((exp, i) => {
    const got = texts[i];
    if (exp === null) {
      orphans++;
      if (got === null) orphansRight++;
      return;
    }
    if (got === null) missed++;
    else if (got === exp || 1 - editDistance(got, exp) / Math.max(got.length, exp.length) >= 0.8) right++;
    else wrong++;
  });
  return { right, wrong, missed, orphansRight, orphans };
}

async function runNode(b: Bench, selectors: HighlightSelectors[]): Promise<RunStats> {
  const stats: RunStats = { activeMs: [], wallMs: [], longestSliceMs: [], modelMs: [], slices: [], texts: [], statuses: [] };
  for (let r = 0; r < RUNS; r++) {
    const doc = parseHtml(b.editedHtml);
    // Let the garbage of parsing be collected before timing (as a page would have settled).
    await new Promise((r) => setTimeout(r, 200));
    const out = await anchorAll(doc.body, selectors, { sliceMs: SLICE_MS, yield: () => new Promise<void>((res) => setImmediate(res)) });
    stats.activeMs.push(out.activeMs);
    stats.wallMs.push(out.totalMs);
    stats.longestSliceMs.push(out.longestSliceMs);
    stats.modelMs.push(out.modelMs);
    stats.slices.push(out.slices);
    if (r === RUNS - 1) {
      const model = buildTextModel(doc.body);
      stats.texts = out.results.map((x: AnchorResult) => (x.status === 'orphan' ? null : textOfRaw(model, x.start, x.end)));
      stats.statuses = out.results.map((x) => x.status);
    }
  }
  return stats;
}

function chromiumVersion(bin: string): string {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

interface InPageResult {
  activeMs: number;
  totalMs: number;
  longestSliceMs: number;
  modelMs: number;
  slices: number;
  texts: Array<string | null>;
  statuses: string[];
  long: number[];
}

/** Runs in the page (as source text): anchorAll with a MessageChannel yield, long tasks observed. */
const IN_PAGE_RUN = `async function (sels, sliceMs) {
  var A = window.Anchoring;
  var long = [];
  var po = new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) { long.push(e.duration); }); });
  try { po.observe({ type: 'longtask', buffered: false }); } catch (e) { /* unsupported */ }
  var ch = new MessageChannel();
  var waiting = [];
  ch.port1.onmessage = function () { var f = waiting.shift(); if (f) f(); };
  function yieldNow() { return new Promise(function (res) { waiting.push(res); ch.port2.postMessage(0); }); }
  var res = await A.anchorAll(document.body, sels, { sliceMs: sliceMs, yield: yieldNow });
  await new Promise(function (r) { setTimeout(r, 50); });
  po.disconnect();
  var model = A.buildTextModel(document.body);
  return {
    activeMs: res.activeMs, totalMs: res.totalMs, longestSliceMs: res.longestSliceMs, modelMs: res.modelMs, slices: res.slices,
    texts: res.results.map(function (x) { return x.status === 'orphan' ? null : A.textOfRaw(model, x.start, x.end); }),
    statuses: res.results.map(function (x) { return x.status; }),
    long: long,
  };
}`;

interface DrawCheck {
  drawn: number;
  wrappers: number;
  drawMs: number;
  drawLongestSliceMs: number;
  maxShiftPx: number;
  textUnchanged: boolean;
  reanchoredSame: number;
  reanchorTotal: number;
  removeRestores: boolean;
  liveRangeDescribeOk: boolean;
}

/**
 * Runs in the page after the timing runs: draws every anchored highlight, checks that no box
 * moved (layout shift), that the text is unchanged, that re-anchoring on the highlighted page
 * gives the same offsets, that a live Range describes to the same quote, and that removing the
 * highlights restores the DOM exactly.
 */
const IN_PAGE_DRAW = `async function (sels) {
  var A = window.Anchoring;
  function yieldNow() { return new Promise(function (r) { setTimeout(r, 0); }); }
  var first = await A.anchorAll(document.body, sels, { sliceMs: 8, yield: yieldNow });
  var style = document.createElement('style');
  style.textContent = A.HIGHLIGHT_TAG + ' { background-color: rgba(255, 214, 0, 0.45); }';
  document.head.appendChild(style);
  var boxes = Array.prototype.slice.call(document.querySelectorAll('p, li, h1, h2, div'));
  function measure() { return boxes.map(function (b) { var r = b.getBoundingClientRect(); return [r.top, r.left, r.width, r.height]; }); }
  var before = measure();
  var htmlBefore = document.body.innerHTML;
  var textBefore = document.body.textContent;
  var items = [];
  first.results.forEach(function (r, i) { if (r.status !== 'orphan') items.push({ id: 'h' + i, start: r.start, end: r.end }); });
  var t = performance.now();
  var sliced = await A.drawHighlightsSliced(document, document.body, items, { sliceMs: 8, yield: yieldNow });
  var drawMs = performance.now() - t;
  var drawn = sliced.drawn;
  var after = measure();
  var maxShift = 0;
  for (var i = 0; i < before.length; i++) for (var j = 0; j < 4; j++) maxShift = Math.max(maxShift, Math.abs(before[i][j] - after[i][j]));
  var wrappers = 0; drawn.forEach(function (els) { wrappers += els.length; });
  var again = await A.anchorAll(document.body, sels, { sliceMs: 8, yield: yieldNow });
  var same = 0;
  first.results.forEach(function (r, i) { var x = again.results[i]; if (x.status === r.status && (r.status === 'orphan' || (x.start === r.start && x.end === r.end))) same++; });
  // A live Range over the first highlight's wrappers describes to the stored quote.
  var liveOk = false;
  var firstPlain = items.find(function (it) { var k = Number(it.id.slice(1)); return first.results[k].status === 'exact'; });
  if (firstPlain) {
    var els = drawn.get(firstPlain.id);
    var range = document.createRange();
    range.setStartBefore(els[0]);
    range.setEndAfter(els[els.length - 1]);
    var d = A.describe(document.body, range);
    liveOk = !!d && d.quote.exact === sels[Number(firstPlain.id.slice(1))].quote.exact;
  }
  drawn.forEach(function (els) { A.removeHighlights(els); });
  style.remove();
  return {
    drawn: items.length, wrappers: wrappers, drawMs: drawMs, drawLongestSliceMs: sliced.longestSliceMs, maxShiftPx: maxShift, textUnchanged: document.body.textContent === textBefore,
    reanchoredSame: same, reanchorTotal: first.results.length, removeRestores: document.body.innerHTML === htmlBefore, liveRangeDescribeOk: liveOk,
  };
}`;

type ChromeOutcome = { stats: RunStats; version: string; draw: DrawCheck | null } | { error: string };

async function runChromium(b: Bench, selectors: HighlightSelectors[]): Promise<ChromeOutcome> {
  const { CHROMIUM, chromiumArgs } = await import('../scripts/lib/browser');
  if (!existsSync(CHROMIUM)) return { error: `Chromium not found at ${CHROMIUM}` };
  const { startStaticServer } = await import('../scripts/lib/static-server');
  const { chromium } = await import('@playwright/test');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'provenance-anchor-bench-'));
  const bundle = path.join(tmp, 'anchoring.js');
  // esbuild comes with tsx; its JS API runs the native binary for this platform.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(REPO, 'src/core/anchoring/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Anchoring',
    outfile: bundle,
    logLevel: 'warning',
    target: 'es2022',
  });
  writeFileSync(path.join(tmp, 'page.html'), b.editedHtml);
  const server = await startStaticServer({ '/': tmp });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs().filter((a) => !/extension/.test(a)) });
  const stats: RunStats = { activeMs: [], wallMs: [], longestSliceMs: [], modelMs: [], slices: [], texts: [], statuses: [], longTasks: [] };
  let draw: DrawCheck | null = null;
  try {
    const page = await browser.newPage();
    for (let r = 0; r < RUNS; r++) {
      await page.goto(`${server.origin}/page.html`, { waitUntil: 'load' });
      await page.addScriptTag({ path: bundle });
      await page.waitForTimeout(200); // let the page settle, as a content script at document_idle would
      const profile = process.env.BENCH_ANCHOR_CPUPROFILE && r === RUNS - 1 ? await page.context().newCDPSession(page) : null;
      if (profile) {
        await profile.send('Profiler.enable');
        await profile.send('Profiler.setSamplingInterval', { interval: 100 });
        await profile.send('Profiler.start');
      }
      // Plain JS source: functions passed to page.evaluate would be rewritten by tsx (__name helpers).
      const out = (await page.evaluate(`(${IN_PAGE_RUN})(${JSON.stringify(selectors)}, ${SLICE_MS})`)) as InPageResult;
      if (profile) {
        const { profile: prof } = await profile.send('Profiler.stop');
        writeFileSync(process.env.BENCH_ANCHOR_CPUPROFILE!, JSON.stringify(prof));
      }
      stats.activeMs.push(out.activeMs);
      stats.wallMs.push(out.totalMs);
      stats.longestSliceMs.push(out.longestSliceMs);
      stats.modelMs.push(out.modelMs);
      stats.slices.push(out.slices);
      stats.longTasks!.push(out.long.length ? Math.max(...out.long) : 0);
      stats.texts = out.texts;
      stats.statuses = out.statuses;
    }
    await page.goto(`${server.origin}/page.html`, { waitUntil: 'load' });
    await page.addScriptTag({ path: bundle });
    draw = (await page.evaluate(`(${IN_PAGE_DRAW})(${JSON.stringify(selectors)})`)) as DrawCheck;
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return { stats, version: chromiumVersion(CHROMIUM), draw };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

async function main(): Promise<void> {
  const log = (s = '') => process.stdout.write(s + '\n');
  const t0 = Date.now();
  const loadBefore = os.loadavg()[0];
  const b = buildBench();
  const selectors = describeAll(b);
  const counts = { plain: 0, 'fuzzy-inside': 0, 'context-edit': 0, deleted: 0 } as Record<BenchHighlight['category'], number>;
  for (const h of b.highlights) counts[h.category]++;
  if (process.env.BENCH_ANCHOR_DUMP) {
    // Development aid: the edited page and the selectors, for profiling elsewhere.
    writeFileSync(process.env.BENCH_ANCHOR_DUMP, JSON.stringify({ html: b.editedHtml, sels: selectors }));
    return;
  }
  const lens = selectors.map((s) => s.quote.exact.length);
  log(`page: ${(b.editedHtml.length / 1e6).toFixed(2)} MB HTML, ${(b.textChars / 1e6).toFixed(2)} M text chars; highlights ${lens.length} (${Math.min(...lens)}–${Math.max(...lens)} chars)`);

  if (process.env.BENCH_ANCHOR_PROFILE) {
    // Development aid: time each highlight alone (shared text model) and list the slowest.
    const doc = parseHtml(b.editedHtml);
    const model = buildTextModel(doc.body);
    const rows = selectors.map((sel, i) => {
      const t = performance.now();
      const r = anchor(doc.body, sel, { model });
      return { i, ms: performance.now() - t, cat: b.highlights[i].category, status: r.status, len: sel.quote.exact.length };
    });
    rows.sort((x, y) => y.ms - x.ms);
    for (const r of rows.slice(0, 15)) log(`${r.ms.toFixed(2)} ms  #${r.i} ${r.cat} ${r.status} len ${r.len}`);
    log(`sum ${rows.reduce((a, r) => a + r.ms, 0).toFixed(1)} ms`);
    return;
  }
  const node = await runNode(b, selectors);
  const nodeCheck = checkPlacements(b.expected, node.texts);
  log(`node: active median ${f1(median(node.activeMs))} ms, longest slice ${f1(Math.max(...node.longestSliceMs))} ms`);

  let chrome: ChromeOutcome = { error: 'skipped (BENCH_ANCHOR_NO_BROWSER=1)' };
  if (!process.env.BENCH_ANCHOR_NO_BROWSER) {
    try {
      chrome = await runChromium(b, selectors);
    } catch (e) {
      chrome = { error: String((e as Error)?.message ?? e).split('\n')[0] };
    }
  }
  const chromeCheck = 'stats' in chrome ? checkPlacements(b.expected, chrome.stats.texts) : null;
  if ('stats' in chrome) log(`chromium: active median ${f1(median(chrome.stats.activeMs))} ms, longest slice ${f1(Math.max(...chrome.stats.longestSliceMs))} ms`);
  else log(`chromium: ${chrome.error}`);

  const fx = await runAnchoringFixtures();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().slice(0, 10);
  const chromeVersion = 'stats' in chrome ? chrome.version : `not run: ${chrome.error}`;
  const row = (name: string, s: RunStats, check: ReturnType<typeof checkPlacements>) => {
    const med = median(s.activeMs);
    const longest = Math.max(...s.longestSliceMs);
    const medLongest = median(s.longestSliceMs);
    return `| ${name} | ${f1(med)} ${med < TARGET_MEDIAN_MS ? '✅' : '❌'} (${f1(Math.min(...s.activeMs))}–${f1(Math.max(...s.activeMs))}) | ${f1(median(s.wallMs))} | ${f1(median(s.modelMs))} | ${f1(medLongest)} / ${f1(longest)} ${longest <= TARGET_SLICE_MS ? '✅' : '❌'} | ${median(s.slices)} | ${s.longTasks ? f1(Math.max(...s.longTasks)) : 'n/a'} | ${check.right}/${check.right + check.wrong + check.missed} placed right, ${check.wrong} wrong, ${check.missed} missed; ${check.orphansRight}/${check.orphans} orphans |`;
  };
  const statusCount = (s: string[]) => {
    const c: Record<string, number> = {};
    for (const x of s) c[x] = (c[x] ?? 0) + 1;
    return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const md: string[] = [];
  md.push(
    `Run ${date} · ${cpu} · ${os.cpus().length} cores · ${os.platform()} ${os.release()} · Node ${process.version} · ${chromeVersion}${'stats' in chrome ? ' (headless)' : ''} · ` +
      `load average ${loadBefore.toFixed(1)} before / ${os.loadavg()[0].toFixed(1)} after (timings are wall-clock: other processes on the machine inflate them)`,
  );
  md.push('');
  md.push(
    `Page: ${(b.editedHtml.length / 1e6).toFixed(2)} MB of HTML, ${(b.textChars / 1e6).toFixed(2)} M characters of generated text. ` +
      `${N_HIGHLIGHTS} highlights (${Math.min(...lens)}–${Math.max(...lens)} characters, median ${median(lens)}), described on the original page, re-anchored on an edited copy: ` +
      `${counts['fuzzy-inside']} with words replaced inside (fuzzy), ${counts['context-edit']} with words replaced around, ${counts.deleted} deleted (must be orphans), ` +
      `~40 paragraphs and ~20 ad blocks inserted throughout. \`anchorAll\` with ${SLICE_MS} ms slices; median of ${RUNS} runs.`,
  );
  md.push('');
  md.push(`| where | active time for 200, median (min–max) (ms, target < ${TARGET_MEDIAN_MS}) | wall time (ms) | text model (ms) | longest slice, median / max over runs (ms, target ≤ ${TARGET_SLICE_MS}) | slices | longest long task (ms) | placements |`);
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  md.push(row('Node + linkedom', node, nodeCheck));
  if ('stats' in chrome && chromeCheck) md.push(row('Chromium (headless)', chrome.stats, chromeCheck));
  md.push('');
  md.push(`Statuses (Node): ${statusCount(node.statuses)}.${'stats' in chrome ? ` Chromium: ${statusCount(chrome.stats.statuses)}.` : ''}`);
  if ('stats' in chrome && chrome.draw) {
    const d = chrome.draw;
    md.push(
      `Drawing in Chromium (\`drawHighlightsSliced\`, 8 ms slices, on the edited page; highlight elements styled with a background only): ${d.drawn} highlights → ${d.wrappers} wrapper elements in ${f1(d.drawMs)} ms wall, longest slice ${f1(d.drawLongestSliceMs)} ms; ` +
        `largest change of any paragraph/list/heading/div box: ${f1(d.maxShiftPx)} px${d.maxShiftPx === 0 ? ' (no layout shift)' : ''}; text ${d.textUnchanged ? 'unchanged' : 'CHANGED'}; ` +
        `re-anchoring on the highlighted page gives the same result for ${d.reanchoredSame}/${d.reanchorTotal}; a live \`Range\` over drawn highlights describes to the stored quote: ${d.liveRangeDescribeOk ? 'yes' : 'NO'}; ` +
        `\`removeHighlights\` restores the DOM exactly: ${d.removeRestores ? 'yes' : 'NO'}.`,
    );
    md.push('');
  }
  md.push('"Active time" is the sum of the synchronous slices (text model built once, included); wall time adds the time spent yielded to the event loop. "Long task" is the longest `longtask` entry Chromium reported during the run (0 = none over 50 ms).');
  md.push('');
  md.push(`### Fixture set (\`runAnchoringFixtures\`, tests/fixtures/anchoring/)`);
  md.push('');
  md.push(
    `${fx.highlights} highlights on an English (~870 words) and an Arabic (~500 words) article, 3–${Math.max(...fx.trials.map((t) => t.expected?.length ?? 0))} characters, ` +
      `including quotes across elements, emoji and right-to-left text, each re-anchored on every variant. ` +
      `**Success rate ${(fx.successRate * 100).toFixed(1)} %** (${fx.placementOk}/${fx.placementTrials} placed on the right words; ${fx.wrongPlacements} placed on wrong words, the rest orphaned); ` +
      `quote removed → orphan: ${fx.orphanCorrect}/${fx.orphanTrials}.`,
  );
  md.push('');
  md.push('| variant | right | trials | not applicable | failed highlights |');
  md.push('| --- | --- | --- | --- | --- |');
  for (const v of [...PLACEMENT_VARIANTS, 'removed' as const]) {
    const s = fx.byVariant[v];
    md.push(`| ${v} | ${s.ok} | ${s.trials} | ${s.skipped} | ${s.failures.join(', ') || '—'} |`);
  }
  const report = md.join('\n');
  log('');
  log(report);
  writeResultsSection(RESULTS, HEADING, report);
  log(`\nwritten to ${path.relative(process.cwd(), RESULTS)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
