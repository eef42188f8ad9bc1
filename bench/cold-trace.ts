/**
 * Where a restarted service worker's first related-coverage answer spends its time: the
 * built extension (PROVENANCE_DIST or dist/) with the default pack (and, with --size N, the
 * matching benchmark's first pack of N reports), the worker stopped through the DevTools
 * protocol, then one 'match/related' from an extension page, traced (Chromium tracing with
 * the V8 sampling profiler). Prints, per run, the worker thread's top-level trace events
 * (module compile, evaluation, message dispatch…) and, over all runs, the functions with
 * the most self time in samples of the worker thread, and the answer's own start steps.
 *
 *   npx tsx bench/cold-trace.ts [--runs 5] [--size 2000] [--top 40]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { inWorker, launchWithExtension } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { benchCorpus } from './lib/match-bench-packs';
import { pageReportFromHtml } from './lib/page-report';
import { cdpPage, stopWorkers } from './lib/worker-cdp';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(arg('--runs') ?? 5);
const SIZE = Number(arg('--size') ?? 0);
const TOP = Number(arg('--top') ?? 40);
const TRACE = !args.includes('--no-trace');
/** Only samples with this function on their stack (e.g. pageEvidence). */
const UNDER = arg('--under');
const stepRuns: Record<string, number[]> = {};

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>;
}

