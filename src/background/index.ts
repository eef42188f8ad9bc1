/**
 * Service worker: receives page analyses from content scripts, matches them against
 * the report store, sets the toolbar badge and answers the popup. Listeners are
 * registered synchronously at top level so a restarted worker receives the event
 * that woke it.
 */
import browser from 'webextension-polyfill';
import { checkSender, parseWorkerRequest, type PageReport, type TabState, type WorkerRequest, type WorkerResponse } from '../shared/messages';
import { openDb, SCHEMA_VERSIONS } from '../store/db';
import { openStore } from './open-store';
import { importPack } from '../store/import-pack';
import { exportPacks } from '../store/export-pack';
import type { Pack } from '../core/packs/types';
import { lookupPage, saveSourceNote, sourceMatchForPage, toSourceView } from './lookup';
import { checkDue, checkSubscription, importPackText, subscribe, unsubscribe } from './packs';
import { removePack } from '../store/import-pack';
import type { StoredSubscription } from '../store/db';
import { ensureSeeded } from './seed';
import { savePageAsReport } from './save-report';
import { deleteUserReport } from '../store/user-reports';
import { clearTabState, getTabState, setTabState } from './tab-state';
// Highlights (issue #6).
import { editHighlight, editResponse, highlightsForPage, installHighlightListeners, listHighlights, recordAnchoring, saveHighlight, senderPageUrl } from './highlights';

const db = openStore();
const EXT_ORIGIN = browser.runtime.getURL('');
const highlightHooks = installHighlightListeners(db);

/** Install/update: load the default pack (idempotent; also done lazily on the first message). */
async function onInstalled(_details?: { reason?: string }): Promise<void> {
  try {
    await ensureSeeded(db, { force: true });
  } catch (e) {
    console.error('Provenance: loading the default pack failed', e);
  }
}
browser.runtime.onInstalled.addListener((d) => void onInstalled(d));
browser.runtime.onStartup.addListener(() => {
  void ensureSeeded(db).catch((e) => console.error('Provenance: loading the default pack failed', e));
});

browser.tabs.onRemoved.addListener((tabId) => void clearTabState(tabId));

// Pack subscriptions: one alarm an hour checks those that are due (each has its own interval, ≥ 1 h).
const SUBSCRIPTIONS_ALARM = 'provenance:subscriptions';
void browser.alarms.get(SUBSCRIPTIONS_ALARM).then((a) => {
  if (!a) void browser.alarms.create(SUBSCRIPTIONS_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === SUBSCRIPTIONS_ALARM) void ensureSeeded(db).then(() => checkDue(db)).catch((e) => console.error('Provenance: subscription check failed', e));
});

function subscriptionView(s: StoredSubscription) {
  const { etag: _e, lastModified: _l, addedAt: _a, ...view } = s;
  return view;
}

async function setBadge(tabId: number, count: number, partly = false): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    // A page only partly about the topic gets an amber badge instead of the usual blue.
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: partly ? '#b45309' : '#1e3a8a' });
    const what = `${count} related report${count === 1 ? '' : 's'}${partly ? ' (page partly about the topic)' : ''}`;
    await browser.action.setTitle({ tabId, title: count > 0 ? `Provenance: ${what}` : 'Provenance' });
  } catch {
    // The tab may have closed meanwhile.
  }
}

