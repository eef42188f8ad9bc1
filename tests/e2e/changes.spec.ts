/**
 * "Changed since you saved it" (issue #16): a page served in two versions. Saved on the first
 * visit; on a later visit (second version: headline changed, one paragraph edited, one
 * removed) the popup says exactly that, a highlight on the edited paragraph says so, and the
 * library shows both versions side by side with the changed words marked. Written for this test.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { inWorker, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const P = [
  'Islamic State fighters who left Raqqa were seen this autumn in the desert south of Deir ez-Zor, two members of a local council said on Thursday.',
  'The council members said about 40 families had fled three villages in the past month because of night raids by the militants.',
  'A resident reached by phone said the fighters had taken a printing press and several laptops from the old media office of the group.',
  'The coalition said its aircraft had struck two hideouts in the area, without giving the number of people killed in the strikes.',
  'Local officials said schools in the three villages would stay closed until the end of the month while patrols continued.',
];
const V2 = [P[0], P[1].replace('about 40 families', 'more than 60 families').replace('past month', 'past six weeks'), P[2], P[4]];

let version = 1;
let hlVersion = 1;
function html(v: number): string {
  const title = v === 1 ? 'Families flee Islamic State raids near Deir ez-Zor' : 'Dozens of families flee militant raids in eastern Syria';
  const body = v === 1 ? P : V2;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2026-11-02T09:00:00Z"></head><body>
<article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness({
    extra: (req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/changing/story.html' && path !== '/changing/highlighted.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html(path === '/changing/story.html' ? version : hlVersion));
      return true;
    },
  });
});
test.afterAll(async () => h?.close());

test('saved, then changed: the popup says what changed, a highlight on the edited paragraph says so, the library shows the diff', async () => {
  const url = h.url('changing/story.html');
  const first = await openTab(h.context, url);
  expect(await waitForAnalysis(h.context, first.tabId)).toBe(true);
  let popup = await openPopup(h.context, h.extensionId, first.tabId);
  await expect(popup.getByTestId('changes')).toHaveCount(0);
  await popup.getByTestId('save-page').click();
  await expect(popup.getByTestId('save-status')).toContainText('Saved to your library');
  await popup.close();
  await first.page.close();

  // The text is kept locally, per paragraph, and not in the report (nor in packs).
  const kept = await h.worker.evaluate(async (u: string) => {
    const p = (globalThis as any).__provenance;
    const row = await p.db.pageTexts.get(u);
    const exported = JSON.stringify(await p.exportPacks());
    return { paragraphs: row?.paragraphs.length, fingerprints: row?.fingerprints.length, reason: row?.reason, inPack: exported.includes('printing press and several laptops') };
  }, url);
  expect(kept).toEqual({ paragraphs: 5, fingerprints: 5, reason: 'saved', inPack: false });
  // A highlight on the paragraph that will be edited.
  await h.worker.evaluate(async (u: string) => {
    const quote = 'about 40 families had fled three villages';
    await (globalThis as any).__provenance.db.highlights.put({
      id: 'hl-changes-1', url: u, quote, selectors: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
      tags: [], color: 'yellow', createdAt: Date.now(), updatedAt: Date.now(),
    });
  }, url);

  version = 2;
  const second = await openTab(h.context, url);
  expect(await waitForAnalysis(h.context, second.tabId)).toBe(true);
  popup = await openPopup(h.context, h.extensionId, second.tabId);
  await expect(popup.getByTestId('changes')).toBeVisible();
  await expect(popup.getByTestId('change')).toHaveText(['Headline changed', '1 paragraph edited', '1 paragraph removed']);
  await expect(popup.getByTestId('changes')).toContainText('Families flee Islamic State raids near Deir ez-Zor');
  await expect(popup.getByTestId('highlight-changed')).toHaveCount(1);
  await popup.close();

  const library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  const v = library.getByTestId('versions');
  await expect(v).toHaveCount(1);
  await expect(v.getByTestId('versions-edited')).toHaveCount(1);
  await expect(v.getByTestId('versions-removed')).toHaveCount(1);
  await expect(v.getByTestId('versions-removed')).toContainText('The coalition said its aircraft');
  await expect(v.getByTestId('versions-edited').getByTestId('diff-del')).toHaveText(['about 40', 'month']);
  await expect(v.getByTestId('versions-edited').getByTestId('diff-ins')).toHaveText(['more than 60', 'six weeks']);
  await expect(v.getByTestId('versions-title').getByTestId('diff-ins').first()).toBeVisible();
  await library.close();
});

/** Select `phrase` (inside one text node) as a user's drag would. */
async function select(p: Page, phrase: string): Promise<void> {
  await p.waitForFunction(() => performance.getEntriesByName('provenance:quick').length > 0 || performance.getEntriesByName('provenance:full').length > 0);
  await p.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(phrase);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + phrase.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return;
    }
    throw new Error(`not on the page: ${phrase}`);
  }, phrase);
}

test('highlighted (not saved), then changed: the popup says so and marks the highlight on the edited paragraph', async () => {
  const url = h.url('changing/highlighted.html');
  const first = await openTab(h.context, url);
  expect(await waitForAnalysis(h.context, first.tabId)).toBe(true);
  await select(first.page, 'about 40 families had fled');
  await inWorker(h.context, (id: number) => (globalThis as any).__provenance.contextMenuClicked({ menuItemId: 'provenance-save-highlight', editable: false }, { id }), first.tabId);
  await expect.poll(() => inWorker(h.context, async (u: string) => (await (globalThis as any).__provenance.db.pageTexts.get(u))?.reason ?? null, url)).toBe('highlight');
  await first.page.close();

  hlVersion = 2;
  const second = await openTab(h.context, url);
  expect(await waitForAnalysis(h.context, second.tabId)).toBe(true);
  const popup = await openPopup(h.context, h.extensionId, second.tabId);
  await expect(popup.getByTestId('changes')).toContainText('Changed since you highlighted it');
  await expect(popup.getByTestId('change')).toHaveText(['Headline changed', '1 paragraph edited', '1 paragraph removed']);
  await expect(popup.getByTestId('highlight')).toHaveCount(1);
  await expect(popup.getByTestId('highlight-changed')).toHaveCount(1);
  await popup.close();
});