const server = await startStaticServer({ '/demo/': path.join(ROOT, 'public/demo') }, () => false);
const l = await launchWithExtension();
const { context, extensionId } = l;
const selfTime = new Map<string, number>();
const totalTime = new Map<string, number>();
let sampledMs = 0;
try {
  const { cdp } = await cdpPage(context);
  await inWorker(context, async () => (globalThis as any).__provenance.ensureSeeded(), null);
  if (SIZE) {
    const corpus = benchCorpus(ROOT, SIZE, 1);
    const part = corpus.parts[0];
    const text = readFileSync(path.join(corpus.dir, part.file), 'utf8');
    const r = await inWorker(context, async (t: string) => (globalThis as any).__provenance.importPackText(t).then((o: any) => o.reports), text);
    console.log(`imported ${r} reports`);
  }
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/src/library/index.html`);
  const demo = path.join(ROOT, 'public/demo', 'mosul-it-experts.html');
  if (!existsSync(demo)) throw new Error('demo page missing');
  const page = pageReportFromHtml(readFileSync(demo, 'utf8'), `${server.origin}/demo/mosul-it-experts.html`);
  // One warm answer first (the store's pages in the OS cache, as in bench/match.ts).
  await ext.evaluate(async (p) => chrome.runtime.sendMessage({ type: 'match/related', page: p }), page);
  for (let run = 0; run < RUNS; run++) {
    await stopWorkers(cdp, extensionId);
    const events: TraceEvent[] = [];
    const onData = (e: { value: TraceEvent[] }) => events.push(...e.value);
    cdp.on('Tracing.dataCollected' as never, onData as never);
    if (TRACE) await cdp.send('Tracing.start' as never, {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['v8', 'v8.execute', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'ServiceWorker', 'loading', 'blink'], recordMode: 'recordAsMuchAsPossible' },
    } as never);
    await new Promise((r) => setTimeout(r, 100));
    const res = await ext.evaluate(async (p) => {
      const t0 = performance.now();
      const r = (await chrome.runtime.sendMessage({ type: 'match/related', page: p })) as { timings?: { steps?: Record<string, number> } };
      return { ms: performance.now() - t0, steps: r.timings?.steps ?? {} };
    }, page);
    for (const [k, v] of Object.entries({ ...res.steps, roundTrip: res.ms })) (stepRuns[k] ??= []).push(v);
    if (!TRACE) {
      cdp.off('Tracing.dataCollected' as never, onData as never);
      continue;
    }
    await new Promise((r) => setTimeout(r, 200));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete' as never, r as never));
    await cdp.send('Tracing.end' as never);
    await done;
    cdp.off('Tracing.dataCollected' as never, onData as never);
    // The worker thread: the one whose events name chrome-extension:// scripts or the worker.
    const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    const workerThread = names.find((e) => /ServiceWorker|service_worker|WorkerThread/i.test(String(e.args?.name)) && events.some((x) => x.pid === e.pid && x.tid === e.tid && JSON.stringify(x.args ?? {}).includes(`chrome-extension://${extensionId}`)));
    console.log(`\nrun ${run + 1}: round trip ${res.ms.toFixed(1)} ms; steps ${JSON.stringify(Object.fromEntries(Object.entries(res.steps).filter(([k]) => k.startsWith('start.') || ['outlets', 'lookupTotal', 'handler', 'beforeHandler', 'indexWait'].includes(k))))}`);
    if (!workerThread) {
      console.log('  worker thread not found; threads:', names.map((n) => n.args?.name).join(', '));
      continue;
    }
    const wt = events.filter((e) => e.pid === workerThread.pid && e.tid === workerThread.tid);
    const first = Math.min(...wt.filter((e) => e.ts > 0).map((e) => e.ts));
    const top = wt.filter((e) => e.ph === 'X' && (e.dur ?? 0) > 1000).sort((a, b) => a.ts - b.ts);
    for (const e of top.filter((x) => /compile|evaluate|GetScriptData|Deserialize|FunctionCall|RunMicrotasks/.test(x.name)).slice(0, 30)) console.log(`  +${((e.ts - first) / 1000).toFixed(1)} ${(e.dur! / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args ?? {})}`.slice(0, 200));
    // Sampling profile of the worker thread: ProfileChunk events carry nodes and samples.
    const nodes = new Map<number, { fn: string; url: string; line: number; parent?: number }>();
    // Chunks are written by the profiler's thread; the worker's profile is the one whose
    // "Profile" event is on the worker thread (same id).
    const profileIds = new Set(events.filter((x) => x.name === 'Profile' && x.pid === workerThread.pid && x.tid === workerThread.tid).map((x) => x.id));
    for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.pid === workerThread.pid && profileIds.has(x.id))) {
      const d = e.args?.data;
      for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, { fn: n.callFrame.functionName || '(anon)', url: String(n.callFrame.url ?? '').replace(/^.*\//, ''), line: n.callFrame.lineNumber ?? 0, parent: n.parent });
      const samples: number[] = d?.cpuProfile?.samples ?? [];
      const deltas: number[] = d?.timeDeltas ?? [];
      samples.forEach((id, i) => {
        const n = nodes.get(id);
        const key = n ? `${n.fn} ${n.url}:${n.line}` : String(id);
        if (UNDER) {
          let found = false;
          for (let p = n; p && !found; p = p.parent !== undefined ? nodes.get(p.parent) : undefined) found = p.fn === UNDER;
          if (!found) return;
        }
        const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
        selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
        const onStack = new Set<string>();
        for (let p = n; p; p = p.parent !== undefined ? nodes.get(p.parent) : undefined) onStack.add(`${p.fn} ${p.url}:${p.line}`);
        for (const k of onStack) totalTime.set(k, (totalTime.get(k) ?? 0) + dt);
        sampledMs += dt;
      });
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nmedians over ${RUNS} runs: ${Object.entries(stepRuns).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join(', ')}`);
  if (TRACE) {
    console.log(`\nself time over ${RUNS} runs (${sampledMs.toFixed(1)} ms sampled):`);
    for (const [k, v] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / RUNS).toFixed(2)} ms/run  ${k}`);
    console.log(`\ntotal (inclusive) time over ${RUNS} runs:`);
    for (const [k, v] of [...totalTime].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / RUNS).toFixed(2)} ms/run  ${k}`);
  }
} finally {
  await context.close();
  await server.close();
}
