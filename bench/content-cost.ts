/**
 * `npm run bench:content`: what the content script costs on real pages.
 *
 * Opens every corpus page (Readability test pages, extraction-benchmark pages: read at run
 * time from the shared corpus, never copied) and the demo pages in Chromium with the built
 * extension, one tab at a time, served from 127.0.0.1 with every other request blocked.
 * For each page it reads the content script's own performance measures
 * ("provenance:quick", and "provenance:full" for pages that pass the first check), asks
 * the content script for its verdict, and then times Readability.parse alone on the same
 * page for comparison. A generated ~10 MB page tests the worst case and responsiveness.
 *
 * Prints a Markdown report and writes it into bench/RESULTS.md (its own section only).
 * Exit codes: 0 = ran (targets may be missed: the figures are recorded as measured),
 * 1 = the benchmark itself failed, 2 = the shared corpus is missing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { corpusRoots, listPages, type PageSpec } from './lib/corpus';
import { generateHugePage } from './lib/huge-page';
import { BREAKDOWN_STEPS, FULL_STEPS, buildBreakdownBundle, runBreakdown, type BreakdownRow } from './lib/quick-breakdown';
import { writeResultsSection } from './lib/results-md';
import { fmt, median, percentile } from './lib/stats';
import { traceStartup, type StartupSample } from './lib/startup-trace';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
const RESULTS = path.join(REPO, 'bench', 'RESULTS.md');
const HEADING = '## Content-script cost (npm run bench:content)';

/** After load: how long to wait for the quick measure, then for the full one. */
const QUICK_TIMEOUT_MS = 6_000;
const FULL_TIMEOUT_MS = 6_000;
const HUGE_TIMEOUT_MS = 60_000;
const POLL_MS = 25;
const READABILITY_RUNS = 3;
const READABILITY_TIMEOUT_MS = 20_000;
const HUGE_BYTES = 10 * 1024 * 1024;

// Targets (see the project brief).
const TARGET_NONTOPIC_MEDIAN = 2;
const TARGET_NONTOPIC_P95 = 8;
const TARGET_ONTOPIC_MEDIAN = 25;
const TARGET_RATIO = 0.5;

type PageClass = 'non-article' | 'article off-topic' | 'on-topic';

interface Measures {
  quick: { start: number; duration: number } | null;
  full: { start: number; duration: number } | null;
}

interface ContentState {
  busy: boolean;
  page: { stage: 'quick' | 'full'; quickReason?: string; isArticle: boolean; verdict: { onTopic: boolean; score: number } } | null;
}

interface PageResult {
  spec: PageSpec;
  cls: PageClass | null;
  stage: 'quick' | 'full' | 'full-failed' | 'timeout';
  quickReason: string | null;
  quick: number | null;
  full: number | null;
  total: number | null;
  /** Readability.parse alone (clone + parse), ms: first (cold) run and the measured runs. */
  readabilityCold: number | null;
  readability: number | null;
  readabilityError: string | null;
  errors: string[];
  loadMs: number;
  /** Set when the page's own scripts moved it to another URL. */
  finalUrl: string | null;
  /** The worker's stored verdict for the tab (storage.session "tab:<id>"), for full-pass pages; null when none was stored. */
  workerOnTopic?: boolean | null;
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

function chromiumVersion(bin: string): string {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * Block every network request that is not to 127.0.0.1 (extension and data: URLs are not
 * network). A few corpus pages send themselves to https:// with a script; their https://
 * request to our own server is answered with the same file over http, so the page can be
 * measured rather than ending on an error page.
 */
async function blockNonLocal(context: BrowserContext, origin: string): Promise<void> {
  const local = new URL(origin);
  await context.route('**/*', async (route) => {
    let u: URL;
    try {
      u = new URL(route.request().url());
    } catch {
      return route.abort('blockedbyclient');
    }
    const network = u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:';
    if (network && u.hostname !== '127.0.0.1') return route.abort('blockedbyclient');
    if (u.protocol === 'https:' && u.port === local.port) {
      try {
        const response = await route.fetch({ url: `${origin}${u.pathname}${u.search}` });
        return route.fulfill({ response });
      } catch {
        return route.abort('failed');
      }
    }
    return route.continue();
  });
}

async function readMeasures(page: Page): Promise<Measures> {
  const list = await page
    .evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('provenance:'))
        .map((e) => ({ name: e.name, start: e.startTime, duration: e.duration })),
    )
    .catch(() => [] as { name: string; start: number; duration: number }[]);
  const get = (n: string) => {
    const e = list.find((x) => x.name === n);
    return e ? { start: e.start, duration: e.duration } : null;
  };
  return { quick: get('provenance:quick'), full: get('provenance:full') };
}

