/**
 * "Save page to library": the popup saves the analysed page as a report; it joins the store
 * and its index at once, shows in the library, and is found as related coverage — same
 * story — on a copy of the article elsewhere, also after the worker restarts.
 */
import { expect, test } from '@playwright/test';
import { openPopup, openTab, serviceWorker, stopServiceWorkers, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

// An article written for this test, and a repost of it under another headline and layout.
const BODY = [
  'Islamic State fighters who left Raqqa last spring have turned up in the desert near Deir ez-Zor, according to two officials of a local council who spoke on Thursday.',
  'The officials said the group moved a printing press and several laptops used by its media office, and that couriers now carry memory cards between villages instead of using the internet.',
  'One of them, Khalid al-Omari, said that about 40 families had fled the area in the past month because of night raids by the militants.',
  'A resident reached by phone said the fighters were recruiting teenagers with promises of money, and that videos of the recruits were later published on messaging channels.',
  'Coalition spokesmen declined to comment on the reports, saying only that operations against the group continued along the Euphrates valley.',
];

function page(title: string, furniture: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body>
<nav>${furniture}</nav><article><h1>${title}</h1><p class="byline">By Test Reporter</p>
${BODY.map((p) => `<p>${p}</p>`).join('\n')}
</article><aside><h3>More stories</h3><ul><li>Weather this weekend</li><li>Football results</li></ul></aside>
<section class="comments"><h3>Comments</h3><form><textarea></textarea><button>Post</button></form></section></body></html>`;
}

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness({
    extra: (req, res) => {
      const routes: Record<string, string> = {
        '/original/desert-media-office.html': page(
          'Islamic State media office moves into the desert near Deir ez-Zor',
          'Home | World | Middle East',
          '<meta property="og:site_name" content="Desert Courier"><meta property="article:published_time" content="2026-11-02T09:00:00Z">',
        ),
        '/repost/story-4411.html': page('Couriers and memory cards: how ISIS keeps its propaganda going', 'News | Syria | Opinion | Subscribe'),
      };
      const body = routes[(req.url ?? '').split('?')[0]];
      if (!body) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
      return true;
    },
  });
});
test.afterAll(async () => h?.close());

test('save a page from the popup; the library lists it; a repost elsewhere finds it as the same story, also after a worker restart', async () => {
  const { tabId } = await openTab(h.context, h.url('original/desert-media-office.html'));
  expect(await waitForAnalysis(h.context, tabId)).toBe(true);
  let popup = await openPopup(h.context, h.extensionId, tabId);
  await popup.getByTestId('save-note').fill('Compare with the council statement');
  await popup.getByTestId('save-page').click();
  await expect(popup.getByTestId('save-status')).toContainText('Saved to your library');
  await expect(popup.getByTestId('saved-state')).toContainText('in your library');
  await popup.close();

  // Stored with its citation metadata, no full text; the page is not "related" to itself.
  const stored = await h.worker.evaluate(async () => {
    const db = (globalThis as any).__provenance.db;
    const r = (await db.reports.where('packId').equals('user').toArray())[0];
    return { record: r.record, hasText: 'text' in r.record };
  });
  expect(stored.hasText).toBe(false);
  expect(stored.record).toMatchObject({
    title: 'Islamic State media office moves into the desert near Deir ez-Zor',
    lang: 'en', published: '2026-11-02', note: 'Compare with the council statement', authors: ['Test Reporter'],
  });
  expect(stored.record.url).toContain('/original/desert-media-office.html');
  expect(stored.record.accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(stored.record.fingerprint.minhash).toHaveLength(64);
  popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('saved-state')).toBeVisible();
  await expect(popup.locator(`[data-report-id="${stored.record.id}"]`)).toHaveCount(0);
  await popup.close();

  const library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  await library.getByRole('searchbox').first().fill('Deir ez-Zor');
  await expect(library.getByText('Islamic State media office moves into the desert near Deir ez-Zor').first()).toBeVisible();
  await library.close();

  const expectSameStory = async () => {
    // Another site (localhost, not 127.0.0.1): another outlet republishing the story.
    const repost = await openTab(h.context, h.url('repost/story-4411.html').replace('127.0.0.1', 'localhost'));
    expect(await waitForAnalysis(h.context, repost.tabId)).toBe(true);
    const p = await openPopup(h.context, h.extensionId, repost.tabId);
    const first = p.getByTestId('related-item').first();
    await expect(first).toHaveAttribute('data-report-id', stored.record.id);
    await expect(first.locator('.reasons li').first()).toContainText('Same story');
    await expect(p.getByTestId('provenance')).toContainText('Copy of “Islamic State media office moves into the desert near Deir ez-Zor”');
    await p.close();
    await repost.page.close();
  };
  await expectSameStory();

  // Worker stopped: a new worker answers from the persisted index.
  await h.worker.evaluate(() => ((globalThis as any).__old = true));
  await stopServiceWorkers(h.context);
  await expectSameStory();
  h.worker = await serviceWorker(h.context);
  expect(await h.worker.evaluate(() => (globalThis as any).__old ?? false)).toBe(false);
});
