/**
 * A page whose address is 10,000 characters long (a demo page with a long query string).
 * The worker refuses page reports with URLs over the contract's limit, so the content script
 * caps the address before sending (shared/contract/limits.ts): the page is analysed, the
 * badge and popup show it, and what is stored (tab state, a report saved from the popup)
 * holds the capped address. Before the cap, such a page was dropped without a word.
 */
import { expect, test } from '@playwright/test';
import { badgeText, inWorker, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';
import type { TabState } from '../../src/shared/messages';

const URL_LIMIT = 4_000;

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

/** The demo page's address with a query string that brings it to exactly 10,000 characters. */
function longUrl(file: string): string {
  const base = `${h.url(file)}?utm_campaign=`;
  return base + 'x'.repeat(10_000 - base.length);
}

test('an on-topic page with a 10,000-character address is analysed; badge, popup and stored URL are capped, not dropped', async () => {
  const url = longUrl('mosul-it-experts.html');
  expect(url.length).toBe(10_000);
  const { page, tabId } = await openTab(h.context, url);
  expect(page.url().length).toBe(10_000);
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);

  const state = (await inWorker(h.context, async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId)) as TabState;
  expect(state.status).toBe('analysed');
  expect(state.page!.url.length).toBe(URL_LIMIT);
  expect(url.startsWith(state.page!.url)).toBe(true);
  expect(state.page!.verdict.onTopic).toBe(true);

  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  const related = await popup.getByTestId('related-item').count();
  expect(related).toBeGreaterThan(0);
  expect(await badgeText(h.context, tabId)).toBe(String(related));

  // Saved from the popup: the stored report's address is the capped one.
  await popup.getByTestId('save-page').click();
  await expect(popup.getByTestId('saved-state')).toContainText('in your library');
  const stored = await inWorker(h.context, async () => {
    const db = (globalThis as any).__provenance.db;
    return (await db.reports.where('packId').equals('user').toArray()).map((r: { record: { url: string | null } }) => r.record.url);
  }, null);
  expect(stored).toHaveLength(1);
  expect(stored[0].length).toBeLessThanOrEqual(URL_LIMIT);
  expect(url.startsWith(stored[0])).toBe(true);
  await popup.close();
  await page.close();
});

test('an off-topic page with a 10,000-character address still gets its popup (quick verdict and outlet look-up)', async () => {
  const { page, tabId } = await openTab(h.context, longUrl('passing-mention.html'));
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Not about');
  await expect(popup.getByTestId('error')).toHaveCount(0);
  expect(await badgeText(h.context, tabId)).toBe('');
  await popup.close();
  await page.close();
});
