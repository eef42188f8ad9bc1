/**
 * Development probe for the content script's first pass (issue #17): runs readQuickInput +
 * quickScan cold (a fresh page's main world per run, cross-origin isolated so the timer
 * resolution is 5 µs) on corpus pages, for one or more source trees side by side (A B A B per
 * page), and optionally a sampled CPU profile of the cold runs (self time by function).
 *
 *   npx tsx bench/quick-probe.ts [--pages 80] [--profile] [--steps] [--cpu] [--isolated] [repoRoot ...]
 *
 * Prints medians and means per tree and the pages where the trees' answers differ. Prints
 * only; the figure of record stays `npm run bench:content`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { corpusRoots, listPages } from './lib/corpus';
import { serveIsolated } from './lib/isolated-route';
import { fmt, median } from './lib/stats';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const take = (name: string, hasValue: boolean): string | null => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = hasValue ? args[i + 1] : 'yes';
  args.splice(i, hasValue ? 2 : 1);
  return v;
};
const N = Number(take('--pages', true) ?? 80);
const profile = !!take('--profile', false);
/** `--steps`: time readQuickInput, the prefilter's head check, its deep check and the rest of quickScan apart (scan = prefold of the head, warm = the head check after it, rest = deep check + quickScan). */
const steps = !!take('--steps', false);
/**
 * `--cpu`: the main thread's CPU time (DevTools' ThreadTime metric) of one cold
 * readQuickInput + quickScan, call overhead included (the same for every tree): steadier than
 * the wall-clock laps on a loaded machine. Reported in the scan column.
 */
const cpuMode = !!take('--cpu', false);
/**
 * `--isolated`: run in a fresh isolated world (as a content script does), after the touches the
 * boot script makes at load (document.contentType, location, document listeners): the first
 * reads of element wrappers there cost more than in the page's own, already warmed, world.
 */
const isolated = !!take('--isolated', false);
const roots = args.length ? args.map((a) => path.resolve(a)) : [REPO];

