// Product side of issue 13 in the real extension: demo pages declare the outlet they stand for
// (canonical link, og:site_name) and the popup shows its profile; an Arabic wire-copy page shows
// the agency relayed and the second-hand flag; a page relaying an Amaq claim shows the warning.
import { expect, test } from '@playwright/test';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

async function popupFor(file: string) {
  const { tabId } = await openTab(h.context, h.url(file));
  expect(await waitForAnalysis(h.context, tabId), file).toBe(true);
  return openPopup(h.context, h.extensionId, tabId);
}

test('a demo page served from 127.0.0.1 shows the profile of the outlet it declares, and says it is the page\'s own claim', async () => {
  const popup = await popupFor('mosul-it-experts.html');
  await expect(popup.getByTestId('source-name')).toHaveText('Kurdistan 24');
  await expect(popup.getByTestId('source-notes')).toContainText('Erbil');
  await expect(popup.getByTestId('source-claimed')).toContainText('canonical link');
  await expect(popup.getByTestId('no-notes')).toHaveCount(0);
  await popup.close();
});

test('Arabic wire copy ("بغداد - أ ف ب"): the agency is relayed and the page is flagged second-hand', async () => {
  const popup = await popupFor('wire-copy-ar.html');
  await expect(popup.getByTestId('verdict')).toContainText('About');
  await expect(popup.getByTestId('source-name')).toHaveText('Alsumaria');
  await expect(popup.getByTestId('provenance')).toContainText('وكالة فرانس برس');
  await expect(popup.getByTestId('sourcing-summary')).toContainText('وكالة فرانس برس');
  await expect(popup.getByTestId('second-hand')).toContainText(/Wire copy/);
  await expect(popup.locator('[data-testid="sourcing-source"][data-kind="outlet"]')).toContainText('وكالة فرانس برس');
  // Nothing on this page rests on the group's media.
  await expect(popup.getByTestId('group-media-warning')).toHaveCount(0);
  await popup.close();
});

test('a page relaying an Amaq claim: the popup says plainly that it is the group\'s own unverified claim', async () => {
  const popup = await popupFor('amaq-claim.html');
  await expect(popup.getByTestId('verdict')).toContainText('About');
  const warning = popup.getByTestId('group-media-warning');
  await expect(warning).toHaveCount(1);
  await expect(warning).toHaveText("Claim of responsibility through the group's Amaq agency; not independently verified.");
  await expect(popup.locator('.chip[data-kind="group-media"]')).toContainText('1');
  // The figure given by Amaq carries the warning too; the page's other figures do not.
  const flagged = popup.locator('[data-testid="claim"]', { has: popup.getByTestId('claim-group-media') });
  await expect(flagged.first()).toContainText('Amaq');
  expect(await flagged.count()).toBeLessThan(await popup.getByTestId('claim').count());
  await popup.close();
});
