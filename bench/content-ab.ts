/**
 * Side-by-side check of the content script's own measures on the demo pages for two builds
 * of the extension (e.g. the code before and after a change), A B A B per page, so that load
 * on a shared machine hits both alike. The figure of record stays `npm run bench:content`.
 *
 *   npx tsx bench/content-ab.ts <distA> <distB> [rounds]
 *
 * With AB_CORPUS=n, about n pages of the shared corpus (../shared or $PROVENANCE_SHARED, read
 * at run time) are measured too, for the first pass on non-topic pages.
 *
 * Prints, per build, the median over the on-topic demo pages of the per-page medians of
 * "provenance:full" and of quick + full.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, CHROMIUM, serviceWorker, setDevMeasures } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { blockNonLocal, measurePage, type PageResult } from './lib/content-page';
import { corpusRoots, listPages } from './lib/corpus';
import { fmt, median, percentile } from './lib/stats';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function launch(dist: string): Promise<{ context: BrowserContext; worker: Worker; dirs: string[] }> {
  // A private copy of dist/ (builds may replace files while we run) and a fresh profile.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'provenance-ab-dist-'));
  cpSync(dist, copy, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'provenance-ab-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(copy),
    viewport: { width: 1200, height: 900 },
  });
  const worker = await serviceWorker(context);
  await setDevMeasures(context, true); // (builds before the switch record their measures regardless)
  return { context, worker, dirs: [copy, profile] };
}

async function main(): Promise<void> {
  const [a, b, r] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: npx tsx bench/content-ab.ts <distA> <distB> [rounds]');
  const rounds = Number(r ?? 3);
  const dists = [path.resolve(a), path.resolve(b)];
  const shared = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
  const corpusN = Number(process.env.AB_CORPUS ?? 0);
  const all = listPages(shared, REPO);
  const corpus = all.filter((p) => p.group !== 'demo');
  const pages = [...all.filter((p) => p.group === 'demo'), ...(corpusN > 0 ? corpus.filter((_, i) => i % Math.max(1, Math.floor(corpus.length / corpusN)) === 0) : [])];
  const server = await startStaticServer(corpusN > 0 ? corpusRoots(shared, REPO) : { '/demo/': path.join(REPO, 'public/demo') });
  const runs = await Promise.all(dists.map(launch));
  for (const x of runs) await blockNonLocal(x.context, server.origin);
  const results: Map<string, PageResult[]>[] = dists.map(() => new Map());
  try {
    for (let round = 0; round < rounds; round++) {
      for (const spec of pages) {
        for (let k = 0; k < dists.length; k++) {
          const k2 = round % 2 ? dists.length - 1 - k : k; // A B, then B A
          const res = await measurePage(runs[k2].context, runs[k2].worker, server.origin, spec).catch(() => null);
          if (!res) continue;
          const list = results[k2].get(spec.id) ?? [];
          list.push(res);
          results[k2].set(spec.id, list);
        }
      }
      process.stderr.write(`round ${round + 1}/${rounds}\n`);
    }
  } finally {
    for (const x of runs) {
      await x.context.close().catch(() => undefined);
      for (const d of x.dirs) rmSync(d, { recursive: true, force: true });
    }
    await server.close();
  }
  for (let k = 0; k < dists.length; k++) {
    const on = [...results[k]].filter(([, rs]) => rs.some((x) => x.cls === 'on-topic'));
    const full = on.map(([, rs]) => median(rs.map((x) => x.full ?? NaN).filter(Number.isFinite)));
    const total = on.map(([, rs]) => median(rs.map((x) => x.total ?? NaN).filter(Number.isFinite)));
    const nonTopic = [...results[k]].filter(([, rs]) => !rs.some((x) => x.cls === 'on-topic')).map(([, rs]) => median(rs.map((x) => x.total ?? NaN).filter(Number.isFinite)));
    const quickOnly = [...results[k]].filter(([, rs]) => !rs.some((x) => x.cls === 'on-topic')).flatMap(([, rs]) => rs.map((x) => x.total ?? NaN)).filter(Number.isFinite);
    console.log(`${dists[k]}: on-topic n=${on.length}, full median ${fmt(median(full), 2)} ms, quick + full median ${fmt(median(total), 2)} ms; non-topic pages (n=${nonTopic.length}) median of per-page medians ${fmt(median(nonTopic), 2)} ms; all non-topic loads (n=${quickOnly.length}) median ${fmt(median(quickOnly), 2)}, p95 ${fmt(percentile(quickOnly, 95), 2)} ms`);
    if (process.env.AB_VERBOSE) for (const [id, rs] of on) console.log(`  ${id.padEnd(28)} full ${rs.map((x) => fmt(x.full ?? NaN, 1)).join(' ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
