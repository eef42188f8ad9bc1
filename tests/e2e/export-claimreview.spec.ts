/**
 * ClaimReview out in the real extension: on the library page the user picks claims of a
 * saved report, gives verdicts (rating name, 1–5 value, notes) and exports; the download is
 * schema.org ClaimReview JSON-LD that passes tests/support/claimreview.schema.json, the
 * verdicts are kept by the worker, and the page makes no request outside the extension.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inWorker, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import schema from '../support/claimreview.schema.json' with { type: 'json' };
import { checkSchema } from '../support/json-schema-check';
import { startHarness, type Harness } from './harness';

const URL_SAVED = 'https://desk.example/2025/06/strike?utm_source=newsletter';
let h: Harness;
let library: Page;
const requests: string[] = [];

test.beforeAll(async () => {
  h = await startHarness();
  h.context.on('request', (r) => requests.push(r.url()));
  await inWorker(h.context, async ({ url, source }) => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    await p.db.sources.put(source);
    await p.db.reports.put({
      id: 'user-strike', packId: 'user', sourceId: source.id, published: '2025-06-02', n: 9_000_101, urls: ['desk.example/2025/06/strike'], addedAt: Date.UTC(2025, 5, 3, 9),
      record: {
        id: 'user-strike', title: 'Strike near the border', sourceId: source.id, url, published: '2025-06-02', lang: 'en', authors: ['Awa Traoré'],
        summary: 'A strike and its toll.', tags: [], accessed: '2025-06-03',
        claims: [
          { subject: 'fighters killed', text: 'At least 40 fighters were killed in the strike', attributedTo: 'the defence ministry' },
          { subject: 'families displaced', text: 'Some 300 families left the village' },
        ],
      },
      features: { terms: {}, entityKeys: [], urls: ['desk.example/2025/06/strike'], figures: [] },
    });
  }, { url: URL_SAVED, source: { id: 'user-desk.example', name: 'Desk Example', domains: ['desk.example'], type: 'news-site', country: '', languages: ['en'], notes: '', packId: 'user' } });
  library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  await expect(library.getByTestId('claimreview-panel')).toBeVisible();
});
test.afterAll(async () => {
  await h?.close();
});

test('pick claims, give verdicts, export valid ClaimReview JSON-LD', async () => {
  await expect(library.getByTestId('claimreview-claims')).toContainText('At least 40 fighters were killed in the strike');
  await library.getByTestId('claimreview-rating-0').fill('Mostly false');
  await expect(library.getByTestId('claimreview-value-0')).toHaveValue('2'); // the preset's value
  await library.getByTestId('claimreview-notes-0').fill('The ministry revised the figure to 12 <b>two days later</b>.');
  await library.getByTestId('claimreview-reviewer').fill('Desk Checkers');
  await library.getByTestId('claimreview-url').fill('https://checkers.example/2025/06/strike-toll');
  // Claim 2 is left unticked: not exported.
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('claimreview-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^claimreview-user-strike-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(checkSchema(schema, json)).toEqual([]);
  expect(json).toHaveLength(1);
  expect(json[0]).toMatchObject({
    '@context': 'https://schema.org', '@type': 'ClaimReview', url: 'https://checkers.example/2025/06/strike-toll',
    claimReviewed: 'At least 40 fighters were killed in the strike',
    reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
    author: { '@type': 'Organization', name: 'Desk Checkers' },
    reviewBody: 'The ministry revised the figure to 12 <b>two days later</b>.',
    itemReviewed: {
      '@type': 'Claim', author: { '@type': 'Organization', name: 'the defence ministry' },
      appearance: { url: 'https://desk.example/2025/06/strike', archivedAt: 'https://web.archive.org/web/20250603000000/https://desk.example/2025/06/strike' },
    },
  });
  await expect(library.getByTestId('claimreview-status')).toContainText('1 ClaimReview');
  // The notes are shown as text, never as markup.
  expect(await library.getByTestId('claimreview-panel').locator('b').count()).toBe(0);

  // The verdict is kept by the worker and shown again after a reload.
  const verdicts = await inWorker(h.context, () => (globalThis as any).__provenance.db.settings.get('claim-verdicts:user-strike'), null);
  expect(verdicts.value).toMatchObject([{ claimIndex: 0, rating: 'Mostly false', ratingValue: 2 }]);
  await library.reload();
  await expect(library.getByTestId('claimreview-rating-0')).toHaveValue('Mostly false');
  await expect(library.getByTestId('claimreview-reviewer')).toHaveValue('Desk Checkers');

  // Nothing left the machine.
  const ext = `chrome-extension://${h.extensionId}/`;
  expect(requests.filter((u) => !u.startsWith(ext) && !u.startsWith(h.server.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
});

test('a verdict without a published fact-check address is refused with the reason', async () => {
  await library.getByTestId('claimreview-url').fill('');
  await library.getByTestId('claimreview-export').click();
  await expect(library.getByTestId('claimreview-status')).toContainText('Nothing exported');
  await expect(library.getByTestId('claimreview-status')).toContainText('page that publishes your fact check');
});

test('the verdict methods answer extension pages only, never a content script', async () => {
  const { page, tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  await waitForAnalysis(h.context, tabId);
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Provenance');
  expect(isolated, 'the content script world').toBeTruthy();
  const messages = [
    { type: 'claims/verdicts', reportId: 'user-strike' },
    { type: 'claims/set-verdict', reportId: 'user-strike', claimIndex: 1, rating: 'False', ratingValue: 1 },
    { type: 'claims/export-review', reportId: 'user-strike', claimIndexes: [0], reviewer: { name: 'x', type: 'Person' }, reviewUrl: 'https://x.example/' },
  ];
  for (const msg of messages) {
    const r = await cdp.send('Runtime.evaluate', { expression: `chrome.runtime.sendMessage(${JSON.stringify(msg)})`, contextId: isolated!.id, awaitPromise: true, returnByValue: true });
    const reply = r.result.value as { ok: boolean; error?: string };
    expect(reply.ok, msg.type).toBe(false);
    expect(reply.error, msg.type).toMatch(/^refused: only extension pages/);
  }
  await cdp.detach();
  const verdicts = await inWorker(h.context, () => (globalThis as any).__provenance.db.settings.get('claim-verdicts:user-strike'), null);
  expect(verdicts.value.map((v: { claimIndex: number }) => v.claimIndex)).toEqual([0]); // claim 2 untouched
  await page.close();
});
