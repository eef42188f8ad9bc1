import { expect, test, type Page } from '@playwright/test';
import { openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const forgedPage = {
  stage: 'full', url: 'http://evil.test/', title: 'forged', titleDerived: false, siteName: null, byline: null,
  published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 1, text: 'x',
  verdict: { topicId: 'islamic-state', topicLabel: 'x', score: 1, onTopic: true, reason: 'x', evidence: [], lang: 'en' },
};

/** Evaluate code in the extension content script's isolated world of `page`, through the DevTools protocol. */
async function evalInContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Provenance');
  if (!isolated) throw new Error(`no Provenance content-script world (saw: ${contexts.map((c) => c.name).join(', ')})`);
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  return r.result.value;
}

test('a web page cannot message the worker', async () => {
  const { page } = await openTab(h.context, h.url('mosul-it-experts.html'));
  const result = await page.evaluate(async (extId) => {
    const rt = (globalThis as any).chrome?.runtime;
    if (!rt?.sendMessage) return 'no-runtime';
    try {
      await rt.sendMessage(extId, { type: 'store/stats' });
      return 'sent';
    } catch (e) {
      return 'error: ' + String(e);
    }
  }, h.extensionId);
  expect(result === 'no-runtime' || result.startsWith('error')).toBe(true);
  await page.close();
});

test('the worker refuses control messages from a content script and page data from an extension page', async () => {
  const { page, tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  await waitForAnalysis(h.context, tabId);
  const fromContent = (await evalInContentScript(
    page,
    `chrome.runtime.sendMessage({ type: 'popup/get-state', tabId: ${tabId} })`,
  )) as { ok: boolean; error?: string };
  expect(fromContent.ok).toBe(false);
  expect(fromContent.error).toMatch(/refused/);

  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  const fromExtPage = await ext.evaluate((p) => chrome.runtime.sendMessage({ type: 'page/analysed', page: p }), forgedPage);
  expect(fromExtPage.ok).toBe(false);
  expect(fromExtPage.error).toMatch(/refused: page data must come from a (tab|content script)/);
  await ext.close();
  await page.close();
});

test('malformed payloads are rejected with a reason and change nothing', async () => {
  const { page } = await openTab(h.context, h.url('passing-mention.html'));
  const bad = [
    { type: 'page/analysed', page: { ...forgedPage, verdict: { ...forgedPage.verdict, score: 7 } } },
    { type: 'page/analysed', page: { ...forgedPage, text: 'x'.repeat(70_000) } },
    { type: 'page/analysed' },
    { type: 'nope' },
    'just a string',
    null,
  ];
  for (const msg of bad) {
    const r = (await evalInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`)) as { ok: boolean; error?: string };
    expect(r.ok, JSON.stringify(msg).slice(0, 80)).toBe(false);
    expect(r.error).toMatch(/invalid message/);
  }
  // A well-formed page report from the real content script world is accepted.
  const good = (await evalInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify({ type: 'page/analysed', page: forgedPage })})`)) as { ok: boolean };
  expect(good.ok).toBe(true);
  await page.close();
});

test('the database methods of the library and options pages answer extension pages only', async () => {
  const { page, tabId } = await openTab(h.context, h.url('mosul-it-experts.html'));
  await waitForAnalysis(h.context, tabId);
  const dbMethods = [
    { type: 'library/data' },
    { type: 'library/export', format: 'own' },
    { type: 'packs/export' },
    { type: 'highlights/import', text: '[]' },
  ];
  for (const msg of dbMethods) {
    const r = (await evalInContentScript(page, `chrome.runtime.sendMessage(${JSON.stringify(msg)})`)) as { ok: boolean; error?: string };
    expect(r.ok, msg.type).toBe(false);
    expect(r.error, msg.type).toMatch(/^refused: only extension pages/);
  }
  const library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  const data = await library.evaluate(() => chrome.runtime.sendMessage({ type: 'library/data' }));
  expect(data.ok).toBe(true);
  expect(data.reports.length).toBeGreaterThan(0);
  const file = await library.evaluate(() => chrome.runtime.sendMessage({ type: 'library/export', format: 'markdown' }));
  expect(file).toMatchObject({ ok: true, file: { encoding: 'base64', type: 'application/zip' } });
  await library.close();
  await page.close();
});
