/**
 * Firefox: analysis and badge on the demo pages (English, Arabic, off-topic), and the popup's
 * sections (verdict, source, sourcing, related), in Debian's Firefox ESR with dist-firefox/.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badgeText, contentState, launchFirefox, openPopup, openTab, testIdCount, testIdText, waitFor, waitForAnalysis, type Firefox } from '../../scripts/lib/firefox';
import { startDemoServer, type StaticServer } from './server';

let ff: Firefox;
let server: StaticServer;
beforeAll(async () => {
  server = await startDemoServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const relatedIds = (popup: Awaited<ReturnType<typeof openPopup>>) =>
  popup.evaluate(() => [...document.querySelectorAll('[data-testid="related-item"]')].map((e) => e.getAttribute('data-report-id')));

test('syndicated English page: badge counts related reports; popup shows verdict, source notes, related and origin', async () => {
  const { page, tabId } = await openTab(ff, `${server.origin}/nasdaq-repost.html`);
  await waitForAnalysis(ff, tabId);
  const popup = await openPopup(ff, tabId);
  expect(await testIdText(popup, 'verdict')).toContain('About');
  expect(await testIdText(popup, 'source-name')).toMatch(/Nasdaq/i);
  expect((await testIdText(popup, 'source-notes'))?.trim()).not.toBe('');
  expect(await testIdText(popup, 'source-claimed')).toContain('127.0.0.1');
  const ids = await waitFor(async () => ((await relatedIds(popup)).length ? relatedIds(popup) : null), 'related items');
  expect(ids[0]).toMatch(/wsj/);
  await waitFor(async () => (await badgeText(ff, tabId)) === String(ids.length), `badge "${ids.length}"`);
  expect(await testIdText(popup, 'provenance')).toContain('The Wall Street Journal');
  await popup.close();
  await page.close();
});

test('English page with anonymous sourcing: the popup\'s sourcing section names it', async () => {
  const { page, tabId } = await openTab(ff, `${server.origin}/mosul-it-experts.html`);
  await waitForAnalysis(ff, tabId);
  const popup = await openPopup(ff, tabId);
  expect(await testIdText(popup, 'verdict')).toContain('About');
  await waitFor(async () => /anonymous/.test((await testIdText(popup, 'sourcing-summary')) ?? ''), 'the sourcing summary');
  const ids = await relatedIds(popup);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids[0]).toMatch(/ara-news/);
  expect(await badgeText(ff, tabId)).toBe(String(ids.length));
  await popup.close();
  await page.close();
});

test('Arabic on-topic page: badge, verdict and right-to-left title', async () => {
  const { page, tabId } = await openTab(ff, `${server.origin}/detainees-transfer-ar.html`);
  await waitForAnalysis(ff, tabId);
  const popup = await openPopup(ff, tabId);
  expect(await testIdText(popup, 'verdict')).toContain('About');
  const n = await testIdCount(popup, 'related-item');
  expect(n).toBeGreaterThan(0);
  expect(await badgeText(ff, tabId)).toBe(String(n));
  expect(await popup.evaluate(() => getComputedStyle(document.querySelector('[data-testid="page-title"]')!).direction)).toBe('rtl');
  await popup.close();
  await page.close();
});

for (const file of ['passing-mention.html', 'isis-goddess.html']) {
  test(`off-topic page ${file}: no badge, popup says not about the topic`, async () => {
    const { page, tabId } = await openTab(ff, `${server.origin}/${file}`);
    // The content script has finished with the page (its answer waits for an analysis under way).
    const state = await waitFor(() => contentState(ff, tabId).then((s) => (s.page ? s : null)), `the content script of ${file}`);
    expect(state.page!.verdict.onTopic).toBe(false);
    expect(await badgeText(ff, tabId)).toBe('');
    const popup = await openPopup(ff, tabId);
    expect(await testIdText(popup, 'verdict')).toContain('Not about');
    expect(await testIdCount(popup, 'related-item')).toBe(0);
    await popup.close();
    await page.close();
  });
}
