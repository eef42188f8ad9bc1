import { expect, test } from '@playwright/test';
import { inWorker, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('popup lays out who is quoted: named official, anonymous sources, relayed outlet', async () => {
  const { tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('sourcing-summary')).toContainText(/anonymous/);
  await expect(popup.locator('[data-kind="named-person"].chip')).toContainText('1');
  await popup.getByText(/Who is quoted/).click();
  await expect(popup.locator('[data-testid="sourcing-source"][data-kind="named-person"]')).toContainText('Raafat al-Zarari');
  await expect(popup.locator('[data-testid="sourcing-source"][data-kind="outlet"]')).toContainText('ARA News');
  expect(await popup.locator('[data-testid="sourcing-source"][data-kind="anonymous"]').count()).toBeGreaterThan(0);
  await popup.close();
});

test('two reports with different figures for the same subject: the popup says they differ', async () => {
  // A second desk's report puts the number of deserting IT specialists in the hundreds.
  const pack = {
    format: 'provenance-pack/1', id: 'other-desk', name: 'Other desk', version: '1.0.0', publisher: 'Other desk', updated: '2026-11-01',
    sources: [{ id: 'other-wire', name: 'Other Wire', domains: ['other-wire.test'], type: 'wire', country: 'FR', languages: ['en'], notes: 'A test wire.' }],
    reports: [{
      id: 'other-mosul-it', title: 'Hundreds of IT specialists said to quit ISIS in Mosul', sourceId: 'other-wire', lang: 'en', published: '2016-04-30',
      summary: 'A wire report says hundreds of foreign computer specialists and media workers left the group in Mosul.', tags: ['mosul', 'defectors'],
      entities: { places: ['Mosul'], people: ['Raafat al-Zarari'] },
      claims: [{ subject: 'foreign computer specialists', text: 'Hundreds of foreign computer specialists left the group in Mosul', qualifier: 'hundreds', place: 'Mosul', attributedTo: 'local sources' }],
      keywords: ['Mosul', 'IT specialists', 'deserted', 'media centre'],
    }],
  };
  const res = await inWorker(h.context, (p: unknown) => (globalThis as any).__provenance.importPack(p), pack);
  expect(res.status).toBe('imported');
  const { tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  const differs = popup.locator('[data-testid="claim-elsewhere"][data-relation="differs"]');
  await expect(differs.first()).toContainText('Other Wire');
  await expect(differs.first()).toContainText('Differs');
  // …while the ARA News report, with "dozens", agrees.
  await expect(popup.locator('[data-testid="claim-elsewhere"][data-relation="agrees"]').first()).toContainText('ARA News');
  await popup.close();
});

test('in-page marks: off by default; on, they colour the quoted statements without moving anything; off again restores the page', async () => {
  const { page, tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const boxes = () => page.locator('article p').evaluateAll((ps) => ps.map((p) => { const r = p.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }));
  const html0 = await page.locator('article').innerHTML();
  const before = await boxes();
  expect(await page.locator('provenance-mark').count()).toBe(0);

  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('marks-toggle')).not.toBeChecked();
  await popup.getByTestId('marks-toggle').check();
  await expect(popup.getByTestId('marks-status')).toContainText(/\d+ of \d+ statements marked/);
  const marked = await page.locator('provenance-mark').allTextContents();
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.join(' ')).toContain('Zarari');
  expect(await boxes()).toEqual(before); // no layout shift
  // The legend is ours, in a closed shadow root: the page sees the host but nothing inside it.
  expect(await page.evaluate(() => { const host = document.querySelector('provenance-ui'); return host ? host.shadowRoot : 'missing'; })).toBeNull();
  // The marks carry no data about the statements.
  expect(await page.locator('provenance-mark').evaluateAll((els) => els.every((e) => e.getAttributeNames().join() === 'style'))).toBe(true);

  await popup.getByTestId('marks-toggle').uncheck();
  await expect.poll(() => page.locator('provenance-mark').count()).toBe(0);
  expect(await page.locator('provenance-ui').count()).toBe(0);
  expect(await page.locator('article').innerHTML()).toBe(html0);
  await popup.close();
});
