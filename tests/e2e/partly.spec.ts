/**
 * The three-way topic verdict in the real extension: a court story that names the Islamic State
 * once shows "Partly about" with its sourcing (a view its lawyer holds listed apart from what he said),
 * related coverage and an amber badge; a passing
 * mention stays "Not about" and shows its sourcing after one click ("Analyse sourcing anyway").
 */
import { expect, test } from '@playwright/test';
import { badgeText, inWorker, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('trial of recruiters naming the group once: "Partly about", with sourcing, related coverage and an amber badge', async () => {
  const { tabId } = await openTab(h.context, h.url('recruiters-trial.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, tabId);
  const verdict = popup.getByTestId('verdict');
  await expect(verdict).toContainText('Partly about');
  await expect(verdict).toHaveAttribute('data-level', 'partly');
  // The reason says why: where the group is named and what the mention is tied to.
  const reason = popup.getByTestId('reason');
  await expect(reason).toContainText('Partly about the Islamic State');
  await expect(reason).toContainText('a trial');
  await expect(reason).toContainText('not in the headline');
  await expect(popup.getByTestId('sourcing')).toBeVisible();
  await expect(popup.getByTestId('sourcing-summary')).not.toBeEmpty();
  const items = popup.getByTestId('related-item');
  await expect(items.first()).toBeVisible();
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-report-id')));
  expect(ids.some((id) => /propaganda-defectors/.test(id ?? ''))).toBe(true);
  expect(await badgeText(h.context, tabId)).toBe(String(n));
  const colour = await inWorker(h.context, (id: number) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId);
  expect(colour.slice(0, 3)).toEqual([0xb4, 0x53, 0x09]);
  // Already analysed as on-topic (partly): no "analyse anyway" offer.
  await expect(popup.getByTestId('analyse-anyway')).toHaveCount(0);
  // A view the lawyer holds is listed apart from what he said, under its holder's name.
  await popup.getByTestId('sourcing-details').locator('summary').click();
  const view = popup.getByTestId('sourcing-view');
  await expect(view).toHaveCount(1);
  await expect(view).toHaveAttribute('data-mode', 'belief');
  await expect(view).toContainText('Karim Lahlou');
  await expect(view).toContainText('appeal court will cut the sentences');
  await expect(popup.getByTestId('sourcing-views')).toContainText('Views and intentions');
  // The belief is not counted as a statement of the lawyer's.
  await expect(popup.locator('[data-testid="sourcing-source"]').filter({ hasText: 'Karim Lahlou' })).toContainText('(2)');
  await popup.close();
});

test('passing mention: "Not about", then its sourcing after one click', async () => {
  const { page, tabId } = await openTab(h.context, h.url('passing-mention.html?t=partly-spec'));
  await page.waitForTimeout(800);
  expect(await badgeText(h.context, tabId)).toBe('');
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Not about');
  await expect(popup.getByTestId('verdict')).toHaveAttribute('data-level', 'none');
  await expect(popup.getByTestId('sourcing')).toHaveCount(0);
  const button = popup.getByTestId('analyse-anyway');
  await expect(button).toHaveText('Analyse sourcing anyway');
  await button.click();
  await expect(popup.getByTestId('sourcing')).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByTestId('sourcing-summary')).not.toBeEmpty();
  // Still not about the topic: no related coverage, no badge, and the offer is gone.
  await expect(popup.getByTestId('verdict')).toContainText('Not about');
  expect(await popup.getByTestId('related-item').count()).toBe(0);
  await expect(popup.getByTestId('analyse-anyway')).toHaveCount(0);
  expect(await badgeText(h.context, tabId)).toBe('');
  await popup.close();
});
