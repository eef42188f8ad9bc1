/**
 * Firefox: Provenance sends nothing and shows itself to no page.
 * - Every request Firefox makes to anywhere but the local demo server goes through a recording
 *   proxy (Firefox's own proxy prefs); after browsing every demo page and opening the popup for
 *   each, the options and the library, the proxy has seen nothing, and the local server has seen
 *   only the demo pages and their stylesheet (the extension fetched nothing from it).
 * - A page fetching any of the add-on's files at its moz-extension:// origin (fixed here by a
 *   pref; random per profile otherwise) fails, while the content script still works
 *   (point 5 of issue #15; the Chromium counterpart is tests/e2e/web-accessible.spec.ts).
 * - No page finds anything of ours on its performance timeline (the content script's timings are
 *   recorded there only under the developer switch of src/shared/dev-flags.ts, off here as for a user).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { badgeText, contentState, DIST_FIREFOX, EXT_ORIGIN, launchFirefox, openExtensionPage, openPopup, openTab, storedAnalysis, waitFor, waitForAnalysis, type Firefox } from '../../scripts/lib/firefox';
import { DEMO_DIR, startDemoServer, type StaticServer } from './server';

let ff: Firefox;
let server: StaticServer;
let proxy: Server;
const proxied: string[] = [];

beforeAll(async () => {
  server = await startDemoServer();
  // A proxy that answers nothing and records everything (plain requests and CONNECT tunnels).
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as AddressInfo).port;
  ff = await launchFirefox({
    devMeasures: false,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      // 127.0.0.1 (the demo server) goes direct; everything else would reach the proxy.
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
  await new Promise((r) => proxy?.close(r));
});

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

test('browsing the demo pages and opening popup, options and library sends nothing anywhere', async () => {
  const pages = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.html'));
  proxied.length = 0;
  for (const file of pages) {
    const { page, tabId } = await openTab(ff, `${server.origin}/${file}`);
    // On-topic pages are analysed and matched (off-topic ones stop at the first pass).
    const state = await waitFor(() => contentState(ff, tabId).then((s) => s.page), `the content script on ${file}`);
    if (state.stage === 'full') await waitForAnalysis(ff, tabId);
    // Nothing of ours on the page's own performance timeline.
    expect(await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /provenance/i.test(n))), file).toEqual([]);
    const popup = await openPopup(ff, tabId);
    await popup.close();
    await page.close();
  }
  for (const p of ['src/options/index.html', 'src/library/index.html']) (await openExtensionPage(ff.browser, p)).close();
  expect(proxied).toEqual([]);
  for (const line of server.log) expect(line).toMatch(/^GET \/([\w.-]+\.(html|css)|favicon\.ico)$/);
  expect(server.log.length).toBeGreaterThanOrEqual(pages.length);
  // Control: the proxy does see what leaves for elsewhere (a request from a page to another host).
  const { page: control } = await openTab(ff, `${server.origin}/index.html?t=control`);
  await control.evaluate(() => fetch('http://control.example/probe').catch(() => undefined));
  await waitFor(() => proxied.some((l) => l.includes('control.example')), 'the proxy to see the control request');
  await control.close();
  console.log(`privacy (Firefox): ${pages.length} demo pages + popup each, options, library: ${server.log.length} requests to the local server, ${proxied.length} anywhere else`);
});

test('no add-on file can be fetched by a page at its moz-extension:// origin, and the content script still works', async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
  expect(manifest.web_accessible_resources).toBeUndefined();
  const { page, tabId } = await openTab(ff, `${server.origin}/mosul-it-experts.html?t=war`);
  await waitForAnalysis(ff, tabId);
  await waitFor(async () => /^\d+$/.test(await badgeText(ff, tabId)), 'the badge');
  expect(await storedAnalysis(ff, tabId)).toBeTruthy();

  const all = filesUnder(DIST_FIREFOX);
  expect(all).toContain('manifest.json');
  const results: Record<string, string> = await page.evaluate(async (origin: string, files: string[]) => {
    const out: Record<string, string> = {};
    for (const f of files) {
      try {
        const r = await fetch(`${origin}/${f}`);
        out[f] = `status ${r.status}`;
      } catch (e) {
        out[f] = `failed: ${(e as Error).name}`;
      }
    }
    return out;
  }, EXT_ORIGIN, all);
  expect(Object.entries(results).filter(([, r]) => !r.startsWith('failed'))).toEqual([]);
  expect(Object.keys(results).length).toBe(all.length);
  console.log(`web-accessible (Firefox): ${all.length} files, none fetchable at ${EXT_ORIGIN}/`);
  await page.close();
});