async function handle(req: WorkerRequest, sender: browser.Runtime.MessageSender): Promise<WorkerResponse> {
  switch (req.type) {
    case 'page/analysed': {
      const tabId = sender.tab!.id!;
      await ensureSeeded(db);
      const found = await lookupPage(db, req.page);
      const state: TabState = { status: 'analysed', ...found, analysedAt: Date.now() };
      await setTabState(tabId, state);
      await setBadge(tabId, state.page?.verdict.onTopic ? state.related.length : 0, state.page?.verdict.level === 'partly');
      return { ok: true, accepted: true };
    }
    case 'popup/get-state': {
      await ensureSeeded(db);
      const state = await getTabState(req.tabId);
      return {
        ok: true,
        state: state ?? { status: 'unknown', page: null, source: null, host: null, related: [], provenance: [], sourcing: null, claims: [], analysedAt: null },
      };
    }
    case 'packs/import': {
      await ensureSeeded(db);
      return importPackText(db, req.text);
    }
    case 'packs/list': {
      await ensureSeeded(db);
      const packs = await db.packs.toArray();
      const subs = await db.subscriptions.toArray();
      return {
        ok: true,
        packs: packs.map((p) => ({ id: p.id, name: p.name, version: p.version, publisher: p.publisher, updated: p.updated, reports: p.reportCount, sources: p.sourceCount, importedAt: p.importedAt })),
        subscriptions: subs.map(subscriptionView),
      };
    }
    case 'packs/subscribe': {
      await ensureSeeded(db);
      return { ok: true, subscription: subscriptionView(await subscribe(db, req.url, req.sha256)) };
    }
    case 'packs/check': {
      await ensureSeeded(db);
      return { ok: true, subscription: subscriptionView(await checkSubscription(db, req.url)) };
    }
    case 'packs/unsubscribe': {
      await unsubscribe(db, req.url);
      return { ok: true, done: true };
    }
    case 'packs/remove': {
      await ensureSeeded(db);
      await removePack(db, req.packId);
      if (req.packId === 'default') await db.settings.put({ key: 'defaultPackRemoved', value: true });
      return { ok: true, done: true };
    }
    case 'source/for-page': {
      await ensureSeeded(db);
      const m = await sourceMatchForPage(db, req);
      const pack = m ? await db.packs.get(m.source.packId) : undefined;
      return { ok: true, source: m ? toSourceView(m.source, pack?.name ?? m.source.packId, m.matchedBy) : null };
    }
    case 'source/save-note': {
      await ensureSeeded(db);
      const saved = await saveSourceNote(db, req);
      const pack = await db.packs.get(saved.packId);
      return { ok: true, source: toSourceView(saved, pack?.name ?? saved.packId) };
    }
    case 'report/save-page': {
      await ensureSeeded(db);
      const saved = await savePageAsReport(db, await getTabState(req.tabId), req);
      // Refresh the tab's state so the popup shows it as saved.
      const state = await getTabState(req.tabId);
      if (state?.page) await setTabState(req.tabId, { ...state, ...(await lookupPage(db, state.page)), status: 'analysed', analysedAt: Date.now() });
      return { ok: true, saved };
    }
    case 'report/delete': {
      if (!(await deleteUserReport(db, req.reportId))) throw new Error('only reports you saved can be deleted');
      return { ok: true, done: true };
    }
    case 'match/related': {
      await ensureSeeded(db);
      const found = await lookupPage(db, { ...req.page, stage: 'full' });
      return { ok: true, related: found.related, provenance: found.provenance, timings: found.timings };
    }
    // ---- Highlights (issue #6); content-script ones act on the sender's page only.
    case 'highlights/save':
      return saveHighlight(db, senderPageUrl(sender), req);
    case 'highlights/for-page':
      return highlightsForPage(db, senderPageUrl(sender));
    case 'highlights/anchored':
      return recordAnchoring(db, senderPageUrl(sender), req.results);
    case 'highlights/page-edit':
      return editResponse(await editHighlight(db, req.id, req, senderPageUrl(sender)), true);
    case 'highlights/list':
      return listHighlights(db, req.url);
    case 'highlights/edit':
      return editResponse(await editHighlight(db, req.id, req), false);
    // ---- end of highlights
    case 'store/stats': {
      await ensureSeeded(db);
      const packs = await db.packs.toArray();
      return {
        ok: true,
        stats: {
          reports: await db.reports.count(),
          sources: await db.sources.count(),
          packs: packs.map((p) => ({ id: p.id, name: p.name, version: p.version, reports: p.reportCount })),
        },
      };
    }
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const parsed = parseWorkerRequest(message);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error } satisfies WorkerResponse);
  const refused = checkSender(parsed.value.type, sender, browser.runtime.id, EXT_ORIGIN);
  if (refused) return Promise.resolve({ ok: false, error: `refused: ${refused}` } satisfies WorkerResponse);
  return handle(parsed.value, sender).catch(
    (e: unknown): WorkerResponse => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});

// Exposed for end-to-end tests and debugging from the worker's console.
(globalThis as Record<string, unknown>).__provenance = {
  db,
  ensureSeeded: () => ensureSeeded(db),
  onInstalled,
  importPack: (p: Pack) => importPack(db, p),
  importPackText: (text: string) => importPackText(db, text),
  exportPacks: (ids?: string[]) => exportPacks(db, ids),
  lookupPage: (page: PageReport, other?: typeof db) => lookupPage(other ?? db, page),
  /** Open another database with the schema up to a version (migration tests). */
  openDb: (name: string, upTo?: number) => openDb(name, upTo),
  /** The same, with the worker's blocked-upgrade notice (lifecycle tests). */
  openDbForUser: (name: string) => openStore(name),
  SCHEMA_VERSIONS,
  ...highlightHooks, // contextMenuClicked(info, tab), commandReceived(command, tab), rebuildHighlightKeys()
};
