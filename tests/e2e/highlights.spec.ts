/**
 * User highlights (issue #6) in the real extension, the user's side: capture by keyboard
 * shortcut, context menu and the selection button; drawing and re-anchoring on reload;
 * orphans; the popup's editor (note, tags, delete, undo); the library's search and "Open".
 * The page's side (late content, hostile CSS and scripts, lazy loading): highlights-page.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openPopup, openTab } from '../../scripts/lib/browser';
import type { Harness } from './harness';
import { BUTTON_PHRASE, clickNode, contextMenuClick, drawnTexts, MENU_PHRASE, ourUi, pageKeyValue, paragraphBoxes, select, setChangingVersion, SHORTCUT_PHRASE, startHighlightsHarness, stored, uiButtons, waitForAnchorStatus } from './highlights-lib';

let h: Harness;
test.beforeAll(async () => {
  h = await startHighlightsHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('save by shortcut, context menu and selection button; reload draws them on the same words, without layout shift', async () => {
  const url = h.url('mosul-it-experts.html?t=capture');
  const { page: p, tabId } = await openTab(h.context, url);
  const before = await paragraphBoxes(p);

  // Keyboard shortcut. Playwright's key press does not reach chrome.commands in headless
  // Chromium (checked: onCommand never fires), so this exercises the content script's key
  // fallback; the context-menu call right after stands in for the command arriving too:
  // one press must save once.
  await select(p, SHORTCUT_PHRASE);
  await p.keyboard.press('Alt+Shift+H');
  await expect.poll(() => drawnTexts(p)).toEqual([SHORTCUT_PHRASE]);
  expect(await contextMenuClick(tabId)).toMatchObject({ ok: true, saved: false, reason: 'already saved' });
  expect(await stored(url)).toHaveLength(1);

  // Context menu: the worker's registered onClicked handler → content script → worker.
  await select(p, MENU_PHRASE);
  expect(await contextMenuClick(tabId)).toEqual({ ok: true, saved: true });
  await expect.poll(async () => (await drawnTexts(p)).sort()).toEqual([SHORTCUT_PHRASE, MENU_PHRASE].sort());

  // Selection button (shown after a selection settles), clicked with the mouse.
  await select(p, BUTTON_PHRASE);
  await expect.poll(() => uiButtons(p)).toContain('Save highlight');
  const ui = await ourUi(p);
  expect(ui.shadowType).toBe('closed');
  await clickNode(p, ui.cdp, ui.buttons.find((b) => b.text === 'Save highlight')!.node.nodeId);
  await expect.poll(async () => (await drawnTexts(p)).sort()).toEqual([SHORTCUT_PHRASE, MENU_PHRASE, BUTTON_PHRASE].sort());
  await expect.poll(() => uiButtons(p)).toContain('Undo');

  expect(await paragraphBoxes(p)).toEqual(before);
  const rows = await stored(url.replace(/#.*/, ''));
  expect(rows.map((r) => r.quote).sort()).toEqual([SHORTCUT_PHRASE, MENU_PHRASE, BUTTON_PHRASE].sort());
  expect(rows.every((r) => r.url === url && r.color === 'yellow' && r.pageTitle?.includes('Kurdistan 24'))).toBe(true);
  expect(await pageKeyValue(url)).toBe(3);

  // Revisit: anchored and drawn on the same words; outcomes stored.
  const savedAt = Math.max(...rows.map((r) => r.anchor.at));
  await p.reload();
  await expect.poll(async () => (await drawnTexts(p)).sort(), { timeout: 10_000 }).toEqual([SHORTCUT_PHRASE, MENU_PHRASE, BUTTON_PHRASE].sort());
  expect(await paragraphBoxes(p)).toEqual(before);
  await expect.poll(async () => (await stored(url)).map((r) => r.anchor.at > savedAt && r.anchor.status), { timeout: 10_000 }).toEqual(['exact', 'exact', 'exact']);
  // Wrappers carry only their paint: no ids, no data attributes.
  const attrs = await p.evaluate(() => [...document.querySelectorAll('provenance-highlight')].map((e) => e.getAttributeNames().join(',')));
  expect(new Set(attrs)).toEqual(new Set(['style']));
  await p.close();
});

