/**
 * The full analyser is not part of the script loaded on every page (issue #17): the worker
 * injects it (scripting.executeScript) only into pages that pass the first pass, or whose
 * reader asks for the analysis. Checked from both sides: the worker's injection log and the
 * scripts the page's renderer actually parsed (DevTools protocol). Also: a page that names
 * the group only deep in its body (past the first pass's full slice) gets the analysis.
 */
import { expect, test, type Page } from '@playwright/test';
import { inWorker, openTab } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const para = (s: string) => `<p>${s}</p>`;
// Written for this test: a local court round-up; the group is named once, in the last paragraph.
const FILLER = [
  'The district court heard eleven cases on Monday, most of them about unpaid parking fines and disputes between neighbours over fences and hedges.',
  'A bakery owner asked the court to order a supplier to pay back a deposit for an oven that was never delivered; the judge adjourned the case for a week.',
  'Two brothers who share a garden plot were told to agree on a boundary or return with a surveyor, which the judge said would cost them both more.',
  'The court clerk said the new booking system had cut waiting times in the lobby, although several lawyers complained that the forms were too long.',
];
const body = Array.from({ length: 40 }, (_, i) => para(FILLER[i % FILLER.length])).join('\n');
const DEEP = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Court round-up: fines, fences and an oven</title>
<meta property="og:type" content="article"></head><body><article><h1>Court round-up: fines, fences and an oven</h1>
${body}
${para('In the afternoon the same court sentenced a man from the port district to six years in prison for sending money to fighters of the Islamic State in Syria in 2015; he had denied the charge.')}
</article></body></html>`;
const NEVER = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Court round-up: fines and fences</title>
<meta property="og:type" content="article"></head><body><article><h1>Court round-up: fines and fences</h1>
${body}
</article></body></html>`;

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness({
    extra: (req, res) => {
      const html = req.url === '/deep-name.html' ? DEEP : req.url === '/never-named.html' ? NEVER : null;
      if (!html) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    },
  });
});
test.afterAll(async () => {
  await h?.close();
});

const injections = (tabId: number) =>
  inWorker(h.context, (id: number) => ((globalThis as any).__provenance.injectionLog as { tabId: number; part: string }[]).filter((e) => e.tabId === id).map((e) => e.part), tabId);

/** Open a page with the DevTools protocol recording every script the renderer parses. */
async function openRecorded(file: string): Promise<{ page: Page; tabId: number; parsed: () => string[] }> {
  const before: number[] = await inWorker(h.context, async () => (await chrome.tabs.query({})).map((t) => t.id!), null);
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => urls.push(e.url));
  await cdp.send('Debugger.enable');
  await page.goto(h.url(file), { waitUntil: 'load' });
  const after: number[] = await inWorker(h.context, async () => (await chrome.tabs.query({})).map((t) => t.id!), null);
  const fresh = after.filter((id) => !before.includes(id));
  if (fresh.length !== 1) throw new Error(`could not identify the tab for ${file}`);
  const tabId = fresh[0];
  return { page, tabId, parsed: () => urls.filter((u) => u.startsWith('chrome-extension:')).map((u) => new URL(u).pathname) };
}

const stateOf = (tabId: number, method: 'content/get-state' | 'content/analyse-now') =>
  inWorker(h.context, ([id, type]: [number, string]) => chrome.tabs.sendMessage(id, { type, wait: true }), [tabId, method] as [number, string]) as Promise<{ ok: boolean; page: { stage: string; quickReason?: string } | null }>;

test('a page that fails the first pass never receives the analyser, until the reader asks for the analysis', async () => {
  const { page, tabId, parsed } = await openRecorded('never-named.html');
  await page.waitForFunction(() => performance.getEntriesByName('provenance:quick').length > 0);
  await page.waitForTimeout(800);
  expect((await stateOf(tabId, 'content/get-state')).page).toMatchObject({ stage: 'quick', quickReason: 'no-topic-terms' });
  expect(await injections(tabId)).toEqual([]);
  expect(parsed()).toEqual(['/content/src-content-pin-world.js', '/content/src-content-index.js']);
  expect(await page.evaluate(() => performance.getEntriesByName('provenance:full').length)).toBe(0);

  // The popup's "analyse anyway" (content/analyse-now): now the analyser is injected, once.
  const forced = await stateOf(tabId, 'content/analyse-now');
  expect(forced.page).toMatchObject({ stage: 'full' });
  expect(await injections(tabId)).toEqual(['analyser']);
  expect(parsed().filter((u) => u.includes('analyser'))).toEqual(['/content/src-content-analyser.js']);
  await stateOf(tabId, 'content/analyse-now');
  expect(await injections(tabId)).toEqual(['analyser']); // a second request reuses it
  await page.close();
});

test('a page that names the group only deep in its body passes the first pass and gets the full analysis', async () => {
  const { page, tabId, parsed } = await openRecorded('deep-name.html');
  // The name is far past the first pass's full slice (4,000 characters).
  expect(await page.evaluate(() => (document.querySelector('article')!.textContent ?? '').indexOf('Islamic State'))).toBeGreaterThan(5_000);
  await page.waitForFunction(() => performance.getEntriesByName('provenance:full').length > 0, null, { timeout: 15_000 });
  expect((await stateOf(tabId, 'content/get-state')).page).toMatchObject({ stage: 'full' });
  expect(await injections(tabId)).toEqual(['analyser']);
  expect(parsed()).toContain('/content/src-content-analyser.js');
  expect(parsed()).not.toContain('/content/src-content-page-tools.js');
  await page.close();
});

test('the worker injects only the named parts, and only for content scripts', async () => {
  // An extension page (not a tab's content script) asking for an injection is refused by the contract.
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/src/popup/index.html`);
  const fromPage = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'page/inject', part: 'analyser' }));
  expect(fromPage).toMatchObject({ ok: false, error: expect.stringMatching(/refused/) });
  const badPart = await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'page/inject', part: '../popup/index.html' }));
  expect(badPart).toMatchObject({ ok: false, error: expect.stringMatching(/invalid message/) });
  await ext.close();
});
