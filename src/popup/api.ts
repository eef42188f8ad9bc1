/** The popup's calls to the worker and to the page's content script. */
import browser from 'webextension-polyfill';
import type { ContentResponse, PageReport, SourceView, TabState, WorkerResponse } from '../shared/messages';

/** The tab this popup describes: `?tab=ID` (tests, "open in tab"), else the active tab. */
export async function resolveTabId(): Promise<number | null> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export async function getWorkerState(tabId: number): Promise<TabState> {
  const res = (await browser.runtime.sendMessage({ type: 'popup/get-state', tabId })) as WorkerResponse;
  if (!res?.ok || !('state' in res)) throw new Error(res && !res.ok ? res.error : 'No answer from the background worker');
  return res.state;
}

/** Ask the content script what it found; null when no content script runs in that tab. */
export async function getContentState(tabId: number, analyseNow = false): Promise<{ page: PageReport | null; busy: boolean } | null> {
  try {
    const res = (await browser.tabs.sendMessage(tabId, { type: analyseNow ? 'content/analyse-now' : 'content/get-state' })) as ContentResponse;
    if (!res?.ok) return null;
    return { page: res.page, busy: res.busy };
  } catch {
    return null;
  }
}

/** The outlet profile for a page the worker did not analyse (it stopped at the quick pass). */
export async function getSourceForPage(page: PageReport): Promise<SourceView | null> {
  const res = (await browser.runtime.sendMessage({ type: 'source/for-page', url: page.url, canonicalUrl: page.canonicalUrl, siteName: page.siteName })) as WorkerResponse;
  return res?.ok && 'source' in res ? res.source : null;
}

/** Switch the in-page sourcing marks on or off; returns how many statements were placed. */
export async function setSourcingMarks(tabId: number, on: boolean, items: { kind: string; quote: string }[]): Promise<{ placed: number; total: number } | null> {
  try {
    const res = (await browser.tabs.sendMessage(tabId, { type: 'content/show-marks', on, items: on ? items : [] })) as
      | { ok: true; placed: number; total: number }
      | { ok: false; error: string };
    return res?.ok ? { placed: res.placed, total: res.total } : null;
  } catch {
    return null;
  }
}