test('popup: note and tags persist, delete and undo update page and store; the page cannot read the note', async () => {
  const url = h.url('mosul-it-experts.html?t=popup');
  const { page: p, tabId } = await openTab(h.context, url);
  await select(p, MENU_PHRASE);
  expect(await contextMenuClick(tabId)).toEqual({ ok: true, saved: true });
  await expect.poll(() => drawnTexts(p)).toEqual([MENU_PHRASE]);

  const NOTE = 'Check the passport claim against the consulate <b>statement</b> — private';
  let popup = await openPopup(h.context, h.extensionId, tabId);
  const item = popup.getByTestId('highlight');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('highlight-quote')).toHaveText(MENU_PHRASE);
  await expect(item.getByTestId('highlight-quote')).toHaveAttribute('dir', 'ltr');
  await item.getByTestId('highlight-note').fill(NOTE);
  await item.getByTestId('highlight-tags').fill('citizenship, Mosul ,, citizenship');
  await item.getByTestId('highlight-save').click();
  await expect(item.getByRole('status')).toHaveText('Saved.');
  await expect(item.getByTestId('highlight-tags')).toHaveValue('citizenship, Mosul');
  await expect(item.getByTestId('highlight-save')).toBeDisabled();
  await popup.close();

  popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('highlight-note')).toHaveValue(NOTE);
  await expect(popup.getByTestId('highlight-tags')).toHaveValue('citizenship, Mosul');
  expect(await popup.evaluate(() => document.querySelectorAll('b').length)).toBe(0); // shown as text, never markup

  // Colour from the popup repaints the page.
  await popup.getByRole('button', { name: 'Colour: green' }).click();
  await expect.poll(() => p.evaluate(() => getComputedStyle(document.querySelector('provenance-highlight')!).backgroundColor)).toBe('rgba(74, 222, 128, 0.4)');
  expect((await stored(url))[0].color).toBe('green');

  // The page sees neither note nor tags, in the DOM or anywhere its scripts can reach.
  await p.reload();
  await expect.poll(() => drawnTexts(p)).toEqual([MENU_PHRASE]);
  const html = await p.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain('consulate');
  expect(html).not.toContain('citizenship, Mosul');
  expect(await p.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie)).not.toContain('consulate');

  // Delete: gone from the page and the list, kept in the store for undo.
  await popup.getByTestId('highlight-delete').click();
  await expect(popup.getByTestId('highlight-deleted')).toBeVisible();
  await expect.poll(() => drawnTexts(p)).toEqual([]);
  let [row] = await stored(url);
  expect(row.deletedAt).toBeGreaterThan(0);
  expect(await pageKeyValue(url)).toBeUndefined();

  // Undo: back in the list with its note, drawn again.
  await popup.getByTestId('highlight-undo').click();
  await expect(popup.getByTestId('highlight-note')).toHaveValue(NOTE);
  await expect.poll(() => drawnTexts(p)).toEqual([MENU_PHRASE]);
  [row] = await stored(url);
  expect(row.deletedAt).toBeUndefined();
  expect(row.tags).toEqual(['citizenship', 'Mosul']);
  expect(await pageKeyValue(url)).toBe(1);
  await popup.close();
  await p.close();
});

test('library: search by quote and by note; "Open" goes to the page and shows the highlight', async () => {
  const url = h.url('mosul-it-experts.html?t=library');
  const PHRASE = 'its online channels remain active even as its staff in Mosul thin out';
  const { page: p, tabId } = await openTab(h.context, url);
  await select(p, PHRASE);
  expect(await contextMenuClick(tabId)).toEqual({ ok: true, saved: true });
  const [row] = await stored(url);
  const lib = await h.context.newPage();
  await lib.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  const edit = await lib.evaluate((id) => chrome.runtime.sendMessage({ type: 'highlights/edit', id, note: 'Quartermaster ledger mentioned by the council' }), row.id);
  expect(edit.ok).toBe(true);
  await lib.reload();

  const search = lib.getByTestId('library-search');
  await search.fill('channels remain active');
  await expect(lib.getByTestId('library-highlight')).toHaveCount(1);
  await expect(lib.getByTestId('library-quote')).toHaveText(PHRASE);
  await search.fill('quartermaster LEDGER');
  await expect(lib.getByTestId('library-highlight')).toHaveCount(1);
  await expect(lib.getByTestId('library-note')).toHaveText('Quartermaster ledger mentioned by the council');
  await search.fill('nothing anywhere like this');
  await expect(lib.getByTestId('library-highlight')).toHaveCount(0);
  await expect(lib.getByTestId('library-hl-count')).toContainText('0 of');
  await search.fill('quartermaster');

  const open = lib.getByTestId('library-open');
  await expect(open).toHaveAttribute('href', `${url}#provenance-hl=${row.id}`);
  await p.close();
  const [target] = await Promise.all([h.context.waitForEvent('page'), open.click()]);
  await target.waitForLoadState('load');
  // Drawn, scrolled into view and flashed (an outline for a moment).
  await expect.poll(() => target.evaluate(() => document.querySelector('provenance-highlight')?.getAttribute('style') ?? ''), { timeout: 8_000, intervals: [50] }).toContain('outline');
  const top = await target.evaluate(() => document.querySelector('provenance-highlight')!.getBoundingClientRect().top);
  expect(top).toBeGreaterThan(0);
  expect(top).toBeLessThan(900);
  expect(await target.evaluate(() => scrollY)).toBeGreaterThan(300);
  await target.close();
  await lib.close();
});

test('a highlight whose text is gone is kept as an orphan, listed in popup and library', async () => {
  setChangingVersion(1);
  const url = h.url('hl/changing.html');
  const QUOTE = 'the small ferry across the river stopped running in early March';
  const { page: p, tabId } = await openTab(h.context, url);
  await select(p, QUOTE);
  await p.keyboard.press('Alt+Shift+H');
  await expect.poll(() => drawnTexts(p)).toEqual([QUOTE]);
  const [row] = await stored(url);

  setChangingVersion(2);
  await p.reload();
  expect(await waitForAnchorStatus(url, row.id, (s) => s === 'orphan', 12_000)).toBe('orphan');
  expect(await drawnTexts(p)).toEqual([]);
  const [after] = await stored(url);
  expect(after.deletedAt).toBeUndefined();
  expect(after.anchor.reason).toBeTruthy();
  expect(await pageKeyValue(url)).toBe(1);

  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('highlight-quote')).toHaveText(QUOTE);
  await expect(popup.getByTestId('highlight-orphan')).toContainText('Could not be placed on this page');
  await popup.close();

  const lib = await h.context.newPage();
  await lib.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  await lib.getByTestId('library-show').selectOption('orphans');
  const orphan = lib.getByTestId('library-highlight').filter({ hasText: QUOTE });
  await expect(orphan).toHaveCount(1);
  await expect(orphan.getByTestId('library-orphan')).toBeVisible();
  await lib.close();
  await p.close();
  setChangingVersion(1);
});
