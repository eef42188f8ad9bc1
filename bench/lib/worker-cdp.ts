/**
 * DevTools protocol access to the extension's service worker and to the browser's service
 * workers, from Playwright (a persistent context has no browser-level CDP session): a
 * page's session lists targets, attaches to the worker's target and relays commands to it
 * (Target.sendMessageToTarget). Used for the worker's heap and to stop the worker.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface WorkerCdp {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/** A page (about:blank) and its CDP session, to drive the browser's service workers. */
export async function cdpPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return { page, cdp };
}

/**
 * Stop every service worker (as Chrome does to an idle one); resolves once the extension's
 * worker target is gone and stays gone for `settleMs`. An event already on its way to the
 * worker when it stops (a tab just closed: tabs.onRemoved) makes Chrome start it again at
 * once, in the same millisecond as the stop (seen in ServiceWorker.workerVersionUpdated),
 * so a single stop can look as if it failed: stop again until the worker stays stopped.
 */
export async function stopWorkers(cdp: CDPSession, extensionId: string, timeoutMs = 10_000, settleMs = 60): Promise<{ attempts: number }> {
  const end = Date.now() + timeoutMs;
  for (let attempts = 1; Date.now() < end; attempts++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const until = Math.min(end, Date.now() + 1000);
    while (Date.now() < until) {
      if (!(await workerTarget(cdp, extensionId))) {
        await new Promise((r) => setTimeout(r, settleMs));
        if (!(await workerTarget(cdp, extensionId))) return { attempts };
        break; // restarted by a pending event: stop it again
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error('the service worker did not stop');
}

async function workerTarget(cdp: CDPSession, extensionId: string): Promise<string | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as { targetInfos: { type: string; url: string; targetId: string }[] };
  return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`))?.targetId ?? null;
}

/** Attach to the extension's service worker target (it must be running). */
export async function attachWorker(cdp: CDPSession, extensionId: string): Promise<WorkerCdp> {
  const targetId = await workerTarget(cdp, extensionId);
  if (!targetId) throw new Error('the extension service worker is not running');
  const { sessionId } = (await cdp.send('Target.attachToTarget' as never, { targetId, flatten: false } as never)) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  };
  cdp.on('Target.receivedMessageFromTarget' as never, onMessage as never);
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id, method, params }) } as never).catch(reject);
      });
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget' as never, onMessage as never);
      await cdp.send('Target.detachFromTarget' as never, { sessionId } as never).catch(() => undefined);
    },
  };
}

/** The worker's V8 heap in bytes (used, total), optionally after a full garbage collection. */
export async function workerHeap(cdp: CDPSession, extensionId: string, gc = false): Promise<{ used: number; total: number }> {
  const w = await attachWorker(cdp, extensionId);
  try {
    if (gc) await w.send('HeapProfiler.collectGarbage');
    const r = await w.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    return { used: r.usedSize, total: r.totalSize };
  } finally {
    await w.detach();
  }
}
