/**
 * bench:content, one page: opening a page in Chromium with the built extension, reading the
 * content script's own performance measures and verdict, the worker's stored state, and
 * timing Readability.parse alone on the same page; the generated huge page; per-class stats.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { PageSpec } from './corpus';
import { median, percentile } from './stats';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** After load: how long to wait for the quick measure, then for the full one. */
export const QUICK_TIMEOUT_MS = 6_000;
export const FULL_TIMEOUT_MS = 6_000;
export const HUGE_TIMEOUT_MS = 60_000;
export const POLL_MS = 25;
export const READABILITY_RUNS = 3;
export const READABILITY_TIMEOUT_MS = 20_000;
export const HUGE_BYTES = 10 * 1024 * 1024;

export type PageClass = 'non-article' | 'article off-topic' | 'on-topic';

export interface Measures {
  quick: { start: number; duration: number } | null;
  full: { start: number; duration: number } | null;
}

export interface ContentState {
  busy: boolean;
  page: { stage: 'quick' | 'full'; quickReason?: string; isArticle: boolean; verdict: { onTopic: boolean; score: number } } | null;
}

export interface PageResult {
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

export function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

export function chromiumVersion(bin: string): string {
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
export async function blockNonLocal(context: BrowserContext, origin: string): Promise<void> {
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

export async function readMeasures(page: Page): Promise<Measures> {
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

export async function contentState(worker: Worker, tabId: number): Promise<ContentState | null> {
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
export async function workerVerdict(worker: Worker, tabId: number, timeoutMs: number): Promise<boolean | null> {
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Open a blank tab and find its extension tab id (before navigating, so listeners are set first). */
export async function newTab(context: BrowserContext, worker: Worker): Promise<{ page: Page; tabId: number }> {
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
export async function watchContentScript(context: BrowserContext, page: Page, errors: string[]): Promise<CDPSession> {
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
export async function waitContentDone(
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

export const READABILITY_SRC = readFileSync(path.join(REPO, 'node_modules/@mozilla/readability/Readability.js'), 'utf8');

/**
 * Readability.parse alone, in the page's main world: 1 cold run + READABILITY_RUNS timed
 * runs, each `new Readability(document.cloneNode(true)).parse()` (clone included, as the
 * content script also parses a clone). The library is installed with an evaluated script
 * rather than a <script> tag so that page Content-Security-Policies cannot block it and the
 * page's DOM is left unchanged.
 */
export async function timeReadability(page: Page): Promise<{ cold: number; median: number } | { error: string }> {
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

export async function measurePage(context: BrowserContext, worker: Worker, origin: string, spec: PageSpec): Promise<PageResult> {
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

export interface HugeResult {
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

export async function measureHuge(context: BrowserContext, worker: Worker, origin: string, html: string): Promise<HugeResult> {
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

export function classStats(rs: PageResult[], pick: (r: PageResult) => number | null): { n: number; med: number; p95: number; max: number } {
  const xs = rs.map(pick).filter((x): x is number => x != null && Number.isFinite(x));
  return { n: xs.length, med: median(xs), p95: percentile(xs, 95), max: xs.length ? Math.max(...xs) : NaN };
}

export const passMiss = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
