/**
 * The per-tab analysis the worker keeps in `storage.session` (written by
 * background/tab-state.ts) and how an extension page follows it: the popup listens for
 * changes to the tab's key instead of asking again and again.
 */
import browser from 'webextension-polyfill';
import type { TabState } from '../messages';

/** The storage.session key of a tab's state. */
export const tabStateKey = (tabId: number): string => `tab:${tabId}`;

/**
 * Resolve with the tab's state as soon as `accept` holds for a newly written one, or null
 * after `timeoutMs`. Returns the promise and a function that stops listening.
 */
export function nextTabState(tabId: number, accept: (s: TabState) => boolean, timeoutMs: number): { state: Promise<TabState | null>; stop: () => void } {
  const key = tabStateKey(tabId);
  let stop = () => {};
  const state = new Promise<TabState | null>((resolve) => {
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = changes[key].newValue as TabState | undefined;
      if (next && accept(next)) finish(next);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const finish = (s: TabState | null) => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
      resolve(s);
    };
    stop = () => finish(null);
    browser.storage.onChanged.addListener(onChanged);
  });
  return { state, stop };
}
