/** The popup's calls to the worker and to the page's content script, through the typed contract. */
import browser from 'webextension-polyfill';
import type { PageReport, SourceView, TabState } from '../shared/messages';
import { callContent, callWorker } from '../shared/contract/call';
import type { MarkItem } from '../shared/contract/content';
import { nextTabState, tabStateKey } from '../shared/contract/session';

/** The tab this popup describes: `?tab=ID` (tests, "open in tab"), else the active tab. */
export async function resolveTabId(): Promise<number | null> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * The tab's state: read first from storage.session, where the worker keeps it (no need to
 * wake a stopped worker or wait for it to start), else asked of the worker.
 */
export async function getWorkerState(tabId: number): Promise<TabState> {
  try {
    const key = tabStateKey(tabId);
    const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
    if (stored && stored.status === 'analysed' && stored.page) return stored;
  } catch {
    // storage.session unreadable here: ask the worker.
  }
  return (await callWorker('popup/get-state', { tabId })).state;
}

/**
 * Ask the content script what it found; null when no content script runs in that tab.
 * `analyseNow` runs the full analysis; `wait` answers when an analysis under way ends.
 */
export async function getContentState(tabId: number, opts: { analyseNow?: boolean; wait?: boolean } = {}): Promise<{ page: PageReport | null; busy: boolean } | null> {
  try {
    return opts.analyseNow ? await callContent(tabId, 'content/analyse-now', {}) : await callContent(tabId, 'content/get-state', opts.wait ? { wait: true } : {});
  } catch {
    return null;
  }
}

/** Follow the tab's state in storage.session until the worker has analysed the page (or `timeoutMs` passes). */
export { nextTabState };

/** The outlet profile for a page the worker did not analyse (it stopped at the quick pass). */
export async function getSourceForPage(page: PageReport): Promise<SourceView | null> {
  return (await callWorker('source/for-page', { url: page.url, canonicalUrl: page.canonicalUrl, siteName: page.siteName })).source;
}

/** Switch the in-page sourcing marks on or off; returns how many statements were placed. */
export async function setSourcingMarks(tabId: number, on: boolean, items: MarkItem[]): Promise<{ placed: number; total: number } | null> {
  try {
    return await callContent(tabId, 'content/show-marks', { on, items: on ? items : [] });
  } catch {
    return null;
  }
}
