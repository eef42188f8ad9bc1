/**
 * Shared by the two highlight specs (highlights.spec.ts, highlights-page.spec.ts): the test
 * pages they serve (text written for this project), the harness, and helpers that select
 * text, read the store and reach our closed-shadow-root UI through the DevTools protocol.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inWorker } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

// ---- pages built for these tests (text written for this project) -------------------------

let changingVersion = 1;
/** Which text /hl/changing.html serves (1: the original, 2: the first paragraph replaced). */
export function setChangingVersion(v: number): void {
  changingVersion = v;
}
const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
const PAGES: Record<string, () => string> = {
  '/hl/changing.html': () =>
    page('River crossing notes', changingVersion === 1
      ? '<p>Traders on the east bank said the small ferry across the river stopped running in early March after its owner left the city.</p><p>Prices for flour at the main market rose by about a third over the following weeks, according to two shopkeepers.</p>'
      : '<p>The market committee met on Tuesday to discuss how electricity would be rationed over the coming summer months.</p><p>Prices for flour at the main market rose by about a third over the following weeks, according to two shopkeepers.</p>'),
  '/hl/late.html': () =>
    page('Valley bulletin', '<p>The opening paragraph is present when the page loads and describes a cold morning in the valley.</p><div id="late"></div>' +
      '<script>setTimeout(() => { const p = document.createElement("p"); p.textContent = "A statement from the provincial council arrived later in the afternoon, confirming the road closure near the old bridge."; document.getElementById("late").appendChild(p); }, 2000);</script>'),
  '/hl/hostile.html': () =>
    page('Styled to interfere', '<p>This page tries to restyle anything an extension adds, including buttons and custom elements, and to read what it can from the DOM.</p>',
      '<style>provenance-ui, provenance-ui * { display: none !important; } * { color: red !important; } button { color: red !important; background: red !important; font-size: 40px !important; } provenance-highlight { display: none !important; background: black !important; }</style>'),
};
function extra(req: IncomingMessage, res: ServerResponse): boolean {
  const make = PAGES[new URL(req.url ?? '/', 'http://x').pathname];
  if (!make) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(make());
  return true;
}


let h: Harness;
/** Starts the harness serving the pages above; helpers below use it. */
export async function startHighlightsHarness(): Promise<Harness> {
  h = await startHarness({ extra });
  return h;
}


/** Select `phrase` (inside one text node) the way a user's drag would leave it. */
export async function select(p: Page, phrase: string): Promise<void> {
  // The content script's listeners are up once its first pass has run (it runs at document_idle).
  await p.waitForFunction(() => performance.getEntriesByName('provenance:quick').length > 0 || performance.getEntriesByName('provenance:full').length > 0);
  await p.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(phrase);
      if (i < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + phrase.length);
      const s = getSelection()!;
      s.removeAllRanges();
      s.addRange(r);
      return;
    }
    throw new Error(`not on the page: ${phrase}`);
  }, phrase);
}

export const drawnTexts = (p: Page) => p.locator('provenance-highlight').allTextContents();

export async function stored(url: string): Promise<any[]> {
  return inWorker(h.context, (u: string) => (globalThis as any).__provenance.db.highlights.where('url').equals(u).toArray(), url);
}

export async function pageKeyValue(url: string): Promise<unknown> {
  return inWorker(h.context, async (u: string) => (await chrome.storage.local.get(`hl:${u}`))[`hl:${u}`], url);
}

export function contextMenuClick(tabId: number): Promise<any> {
  return inWorker(h.context, (id: number) => (globalThis as any).__provenance.contextMenuClicked({ menuItemId: 'provenance-save-highlight', editable: false }, { id }), tabId);
}

export async function paragraphBoxes(p: Page): Promise<number[][]> {
  return p.evaluate(() => [...document.querySelectorAll('p, h1, h2')].map((e) => { const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10); }));
}

export interface CdpNode { nodeId: number; localName?: string; nodeName: string; nodeValue?: string; attributes?: string[]; children?: CdpNode[]; shadowRoots?: (CdpNode & { shadowRootType?: string })[] }

/** Our toolbar's host and its buttons, found through the DevTools protocol (the page cannot reach a closed shadow root). */
export async function ourUi(p: Page): Promise<{ cdp: CDPSession; host: CdpNode | null; shadowType: string | null; buttons: { node: CdpNode; label: string; text: string }[] }> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  let host: CdpNode | null = null;
  const walk = (n: CdpNode) => {
    if (n.localName === 'provenance-ui') host = n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
  };
  walk(root);
  const buttons: { node: CdpNode; label: string; text: string }[] = [];
  const shadow = (host as CdpNode | null)?.shadowRoots?.[0] ?? null;
  const collect = (n: CdpNode) => {
    if (n.localName === 'button') {
      const a = n.attributes ?? [];
      const label = a[a.indexOf('aria-label') + 1] ?? '';
      buttons.push({ node: n, label, text: (n.children ?? []).map((c) => c.nodeValue ?? '').join('') });
    }
    for (const c of n.children ?? []) collect(c);
  };
  if (shadow) collect(shadow);
  return { cdp, host, shadowType: shadow?.shadowRootType ?? null, buttons };
}

export async function computed(cdp: CDPSession, nodeId: number, names: string[]): Promise<Record<string, string>> {
  const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as { computedStyle: { name: string; value: string }[] };
  return Object.fromEntries(names.map((n) => [n, computedStyle.find((s) => s.name === n)?.value ?? '']));
}

export async function clickNode(p: Page, cdp: CDPSession, nodeId: number): Promise<void> {
  const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
  const q = model.content;
  await p.mouse.click((q[0] + q[4]) / 2, (q[1] + q[5]) / 2);
}

/** Texts of our toolbar's buttons ([] when it is not shown). */
export async function uiButtons(p: Page): Promise<string[]> {
  const ui = await ourUi(p);
  await ui.cdp.detach();
  return ui.buttons.map((b) => b.text || b.label);
}

export async function waitForAnchorStatus(url: string, id: string, pred: (s: string | undefined) => boolean, ms = 10_000): Promise<string | undefined> {
  const end = Date.now() + ms;
  let s: string | undefined;
  while (Date.now() < end) {
    s = (await stored(url)).find((x) => x.id === id)?.anchor?.status;
    if (pred(s)) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  return s;
}

// ---- tests ---------------------------------------------------------------------------

export const SHORTCUT_PHRASE = 'the foreign technicians left within a matter of days';
export const MENU_PHRASE = 'most of the specialists who left held American citizenship';
export const BUTTON_PHRASE = 'the volume and reach of its videos from Iraq have fallen noticeably';

/** Evaluate in the extension content script's isolated world of `p`, through the DevTools protocol. */
export async function evalInContentScript(p: Page, expression: string): Promise<any> {
  const cdp = await p.context().newCDPSession(p);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as never));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Provenance');
  if (!isolated) throw new Error('no Provenance content-script world');
  const r = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value: unknown } };
  await cdp.detach();
  return r.result.value;
}

