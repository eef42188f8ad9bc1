import { expect, test } from '@playwright/test';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';
import defaultPack from '../../src/packs/default/pack.json' with { type: 'json' };

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('notes on a known outlet persist and survive a pack update that changes the outlet', async () => {
  const { tabId } = await openTab(h.context, h.url('nasdaq-repost.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  let popup = await openPopup(h.context, h.extensionId, tabId);
  await popup.getByTestId('note-edit').click();
  await popup.getByTestId('note-input').fill('Checked with the desk: reposts carry no headline. <b>not bold</b>');
  await popup.getByTestId('note-save').click();
  await expect(popup.getByTestId('user-notes')).toHaveText('Checked with the desk: reposts carry no headline. <b>not bold</b>');
  await popup.close();

  // A new version of the pack rewrites the outlet's notes.
  const updated = structuredClone(defaultPack) as typeof defaultPack;
  updated.version = '1.0.1-test';
  const nasdaq = updated.sources.find((s) => s.id === 'nasdaq')!;
  nasdaq.notes = 'Updated pack note about the syndicator.';
  const result = await h.worker.evaluate((p) => (globalThis as any).__provenance.importPack(p), updated);
  expect(result.status).toBe('imported');

  // The popup (fresh analysis of the page) shows the pack's new facts and the user's note.
  await h.worker.evaluate(async (id) => chrome.storage.session.remove(`tab:${id}`), tabId);
  const again = await openTab(h.context, h.url('nasdaq-repost.html'));
  expect(await waitForAnalysis(h.context, again.tabId)).toBe(true);
  popup = await openPopup(h.context, h.extensionId, again.tabId);
  await expect(popup.getByTestId('source-notes')).toHaveText('Updated pack note about the syndicator.');
  await expect(popup.getByTestId('user-notes')).toContainText('Checked with the desk');
  await popup.close();
  // Restore the default pack version for other tests in this browser.
  await h.worker.evaluate((p) => (globalThis as any).__provenance.importPack(p), defaultPack);
});

test('a note on an unknown outlet creates a profile shown on the next visit', async () => {
  const { tabId } = await openTab(h.context, h.url('unknown-outlet.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  let popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('no-notes')).toBeVisible();
  await popup.getByTestId('note-edit').click();
  await popup.getByTestId('note-input').fill('Local weekly; first seen covering recruitment trials.');
  await popup.getByTestId('note-save').click();
  await expect(popup.getByTestId('user-notes')).toContainText('Local weekly');
  await popup.close();

  const again = await openTab(h.context, h.url('passing-mention.html')); // same host, off-topic page
  await again.page.waitForTimeout(500);
  popup = await openPopup(h.context, h.extensionId, again.tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Not about');
  await expect(popup.getByTestId('user-notes')).toContainText('Local weekly');
  await popup.close();
});
