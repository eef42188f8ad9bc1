/**
 * A hostile page (tests/fixtures/hostile/article.html): an on-topic article whose main world
 * forges our internal messages, tries to reach the extension's messaging and files, clobbers
 * DOM globals, pollutes Object/Array/String prototypes and JSON, and carries XSS payloads in
 * its title, meta tags, JSON-LD and body. The extension must analyse it as it analyses a clean
 * copy of the same page, run none of the payloads anywhere, and leak none of its data to it.
 *
 * Playwright's page.evaluate runs in the page's main world, where the hostile script has broken
 * the builtins; until the page's own `__hostile.restore()` is called these tests talk to the
 * main world over the DevTools protocol only (primitive results), and reach the content script's
 * isolated world the same way.
 *
 * That the worker refuses control messages sent from a content script (and page data sent from
 * an extension page) is tested in messages.spec.ts ("the worker refuses control messages from a
 * content script and page data from an extension page"); here the page world cannot reach the
 * runtime at all.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { badgeText, inWorker, openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const FIXTURE = path.resolve('tests/fixtures/hostile/article.html');
const HEADLINE = "Islamic State's Mosul propaganda office loses its foreign technicians";
/** The markers around the hostile parts of the fixture (kept in the hostile copy, dropped from the clean one). */
const HOSTILE_PART = /<!--H-->[\s\S]*?<!--\/H-->/g;
const MARKER = /<!--\/?H-->/g;

let h: Harness;

test.beforeAll(async () => {
  h = await startHarness({
    extra: async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/pwned')) {
        res.writeHead(204);
        res.end();
        return true;
      }
      if (url.pathname !== '/hostile/article.html' && url.pathname !== '/hostile/clean.html') return false;
      const raw = await readFile(FIXTURE, 'utf8');
      const html = url.pathname === '/hostile/clean.html' ? raw.replace(HOSTILE_PART, '') : raw.replace(MARKER, '').replaceAll('__ORIGIN__', h.server.origin);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return true;
    },
  });
});
test.afterAll(async () => {
  await h?.close();
});

interface ExecutionContext { id: number; name: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }

/**
 * Evaluate `expression` over the DevTools protocol in the page's main world (world 'main') or in
 * the extension content script's isolated world ('content'), returning a primitive by value. The
 * expression must not rely on builtins the hostile page replaced while it is polluted.
 */
async function evalIn(page: Page, world: 'main' | 'content', expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ExecutionContext));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const top = contexts.filter((c) => c.auxData?.frameId === frameTree.frame.id);
  const ctx = world === 'main' ? top.find((c) => c.auxData?.isDefault) : top.find((c) => c.auxData?.type === 'isolated' && c.name === 'Provenance');
  if (!ctx) throw new Error(`no ${world} world in the page (saw: ${contexts.map((c) => c.name || c.auxData?.type).join(', ')})`);
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(`${world} world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

async function tabState(tabId: number): Promise<any> {
  return inWorker(h.context, async (id: number) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
}

async function openHostile(): Promise<{ page: Page; tabId: number }> {
  const opened = await openTab(h.context, h.url(`hostile/article.html#ext=${h.extensionId}`));
  expect(await waitForAnalysis(h.context, opened.tabId), 'the hostile page was analysed').toBe(true);
  return opened;
}

/** Run the page's own restore() (puts its builtins back and removes its clobbering elements). */
async function restorePage(page: Page): Promise<void> {
  expect(await evalIn(page, 'main', 'window.__hostile.restore()')).toBe('restored');
}

/** Whether a payload ran here: every payload sets top.__pwned (an own property of this window). */
const PWNED = `String(Object.getOwnPropertyDescriptor(window, '__pwned') ? window.__pwned : 'clean')`;
/** What the hostile page itself carries (see assertInert). */
const PAGE_OWN = ['inline SCRIPT', 'inline SCRIPT', 'META[content=javascript:]', 'LINK[href=javascript:]', 'A[href=javascript:]'];

