/**
 * bench:anchor in Chromium: the anchoring module bundled as an IIFE and injected into the
 * generated page (served from 127.0.0.1, no extension), re-anchoring in slices while long
 * tasks are observed, and a check that the highlights are drawn.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HighlightSelectors } from '../../src/core/anchoring';
import type { Bench } from './anchor-page';
import { RUNS, SLICE_MS, type RunStats } from './anchor-run';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function chromiumVersion(bin: string): string {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

export interface InPageResult {
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
export const IN_PAGE_RUN = `async function (sels, sliceMs) {
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

export interface DrawCheck {
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
export const IN_PAGE_DRAW = `async function (sels) {
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

export type ChromeOutcome = { stats: RunStats; version: string; draw: DrawCheck | null } | { error: string };

export async function runChromium(b: Bench, selectors: HighlightSelectors[]): Promise<ChromeOutcome> {
  const { CHROMIUM, chromiumArgs } = await import('../../scripts/lib/browser');
  if (!existsSync(CHROMIUM)) return { error: `Chromium not found at ${CHROMIUM}` };
  const { startStaticServer } = await import('../../scripts/lib/static-server');
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