async function contentState(worker: Worker, tabId: number): Promise<ContentState | null> {
  return (await worker
    .evaluate(async (id) => {
      try {
        const r = await chrome.tabs.sendMessage(id, { type: 'content/get-state' });
        return r && r.ok ? { busy: !!r.busy, page: r.page ?? null } : null;
      } catch {
        return null;
      }
    }, tabId)
    .catch(() => null)) as ContentState | null;
}

/** The verdict the worker stored for the tab in storage.session, waiting up to `timeoutMs`. */
async function workerVerdict(worker: Worker, tabId: number, timeoutMs: number): Promise<boolean | null> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await worker
      .evaluate(async (id) => {
        const k = `tab:${id}`;
        const st = (await chrome.storage.session.get(k))[k] as { page?: { verdict?: { onTopic?: boolean } } } | undefined;
        return typeof st?.page?.verdict?.onTopic === 'boolean' ? st.page.verdict.onTopic : null;
      }, tabId)
      .catch(() => null);
    if (v !== null) return v;
    await sleep(50);
  }
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open a blank tab and find its extension tab id (before navigating, so listeners are set first). */
async function newTab(context: BrowserContext, worker: Worker): Promise<{ page: Page; tabId: number }> {
  const ids = () => worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const before = await ids();
  const page = await context.newPage();
  const after = await ids();
  const fresh = after.filter((id) => !before.includes(id));
  if (fresh.length !== 1) {
    await page.close();
    throw new Error(`could not identify the new tab (${fresh.length} new tabs)`);
  }
  return { page, tabId: fresh[0] };
}

/**
 * Watch the content script's isolated world ("Provenance") for uncaught exceptions,
 * unhandled rejections and console output (the script logs caught failures with
 * console.debug).
 */
async function watchContentScript(context: BrowserContext, page: Page, errors: string[]): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  const provenance = new Set<number>();
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.name === 'Provenance') provenance.add(e.context.id);
  });
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; text?: string; exception?: { description?: string } } }) => {
    const d = e.exceptionDetails;
    if (d.executionContextId !== undefined && provenance.has(d.executionContextId)) {
      errors.push(`uncaught: ${(d.exception?.description ?? d.text ?? '').split('\n').slice(0, 3).join(' | ').slice(0, 300)}`);
    }
  });
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
    if (!provenance.has(e.executionContextId)) return;
    const text = e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ');
    errors.push(`console.${e.type}: ${text.split('\n').slice(0, 3).join(' | ').slice(0, 300)}`);
  });
  await cdp.send('Runtime.enable');
  return cdp;
}

/** Wait until the content script has finished on the page (quick only, or quick + full). */
async function waitContentDone(
  page: Page,
  worker: Worker,
  tabId: number,
  timeouts: { quick: number; full: number },
): Promise<{ measures: Measures; state: ContentState | null; timedOut: boolean }> {
  let end = Date.now() + timeouts.quick;
  let measures: Measures = { quick: null, full: null };
  while (Date.now() < end) {
    measures = await readMeasures(page);
    if (measures.quick) break;
    await sleep(POLL_MS);
  }
  if (!measures.quick) return { measures, state: await contentState(worker, tabId), timedOut: true };
  let state = await contentState(worker, tabId);
  end = Date.now() + timeouts.full;
  // A page that passed: "busy" until the full pass has run (or failed).
  while (Date.now() < end && (!state || state.busy || (state.page?.stage !== 'quick' && !measures.full))) {
    if (state && !state.busy && !state.page) break; // full pass failed: nothing more will come
    if (state && !state.busy && state.page?.stage === 'full' && measures.full) break;
    await sleep(POLL_MS);
    measures = await readMeasures(page);
    state = await contentState(worker, tabId);
  }
  const done = !!state && !state.busy;
  return { measures, state, timedOut: !done };
}

