/**
 * ClaimReview in (issue #16): a fact-check page carrying schema.org ClaimReview (JSON-LD in
 * an @graph) shows its fact-check in the popup — the claim, who made it, the rating with its
 * scale, the reviewer, the date — as text only; saving it keeps the review in the report and
 * the library shows it; a second page making the same claim shows "fact-checked by …" with
 * the reason for the match. Pages written for this test.
 */
import { expect, test } from '@playwright/test';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const CLAIM = 'A convoy of 300 Islamic State fighters crossed the border at al-Qaim last week';

const review = {
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'WebSite', name: 'Border Checks' },
    {
      '@type': 'ClaimReview',
      url: 'http://127.0.0.1/fc/convoy-claim.html',
      datePublished: '2026-10-20',
      claimReviewed: CLAIM,
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'A <i>channel</i> of the group' }, firstAppearance: { '@type': 'CreativeWork', url: 'https://channel.example/post/77' } },
      author: { '@type': 'Organization', name: 'Border Checks Desk' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
    },
  ],
};

const FC_BODY = [
  'A message shared on channels close to Islamic State said that a large convoy of its fighters had crossed from Syria into Iraq at al-Qaim during the past week.',
  'We compared the two photographs attached to the message with satellite images of the crossing and with earlier pictures published by local reporters in 2019.',
  'Both photographs show a road layout that does not match the al-Qaim crossing, and one of them appeared online three years ago in a story about a different province.',
  'Border guards and two residents of the town told us they had seen no such convoy, and no other outlet reported any movement of fighters at the crossing.',
  'We rate the claim False: the pictures are old and show another place, and nothing supports the number given in the message.',
];
const NEWS_BODY = [
  'Officials in Anbar province spent the week answering questions about the security of the western border with Syria and about the remaining cells of Islamic State.',
  `${CLAIM}, according to a statement posted by supporters of the group on Monday.`,
  'Iraqi border guards said they were checking the report and that patrols along the Euphrates valley had been reinforced since the summer.',
  'A local council member said residents of al-Qaim were worried about sleeper cells but had not seen fighters in the town in recent months.',
  'The coalition declined to comment on the statement, saying only that operations against the group continued in the desert.',
];

function html(title: string, body: string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
<article><h1>${title}</h1><p class="byline">By Test Writer</p>${body.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness({
    extra: (req, res) => {
      const routes: Record<string, string> = {
        '/fc/convoy-claim.html': html('Fact-check: no Islamic State convoy crossed at al-Qaim', FC_BODY, `<script type="application/ld+json">${JSON.stringify(review)}</script>`),
        '/news/anbar-border.html': html('Anbar officials questioned over Islamic State border claims', NEWS_BODY),
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

test('a ClaimReview page shows its fact-check; saved, the library shows it; a page making the same claim shows "fact-checked by"', async () => {
  const fc = await openTab(h.context, h.url('fc/convoy-claim.html'));
  expect(await waitForAnalysis(h.context, fc.tabId)).toBe(true);
  let popup = await openPopup(h.context, h.extensionId, fc.tabId);
  const section = popup.getByTestId('factcheck');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('factcheck-claim')).toHaveText(CLAIM);
  await expect(section.getByTestId('factcheck-rating')).toHaveText('False (1 of 5)');
  await expect(section.getByTestId('factcheck-reviewer')).toHaveText('Border Checks Desk');
  await expect(section.getByTestId('factcheck-date')).toHaveText('2026-10-20');
  // Untrusted text is text: the markup in the claim's author is shown, not made into an element.
  await expect(section.getByTestId('factcheck-author')).toHaveText('A <i>channel</i> of the group');
  await expect(section.locator('i')).toHaveCount(0);

  // Saved: the report keeps the review; the library shows it.
  await popup.getByTestId('save-page').click();
  await expect(popup.getByTestId('save-status')).toContainText('Saved to your library');
  await popup.close();
  const saved = await h.worker.evaluate(async () => {
    const db = (globalThis as any).__provenance.db;
    return (await db.reports.where('packId').equals('user').toArray()).map((r: any) => r.record.claimReviews);
  });
  expect(saved).toEqual([[expect.objectContaining({ claimReviewed: CLAIM, ratingName: 'False', ratingValue: 1, bestRating: 5, reviewer: 'Border Checks Desk', claimAuthor: 'A <i>channel</i> of the group' })]]);
  const library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  await expect(library.getByTestId('library-factcheck')).toContainText('False (1 of 5)');
  await expect(library.getByTestId('library-factcheck')).toContainText('Border Checks Desk');
  await library.close();

  // Another page making the same claim.
  const news = await openTab(h.context, h.url('news/anbar-border.html'));
  expect(await waitForAnalysis(h.context, news.tabId)).toBe(true);
  popup = await openPopup(h.context, h.extensionId, news.tabId);
  const checked = popup.getByTestId('claim-factcheck');
  await expect(checked).toHaveCount(1);
  await expect(checked).toContainText('Fact-checked by Border Checks Desk: False (1 of 5)');
  await expect(checked.getByTestId('claim-factcheck-reason')).toContainText('same figure 300');
  // No fact-check section: this page carries no ClaimReview of its own.
  await expect(popup.getByTestId('factcheck')).toHaveCount(0);
  await popup.close();
});
