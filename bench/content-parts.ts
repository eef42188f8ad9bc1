/**
 * Development probe for the content script's first pass in the real extension (issue #17):
 * every `provenance:*` measure the content script records (the developer switch is on), at
 * 5 µs timer resolution (the corpus pages are served cross-origin isolated; bench:content's
 * pages are not, 100 µs there), and the page's script and compile time from the DevTools
 * Performance metrics (ScriptDuration + V8CompileDuration: loading the content script is in
 * there, with the page's own scripts). One or more builds, A B / B A per page, and the
 * median of the per-page differences against the first build.
 *
 *   npx tsx bench/content-parts.ts [--pages 60] <distA> [distB ...]
 *
 * Only pages where no build ran the full pass are counted. To see where the first pass goes,
 * build a copy whose quickPass records extra measures around its steps (RESULTS.md, issue #17
 * notes). Prints only; the figure of record stays `npm run bench:content`.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, CHROMIUM, serviceWorker, setDevMeasures } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { corpusRoots, listPages } from './lib/corpus';
import { serveIsolated } from './lib/isolated-route';
import { fmt, median } from './lib/stats';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--pages');
const N = at >= 0 ? Number(args.splice(at, 2)[1]) : 60;
const dists = args.map((a) => path.resolve(a));

async function launch(dist: string): Promise<{ context: BrowserContext; dirs: string[] }> {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'provenance-parts-dist-'));
  cpSync(dist, copy, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'provenance-parts-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: chromiumArgs(copy), viewport: { width: 1200, height: 900 } });
  await serviceWorker(context);
  await setDevMeasures(context, true);
  return { context, dirs: [copy, profile] };
}

const measures = (page: Page) =>
  page
    .evaluate(() => performance.getEntriesByType('measure').filter((e) => e.name.startsWith('provenance:')).map((e) => ({ name: e.name, ms: e.duration })))
    .catch(() => [] as { name: string; ms: number }[]);

/** One load: its measures and script + compile time, or null when the full pass ran (or nothing was measured). */
async function once(context: BrowserContext, url: string): Promise<Map<string, number> | null> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    for (let t = 0; t < 40 && !(await measures(page)).some((m) => m.name === 'provenance:quick'); t++) await page.waitForTimeout(100);
    await page.waitForTimeout(300); // (a full pass, if any, starts in this time)
    const got = await measures(page);
    if (!got.some((m) => m.name === 'provenance:quick') || got.some((m) => m.name.startsWith('provenance:full'))) return null;
    const metrics = ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics;
    const metric = (n: string) => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
    const out = new Map(got.map((m) => [m.name, m.ms]));
    out.set('script+compile', metric('ScriptDuration') + metric('V8CompileDuration'));
    return out;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (!dists.length) throw new Error('usage: npx tsx bench/content-parts.ts [--pages 60] <distA> [distB ...]');
  const shared = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
  const corpus = listPages(shared, REPO).filter((p) => p.group !== 'demo');
  if (!corpus.length) throw new Error(`no corpus pages under ${shared}/corpus (set PROVENANCE_SHARED)`);
  const pages = corpus.filter((_, i) => i % Math.max(1, Math.floor(corpus.length / N)) === 0);
  const server = await startStaticServer(corpusRoots(shared, REPO));
  const runs = await Promise.all(dists.map(launch));
  const rows: Map<string, number>[][] = [];
  const load0 = os.loadavg()[0];
  try {
    for (const x of runs) await serveIsolated(x.context, server.origin);
    for (const [i, spec] of pages.entries()) {
      const row: (Map<string, number> | null)[] = [];
      for (let k0 = 0; k0 < runs.length; k0++) {
        const k = i % 2 ? runs.length - 1 - k0 : k0; // A B, then B A
        row[k] = await once(runs[k].context, server.origin + spec.urlPath).catch(() => null);
      }
      if (row.every((r) => r)) rows.push(row as Map<string, number>[]);
    }
  } finally {
    for (const x of runs) {
      await x.context.close().catch(() => undefined);
      for (const d of x.dirs) rmSync(d, { recursive: true, force: true });
    }
    await server.close();
  }
  console.log(`load average ${load0.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}; ${rows.length} pages measured in every build (of ${pages.length})`);
  const names = [...new Set(rows.flatMap((r) => r.flatMap((m) => [...m.keys()])))];
  for (let k = 0; k < dists.length; k++) {
    const parts = names.map((n) => {
      const xs = rows.map((r) => r[k].get(n)).filter((v): v is number => v !== undefined);
      const diffs = k ? rows.map((r) => (r[k].get(n) ?? NaN) - (r[0].get(n) ?? NaN)).filter(Number.isFinite) : [];
      return `${n} ${fmt(median(xs), 3)}` + (diffs.length ? ` (paired ${fmt(median(diffs), 3)})` : '');
    });
    console.log(`${dists[k]}: ${parts.join(' · ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
