/**
 * Matching at scale, in headless Chromium with the built extension, on real IndexedDB:
 *
 *   npm run bench:match                      # builds, then 1k, 10k and 100k reports
 *   npx tsx bench/match.ts --sizes 1000,10000 [--seed 1] [--no-write]
 *   npx tsx bench/match.ts --sizes 10000 --ref /path/to/reference/dist [--rounds 2]
 *
 * With --ref, each size is measured in child runs alternating the reference build and this
 * one (A B A B …, `--rounds` times each; bench/lib/match-compare.ts), and the section shows
 * both side by side with their ratios: the machine's load then weighs on both alike.
 *
 * For each store size (a fresh browser profile each), report packs generated from the
 * SaudiNewsNet corpus in ../shared (bench/lib/match-corpus.ts; cached in bench/_cache) are
 * imported through the worker's real import path (`__provenance.importPackText`, the code
 * behind the options page's import), then:
 * - import throughput (reports/s) and the split the import reports in its timings;
 * - storage per report (navigator.storage.estimate() usage delta in the worker / reports);
 * - worker heap after import (DevTools protocol on the worker target: Runtime.getHeapUsage,
 *   before and after a forced GC);
 * - warm match latency: 'match/related' round trips from an extension page for held-out
 *   on-topic corpus articles and the on-topic demo pages (p50/p95), and the worker's own
 *   timing of the match when it reports one;
 * - cold match latency: the worker stopped through the DevTools protocol, then the first
 *   'match/related' from an extension page (15 repetitions);
 * - popup time to content: the popup opened for a tab showing an on-topic demo page, from
 *   the popup's navigation to the related-coverage list rendered.
 * Writes the "## Matching at scale" section of bench/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { CHROMIUM, DIST, inWorker, launchWithExtension, openTab, waitForAnalysis } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import type { PageReport } from '../src/shared/messages';
import { benchCorpus, pickQueries } from './lib/match-bench-packs';
import { loadCorpus, outletHosts, requireCorpus, sharedDir, type CorpusArticle } from './lib/match-corpus';
import { arabicArticleHtml, pageReportFromHtml } from './lib/page-report';
import { writeResultsSection } from './lib/results-md';
import { fmt, median, percentile } from './lib/stats';
import { cdpPage, stopWorkers, workerHeap } from './lib/worker-cdp';
import { compareBuilds } from './lib/match-compare';
import { methods } from './lib/match-methods';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = sharedDir(ROOT);
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (arg('--sizes') ?? '1000,10000,100000').split(',').map((s) => Number(s.replace(/k$/i, '000')));
const SEED = Number(arg('--seed') ?? 1);
const NO_WRITE = args.includes('--no-write');
const JSON_OUT = arg('--json');
const REF = arg('--ref');
const COLD_REPS = Number(arg('--cold') ?? 15);
const POPUP_REPS = Number(arg('--popup') ?? 10);
const POPUP_PAGE = 'mosul-it-experts.html';

const TARGETS = { importPerSec: 10_000, warmP95: 30, coldP95: 150, popupP95: 150 };

try {
  requireCorpus(SHARED);
} catch (e) {
  console.error(String((e as Error).message));
  process.exit(2);
}
if (!existsSync(path.join(DIST, 'manifest.json'))) {
  console.error(`No built extension in ${DIST}: run "npm run build" first (npm run bench:match does).`);
  process.exit(2);
}

// ---------------------------------------------------------------- queries

interface Query {
  name: string;
  page: PageReport;
}

function demoOnTopic(): string[] {
  const md = readFileSync(path.join(ROOT, 'public/demo/README.md'), 'utf8');
  const out: string[] = [];
  for (const line of md.split('\n')) {
    const m = /^\|\s*`([^`]+\.html)`\s*\|.*\|\s*on\s*\|\s*$/.exec(line);
    if (m) out.push(m[1]);
  }
  return out;
}

function buildQueries(articles: CorpusArticle[], origin: string): Query[] {
  const hosts = outletHosts(articles);
  const qs: Query[] = [];
  for (const a of pickQueries(articles, SEED)) {
    const html = arabicArticleHtml({ title: a.title, content: a.content, date: a.date, siteName: hosts.get(a.source) ?? a.source });
    const page = pageReportFromHtml(html, a.url);
    if (page.verdict.onTopic) qs.push({ name: a.key, page });
  }
  for (const f of demoOnTopic()) {
    const page = pageReportFromHtml(readFileSync(path.join(ROOT, 'public/demo', f), 'utf8'), `${origin}/demo/${f}`);
    if (page.verdict.onTopic) qs.push({ name: `demo/${f}`, page });
  }
  return qs;
}

// ---------------------------------------------------------------- measurements

interface MatchAnswer {
  ok: boolean;
  error?: string;
  related?: { reportId: string; reasons: string[] }[];
  timings?: Record<string, number>;
}

/** One 'match/related' round trip from an extension page, timed in that page. */
async function matchFromPage(page: Page, q: PageReport): Promise<{ ms: number; res: MatchAnswer }> {
  return page.evaluate(async (p) => {
    const t0 = performance.now();
    const res = (await chrome.runtime.sendMessage({ type: 'match/related', page: p })) as MatchAnswer;
    return { ms: performance.now() - t0, res };
  }, q);
}