/**
 * No element that the payloads would create, no inline event handler and no javascript: URL,
 * beyond those the page itself carries (`own`, for the hostile page: its script, its JSON-LD, its
 * javascript: link, og:url and canonical link).
 */
async function assertInert(page: Page, where: string, own: string[] = []): Promise<void> {
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
        if (/^\s*javascript:/i.test(a.value)) bad.push(`${el.tagName}[${a.name}=javascript:]`);
      }
      if (el.tagName === 'SCRIPT' && !el.hasAttribute('src')) bad.push('inline SCRIPT');
      if (el.tagName === 'IFRAME' && el.hasAttribute('srcdoc')) bad.push('IFRAME[srcdoc]');
      if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('IMG[src=x]');
      if (el.tagName.toLowerCase() === 'svg' && el.closest('article')) bad.push('SVG in the article');
    }
    return bad.sort();
  });
  expect(found, where).toEqual([...own].sort());
  expect(await page.evaluate(() => String((window as any).__pwned ?? 'clean')), where).toBe('clean');
}

test('a hostile page is analysed like its clean copy, and neither its forged messages nor its polluted world reach the extension', async () => {
  const clean = await openTab(h.context, h.url('hostile/clean.html'));
  expect(await waitForAnalysis(h.context, clean.tabId)).toBe(true);
  const cleanState = await tabState(clean.tabId);
  expect(cleanState.page.verdict.onTopic).toBe(true);

  const { page, tabId } = await openHostile();
  // The page world really is hostile: its builtins are replaced and its DOM globals clobbered…
  // (Joined with +: the page has replaced Array.prototype.join.)
  expect(
    await evalIn(page, 'main', `window.__hostile.polluted + ',' + typeof document.querySelector + ',' + document.body.tagName + ',' + typeof document.createElement + ',' + typeof JSON.parse('{}').page`),
  ).toBe('true,object,IMG,object,object');
  expect(await evalIn(page, 'main', `(() => { try { [1].map(String); return 'map works'; } catch (e) { return 'map throws'; } })()`)).toBe('map throws');
  // …but none of it reaches the content script's isolated world.
  expect(
    await evalIn(
      page,
      'content',
      `[document.body instanceof HTMLBodyElement, typeof document.querySelector === 'function', document.contentType === 'text/html',
        document.title.startsWith(${JSON.stringify(HEADLINE)}), [1, 2].map((x) => x * 2).join() === '2,4', JSON.parse('{"a":1}').a === 1,
        JSON.stringify({ a: 1 }) === '{"a":1}', ({}).onTopic === undefined, ({}).then === undefined, 'x'.toUpperCase() === 'X',
        typeof chrome.runtime.sendMessage === 'function', window.JSON === JSON, typeof Array.isArray === 'function'].join()`,
    ),
  ).toBe(Array(13).fill('true').join());

  // Let the page finish its rounds of forged window messages and custom events.
  await expect.poll(() => evalIn(page, 'main', 'window.__hostile.done === true'), { timeout: 15_000 }).toBe(true);
  expect(await evalIn(page, 'main', 'window.__hostile.forged')).toBeGreaterThanOrEqual(400);
  expect(await evalIn(page, 'main', 'window.__hostile.polluted')).toBe(true); // polluted the whole time

  // Same analysis as the clean copy: on topic, same related reports, same badge.
  const state = await tabState(tabId);
  expect(state.page.stage).toBe('full');
  expect(state.page.verdict.onTopic).toBe(true);
  expect(state.page.verdict.topicId).toBe(cleanState.page.verdict.topicId);
  expect(Math.abs(state.page.verdict.score - cleanState.page.verdict.score)).toBeLessThan(0.05); // the payload text adds a few words
  expect(state.page.title).toContain(HEADLINE);
  expect(state.page.title).not.toContain('FORGED');
  const ids = (s: any) => s.related.map((r: { reportId: string }) => r.reportId);
  expect(ids(cleanState).length).toBeGreaterThan(0);
  expect(ids(state)).toEqual(ids(cleanState));
  const badge = await badgeText(h.context, tabId);
  expect(badge).toBe(String(ids(state).length));
  expect(badge).toBe(await badgeText(h.context, clean.tabId));

  // Nothing forged took effect: no marks drawn, no pack imported, removed or subscribed, no note saved.
  expect(await evalIn(page, 'main', `Document.prototype.getElementsByTagName.call(document, 'provenance-mark').length`)).toBe(0);
  const store = await inWorker(h.context, async () => {
    const db = (globalThis as any).__provenance.db;
    return {
      packs: (await db.packs.toArray()).map((p: { id: string }) => p.id),
      subscriptions: await db.subscriptions.count(),
      notes: (await db.sources.toArray()).filter((s: { userNotes?: string }) => /FORGED/.test(s.userNotes ?? '')).length,
    };
  }, null);
  expect(store.packs).toContain('default');
  expect(store.packs).not.toContain('evil-pack');
  expect({ subscriptions: store.subscriptions, notes: store.notes }).toEqual({ subscriptions: 0, notes: 0 });

  // The page world could not reach the extension: no runtime messaging, no extension files, no framing.
  await restorePage(page);
  await expect.poll(() => page.evaluate(() => Object.values((window as any).__hostile.attempts).includes('pending'))).toBe(false);
  const attempts: Record<string, string> = await page.evaluate(() => (window as any).__hostile.attempts);
  expect(Object.keys(attempts)).toEqual(expect.arrayContaining(['fetch manifest.json', 'fetch popup']));
  for (const [what, result] of Object.entries(attempts)) expect(result, what).toMatch(/^(unavailable|error: )/);
  const probes = page.frames().filter((f) => f !== page.mainFrame());
  expect(probes.length).toBe(3);
  for (const f of probes) {
    // A blocked frame shows Chromium's error page; our pages would have their root element.
    expect(f.url()).not.toMatch(/^chrome-extension:/);
    const loaded = await f.evaluate(() => !!document.querySelector('#app, #root, [data-testid]')).catch(() => false);
    expect(loaded, f.url()).toBe(false);
  }
  await page.close();
  await clean.page.close();
});

