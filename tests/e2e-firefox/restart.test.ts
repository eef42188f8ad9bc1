/**
 * Firefox: the background page (Firefox's event page, where Chromium has a service worker) is
 * stopped when idle — here after 2 s instead of 30 s, through Firefox's own idle timeout — and
 * started again by the next event, with nothing lost: the tab's analysis, its badge, a saved
 * highlight (drawn again after reload) and an imported pack; and a new page is analysed by the
 * new background.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { testPack } from '../e2e/pack-fixtures';
import { badgeText, inExtension, launchFirefox, openPopup, openTab, storedAnalysis, testIdCount, waitFor, waitForAnalysis, withBackground, type Firefox } from '../../scripts/lib/firefox';
import { startDemoServer, type StaticServer } from './server';

const IDLE_MS = 2_000;
let ff: Firefox;
let server: StaticServer;
beforeAll(async () => {
  server = await startDemoServer();
  ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': IDLE_MS } });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** The running background page's marker, without waking it: extension.getBackgroundPage() is null while it is stopped. */
const runningMarker = () =>
  inExtension(ff, () => {
    const bg = (globalThis as any).browser.extension.getBackgroundPage();
    return bg ? { running: true, marker: bg.__provenance?.marker ?? null } : { running: false, marker: null };
  }, null);

test('background stopped when idle and started again by the next event: nothing lost', async () => {
  // Before: an analysed page with its badge, a highlight, an imported pack; the background marked.
  const url = `${server.origin}/mosul-it-experts.html?t=ff-restart`;
  const { page, tabId } = await openTab(ff, url);
  const analysis = await waitForAnalysis(ff, tabId);
  const badge = await waitFor(async () => (/^\d+$/.test(await badgeText(ff, tabId)) ? badgeText(ff, tabId) : null), 'the badge');
  const phrase = 'the foreign technicians left within a matter of days';
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(text);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return;
    }
  }, phrase);
  expect(await withBackground(ff, (pv, id: number) => pv.contextMenuClicked({ menuItemId: 'provenance-save-highlight', editable: false }, { id }), tabId)).toEqual({ ok: true, saved: true });
  const packText = JSON.stringify(testPack({ id: 'restart-pack', reports: 2 }));
  expect(await withBackground(ff, async (pv, text: string) => (await pv.importPackText(text)).status ?? 'done', packText)).toBeTruthy();
  await withBackground(ff, (pv) => void (pv.marker = 'before'), null);
  expect(await runningMarker()).toEqual({ running: true, marker: 'before' });

  // Firefox stops the idle background page.
  await waitFor(async () => !(await runningMarker()).running, 'the background page to stop', 60_000 + IDLE_MS);

  // Nothing lost: the tab's analysis and badge are still there (read without the background).
  expect(await storedAnalysis(ff, tabId)).toEqual(analysis);
  expect(await badgeText(ff, tabId)).toBe(badge);
  // The popup wakes a new background, which answers from the stored analysis.
  const popup = await openPopup(ff, tabId);
  expect(await testIdCount(popup, 'related-item')).toBe(Number(badge));
  await popup.close();
  const after = await runningMarker();
  expect(after.running).toBe(true);
  expect(after.marker).toBeNull(); // a new background page
  // The highlight and the pack are in the store; the highlight is drawn again after reload.
  const rows = await withBackground(ff, (pv, u: string) => pv.db.highlights.where('url').equals(u).toArray(), url);
  expect(rows.map((r: any) => r.quote)).toEqual([phrase]);
  expect(await withBackground(ff, (pv) => pv.db.packs.get('restart-pack').then((p: any) => !!p), null)).toBe(true);
  await page.reload({ waitUntil: 'load' });
  await waitFor(() => page.evaluate((t) => [...document.querySelectorAll('provenance-highlight')].map((e) => e.textContent).join('') === t, phrase), 'the highlight drawn after reload');

  // Stopped again, then a new page wakes it: analysed and badged by the new background.
  await waitFor(async () => !(await runningMarker()).running, 'the background page to stop again', 60_000 + IDLE_MS);
  const other = await openTab(ff, `${server.origin}/detainees-transfer-ar.html`);
  await waitForAnalysis(ff, other.tabId);
  await waitFor(async () => /^\d+$/.test(await badgeText(ff, other.tabId)), 'the badge of a page analysed after the restart');
  await other.page.close();
  await page.close();
});