async function storageUsage(context: BrowserContext): Promise<{ usage: number; idb: number | null }> {
  return inWorker(context, async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return { usage: e.usage ?? 0, idb: e.usageDetails?.indexedDB ?? null };
  }, null);
}

export interface SizeResult {
  size: number;
  reports: number;
  packs: number;
  packBytes: number;
  generatedMs: number;
  cached: boolean;
  importMs: number;
  importPerSec: number;
  importTimings: Record<string, number>;
  importPath: string;
  bytesPerReport: number;
  idbBytesPerReport: number | null;
  heapUsed: number;
  heapUsedAfterGc: number;
  heapTotal: number;
  heapAfterQueries: number;
  warm: number[];
  /** The worker's match timing steps (ms) per warm query, by step name. */
  warmSteps: Record<string, number[]>;
  coldSteps: Record<string, number[]>;
  warmWorker: number[];
  warmCandidates: number[];
  warmWithRelated: number;
  cold: number[];
  coldFresh: number;
  popup: number[];
  popupCold: number[];
  popupRelated: number;
  queries: number;
}

async function measureSize(size: number, articles: CorpusArticle[] | undefined): Promise<SizeResult> {
  const t0 = performance.now();
  const corpus = benchCorpus(ROOT, size, SEED, articles);
  const generatedMs = corpus.cached ? 0 : performance.now() - t0;
  console.log(`\n== ${size.toLocaleString('en-US')} reports: ${corpus.parts.length} pack(s), ${(corpus.parts.reduce((a, p) => a + p.bytes, 0) / 1e6).toFixed(1)} MB` +
    `${corpus.cached ? ' (cached)' : `, generated in ${(generatedMs / 1000).toFixed(1)} s`}; ${corpus.originals} corpus articles + ${corpus.synthetic} synthetic`);

  const server = await startStaticServer({ '/demo/': path.join(ROOT, 'public/demo') }, (req, res) => {
    const m = /^\/packs\/(part-\d+\.json)$/.exec(req.url ?? '');
    if (!m) return false;
    const file = path.join(corpus.dir, m[1]);
    if (!existsSync(file)) return false;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'content-length': String(statSync(file).size), 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
    return true;
  });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `provenance-bench-match-${size}-`));
  const l = await launchWithExtension({ userDataDir });
  const { context, extensionId } = l;
  try {
    const queries = buildQueries(articles ?? loadCorpusOnce(), server.origin);
    const { cdp } = await cdpPage(context);
    await inWorker(context, async () => (globalThis as any).__provenance.ensureSeeded(), null);
    // The extension page the match messages come from, opened while the store is small.
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${extensionId}/src/library/index.html`);
    const hasImportText = await inWorker(context, () => typeof (globalThis as any).__provenance?.importPackText === 'function', null);
    const importPath = hasImportText ? '__provenance.importPackText (worker)' : "'packs/import' message from an extension page (importPackText not exposed)";
    await new Promise((r) => setTimeout(r, 500));
    const before = await storageUsage(context);

    // Import.
    let importMs = 0;
    let reports = 0;
    const timings: Record<string, number> = {};
    for (const part of corpus.parts) {
      const url = `${server.origin}/packs/${part.file}`;
      const r = hasImportText
        ? await inWorker(context, async (u: string) => {
            const text = await (await fetch(u)).text();
            const t = performance.now();
            const out = await (globalThis as any).__provenance.importPackText(text);
            return { ms: performance.now() - t, out };
          }, url)
        : await ext.evaluate(async (u: string) => {
            const text = await (await fetch(u)).text();
            const t = performance.now();
            const out = await chrome.runtime.sendMessage({ type: 'packs/import', text });
            return { ms: performance.now() - t, out };
          }, url);
      if (!r.out?.ok) throw new Error(`import of ${part.file} failed: ${r.out?.error ?? JSON.stringify(r.out).slice(0, 300)}`);
      importMs += r.ms;
      reports += r.out.reports;
      addTimings(timings, r.out.timings);
      console.log(`  ${part.packId}: ${r.out.reports} reports in ${(r.ms / 1000).toFixed(2)} s${r.out.timings ? ` ${JSON.stringify(r.out.timings)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const after = await storageUsage(context);
    const heap = await workerHeap(cdp, extensionId);
    const heapGc = await workerHeap(cdp, extensionId, true);
    const importPerSec = reports / (importMs / 1000);
    console.log(`  import: ${Math.round(importPerSec)} reports/s; storage ${Math.round((after.usage - before.usage) / reports)} B/report; heap ${(heap.used / 1e6).toFixed(1)} MB (${(heapGc.used / 1e6).toFixed(1)} MB after GC)`);

    // Warm matches (one untimed first query), then each query once.
    await matchFromPage(ext, queries[0].page);
    const warm: number[] = [];
    const warmWorker: number[] = [];
    const warmCandidates: number[] = [];
    const warmSteps: Record<string, number[]> = {};
    const coldSteps: Record<string, number[]> = {};
    let withRelated = 0;
    for (const q of queries) {
      const { ms, res } = await matchFromPage(ext, q.page);
      if (!res?.ok) throw new Error(`match/related failed for ${q.name}: ${res?.error}`);
      warm.push(ms);
      const wt = res.timings?.matchMs ?? res.timings?.totalMs;
      if (typeof wt === 'number') warmWorker.push(wt);
      if (typeof res.timings?.candidates === 'number') warmCandidates.push(res.timings.candidates);
      collectSteps(warmSteps, res.timings);
      if (res.related?.length) withRelated++;
    }
    const heapQueries = await workerHeap(cdp, extensionId, true);
    console.log(`  warm: p50 ${fmt(median(warm))} ms, p95 ${fmt(percentile(warm, 95))} ms over ${warm.length} queries (${withRelated} with related reports); heap after the queries ${(heapQueries.used / 1e6).toFixed(1)} MB (after GC)`);

    // Cold: stop the worker, then the first match from the extension page.
    const cold: number[] = [];
    let fresh = 0;
    for (let i = 0; i < COLD_REPS; i++) {
      await inWorker(context, () => ((globalThis as any).__benchAlive = true), null);
      await stopWorkers(cdp, extensionId);
      const q = queries[(i * 7) % queries.length];
      const { ms, res } = await matchFromPage(ext, q.page);
      if (!res?.ok) throw new Error(`cold match/related failed: ${res?.error}`);
      cold.push(ms);
      collectSteps(coldSteps, res.timings);
      if (!(await inWorker(context, () => (globalThis as any).__benchAlive === true, null))) fresh++;
    }
    console.log(`  cold: p50 ${fmt(median(cold))} ms, p95 ${fmt(percentile(cold, 95))} ms (${fresh}/${COLD_REPS} answered by a restarted worker)`);

    // Popup for a tab showing an on-topic demo page.
    const { page: tab, tabId } = await openTab(context, `${server.origin}/demo/${POPUP_PAGE}`);
    if (!(await waitForAnalysis(context, tabId, 60_000))) throw new Error(`${POPUP_PAGE} was not analysed`);
    const popup: number[] = [];
    const popupCold: number[] = [];
    let popupRelated = 0;
    for (let i = 0; i < POPUP_REPS + 5; i++) {
      const isCold = i >= POPUP_REPS;
      if (isCold) await stopWorkers(cdp, extensionId);
      const r = await popupTimeToContent(context, extensionId, tabId);
      (isCold ? popupCold : popup).push(r.ms);
      popupRelated = r.items;
    }
    await tab.close();
    console.log(`  popup: p50 ${fmt(median(popup))} ms, p95 ${fmt(percentile(popup, 95))} ms; after a worker stop p50 ${fmt(median(popupCold))} ms (${popupRelated} related items)`);

    return {
      size, reports, packs: corpus.parts.length, packBytes: corpus.parts.reduce((a, p) => a + p.bytes, 0), generatedMs, cached: corpus.cached,
      importMs, importPerSec, importTimings: timings, importPath,
      bytesPerReport: (after.usage - before.usage) / reports,
      idbBytesPerReport: after.idb !== null && before.idb !== null ? (after.idb - before.idb) / reports : null,
      heapUsed: heap.used, heapUsedAfterGc: heapGc.used, heapTotal: heap.total, heapAfterQueries: heapQueries.used,
      warm, warmSteps, coldSteps, warmWorker, warmCandidates, warmWithRelated: withRelated, cold, coldFresh: fresh, popup, popupCold, popupRelated, queries: queries.length,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Sum the import's timings (numbers, and nested objects as dotted keys) into `into`. */
function addTimings(into: Record<string, number>, t: unknown, prefix = ''): void {
  if (!t || typeof t !== 'object') return;
  for (const [k, v] of Object.entries(t as Record<string, unknown>)) {
    if (typeof v === 'number') into[prefix + k] = (into[prefix + k] ?? 0) + v;
    else addTimings(into, v, `${prefix}${k}.`);
  }
}

/** The worker's timings of one match (matchMs, steps.*) appended to per-step sample lists. */
function collectSteps(into: Record<string, number[]>, t: MatchAnswer['timings'] | undefined): void {
  const flat: Record<string, number> = {};
  addTimings(flat, t);
  for (const [k, v] of Object.entries(flat)) if (k !== 'candidates') (into[k] ??= []).push(v);
}

let corpusCache: CorpusArticle[] | undefined;
function loadCorpusOnce(): CorpusArticle[] {
  corpusCache ??= loadCorpus(SHARED, ROOT);
  return corpusCache;
}

/** Open the popup for the tab; ms from its navigation start to the first related item (or the "none" note) in the DOM. */
async function popupTimeToContent(context: BrowserContext, extensionId: string, tabId: number): Promise<{ ms: number; items: number }> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
  await popup.addInitScript(`(() => {
    const sel = '[data-testid="related-item"], [data-testid="no-related"]';
    const obs = new MutationObserver(() => {
      if (window.__ttc === undefined && document.querySelector(sel)) {
        window.__ttc = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  })();`);
  try {
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForFunction(() => (window as any).__ttc !== undefined, null, { timeout: 30_000 });
    const ms = (await popup.evaluate(() => (window as any).__ttc)) as number;
    const items = await popup.locator('[data-testid="related-item"]').count();
    return { ms, items };
  } finally {
    await popup.close();
  }
}

// ---------------------------------------------------------------- main


function machine(): string {
  const cpus = os.cpus();
  let chromium = '?';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* unknown */
  }
  return `${os.type()} ${os.release()} (${os.arch()}), ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${chromium} (headless)`;
}

if (REF) {
  const methodsMd = methods('__provenance.importPackText (worker)', POPUP_PAGE, POPUP_REPS);
  // Parent of an A/B comparison: the children measure, this process writes the section.
  const md = compareBuilds({ root: ROOT, ref: REF, sizes: SIZES, rounds: Number(arg('--rounds') ?? 2), passArgs: ['--seed', String(SEED), '--cold', String(COLD_REPS), '--popup', String(POPUP_REPS)], methods: methodsMd });
  console.log('\n' + md);
  if (!NO_WRITE) writeResultsSection(path.join(ROOT, 'bench/RESULTS.md'), '## Matching at scale', md);
  process.exit(0);
}
const articles = loadCorpusOnce();
const results: SizeResult[] = [];
for (const size of SIZES) results.push(await measureSize(size, articles));
if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify({ dist: DIST, machine: machine(), results }));
  process.exit(0);
}

const pf = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const ms = (xs: number[], p: number) => fmt(p === 50 ? median(xs) : percentile(xs, p));
let md = `Generated by \`npm run bench:match\` (\`bench/match.ts\`) on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}. Seed ${SEED}. `;
md += `Each size runs in a fresh browser profile with the built extension; the store holds the default pack plus the benchmark packs.\n\n`;
md += methods(results[0]?.importPath ?? '—', POPUP_PAGE, POPUP_REPS);
md += `| reports | packs (MB) | import reports/s | import s | storage B/report | worker heap MB: after import (after GC) / after queries | warm p50 / p95 ms | worker match p50 / p95 ms | candidates p50 | cold p50 / p95 ms | popup p50 / p95 ms | popup after stop p50 ms |\n`;
md += `| ---: | --- | ---: | ---: | ---: | --- | --- | --- | ---: | --- | --- | ---: |\n`;
for (const r of results) {
  md += `| ${r.reports.toLocaleString('en-US')} | ${r.packs} (${(r.packBytes / 1e6).toFixed(1)}) | ${Math.round(r.importPerSec).toLocaleString('en-US')} | ${fmt(r.importMs / 1000)} | ${Math.round(r.bytesPerReport).toLocaleString('en-US')} | ${(r.heapUsed / 1e6).toFixed(1)} (${(r.heapUsedAfterGc / 1e6).toFixed(1)}) / ${(r.heapAfterQueries / 1e6).toFixed(1)} | ${ms(r.warm, 50)} / ${ms(r.warm, 95)} | ${r.warmWorker.length ? `${ms(r.warmWorker, 50)} / ${ms(r.warmWorker, 95)}` : '—'} | ${r.warmCandidates.length ? fmt(median(r.warmCandidates), 0) : '—'} | ${ms(r.cold, 50)} / ${ms(r.cold, 95)} | ${ms(r.popup, 50)} / ${ms(r.popup, 95)} | ${ms(r.popupCold, 50)} |\n`;
}
md += `\nImport split as the import reports it (\`timings\`, ms summed over the packs; \`steps.*\` are parts of the write):\n\n`;
for (const r of results) md += `- ${r.reports.toLocaleString('en-US')}: ${Object.entries(r.importTimings).map(([k, v]) => `${k} ${Math.round(v).toLocaleString('en-US')}`).join(', ') || '—'}\n`;
md += `\nQueries: ${results[0]?.queries ?? 0} (held-out on-topic articles the detector also calls on-topic, and on-topic demo pages); cold runs answered by a restarted worker: ${results.map((r) => `${r.coldFresh}/${COLD_REPS}`).join(', ')}.\n`;
const biggest = results.reduce((a, b) => (b.size > a.size ? b : a), results[0]);
md += `\n### Targets (at ${biggest.reports.toLocaleString('en-US')} reports${biggest.size < 100_000 ? '; the targets are set for 100k' : ''})\n\n| target | measured | result |\n| --- | --- | --- |\n`;
const checks: [string, string, boolean][] = [
  [`import ≥ ${TARGETS.importPerSec.toLocaleString('en-US')} reports/s`, `${Math.round(biggest.importPerSec).toLocaleString('en-US')} reports/s`, biggest.importPerSec >= TARGETS.importPerSec],
  [`warm p95 ≤ ${TARGETS.warmP95} ms`, `${ms(biggest.warm, 95)} ms`, percentile(biggest.warm, 95) <= TARGETS.warmP95],
  [`cold p95 ≤ ${TARGETS.coldP95} ms`, `${ms(biggest.cold, 95)} ms`, percentile(biggest.cold, 95) <= TARGETS.coldP95],
  [`popup ≤ ${TARGETS.popupP95} ms (p95)`, `${ms(biggest.popup, 95)} ms`, percentile(biggest.popup, 95) <= TARGETS.popupP95],
];
for (const [t, m, ok] of checks) md += `| ${t} | ${m} | ${pf(ok)} |\n`;
console.log('\n' + md);
if (!NO_WRITE) {
  writeResultsSection(path.join(ROOT, 'bench/RESULTS.md'), '## Matching at scale', md);
  console.log('Wrote the "## Matching at scale" section of bench/RESULTS.md');
}
