import { expect, test, type Page } from '@playwright/test';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload=window.__xss=3>',
  '<a href="javascript:window.__xss=4">click</a>',
];
const x = (i: number) => XSS[i % XSS.length];

/** A pack whose every text field carries markup, matching the Mosul demo page. */
function xssPack() {
  return {
    format: 'provenance-pack/1', id: 'xss-pack', name: `Pack ${x(0)}`, version: '1.0.0', publisher: `Desk ${x(1)}`,
    updated: '2026-11-01', description: x(2),
    sources: [{
      id: 'xss-outlet', name: `Outlet ${x(0)}`, aliases: [x(1)], domains: ['127.0.0.1'], type: 'news-site', country: `C ${x(2)}`,
      languages: ['en'], ownership: `Owner ${x(3)}`, notes: `Notes ${x(1)}`, links: ['https://example.org/'],
    }],
    reports: [{
      id: 'xss-report', title: `Mosul technicians ${x(0)}`, sourceId: 'xss-outlet', lang: 'en', published: '2016-04-28',
      summary: `Technicians and media workers left the group in Mosul ${x(1)}`, tags: ['mosul', x(2)],
      entities: { people: ['Raafat al-Zarari'], places: ['Mosul', 'Nineveh'], organisations: [x(3)] },
      claims: [{ subject: `IT experts ${x(0)}`, text: `Dozens deserted ${x(2)}`, qualifier: 'dozens', attributedTo: x(1) }],
      keywords: ['Mosul', 'technicians', 'media centre', 'propaganda', 'deserted', 'IT experts'],
    }],
  };
}

async function assertInert(page: Page) {
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], script:not([src]), a[href^="javascript:"]').count()).toBe(0);
}

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('markup in every text field of a pack shows as literal text in popup, options and library', async () => {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  const res = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'packs/import', text }), JSON.stringify(xssPack()));
  expect(res.ok).toBe(true);

  await options.reload();
  await expect(options.locator('[data-pack-id="xss-pack"]')).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(options.locator('[data-pack-id="xss-pack"]')).toContainText('<script>window.__xss=2</script>');
  await assertInert(options);

  const library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html#report=xss-report`);
  const item = library.locator('#report-xss-report');
  await expect(item).toContainText('Mosul technicians <img src=x onerror="window.__xss=1">');
  await expect(item).toContainText('Dozens deserted "><svg onload=window.__xss=3>');
  await expect(item).toContainText('Outlet <img src=x');
  await library.getByTestId('library-search').fill('<script>');
  await expect(library.getByTestId('library-count')).toContainText('1 of');
  await assertInert(library);

  const { tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('source-name')).toHaveText('Outlet <img src=x onerror="window.__xss=1">');
  await expect(popup.getByTestId('source-notes')).toHaveText('Notes <script>window.__xss=2</script>');
  const rel = popup.locator('[data-report-id="xss-report"]');
  await expect(rel).toContainText('Mosul technicians <img src=x onerror="window.__xss=1">');
  await rel.getByRole('button', { name: 'Summary' }).click();
  await expect(rel.getByTestId('related-summary')).toContainText('<script>window.__xss=2</script>');
  await assertInert(popup);
});
