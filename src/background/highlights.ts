/**
 * Highlights in the service worker: save, list, edit, soft delete / undo, anchoring
 * outcomes; the per-page `hl:<url>` key in storage.local the content script reads to know
 * a page has highlights; the "Save highlight" context-menu entry and keyboard command.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { ProvenanceDB, StoredHighlight } from '../store/db';
import type { WorkerResult } from '../shared/contract/worker';
import { requestContent } from '../shared/contract/call';
import { pageUrlOf } from '../shared/highlight-colors';
import { rebuildPageKeys, syncPageKey } from '../store/highlight-page-keys';
import {
  applyEdit,
  byPageOrder,
  isLive,
  newHighlight,
  purgeable,
  toPageHighlight,
  toView,
  withAnchor,
  type AnchorOutcome,
  type EditInput,
  type SaveInput,
} from './highlight-records';

export const MENU_ID = 'provenance-save-highlight';
export const SAVE_COMMAND = 'save-highlight';

/** The page a content-script message came from (fragment dropped). */
export function senderPageUrl(sender: { url?: string; tab?: { url?: string } }): string {
  const url = sender.url ?? sender.tab?.url;
  if (!url) throw new Error('no page URL for this sender');
  return pageUrlOf(url);
}

/**
 * Save a highlight. Idempotent on the id the content script chose: a save sent again
 * because the worker was stopped mid-write returns the record the first attempt stored.
 */
export async function saveHighlight(db: ProvenanceDB, pageUrl: string, input: SaveInput & { id?: string }): Promise<WorkerResult<'highlights/save'>> {
  const fresh = newHighlight(input.id ?? crypto.randomUUID(), pageUrl, input, Date.now());
  const h = await db.transaction('rw', db.highlights, async () => {
    const prev = await db.highlights.get(fresh.id);
    if (prev && prev.url !== fresh.url) throw new Error('this highlight id belongs to another page');
    if (prev) return prev;
    await db.highlights.add(fresh);
    return fresh;
  });
  await syncPageKey(db, h.url);
  return { highlight: toPageHighlight(h) };
}

async function liveForPage(db: ProvenanceDB, url: string): Promise<StoredHighlight[]> {
  const rows = await db.highlights.where('url').equals(pageUrlOf(url)).filter(isLive).toArray();
  return rows.sort(byPageOrder);
}

export async function highlightsForPage(db: ProvenanceDB, pageUrl: string): Promise<WorkerResult<'highlights/for-page'>> {
  return { highlights: (await liveForPage(db, pageUrl)).map(toPageHighlight) };
}

export async function listHighlights(db: ProvenanceDB, url: string): Promise<WorkerResult<'highlights/list'>> {
  return { views: (await liveForPage(db, url)).map(toView) };
}

/** Store this visit's outcomes; only highlights of `pageUrl` are touched. */
export async function recordAnchoring(db: ProvenanceDB, pageUrl: string, results: readonly AnchorOutcome[]): Promise<WorkerResult<'highlights/anchored'>> {
  const page = pageUrlOf(pageUrl);
  const now = Date.now();
  let updated = 0;
  await db.transaction('rw', db.highlights, async () => {
    const rows = await db.highlights.bulkGet(results.map((r) => r.id));
    const next: StoredHighlight[] = [];
    rows.forEach((h, i) => {
      if (h && h.url === page) next.push(withAnchor(h, results[i], now));
    });
    await db.highlights.bulkPut(next);
    updated = next.length;
  });
  return { updated };
}

/**
 * Apply an edit. `onlyPage`: the sender is a content script, which may change only the
 * highlights of its own page.
 */
export async function editHighlight(db: ProvenanceDB, id: string, edit: EditInput, onlyPage?: string): Promise<StoredHighlight> {
  const h = await db.highlights.get(id);
  if (!h || (onlyPage !== undefined && h.url !== pageUrlOf(onlyPage))) throw new Error('no such highlight');
  const next = applyEdit(h, edit, Date.now());
  await db.highlights.put(next);
  if (edit.deleted !== undefined) await syncPageKey(db, h.url);
  return next;
}

/** The reply to an edit from the page (what it draws) and from an extension page (the full view). */
export const pageEditResult = (h: StoredHighlight): WorkerResult<'highlights/page-edit'> => ({ highlight: toPageHighlight(h) });
export const editResult = (h: StoredHighlight): WorkerResult<'highlights/edit'> => ({ view: toView(h) });

// ---- Context menu and keyboard command --------------------------------------------

/** Ask the tab's content script to save its current selection. */
async function saveSelectionIn(tabId: number | undefined): Promise<unknown> {
  if (tabId === undefined || tabId < 0) return { ok: false, error: 'no tab' };
  // Fails (as a reply) when no content script runs in that tab: a browser page, or a tab opened before install.
  return requestContent(tabId, 'content/save-selection', {}, { frameId: 0 });
}

export function contextMenuClicked(info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab): Promise<unknown> {
  if (info.menuItemId !== MENU_ID) return Promise.resolve({ ok: false, error: 'not our menu item' });
  return saveSelectionIn(tab?.id);
}

export async function commandReceived(command: string, tab?: browser.Tabs.Tab): Promise<unknown> {
  if (command !== SAVE_COMMAND) return { ok: false, error: 'not our command' };
  let id = tab?.id;
  if (id === undefined) [{ id } = { id: undefined }] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return saveSelectionIn(id);
}

function createMenu(): void {
  void browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('ctx_save_highlight'), contexts: ['selection'] }))
    .catch((e: unknown) => console.error('Provenance: context menu', e));
}

/**
 * Register the listeners (call once, synchronously at the worker's top level). Returns the
 * exact handlers, exposed to end-to-end tests (native menus cannot be clicked from Playwright).
 */
/** Remove deleted highlights whose 30-day undo period is over. */
export async function purgeDeleted(db: ProvenanceDB, now = Date.now()): Promise<number> {
  const ids = purgeable(await db.highlights.filter((h) => typeof h.deletedAt === 'number').toArray(), now);
  if (ids.length) await db.highlights.bulkDelete(ids);
  return ids.length;
}

export function installHighlightListeners(db: ProvenanceDB) {
  browser.runtime.onInstalled.addListener(() => {
    createMenu();
    void rebuildPageKeys(db).catch((e: unknown) => console.error('Provenance: highlight index', e));
    void purgeDeleted(db).catch((e: unknown) => console.error('Provenance: purging deleted highlights', e));
  });
  browser.runtime.onStartup.addListener(() => {
    void purgeDeleted(db).catch((e: unknown) => console.error('Provenance: purging deleted highlights', e));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void contextMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void commandReceived(command, tab));
  return { contextMenuClicked, commandReceived, rebuildHighlightKeys: () => rebuildPageKeys(db), purgeDeletedHighlights: (now?: number) => purgeDeleted(db, now) };
}
