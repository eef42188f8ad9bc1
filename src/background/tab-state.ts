/**
 * Per-tab analysis results. Kept in storage.session (memory-backed, cleared when the
 * browser closes, readable again after a worker restart) plus an in-memory cache.
 * The popup follows these writes (shared/contract/session.ts) instead of asking again.
 */
import browser from 'webextension-polyfill';
import type { TabState } from '../shared/messages';
import { tabStateKey as key } from '../shared/contract/session';
const cache = new Map<number, TabState>();

export async function getTabState(tabId: number): Promise<TabState | null> {
  const hit = cache.get(tabId);
  if (hit) return hit;
  try {
    const got = await browser.storage.session.get(key(tabId));
    const st = got[key(tabId)] as TabState | undefined;
    if (st) cache.set(tabId, st);
    return st ?? null;
  } catch {
    return null;
  }
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  cache.set(tabId, state);
  try {
    await browser.storage.session.set({ [key(tabId)]: state });
  } catch {
    // storage.session quota (10 MB) exceeded: keep the in-memory copy only, and drop the
    // stored one, which is older (the popup reads storage.session first).
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  }
}

export async function clearTabState(tabId: number): Promise<void> {
  cache.delete(tabId);
  try {
    await browser.storage.session.remove(key(tabId));
  } catch {
    /* ignore */
  }
}
