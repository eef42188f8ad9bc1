/**
 * What the "provenance:*" measures leave out: loading the content script itself. The
 * loader is injected at document_idle and imports the content-script module graph
 * (polyfill, detector with its profile compiled at module load, messages); on pages that
 * pass the quick check the full-pass chunk is imported too. This traces a few page loads
 * with the DevTools protocol and sums, on the page's main thread, the compile and
 * evaluate events of chrome-extension:// scripts, plus the idle callback that runs the
 * quick pass (to compare with its measure under the same tracing overhead).
 */
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export interface StartupSample {
  url: string;
  /** Loader script + module compile + module evaluation before the quick pass, ms. */
  startupMs: number;
  /** The idle callback running the quick pass, ms (traced). */
  quickCallbackMs: number;
  /** The quick measure in the same traced load, ms. */
  quickMeasureMs: number;
  /** Compile + evaluation of chrome-extension modules after the quick pass (the full-pass chunk), ms. */
  lateModulesMs: number;
}

export async function traceStartup(
  context: BrowserContext,
  url: string,
  waitDone: (page: Page) => Promise<{ quick: number | null }>,
): Promise<StartupSample | null> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  try {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8'] }, transferMode: 'ReportEvents' } as never);
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
    const { quick } = await waitDone(page);
    await cdp.send('Tracing.end');
    await complete;
    const isExt = (e: TraceEvent) => String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
    const cb = events.find((e) => e.name === 'FunctionCall' && e.ph === 'X' && isExt(e));
    if (!cb || quick == null) return null;
    const onMain = (e: TraceEvent) => e.pid === cb.pid && e.tid === cb.tid && e.ph === 'X';
    const firstExt = Math.min(...events.filter((e) => onMain(e) && isExt(e)).map((e) => e.ts));
    let startup = 0;
    let late = 0;
    for (const e of events) {
      if (!onMain(e) || e.ts < firstExt) continue;
      const ext = isExt(e);
      const counted =
        (e.name === 'EvaluateScript' && ext) || (e.name === 'v8.compileModule' && ext) || e.name === 'v8.evaluateModule';
      if (!counted) continue;
      if (e.ts < cb.ts) startup += (e.dur ?? 0) / 1000;
      else late += (e.dur ?? 0) / 1000;
    }
    return { url, startupMs: startup, quickCallbackMs: (cb.dur ?? 0) / 1000, quickMeasureMs: quick, lateModulesMs: late };
  } catch {
    return null;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
