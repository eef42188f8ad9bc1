import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { DEMO_DIR, startHarness, type Harness } from './harness';

let h: Harness;
const requests: { url: string; fromWorker: boolean; page: string }[] = [];

test.beforeAll(async () => {
  h = await startHarness();
  h.context.on('request', (r) => {
    const fromWorker = !!r.serviceWorker();
    requests.push({ url: r.url(), fromWorker, page: fromWorker ? '' : r.frame().url() });
  });
});
test.afterAll(async () => {
  await h?.close();
});

test('browsing the demo pages and opening popup, options and library sends nothing anywhere', async () => {
  const pages = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.html'));
  for (const file of pages) {
    const { page, tabId } = await openTab(h.context, h.url(file));
    await waitForAnalysis(h.context, tabId, 3_000);
    const popup = await openPopup(h.context, h.extensionId, tabId);
    await popup.close();
    await page.close();
  }
  for (const p of ['src/options/index.html', 'src/library/index.html']) {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/${p}`);
    await page.waitForTimeout(300);
    await page.close();
  }
  const ext = `chrome-extension://${h.extensionId}/`;
  const outside = requests.filter((r) => !r.url.startsWith(ext) && !r.url.startsWith(h.server.origin + '/'));
  expect(outside).toEqual([]);
  // The extension itself (worker, popup, options, library) fetched nothing from the web server either:
  // its only requests are for its own files.
  const fromExtension = requests.filter((r) => (r.fromWorker || r.page.startsWith(ext)) && !r.url.startsWith(ext));
  expect(fromExtension).toEqual([]);
  // And the server saw only the demo pages and their stylesheet.
  for (const line of h.server.log) expect(line).toMatch(/^GET \/([\w.-]+\.(html|css)|favicon\.ico)$/); // the browser asks for a favicon itself
  expect(requests.length).toBeGreaterThan(pages.length);
  console.log(`privacy: ${pages.length} demo pages + popup each, options, library: ${requests.length} requests observed, ${outside.length} outside the extension and the local server, ${fromExtension.length} from the extension to the web`);
});