test('payloads in title, meta, JSON-LD and body run nowhere and show as literal text in the popup', async () => {
  const { page, tabId } = await openHostile();
  const popup = await openPopup(h.context, h.extensionId, tabId);
  await expect(popup.getByTestId('verdict')).toContainText('About');
  // The title the extractor took carries a payload; the popup shows it as text.
  const title = popup.getByTestId('page-title');
  await expect(title).toContainText(HEADLINE);
  await expect(title).toContainText(/<(img src=x onerror|svg onload)=/);
  expect(await title.evaluate((el) => el.querySelectorAll('*').length)).toBe(0);
  // Every text the popup shows from the page is text: the claims and sourcing sections too.
  const shown = await popup.locator('body').innerText();
  expect(shown).not.toContain('FORGED');
  await assertInert(popup, 'popup');

  for (const p of ['src/options/index.html', 'src/library/index.html']) {
    const ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/${p}`);
    await ext.waitForLoadState('load');
    await assertInert(ext, p);
    await ext.close();
  }
  // Readability (bundled in the content script) writes innerHTML, always into the clone of the page
  // that src/core/extract/body.ts gives it. A clone has no browsing context: markup parsed into it
  // neither loads nor runs (tests/unit/no-unsafe-html.test.ts allows those writes on that basis).
  expect(
    await evalIn(
      page,
      'content',
      `(async () => {
        const clone = document.cloneNode(true);
        const div = clone.createElement('div');
        div.innerHTML = '<img src="/pwned/clone-img" onerror="top.__pwned=\\'clone\\'"><svg onload="top.__pwned=\\'clone-svg\\'"></svg><script>top.__pwned="clone-script"<\/script>';
        clone.body.appendChild(div);
        await new Promise((r) => setTimeout(r, 500));
        return String(clone.defaultView) + ',' + div.querySelectorAll('img, svg, script').length;
      })()`,
    ),
  ).toBe('null,3');
  // Content script world (over CDP), then the page's own world once it has put its builtins back.
  expect(await evalIn(page, 'content', PWNED)).toBe('clean');
  expect(await evalIn(page, 'main', PWNED)).toBe('clean');
  await restorePage(page);
  await assertInert(page, 'page after restore', PAGE_OWN);
  // The service worker's global, and the test server's beacon route.
  expect(await inWorker(h.context, () => String((globalThis as any).__pwned ?? 'clean'), null)).toBe('clean');
  expect(h.server.log.filter((l) => l.includes('/pwned'))).toEqual([]);
  await popup.close();
  await page.close();
});

test('the page cannot read our data: no note or report text in its DOM or attributes, marks carry only a style, the legend is in a closed shadow root', async () => {
  const { page, tabId } = await openHostile();
  const popup = await openPopup(h.context, h.extensionId, tabId);
  const secret = 'Private desk note 7f3a9c: <img src=x onerror="top.__pwned=\'note\'">';
  await popup.getByTestId('note-edit').click();
  await popup.getByTestId('note-input').fill(secret);
  await popup.getByTestId('note-save').click();
  await expect(popup.getByTestId('user-notes')).toHaveText(secret);
  // Our data: the note, the related reports (titles and ids) and the legend's text.
  const related = await popup.getByTestId('related-item').evaluateAll((els) =>
    els.flatMap((e) => [e.querySelector('.r-title')?.textContent?.trim() ?? '', e.getAttribute('data-report-id') ?? '']),
  );
  expect(related.filter((t) => t.length > 12).length).toBeGreaterThanOrEqual(2);
  const ourTexts = ['7f3a9c', 'Provenance — who is quoted', 'Named person (', 'Hide marks', ...related.filter((t) => t.length > 12)];

  // Marks on, while the page world is still polluted (its attachShadow would force roots open).
  await popup.getByTestId('marks-toggle').check();
  await expect(popup.getByTestId('marks-status')).toContainText(/\d+ of \d+ statements marked/);
  expect(await evalIn(page, 'main', `Document.prototype.getElementsByTagName.call(document, 'provenance-mark').length > 0`)).toBe(true);
  expect(
    await evalIn(page, 'main', `(() => { const ui = Document.prototype.getElementsByTagName.call(document, 'provenance-ui'); return ui.length === 1 && ui[0].shadowRoot === null && window.__hostile.attachShadowCalls === 0 && window.__hostile.polluted; })()`),
  ).toBe(true);

  await restorePage(page);
  const seen = await page.evaluate(async () => {
    const attrs: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) for (const a of Array.from(el.attributes)) attrs.push(`${a.name}=${a.value}`);
    return {
      html: document.documentElement.outerHTML,
      text: document.documentElement.innerText,
      attrs: attrs.join('\n'),
      markAttrs: [...new Set(Array.from(document.querySelectorAll('provenance-mark')).flatMap((e) => e.getAttributeNames()))],
      openRoots: Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).map((e) => e.tagName),
      storage: localStorage.length + sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).map((d) => d.name),
    };
  });
  for (const t of ourTexts) {
    expect(seen.html, t).not.toContain(t);
    expect(seen.text, t).not.toContain(t);
    expect(seen.attrs, t).not.toContain(t);
  }
  expect(seen.markAttrs).toEqual(['style']);
  expect(seen.openRoots).toEqual([]);
  expect({ storage: seen.storage, cookie: seen.cookie, databases: seen.databases }).toEqual({ storage: 0, cookie: '', databases: [] });
  await assertInert(page, 'page with marks', PAGE_OWN);

  await popup.getByTestId('marks-toggle').uncheck();
  await expect.poll(() => page.locator('provenance-mark').count()).toBe(0);
  await popup.close();
  await page.close();
});
