/**
 * A page cannot tell that Provenance is installed (issue #15, point 5), in Chromium: from an
 * ordinary page, fetching any of the extension's files at its fixed id — every web-accessible
 * resource the manifest lists (none since the content script is one file), every file of the
 * build, the content script included — fails, while the content script still analyses the
 * page and sets the badge. The Firefox counterpart is tests/e2e-firefox/web-accessible.test.ts.
 * Nor does a page find anything of ours on its performance timeline: the content script's
 * timings go there only under the developer switch (src/shared/dev-flags.ts), off for a user.
 */
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { badgeText, DIST, inWorker, openPopup, openTab, setDevMeasures, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

test('no extension file can be fetched by a page at the fixed id, and the content script still works', async () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
  const war: string[] = (manifest.web_accessible_resources ?? []).flatMap((w: { resources: string[] }) => w.resources);
  // The content script is one self-contained file per entry, declared in the manifest: nothing needs to be web-accessible.
  expect(manifest.web_accessible_resources).toBeUndefined();
  for (const cs of manifest.content_scripts) for (const js of cs.js) expect(js).toMatch(/^content\/[\w.-]+\.js$/);

  const { page, tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  // The content script works: the full pass ran, the badge is set, the popup has the analysis.
  expect(await waitForAnalysis(h.context, tabId, 30_000)).toBe(true);
  await expect.poll(() => badgeText(h.context, tabId), { timeout: 15_000 }).toMatch(/^\d+$/);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  await popup.close();

  const all = [...new Set([...war, ...filesUnder(DIST)])];
  const results: Record<string, string> = await page.evaluate(async ({ id, files }) => {
    const out: Record<string, string> = {};
    for (const f of files) {
      try {
        const r = await fetch(`chrome-extension://${id}/${f}`);
        out[f] = `status ${r.status}`;
      } catch (e) {
        out[f] = `failed: ${(e as Error).name}`;
      }
    }
    return out;
  }, { id: h.extensionId, files: all });
  const reachable = Object.entries(results).filter(([, r]) => !r.startsWith('failed'));
  expect(reachable).toEqual([]);
  expect(Object.keys(results).length).toBe(all.length);
  console.log(`web-accessible (Chromium): ${war.length} web-accessible resources and ${all.length} files in all, none fetchable at chrome-extension://${h.extensionId}/`);
  await page.close();
});

/** Whatever of ours the page's own scripts find on its performance timeline. */
const ourEntries = (page: import('@playwright/test').Page) => page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /provenance/i.test(n)));

test('a page finds nothing of ours on its performance timeline unless the developer switch is on', async () => {
  await setDevMeasures(h.context, false);
  // On-topic (first pass, then the full analysis) and off-topic (first pass only).
  for (const file of ['mosul-it-experts.html', 'isis-goddess.html', 'social-media-app.html']) {
    const { page, tabId } = await openTab(h.context, h.url(`${file}?t=timeline`));
    // The content script's state, once its analysis has run (asked through the worker, as the popup does).
    const state = await inWorker(h.context, (id: number) => chrome.tabs.sendMessage(id, { type: 'content/get-state', wait: true }), tabId);
    expect((state as { page: unknown }).page, file).toBeTruthy();
    if (file === 'mosul-it-experts.html') expect(await waitForAnalysis(h.context, tabId, 30_000)).toBe(true);
    expect(await ourEntries(page), file).toEqual([]);
    await page.close();
  }
  // Control: with the switch on (tests and benchmarks), the same page shows the measures.
  await setDevMeasures(h.context, true);
  const { page } = await openTab(h.context, h.url('isis-goddess.html?t=timeline-on'));
  await page.waitForFunction(() => performance.getEntriesByName('provenance:quick').length > 0, null, { timeout: 15_000 });
  expect(await ourEntries(page)).toContain('provenance:quick');
  await page.close();
});
