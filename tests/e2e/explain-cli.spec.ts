// `provenance explain` against the popup: for each demo page, the related reports (titles
// and reasons, in order) and the provenance chain the popup shows in the real extension
// equal what the CLI prints for the same HTML file, page address and default pack.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { cli } from '../lib/cli';
import { DEMO_DIR, startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const PAGES = ['nasdaq-repost.html', 'mosul-it-experts.html', 'detainees-transfer-ar.html', 'propaganda-defectors.html', 'mosul-resistance-fr.html', 'social-media-app.html', 'unknown-outlet.html', 'isis-goddess.html'];

test('provenance explain lists the same related reports and provenance chain as the popup', async () => {
  test.setTimeout(240_000);
  let nonEmpty = 0;
  for (const file of PAGES) {
    const url = h.url(file);
    const { page, tabId } = await openTab(h.context, url);
    expect(await waitForAnalysis(h.context, tabId), file).toBe(true);
    const popup = await openPopup(h.context, h.extensionId, tabId);
    await popup.waitForSelector('[data-testid="related-item"], [data-testid="no-related"]');
    const shown = await popup.getByTestId('related-item').evaluateAll((els) =>
      els.map((el) => ({ title: el.querySelector('.r-title')?.textContent ?? '', reasons: [...el.querySelectorAll('.reasons li')].map((li) => li.textContent ?? '') })),
    );
    const chain = await popup.locator('[data-testid="provenance"] li').allTextContents();
    await popup.close();
    await page.close();

    const { code, stdout, stderr } = await cli(['explain', '--json', '--url', url, path.join(DEMO_DIR, file)]);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as { related: { title: string; reasons: string[] }[]; provenance: { text: string }[] };
    expect(out.related.map((r) => ({ title: r.title, reasons: r.reasons })), file).toEqual(shown);
    expect(out.provenance.map((p) => p.text), file).toEqual(chain);
    if (shown.length) nonEmpty++;
  }
  // The comparison is not vacuous: most demo pages have related coverage.
  expect(nonEmpty).toBeGreaterThanOrEqual(5);
});
