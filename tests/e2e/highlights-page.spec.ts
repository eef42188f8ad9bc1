/**
 * User highlights (issue #6) in the real extension, the page's side: late content anchored
 * when it arrives; page CSS and scripts against our UI and notes; a content script acting
 * only on its own page; the highlight code loaded only when needed. The user's side:
 * highlights.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { openPopup, openTab } from '../../scripts/lib/browser';
import type { Harness } from './harness';
import { clickNode, computed, contextMenuClick, drawnTexts, evalInContentScript, ourUi, select, startHighlightsHarness, stored, uiButtons } from './highlights-lib';

let h: Harness;
test.beforeAll(async () => {
  h = await startHighlightsHarness();
});
test.afterAll(async () => {
  await h?.close();
});

test('text inserted 2 s after load is anchored when it arrives', async () => {
  const url = h.url('hl/late.html');
  const QUOTE = 'confirming the road closure near the old bridge';
  const { page: p } = await openTab(h.context, url);
  await p.waitForSelector('#late p', { timeout: 5_000 });
  await select(p, QUOTE);
  await p.keyboard.press('Alt+Shift+H');
  await expect.poll(() => drawnTexts(p)).toEqual([QUOTE]);
  const [row] = await stored(url);

  await p.reload();
  expect(await p.locator('#late p').count()).toBe(0);
  await p.waitForSelector('#late p', { timeout: 5_000 });
  // Drawn as soon as it arrives (the DOM observer), not only at the end of the 5 s window.
  await expect.poll(() => drawnTexts(p), { timeout: 1_500 }).toEqual([QUOTE]);
  // Reported as placed on this visit, and not turned into an orphan when the retry window closes.
  await expect.poll(async () => { const a = (await stored(url))[0].anchor; return a.at > row.anchor.at && a.status; }).toBe('exact');
  await p.waitForTimeout(5_500);
  expect((await stored(url))[0].anchor.status).toBe('exact');
  expect(await drawnTexts(p)).toEqual([QUOTE]);
  await p.close();
});

test('page CSS cannot hide or restyle the selection button or the highlights; the page cannot reach our shadow root', async () => {
  const url = h.url('hl/hostile.html');
  const PHRASE = 'restyle anything an extension adds';
  const { page: p } = await openTab(h.context, url);
  await select(p, PHRASE);
  await expect.poll(() => uiButtons(p)).toContain('Save highlight');
  const ui = await ourUi(p);
  expect(await computed(ui.cdp, ui.host!.nodeId, ['display', 'position', 'color'])).toEqual({ display: 'block', position: 'fixed', color: 'rgb(0, 0, 0)' });
  const save = ui.buttons.find((b) => b.text === 'Save highlight')!;
  const style = await computed(ui.cdp, save.node.nodeId, ['color', 'background-color', 'font-size', 'display']);
  expect(style.color).toBe('rgb(30, 58, 138)');
  expect(style['background-color']).not.toBe('rgb(255, 0, 0)');
  expect(style['font-size']).toBe('13px');
  expect(style.display).not.toBe('none');
  expect(await p.evaluate(() => document.querySelector('provenance-ui')?.shadowRoot ?? 'no access')).toBe('no access');

  await clickNode(p, ui.cdp, save.node.nodeId);
  await expect.poll(() => drawnTexts(p)).toEqual([PHRASE]);
  const hl = await p.evaluate(() => { const s = getComputedStyle(document.querySelector('provenance-highlight')!); return [s.display, s.backgroundColor]; });
  expect(hl).toEqual(['inline', 'rgba(250, 204, 21, 0.45)']);

  // The in-page Undo removes it (soft delete in the store).
  const after = await ourUi(p);
  await clickNode(p, after.cdp, after.buttons.find((b) => b.text === 'Undo')!.node.nodeId);
  await after.cdp.detach();
  await expect.poll(() => drawnTexts(p)).toEqual([]);
  expect((await stored(url))[0].deletedAt).toBeGreaterThan(0);
  await ui.cdp.detach();
  await p.close();
});

test('a content script acts only on its own page: no notes, no other pages, no popup messages', async () => {
  const urlA = h.url('propaganda-defectors.html?t=own');
  const a = await openTab(h.context, urlA);
  await select(a.page, 'propaganda');
  expect(await contextMenuClick(a.tabId)).toEqual({ ok: true, saved: true });
  const [row] = await stored(urlA);
  const lib = await h.context.newPage();
  await lib.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  expect((await lib.evaluate((id) => chrome.runtime.sendMessage({ type: 'highlights/edit', id, note: 'secret-note-xyz' }), row.id)).ok).toBe(true);
  await lib.close();

  const ownView = await evalInContentScript(a.page, `chrome.runtime.sendMessage({ type: 'highlights/for-page' })`);
  expect(ownView.highlights.map((x: any) => x.id)).toEqual([row.id]);
  expect(JSON.stringify(ownView)).not.toContain('secret-note-xyz');

  const b = await openTab(h.context, h.url('passing-mention.html?t=own'));
  expect((await evalInContentScript(b.page, `chrome.runtime.sendMessage({ type: 'highlights/for-page' })`)).highlights).toEqual([]);
  const edit = await evalInContentScript(b.page, `chrome.runtime.sendMessage({ type: 'highlights/page-edit', id: ${JSON.stringify(row.id)}, deleted: true })`);
  expect(edit).toEqual({ ok: false, error: 'no such highlight' });
  const list = await evalInContentScript(b.page, `chrome.runtime.sendMessage({ type: 'highlights/list', url: ${JSON.stringify(urlA)} })`);
  expect(list.ok).toBe(false);
  expect(list.error).toMatch(/refused/);
  const anchored = await evalInContentScript(b.page, `chrome.runtime.sendMessage({ type: 'highlights/anchored', results: [{ id: ${JSON.stringify(row.id)}, status: 'orphan', reason: 'not-found' }] })`);
  expect(anchored).toEqual({ ok: true, updated: 0 });
  const [after] = await stored(urlA);
  expect(after.deletedAt).toBeUndefined();
  expect(after.anchor.status).toBe('exact');
  await a.page.close();
  await b.page.close();
});

test('pages without highlights do not run the highlight code until text is selected', async () => {
  // Only the small boot script is loaded on every page (issue #17); the highlight code is in
  // the page tools, which the worker injects when text is selected: no UI host until then.
  const { page: p } = await openTab(h.context, h.url('passing-mention.html?t=lazy'));
  await p.waitForFunction(() => performance.getEntriesByName('provenance:quick').length > 0);
  const cdp = await p.context().newCDPSession(p);
  const scripts: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => scripts.push(e.url));
  await cdp.send('Debugger.enable');
  await p.waitForTimeout(300);
  expect(scripts.some((u) => u.includes('src-content-index'))).toBe(true); // the content script itself is seen
  expect(scripts.filter((u) => u.includes('src-content-page-tools'))).toEqual([]);
  expect(await p.evaluate(() => document.querySelectorAll('provenance-ui').length)).toBe(0);
  const before = scripts.length;
  await select(p, 'the');
  await expect.poll(() => p.evaluate(() => document.querySelectorAll('provenance-ui').length)).toBe(1);
  const injected = scripts.slice(before).filter((u) => u.startsWith('chrome-extension:'));
  expect(injected.map((u) => new URL(u).pathname)).toEqual(['/content/src-content-page-tools.js']);
  await cdp.detach();
  // The popup's empty state says how to save one.
  const { tabId } = await openTab(h.context, h.url('passing-mention.html?t=empty'));
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('highlights-empty')).toContainText('Save highlight');
  await expect(popup.getByTestId('highlight')).toHaveCount(0);
  await popup.close();
  await p.close();
});
