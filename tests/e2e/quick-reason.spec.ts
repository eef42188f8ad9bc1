/**
 * A page the first pass sets aside (it never names the group): the content script words the
 * reason only when the popup asks (a page's first message lookup is too dear for every page),
 * and the popup still says why the page is not about the topic.
 */
import { expect, test } from '@playwright/test';
import { openPopup, openTab } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour council approves new ferry timetable</title>
<meta property="og:type" content="article"></head><body><article><h1>Harbour council approves new ferry timetable</h1>
<p>The harbour council voted on Tuesday to add two evening crossings to the island ferry from next month, after a petition signed by more than four hundred residents.</p>
<p>Councillors said the extra crossings would be paid for by a small rise in the summer fare, and that the morning timetable would not change.</p>
<p>The ferry operator said it would publish the new times on its website next week.</p>
</article></body></html>`;

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness({
    extra: (req, res) => {
      if (req.url !== '/ferry-timetable.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return true;
    },
  });
});
test.afterAll(async () => {
  await h?.close();
});

test('a page that never names the group: "Not about", with the first pass\'s reason worded on request', async () => {
  const { tabId } = await openTab(h.context, h.url('ferry-timetable.html'));
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('Not about');
  await expect(popup.getByTestId('reason')).toContainText('does not name the Islamic State in its headline, metadata or text');
});