async function bundle(root: string): Promise<string> {
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-qprobe-'));
  const src = (p: string) => JSON.stringify(path.join(root, p));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { quickScan } from ${src('src/core/detect/quick-scan')};
import { QUICK_TERMS } from ${src('src/core/detect/quick-terms.generated')};
import { readQuickInput } from ${src('src/core/extract/quick-input')};
import { headMayMatch, deepMayName, prefold } from ${src('src/core/detect/quick-prefilter')};
(globalThis as any).__steps = () => {
  const t0 = performance.now();
  const input = readQuickInput(document);
  const t1 = performance.now();
  const raw = (input.title || '') + '\\u0001' + input.meta.slice(0, 4000) + '\\u0001' + input.textSlice.slice(0, 4000);
  prefold(raw);
  const t2 = performance.now();
  const h = headMayMatch(raw, QUICK_TERMS);
  const t3 = performance.now();
  const all = input.textSlice + (input.more ? input.more() : '');
  const d = all.length > 4000 ? deepMayName(all.slice(4000 - 64, 60000), QUICK_TERMS) : false;
  const q = quickScan(input, QUICK_TERMS);
  const t4 = performance.now();
  return { read: t1 - t0, scan: t2 - t1, warm: t3 - t2, rest: t4 - t3, reason: q.reason, head: !!h, deep: d, len: all.length };
};
(globalThis as any).__cold = () => quickScan(readQuickInput(document), QUICK_TERMS).reason;
(globalThis as any).__quick = () => {
  const t0 = performance.now();
  const input = readQuickInput(document);
  const t1 = performance.now();
  const q = quickScan(input, QUICK_TERMS);
  const t2 = performance.now();
  const q2 = quickScan(readQuickInput(document), QUICK_TERMS);
  const t3 = performance.now();
  return { read: t1 - t0, scan: t2 - t1, warm: t3 - t2, reason: q.reason, same: q2.reason === q.reason, len: input.textSlice.length };
};`,
  );
  try {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome116', logLevel: 'silent', minify: !profile });
    return r.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run { read: number; scan: number; warm: number; rest?: number; reason: string; len: number }

async function once(ctx: BrowserContext, code: string, url: string, prof: Map<string, number> | null): Promise<Run | null> {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    let evaluate = (expr: string): Promise<unknown> => page.evaluate(expr);
    if (isolated) {
      const c = await ctx.newCDPSession(page);
      const tree = (await c.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await c.send('Page.createIsolatedWorld', { frameId: tree.frameTree.frame.id, worldName: 'probe' })) as { executionContextId: number };
      evaluate = async (expr) => ((await c.send('Runtime.evaluate', { expression: expr, contextId: executionContextId, returnByValue: true })) as { result: { value: unknown } }).result.value;
      await evaluate("void document.contentType; void location.href; document.addEventListener('keydown', () => {}, true)");
    }
    await evaluate(code);
    let cdp = null;
    if (prof) {
      cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
      await cdp.send('Profiler.start');
    }
    if (cpuMode) {
      const c = await ctx.newCDPSession(page);
      await c.send('Performance.enable');
      const thread = async () => ((await c.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
      const t0 = await thread();
      const reason = (await evaluate('globalThis.__cold()')) as string;
      const t1 = await thread();
      return { read: 0, scan: (t1 - t0) * 1000, warm: 0, reason, len: 0 };
    }
    const r = (await evaluate(steps ? 'globalThis.__steps()' : 'globalThis.__quick()')) as Run;
    if (cdp && prof) {
      const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      const byId = new Map(p.nodes.map((n) => [n.id, n]));
      for (let i = 0; i < p.samples.length; i++) {
        const n = byId.get(p.samples[i]);
        if (!n) continue;
        const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        prof.set(k, (prof.get(k) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
      }
    }
    return r;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const shared = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
  const all = listPages(shared, REPO);
  if (!all.length) throw new Error(`no corpus pages under ${shared}/corpus (set PROVENANCE_SHARED)`);
  const pages = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / N)) === 0);
  const server = await startStaticServer(corpusRoots(shared, REPO));
  const codes = await Promise.all(roots.map(bundle));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext();
  await serveIsolated(ctx, server.origin);
  const load0 = os.loadavg()[0];
  const rows: Run[][] = roots.map(() => []);
  const prof = profile ? new Map<string, number>() : null;
  const differ: string[] = [];
  for (const [i, spec] of pages.entries()) {
    const got: string[] = [];
    for (let k0 = 0; k0 < roots.length; k0++) {
      const k = i % 2 ? roots.length - 1 - k0 : k0; // A B, then B A
      const r = await once(ctx, codes[k], server.origin + spec.urlPath, k === 0 ? prof : null);
      if (r) rows[k].push(r);
      got[k] = r?.reason ?? 'error';
    }
    if (got.some((g) => g !== got[0])) differ.push(`${spec.id}: ${got.join(' | ')}`);
  }
  await browser.close();
  await server.close();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`load average ${load0.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}; ${pages.length} pages`);
  for (let k = 0; k < roots.length; k++) {
    const off = rows[k].filter((r) => r.reason !== 'topic-named' && r.reason !== 'related-terms');
    const tot = off.map((r) => r.read + r.scan);
    console.log(
      `${roots[k]}: n=${off.length} stopped; read med ${fmt(median(off.map((r) => r.read)), 3)} · scan med ${fmt(median(off.map((r) => r.scan)), 3)} mean ${fmt(mean(off.map((r) => r.scan)), 3)} · warm med ${fmt(median(off.map((r) => r.warm)), 3)} · read+scan med ${fmt(median(tot), 3)} mean ${fmt(mean(tot), 3)}` + (steps ? ` · rest med ${fmt(median(off.map((r) => r.rest ?? 0)), 3)} mean ${fmt(mean(off.map((r) => r.rest ?? 0)), 3)}` : ''),
    );
  }
  console.log(differ.length ? `answers differ on ${differ.length} pages:\n${differ.join('\n')}` : 'answers: the same on every page');
  if (prof) {
    const top = [...prof].sort((a, b) => b[1] - a[1]).slice(0, 30);
    console.log('profile (first tree, self ms summed over pages):');
    for (const [k, v] of top) console.log(`  ${fmt(v, 2).padStart(8)}  ${k}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
