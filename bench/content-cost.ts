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
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { corpusRoots, listPages } from './lib/corpus';
import {
  blockNonLocal,
  chromiumVersion,
  FULL_TIMEOUT_MS,
  HUGE_BYTES,
  log,
  measureHuge,
  measurePage,
  POLL_MS,
  QUICK_TIMEOUT_MS,
  readMeasures,
  sleep,
  type HugeResult,
  type PageResult,
} from './lib/content-page';
import { contentCostReport } from './lib/content-report';
import { generateHugePage } from './lib/huge-page';
import { buildBreakdownBundle, runBreakdown, type BreakdownRow } from './lib/quick-breakdown';
import { writeResultsSection } from './lib/results-md';
import { median } from './lib/stats';
import { traceStartup, type StartupSample } from './lib/startup-trace';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
const RESULTS = path.join(REPO, 'bench', 'RESULTS.md');
const HEADING = '## Content-script cost (npm run bench:content)';

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

  let body = contentCostReport({ started, loadBefore, chromeVersion, pages, results, hugeResult, startup, recheck, breakdown, fullBreakdown, breakdownModules, fullModules });
  body += `\n\n${scriptSizes(srcDist)}`;
  console.log(`${HEADING}\n\n${body}`);
  if (partial) log('\n(partial run: bench/RESULTS.md not written)');
  else {
    writeResultsSection(RESULTS, HEADING, body);
    log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}`);
  }
}

/** The built content scripts: the ones the manifest loads on every page, and the parts the worker injects on demand. */
function scriptSizes(dist: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js: string[] }[] };
  const everyPage = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js));
  const dir = path.join(dist, 'content');
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `| ${f} | ${everyPage.has(`content/${f}`) ? 'every page (manifest)' : 'injected on demand'} | ${(statSync(path.join(dir, f)).size / 1000).toFixed(1)} |`);
  return `**Content-script files** (built, minified):\n\n| file | loaded | kB |\n|---|---|---:|\n${rows.join('\n')}`;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
