/**
 * The per-page `hl:<url>` keys in storage.local (value: number of live highlights): the one
 * cheap read the content script makes on every page to know whether to load the highlight
 * code. Kept by the worker on save/delete/undo; call `rebuildPageKeys` after writing
 * highlights to the store any other way (imports).
 */
import browser from 'webextension-polyfill';
import type { ProvenanceDB } from './db';
import { pageKey, pageUrlOf } from '../shared/highlight-colors';

const isLive = (h: { deletedAt?: number }) => !h.deletedAt;

/** Set `hl:<url>` to the page's count of live highlights (removed at 0). */
export async function syncPageKey(db: ProvenanceDB, url: string): Promise<number> {
  const page = pageUrlOf(url);
  const n = await db.highlights.where('url').equals(page).filter(isLive).count();
  const key = pageKey(page);
  if (n > 0) await browser.storage.local.set({ [key]: n });
  else await browser.storage.local.remove(key);
  return n;
}

/** Rebuild every `hl:` key from the store; returns the number of pages with highlights. */
export async function rebuildPageKeys(db: ProvenanceDB): Promise<number> {
  const counts = new Map<string, number>();
  await db.highlights.each((h) => {
    if (isLive(h)) counts.set(h.url, (counts.get(h.url) ?? 0) + 1);
  });
  const all = await browser.storage.local.get(null);
  const stale = Object.keys(all).filter((k) => k.startsWith('hl:') && !counts.has(k.slice(3)));
  if (stale.length) await browser.storage.local.remove(stale);
  const set: Record<string, number> = {};
  for (const [url, n] of counts) set[pageKey(url)] = n;
  if (counts.size) await browser.storage.local.set(set);
  return counts.size;
}