const READABILITY_SRC = readFileSync(path.join(REPO, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

/**
 * Readability.parse alone, in the page's main world: 1 cold run + READABILITY_RUNS timed
 * runs, each `new Readability(document.cloneNode(true)).parse()` (clone included, as the
 * content script also parses a clone). The library is installed with an evaluated script
 * rather than a <script> tag so that page Content-Security-Policies cannot block it and the
 * page's DOM is left unchanged.
 */
async function timeReadability(page: Page): Promise<{ cold: number; median: number } | { error: string }> {
  const run = async () => {
    await page.evaluate(`(function(){ if (window.__benchReadability) return; ${READABILITY_SRC}\n; window.__benchReadability = Readability; })()`);
    return (await page.evaluate(`(function(runs){
      var R = window.__benchReadability, out = [];
      for (var i = 0; i < runs + 1; i++) {
        var t = performance.now();
        new R(document.cloneNode(true)).parse();
        out.push(performance.now() - t);
      }
      return out;
    })(${READABILITY_RUNS})`)) as number[];
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const times = await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), READABILITY_TIMEOUT_MS);
      }),
    ]);
    return { cold: times[0], median: median(times.slice(1)) };
  } catch (e) {
    return { error: String((e as Error).message ?? e).split('\n')[0].slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

async function measurePage(context: BrowserContext, worker: Worker, origin: string, spec: PageSpec): Promise<PageResult> {
  const errors: string[] = [];
  const result: PageResult = {
    spec, cls: null, stage: 'timeout', quickReason: null, quick: null, full: null, total: null,
    readabilityCold: null, readability: null, readabilityError: null, errors, loadMs: 0, finalUrl: null,
  };
  const { page, tabId } = await newTab(context, worker);
  let cdp: CDPSession | null = null;
  try {
    cdp = await watchContentScript(context, page, errors);
    const t0 = Date.now();
    await page.goto(origin + spec.urlPath, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    result.loadMs = Date.now() - t0;
    const { measures, state, timedOut } = await waitContentDone(page, worker, tabId, { quick: QUICK_TIMEOUT_MS, full: FULL_TIMEOUT_MS });
    result.quick = measures.quick?.duration ?? null;
    result.full = measures.full?.duration ?? null;
    if (state?.page) {
      result.stage = state.page.stage;
      result.quickReason = state.page.quickReason ?? null;
    } else if (state && !state.busy && measures.quick) result.stage = 'full-failed';
    if (timedOut) result.stage = 'timeout';
    if (result.quick != null) result.total = result.quick + (result.full ?? 0);
    if (page.url() !== origin + spec.urlPath) result.finalUrl = page.url();
    const onTopic = !!state?.page?.verdict?.onTopic;
    // Cross-check with what the worker stored for the tab (pages that reached the full pass report to it).
    if (state?.page?.stage === 'full') result.workerOnTopic = await workerVerdict(worker, tabId, 3_000);
    if (result.stage !== 'timeout') result.cls = onTopic ? 'on-topic' : spec.article ? 'article off-topic' : 'non-article';

    const r = await timeReadability(page);
    if ('error' in r) result.readabilityError = r.error;
    else {
      result.readabilityCold = r.cold;
      result.readability = r.median;
    }
  } finally {
    await cdp?.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  return result;
}

interface HugeResult {
  bytes: number;
  paragraphs: number;
  stage: string;
  quick: number | null;
  full: number | null;
  verdict: string;
  wallMs: number;
  longestTask: number | null;
  longestTaskDuringContent: number | null;
  longTasks: number;
  errors: string[];
}

async function measureHuge(context: BrowserContext, worker: Worker, origin: string, html: string): Promise<HugeResult> {
  const errors: string[] = [];
  const { page, tabId } = await newTab(context, worker);
  let cdp: CDPSession | null = null;
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __benchLongTasks: { start: number; duration: number }[] };
      w.__benchLongTasks = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no longtask support */
      }
    });
    cdp = await watchContentScript(context, page, errors);
    const t0 = Date.now();
    await page.goto(`${origin}/bench/huge.html`, { waitUntil: 'load', timeout: HUGE_TIMEOUT_MS }).catch(() => undefined);
    const { measures, state, timedOut } = await waitContentDone(page, worker, tabId, { quick: HUGE_TIMEOUT_MS, full: HUGE_TIMEOUT_MS });
    const wallMs = Date.now() - t0;
    await sleep(200); // let the observer deliver the last entries
    const tasks = (await page.evaluate(() => (window as unknown as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks ?? []).catch(() => [])) as {
      start: number;
      duration: number;
    }[];
    const windows = [measures.quick, measures.full].filter((m): m is { start: number; duration: number } => !!m);
    const overlaps = (t: { start: number; duration: number }) =>
      windows.some((w) => t.start < w.start + w.duration && w.start < t.start + t.duration);
    const during = tasks.filter(overlaps).map((t) => t.duration);
    return {
      bytes: Buffer.byteLength(html),
      paragraphs: (html.match(/<p>/g) ?? []).length,
      stage: timedOut ? 'timeout' : (state?.page?.stage ?? (state && !state.busy ? 'full-failed' : 'unknown')),
      quick: measures.quick?.duration ?? null,
      full: measures.full?.duration ?? null,
      verdict: state?.page ? (state.page.verdict.onTopic ? 'on-topic' : 'off-topic') : 'none',
      wallMs,
      longestTask: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : null,
      longestTaskDuringContent: during.length ? Math.max(...during) : null,
      longTasks: tasks.length,
      errors,
    };
  } finally {
    await cdp?.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

function classStats(rs: PageResult[], pick: (r: PageResult) => number | null): { n: number; med: number; p95: number; max: number } {
  const xs = rs.map(pick).filter((x): x is number => x != null && Number.isFinite(x));
  return { n: xs.length, med: median(xs), p95: percentile(xs, 95), max: xs.length ? Math.max(...xs) : NaN };
}

const passMiss = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  if (!existsSync(path.join(SHARED, 'corpus'))) {
    console.error(
      `The shared corpus was not found at ${SHARED}/corpus.\n` +
        'Set PROVENANCE_SHARED to the folder holding corpus/ (default: ../shared next to the repo) and run again.',
    );
    process.exit(2);
  }
  let pages = listPages(SHARED, REPO);
  // For development: BENCH_CONTENT_SAMPLE=n measures about n pages spread over the list (no RESULTS.md).
  const sampleN = Number(process.env.BENCH_CONTENT_SAMPLE ?? 0);
  if (sampleN > 0) pages = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / sampleN)) === 0);
  // For development: BENCH_CONTENT_ONLY=text measures only pages whose id contains the text (no RESULTS.md either).
  const only = process.env.BENCH_CONTENT_ONLY;
  if (only) pages = pages.filter((p) => p.id.includes(only));
  const partial = sampleN > 0 || !!only;
  if (!pages.length) {
    console.error(`No pages found under ${SHARED}/corpus.`);
    process.exit(2);
  }

  // Run against a snapshot of dist/: other builds may replace files while we run.
  const srcDist = path.resolve(process.env.PROVENANCE_DIST ?? path.join(REPO, 'dist'));
  if (!existsSync(path.join(srcDist, 'manifest.json'))) {
    console.error(`No built extension in ${srcDist}: run "npm run build" first.`);
    process.exit(1);
  }
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'provenance-dist-'));
  cpSync(srcDist, snapshot, { recursive: true });
  process.env.PROVENANCE_DIST = snapshot;
  const { launchWithExtension, CHROMIUM } = await import('../scripts/lib/browser');
  const { startStaticServer } = await import('../scripts/lib/static-server');

  const huge = generateHugePage(HUGE_BYTES);
  const server = await startStaticServer(corpusRoots(SHARED, REPO), (req, res) => {
    if (req.url !== '/bench/huge.html') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(huge);
    return true;
  });
  const launched = await launchWithExtension();
  const { context, worker } = launched;
  await blockNonLocal(context, server.origin);
  const chromeVersion = chromiumVersion(CHROMIUM);

  const results: PageResult[] = [];
  let hugeResult: HugeResult | null = null;
  const startup: StartupSample[] = [];
  const recheck = new Map<string, number | null>();
  let breakdown: BreakdownRow[] = [];
  let fullBreakdown: BreakdownRow[] = [];
  let breakdownModules: string[] = [];
  let fullModules: string[] = [];
  try {
    for (const [i, spec] of pages.entries()) {
      const r = await measurePage(context, worker, server.origin, spec).catch((e: unknown) => {
        log(`  ${spec.id}: benchmark error ${String(e).slice(0, 200)}`);
        return null;
      });
      if (r) results.push(r);
      if ((i + 1) % 25 === 0 || i === pages.length - 1) log(`pages: ${i + 1}/${pages.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    // Slow outliers are loaded a second time, for information only (the tables and targets
    // use the first load): it tells a slow page type from a moment of load on the machine.
    const firstTotals = results.filter((r) => r.cls && r.cls !== 'on-topic' && r.total != null).map((r) => r.total!);
    const slowCut = Math.max(3 * median(firstTotals), 40);
    for (const r of results.filter((x) => x.cls && x.cls !== 'on-topic' && (x.total ?? 0) > slowCut)) {
      const again = await measurePage(context, worker, server.origin, r.spec).catch(() => null);
      recheck.set(r.spec.id, again?.total ?? null);
    }
    log('huge page…');
    hugeResult = await measureHuge(context, worker, server.origin, huge).catch((e: unknown) => {
      log(`  huge page: benchmark error ${String(e).slice(0, 200)}`);
      return null;
    });

    // Content-script loading cost outside the measures, on a sample of pages.
    log('startup trace…');
    const offSample = results.filter((r) => r.cls !== 'on-topic' && r.cls).filter((_, i) => i % 25 === 0).slice(0, 10);
    const onSample = results.filter((r) => r.cls === 'on-topic').slice(0, 4);
    for (const r of [...offSample, ...onSample]) {
      const s = await traceStartup(context, server.origin + r.spec.urlPath, async (page) => {
        // Wait for the same measures as in the main run (the full one only where the page got it then).
        const end = Date.now() + QUICK_TIMEOUT_MS + FULL_TIMEOUT_MS;
        let m = await readMeasures(page);
        while (Date.now() < end && (!m.quick || (r.full != null && !m.full))) {
          await sleep(POLL_MS);
          m = await readMeasures(page);
        }
        await sleep(100);
        return { quick: m.quick?.duration ?? null };
      });
      if (s) startup.push(s);
    }
  } finally {
    await context.close().catch(() => undefined);
  }

  // Quick-pass breakdown in a plain Chromium (no extension), cold per page.
  log('quick-pass breakdown…');
  try {
    const built = await buildBreakdownBundle(REPO);
    if (built) {
      breakdownModules = built.modules;
      fullModules = built.fullModules;
      const bundle = built.code;
      const plain = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      const ctx = await plain.newContext();
      await blockNonLocal(ctx, server.origin);
      const sample = results.filter((r) => r.cls && r.cls !== 'on-topic').filter((_, i) => i % 12 === 0).slice(0, 20);
      breakdown = await runBreakdown(ctx, bundle, sample.map((r) => server.origin + r.spec.urlPath));
      const onPages = results.filter((r) => r.cls === 'on-topic');
      fullBreakdown = await runBreakdown(ctx, bundle, onPages.map((r) => server.origin + r.spec.urlPath), 'full');
      await plain.close();
    }
  } catch (e) {
    log(`  breakdown skipped: ${String(e).slice(0, 200)}`);
  }
  await server.close();
  rmSync(snapshot, { recursive: true, force: true });
  rmSync(launched.userDataDir, { recursive: true, force: true });

  // ---- report ----
  const measured = results.filter((r) => r.cls);
  const byClass = (c: PageClass) => measured.filter((r) => r.cls === c);
  const nonArticle = byClass('non-article');
  const articleOff = byClass('article off-topic');
  const onTopic = byClass('on-topic');
  const nonTopic = [...nonArticle, ...articleOff];
  const total = (r: PageResult) => r.total;
  const lines: string[] = [];
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  lines.push(
    `Run ${date} · ${cpu} · ${os.cpus().length} cores · ${os.platform()} ${os.release()} · Node ${process.version} · ${chromeVersion} (headless) · ` +
      `${pages.length} pages (${pages.filter((p) => p.group === 'readability').length} Readability test pages, ` +
      `${pages.filter((p) => p.group === 'extraction-benchmark').length} extraction-benchmark pages, ${pages.filter((p) => p.group === 'demo').length} demo pages), ` +
      'served from 127.0.0.1 with all other requests blocked. ' +
      `Load average (1 min) at start ${loadBefore.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)}: other work on the machine makes the p95 and max figures noisy.`,
    '',
    'Content-script time per page = `provenance:quick` + `provenance:full` (when run), the measures the content script records itself ' +
      '(timer resolution in a page that is not cross-origin isolated: 0.1 ms). Class from the content script\'s own verdict ' +
      '(`content/get-state`): on-topic = its verdict; otherwise article / non-article from the corpus metadata ' +
      '(Readability pages: `readerable`; extraction-benchmark pages: articles; demo pages: README table). ' +
      `Readability.parse alone = \`new Readability(document.cloneNode(true)).parse()\` in the page's main world after the content script finished, median of ${READABILITY_RUNS} runs after 1 warm-up run.`,
    '',
    '| class | n | stopped at quick | median ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, rs] of [['non-article', nonArticle], ['article off-topic', articleOff], ['all non-topic (both above)', nonTopic], ['on-topic (quick + full)', onTopic]] as const) {
    const s = classStats(rs, total);
    lines.push(`| ${name} | ${s.n} | ${rs.filter((r) => r.stage === 'quick').length} | ${fmt(s.med, 2)} | ${fmt(s.p95, 2)} | ${fmt(s.max, 2)} |`);
  }
  const onFull = classStats(onTopic, (r) => r.full);
  const onQuick = classStats(onTopic, (r) => r.quick);
  lines.push(`| on-topic: full pass only | ${onFull.n} | | ${fmt(onFull.med, 2)} | ${fmt(onFull.p95, 2)} | ${fmt(onFull.max, 2)} |`);
  lines.push(`| on-topic: quick pass only | ${onQuick.n} | | ${fmt(onQuick.med, 2)} | ${fmt(onQuick.p95, 2)} | ${fmt(onQuick.max, 2)} |`);
  const passedOff = nonTopic.filter((r) => r.full != null);
  if (passedOff.length) {
    const s = classStats(passedOff, total);
    lines.push(`| non-topic pages that passed the quick check (quick + full) | ${s.n} | | ${fmt(s.med, 2)} | ${fmt(s.p95, 2)} | ${fmt(s.max, 2)} |`);
  }

  // Readability comparison on the off-topic article pages.
  const cmp = articleOff.filter((r) => r.readability != null && r.total != null && r.readability > 0);
  const rd = classStats(cmp, (r) => r.readability);
  const rdCold = classStats(cmp, (r) => r.readabilityCold);
  const cs = classStats(cmp, total);
  const perPage = cmp.map((r) => r.total! / r.readability!);
  const ratioMedianPerPage = median(perPage);
  const ratioOfMedians = cs.med / rd.med;
  const cmpAll = nonTopic.filter((r) => r.readability != null && r.total != null && r.readability > 0);
  const ratioAll = median(cmpAll.map((r) => r.total! / r.readability!));
  lines.push(
    '',
    `Readability.parse alone on the ${cmp.length} article off-topic pages: median ${fmt(rd.med, 2)} ms, p95 ${fmt(rd.p95, 2)} ms ` +
      `(first, cold run: median ${fmt(rdCold.med, 2)} ms, p95 ${fmt(rdCold.p95, 2)} ms). ` +
      `Content-script time on the same pages: median ${fmt(cs.med, 2)} ms, p95 ${fmt(cs.p95, 2)} ms.`,
    '',
    '| ratio content script / Readability.parse alone | value |',
    '|---|---:|',
    `| median of per-page ratios (article off-topic, n=${cmp.length}) | ${fmt(ratioMedianPerPage, 3)} |`,
    `| ratio of medians (article off-topic) | ${fmt(ratioOfMedians, 3)} |`,
    `| median of per-page ratios (all non-topic, n=${cmpAll.length}) | ${fmt(ratioAll, 3)} |`,
    `| for information: median of per-page ratios against Readability's first (cold) run (article off-topic) | ${fmt(median(cmp.filter((r) => r.readabilityCold! > 0).map((r) => r.total! / r.readabilityCold!)), 3)} |`,
  );
  const rdErrors = results.filter((r) => r.readabilityError);
  if (rdErrors.length) lines.push('', `Readability.parse alone failed on ${rdErrors.length} page(s): ${rdErrors.map((r) => `${r.spec.id} (${r.readabilityError})`).join('; ')}.`);

  // Huge page.
  lines.push('', '**Generated ~10 MB page** (headline and opening name ISIS, so it gets the full analysis):', '');
  if (hugeResult) {
    const h = hugeResult;
    lines.push(
      '| size | paragraphs | stage reached | verdict | quick ms | full ms | content-script ms | longest task ms (any) | longest task ms (during content script) | long tasks | load → done s |',
      '|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|',
      `| ${(h.bytes / 1024 / 1024).toFixed(1)} MB | ${h.paragraphs} | ${h.stage} | ${h.verdict} | ${fmt(h.quick ?? NaN, 1)} | ${fmt(h.full ?? NaN, 1)} | ${fmt((h.quick ?? NaN) + (h.full ?? 0), 1)} | ${fmt(h.longestTask ?? NaN, 0)} | ${fmt(h.longestTaskDuringContent ?? NaN, 0)} | ${h.longTasks} | ${(h.wallMs / 1000).toFixed(1)} |`,
    );
  } else lines.push('The huge-page run failed (see the log).');

  // Targets.
  const nt = classStats(nonTopic, total);
  const t1 = nt.med < TARGET_NONTOPIC_MEDIAN && nt.p95 < TARGET_NONTOPIC_P95;
  const onTotal = classStats(onTopic, total);
  const t2 = onTotal.med < TARGET_ONTOPIC_MEDIAN;
  const t3 = ratioMedianPerPage <= TARGET_RATIO && ratioOfMedians <= TARGET_RATIO;
  lines.push(
    '',
    '| target | measured | result |',
    '|---|---|---|',
    `| non-topic pages: median < ${TARGET_NONTOPIC_MEDIAN} ms and p95 < ${TARGET_NONTOPIC_P95} ms | median ${fmt(nt.med, 2)} ms, p95 ${fmt(nt.p95, 2)} ms (n=${nt.n}) | ${passMiss(t1)} |`,
    `| on-topic full analysis: median < ${TARGET_ONTOPIC_MEDIAN} ms (quick + full) | median ${fmt(onTotal.med, 2)} ms (full pass alone ${fmt(onFull.med, 2)} ms, n=${onTotal.n}) | ${passMiss(t2)} |`,
    `| content-script time ≤ ${TARGET_RATIO}× Readability.parse alone (off-topic articles) | per-page median ${fmt(ratioMedianPerPage, 3)}, ratio of medians ${fmt(ratioOfMedians, 3)} | ${passMiss(t3)} |`,
  );

  // Startup cost (outside the measures).
  if (startup.length) {
    const pre = startup.map((s) => s.startupMs);
    const cbs = startup.map((s) => s.quickCallbackMs);
    const qm = startup.map((s) => s.quickMeasureMs);
    const late = startup.filter((s) => onTopic.some((r) => s.url.endsWith(r.spec.urlPath))).map((s) => s.lateModulesMs);
    lines.push(
      '',
      `**Not in the measures: loading the content script.** Traced loads of ${startup.length} pages (DevTools tracing slows everything down; compare with the quick pass traced alongside): ` +
        `loader + content-script module compile/evaluation before the quick pass, median ${fmt(median(pre), 1)} ms (max ${fmt(Math.max(...pre), 1)}); ` +
        `the quick-pass idle callback in the same traces, median ${fmt(median(cbs), 1)} ms (its measure: ${fmt(median(qm), 1)} ms)` +
        (late.length ? `; loading the full-pass chunk on on-topic pages, median ${fmt(median(late), 1)} ms (n=${late.length}).` : '.'),
    );
  }

  // Quick-pass breakdown.
  if (breakdown.length) {
    lines.push(
      '',
      `**Where the quick pass goes** (${breakdownModules.join(' + ')} re-run cold in a fresh page's main world, plain Chromium, ${breakdown.length} non-topic pages; medians, ms; ` +
        '`compileProfile` runs at module load, outside the quick measure):',
      '',
      `| ${BREAKDOWN_STEPS.join(' | ')} |`,
      `|${BREAKDOWN_STEPS.map(() => '---:').join('|')}|`,
      `| ${BREAKDOWN_STEPS.map((k) => fmt(median(breakdown.map((b) => b.times[k])), 2)).join(' | ')} |`,
    );
  }
  if (fullBreakdown.length) {
    lines.push(
      '',
      `**Where the full pass goes** (${fullModules.join(' + ')} re-run the same way on the ${fullBreakdown.length} on-topic pages after an untimed quick pass, cold then warm; medians, ms; the content script's own full measure is the better absolute figure):`,
      '',
      `| ${FULL_STEPS.join(' | ')} |`,
      `|${FULL_STEPS.map(() => '---:').join('|')}|`,
      `| ${FULL_STEPS.map((k) => fmt(median(fullBreakdown.map((b) => b.times[k])), 2)).join(' | ')} |`,
    );
  }

  // Errors and timeouts.
  const withErrors = results.filter((r) => r.errors.length);
  const hugeErrors = hugeResult?.errors ?? [];
  lines.push('');
  if (!withErrors.length && !hugeErrors.length) lines.push('Content-script errors: none (no uncaught exception, rejection or console output from the content script on any page).');
  else {
    lines.push(`Content-script errors on ${withErrors.length + (hugeErrors.length ? 1 : 0)} page(s):`, '');
    for (const r of withErrors) lines.push(`- ${r.spec.id}: ${r.errors.slice(0, 3).join('; ')}`);
    if (hugeErrors.length) lines.push(`- generated 10 MB page: ${hugeErrors.slice(0, 3).join('; ')}`);
  }
  const timeouts = results.filter((r) => !r.cls || r.stage === 'full-failed');
  const failed = pages.length - results.length;
  if (timeouts.length || failed) {
    lines.push('', `Not measured: ${timeouts.map((r) => `${r.spec.id} (${r.stage})`).join(', ') || 'none'}${failed ? `; ${failed} page(s) failed to open` : ''}.`);
  }
  const moved = results.filter((r) => r.finalUrl);
  if (moved.length) {
    const show = (u: string) => {
      const x = new URL(u);
      return `${x.protocol}//…${x.pathname}`;
    };
    lines.push('', `Pages that moved themselves with a script (measured at the new URL): ${moved.map((r) => `${r.spec.id} → ${show(r.finalUrl!)}`).join(', ')}.`);
  }
  const fullPages = measured.filter((r) => r.stage === 'full');
  const agree = fullPages.filter((r) => r.workerOnTopic === (r.cls === 'on-topic')).length;
  const unstored = fullPages.filter((r) => r.workerOnTopic == null).map((r) => r.spec.id);
  lines.push(
    '',
    `Worker cross-check: of ${fullPages.length} pages that reached the full pass, the worker's stored tab state (\`tab:<id>\`) agrees with the content script's verdict on ${agree}` +
      (unstored.length ? `; no stored state for ${unstored.join(', ')}` : '') +
      '.',
  );
  // Label cross-check (information only).
  const fp = measured.filter((r) => r.cls === 'on-topic' && r.spec.label === 'off').map((r) => r.spec.id);
  const fn = measured.filter((r) => r.cls !== 'on-topic' && r.spec.label === 'on').map((r) => r.spec.id);
  const mentions = measured.filter((r) => r.spec.label === 'mention').map((r) => `${r.spec.id} → ${r.cls}`);
  lines.push(
    '',
    `Verdicts vs labels (information only): on-topic but labelled off: ${fp.join(', ') || 'none'}; not on-topic but labelled on: ${fn.join(', ') || 'none'}; ` +
      `labelled mention: ${mentions.join(', ') || 'none'}. Quick-pass outcome on non-topic pages: ` +
      Object.entries(
        nonTopic.reduce<Record<string, number>>((acc, r) => {
          const k = r.stage === 'quick' ? (r.quickReason ?? 'quick') : 'passed to full';
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {}),
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
  );
  const slowest = [...nonTopic].sort((a, b) => (b.total ?? 0) - (a.total ?? 0)).slice(0, 5);
  lines.push('', `Slowest non-topic pages: ${slowest.map((r) => `${r.spec.id} ${fmt(r.total ?? NaN, 1)} ms (${r.stage === 'quick' ? 'quick only' : 'quick + full'})`).join(', ')}.`);
  if (recheck.size) {
    lines.push(
      '',
      `Non-topic pages above ${fmt(Math.max(3 * nt.med, 40), 1)} ms (3× the median, at least 40 ms) loaded a second time, for information (the figures above keep the first load): ` +
        [...recheck.entries()].map(([id, t]) => `${id} ${fmt(measured.find((r) => r.spec.id === id)?.total ?? NaN, 1)} → ${fmt(t ?? NaN, 1)} ms`).join(', ') +
        '.',
    );
  }
  lines.push('', `Benchmark wall time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const body = lines.join('\n');
  console.log(`${HEADING}\n\n${body}`);
  if (partial) log('\n(partial run: bench/RESULTS.md not written)');
  else {
    writeResultsSection(RESULTS, HEADING, body);
    log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
