/**
 * Firefox: a highlight saved through the context-menu handler (background → content script →
 * background) is drawn on the page, stored, and drawn again on the same words after reload
 * (re-anchored, the anchoring outcome stored).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openTab, waitFor, withBackground, type Firefox } from '../../scripts/lib/firefox';
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

const PHRASE = 'the foreign technicians left within a matter of days';

async function select(p: Page, phrase: string): Promise<void> {
  await waitFor(() => p.evaluate(() => performance.getEntriesByName('provenance:quick').length > 0 || performance.getEntriesByName('provenance:full').length > 0), 'the content script');
  await p.evaluate((text) => {
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
    throw new Error('phrase not on the page');
  }, phrase);
}

const drawn = (p: Page) => p.evaluate(() => [...document.querySelectorAll('provenance-highlight')].map((e) => e.textContent));
const stored = (url: string) => withBackground(ff, (pv, u: string) => pv.db.highlights.where('url').equals(u).toArray(), url);

test('a highlight saved from the context menu is drawn, stored, and re-anchored on the same words after reload', async () => {
  const url = `${server.origin}/mosul-it-experts.html?t=ff-highlight`;
  const { page, tabId } = await openTab(ff, url);
  await select(page, PHRASE);
  const saved = await withBackground(ff, (pv, id: number) => pv.contextMenuClicked({ menuItemId: 'provenance-save-highlight', editable: false }, { id }), tabId);
  expect(saved).toEqual({ ok: true, saved: true });
  await waitFor(async () => (await drawn(page)).join('') === PHRASE, 'the highlight on the page');
  const rows = await stored(url);
  expect(rows.map((r: any) => r.quote)).toEqual([PHRASE]);
  const savedAt = rows[0].anchor.at;

  await page.reload({ waitUntil: 'load' });
  await waitFor(async () => (await drawn(page)).join('') === PHRASE, 'the highlight drawn again after reload');
  await waitFor(async () => {
    const [r] = await stored(url);
    return r.anchor.at > savedAt && r.anchor.status === 'exact';
  }, 'the anchoring outcome stored');
  expect(await stored(url)).toHaveLength(1);
  await page.close();
});
