/**
 * Serve only our static server's documents to a browser context, cross-origin isolated
 * (COOP + COEP headers), so that performance.now() in those pages resolves to 5 µs instead of
 * 100 µs. Every other http(s) request is aborted; other schemes (the extension's own files,
 * data: URLs) are left alone. Used by the development probes (quick-probe, content-parts).
 */
import type { BrowserContext } from '@playwright/test';

export async function serveIsolated(context: BrowserContext, origin: string): Promise<void> {
  const local = new URL(origin);
  await context.route('**/*', async (route) => {
    const req = route.request();
    let u: URL;
    try {
      u = new URL(req.url());
    } catch {
      return route.abort();
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return route.continue();
    if (u.hostname !== '127.0.0.1' || u.port !== local.port || req.resourceType() !== 'document') return route.abort();
    const response = await route.fetch({ url: `${origin}${u.pathname}${u.search}` });
    return route.fulfill({ response, headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  });
}
