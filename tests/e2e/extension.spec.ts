import { expect, test } from '@playwright/test';
import { badgeText, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

async function analysed(file: string) {
  const { page, tabId } = await openTab(h.context, h.url(file));
  return { page, tabId };
}

test('syndicated English page: badge counts related reports; popup shows verdict, outlet notes, related and origin', async () => {
  const { tabId } = await analysed('nasdaq-repost.html');
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  await expect(popup.getByTestId('source-name')).toHaveText(/Nasdaq/i);
  await expect(popup.getByTestId('source-notes')).not.toBeEmpty();
  // Served from 127.0.0.1, not nasdaq.com: the outlet is the page's own claim, and the popup says so.
  await expect(popup.getByTestId('source-claimed')).toContainText(/canonical link|declared site name/);
  await expect(popup.getByTestId('source-claimed')).toContainText('127.0.0.1');
  const items = popup.getByTestId('related-item');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  expect(await badgeText(h.context, tabId)).toBe(String(n));
  await expect(items.first()).toHaveAttribute('data-report-id', /wsj/);
  await expect(items.first().locator('.reasons li').first()).not.toBeEmpty();
  await expect(popup.getByTestId('provenance')).toContainText('The Wall Street Journal');
  // The headline-less page still gets a usable title.
  await expect(popup.getByTestId('page-title')).not.toHaveText('');
  await popup.close();
});

test('English on-topic page relates to the matching seed report', async () => {
  const { tabId } = await analysed('mosul-it-experts.html');
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  const ids = await popup.getByTestId('related-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids[0]).toMatch(/ara-news/);
  expect(await badgeText(h.context, tabId)).toBe(String(ids.length));
  await popup.close();
});

test('Arabic on-topic page: badge, verdict and right-to-left rendering', async () => {
  const { tabId } = await analysed('detainees-transfer-ar.html');
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  const n = await popup.getByTestId('related-item').count();
  expect(n).toBeGreaterThan(0);
  expect(await badgeText(h.context, tabId)).toBe(String(n));
  const dir = await popup.getByTestId('page-title').evaluate((el) => getComputedStyle(el).direction);
  expect(dir).toBe('rtl');
  await popup.close();
});

for (const file of ['passing-mention.html', 'isis-goddess.html']) {
  test(`off-topic page ${file}: no badge, popup says not about the topic`, async () => {
    const { page, tabId } = await analysed(file);
    await page.waitForTimeout(800);
    expect(await badgeText(h.context, tabId)).toBe('');
    const popup = await openPopup(h.context, h.extensionId, tabId);
    await expect(popup.getByTestId('verdict')).toContainText('Not about');
    expect(await popup.getByTestId('related-item').count()).toBe(0);
    await popup.close();
  });
}

test('unknown outlet shows the "no notes" state', async () => {
  const { tabId } = await analysed('unknown-outlet.html');
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  await expect(popup.getByTestId('no-notes')).toBeVisible();
  await popup.close();
});

test('popup for a tab without a content script shows the unreadable state', async () => {
  const popup = await openPopup(h.context, h.extensionId, 999_999);
  await expect(popup.getByTestId('unreadable')).toBeVisible();
  await popup.close();
});
