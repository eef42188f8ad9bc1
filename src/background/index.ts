/**
 * Service worker: receives page analyses from content scripts, matches them against
 * the report store, sets the toolbar badge and answers the popup. Listeners are
 * registered synchronously at top level so a restarted worker receives the event
 * that woke it.
 */
// First: the worker's start time, before any other module is evaluated.
import { startClock, startSteps } from './start-clock';
import browser from 'webextension-polyfill';
import { coreTranslator, t, tp } from '../shared/i18n';
import { setCoreTranslator } from '../core/i18n/translate';
import type { PageReport, TabState } from '../shared/messages';
import { serveWorker, type WorkerHandlers } from '../shared/contract/serve';
import { HandlerFailure } from '../shared/contract/reply';
import { openDb, SCHEMA_VERSIONS } from '../store/db';
import { openStore } from './open-store';
import { importPack } from '../store/import-pack';
import { exportPacks } from '../store/export-pack';
import type { Pack } from '../core/packs/types';
import { lookupPage, primeLookup, relatedForPage, saveSourceNote, sourceMatchForPage, toSourceView } from './lookup';
import { checkDue, checkSubscription, importPackText, subscribe, unsubscribe } from './packs';
import { removePack } from '../store/import-pack';
import type { StoredSubscription } from '../store/db';
import { ensureSeeded } from './seed';
import { savePageAsReport } from './save-report';
import { deleteUserReport } from '../store/user-reports';
import { clearTabState, getTabState, setTabState } from './tab-state';
// Highlights (issue #6).
import { editHighlight, editResult, highlightsForPage, installHighlightListeners, listHighlights, pageEditResult, recordAnchoring, saveHighlight, senderPageUrl } from './highlights';
import { importHighlightsText } from '../store/highlights-io';
import { claimHandlers, exportFile, libraryData } from './library';
// Fact-checks and "changed since you saved it" (issue #16).
import { changesForPage, forgetReportText, keepPageText, listChanges } from './changes';
import { recordClaimReviews } from './fact-checks';
// The full analyser and page tools, injected into pages that need them (issue #17).
import { injectionLog, injectPart } from './inject';

// The analysis's wording (sourcing line, match reasons, where a story comes from) in the browser's language.
setCoreTranslator(coreTranslator);

const db = openStore();
const EXT_ORIGIN = browser.runtime.getURL('');
const highlightHooks = installHighlightListeners(db);
// A (re)started worker opens the store and starts the reads its first lookup needs now, while
// the rest of its start and the message that woke it go on (both are idempotent and shared
// with the message's own calls; a failure is retried by that message).
void ensureSeeded(db).catch(() => undefined);
primeLookup(db);

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
    await browser.action.setTitle({ tabId, title: count > 0 ? tp(partly ? 'badge_related_partly' : 'badge_related', count) : t('extName') });
  } catch {
    // The tab may have closed meanwhile.
  }
}

const pageKeyMatches = (a: string, b: string) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');

const EMPTY_STATE: TabState = { status: 'unknown', page: null, source: null, host: null, related: [], provenance: [], sourcing: null, claims: [], analysedAt: null };

/**
 * One handler per contract method (shared/contract/worker.ts). Parsing, sender checks and
 * loading the default pack happen once, in `serveWorker`.
 */
const handlers: WorkerHandlers<browser.Runtime.MessageSender> = {
  'page/analysed': async ({ page }, { tabId }) => {
    await recordClaimReviews(db, page);
    const found = await lookupPage(db, page);
    const state: TabState = { status: 'analysed', ...found, changes: await changesForPage(db, page), analysedAt: Date.now() };
    await setTabState(tabId, state);
    await setBadge(tabId, state.page?.verdict.onTopic ? state.related.length : 0, state.page?.verdict.level === 'partly');
    return { accepted: true };
  },
  'page/inject': ({ part }, { sender }) => injectPart(part, sender),
  'popup/get-state': async ({ tabId }) => ({ state: (await getTabState(tabId)) ?? EMPTY_STATE }),
  'packs/import': async ({ text }) => {
    const r = await importPackText(db, text);
    if (!r.ok) throw new HandlerFailure(r.error, r.problems);
    const { ok: _ok, ...imported } = r;
    return imported;
  },
  'packs/list': async () => {
    const packs = await db.packs.toArray();
    const subs = await db.subscriptions.toArray();
    return {
      packs: packs.map((p) => ({ id: p.id, name: p.name, version: p.version, publisher: p.publisher, updated: p.updated, reports: p.reportCount, sources: p.sourceCount, importedAt: p.importedAt })),
      subscriptions: subs.map(subscriptionView),
    };
  },
  'packs/subscribe': async ({ url, sha256 }) => ({ subscription: subscriptionView(await subscribe(db, url, sha256)) }),
  'packs/check': async ({ url }) => ({ subscription: subscriptionView(await checkSubscription(db, url)) }),
  'packs/unsubscribe': async ({ url }) => {
    await unsubscribe(db, url);
    return { done: true };
  },
  'packs/remove': async ({ packId }) => {
    await removePack(db, packId);
    if (packId === 'default') await db.settings.put({ key: 'defaultPackRemoved', value: true });
    return { done: true };
  },
  'packs/export': async ({ ids }) => ({ pack: await exportPacks(db, ids) }),
  'source/for-page': async (req) => {
    const m = await sourceMatchForPage(db, req);
    const pack = m ? await db.packs.get(m.source.packId) : undefined;
    return { source: m ? toSourceView(m.source, pack?.name ?? m.source.packId, m.matchedBy) : null };
  },
  'source/save-note': async (req) => {
    const saved = await saveSourceNote(db, req);
    const pack = await db.packs.get(saved.packId);
    return { source: toSourceView(saved, pack?.name ?? saved.packId) };
  },
  'report/save-page': async (req) => {
    const saved = await savePageAsReport(db, await getTabState(req.tabId), req);
    // Refresh the tab's state so the popup shows it as saved; keep the text as saved (local only).
    const state = await getTabState(req.tabId);
    if (state?.page) await keepPageText(db, state.page, { reason: 'saved', reportId: saved.reportId });
    if (state?.page) await setTabState(req.tabId, { ...state, ...(await lookupPage(db, state.page)), changes: null, status: 'analysed', analysedAt: Date.now() });
    return { saved };
  },
  'report/delete': async ({ reportId }) => {
    if (!(await deleteUserReport(db, reportId))) throw new Error('only reports you saved can be deleted');
    await forgetReportText(db, reportId);
    return { done: true };
  },
  'match/related': async ({ page }) => {
    const tHandler = performance.now();
    // Only what the answer carries: related reports and provenance (no claims, no fact checks).
    const found = await relatedForPage(db, { ...page, stage: 'full' });
    // A restarted worker's first answer also says what its start cost.
    const start = startSteps();
    if (found.timings) {
      const r = (x: number) => Math.round(x * 10) / 10;
      // The message's parse and the seed check before the handler, and the handler's whole time.
      found.timings.steps = { ...found.timings.steps, ...start, beforeHandler: r(tHandler - startClock.lastMessage), handler: r(performance.now() - tHandler) };
    }
    return { related: found.related, provenance: found.provenance, timings: found.timings };
  },
  // ---- Highlights (issue #6); content-script ones act on the sender's page only.
  'highlights/save': async (req, { sender, tabId }) => {
    const saved = await saveHighlight(db, senderPageUrl(sender), req);
    // A highlighted page keeps its text as it was (the first time), to tell later changes.
    const page = (await getTabState(tabId))?.page;
    if (page && pageKeyMatches(page.url, senderPageUrl(sender))) await keepPageText(db, page, { reason: 'highlight' }).catch(() => false);
    return saved;
  },
  'highlights/for-page': (_, { sender }) => highlightsForPage(db, senderPageUrl(sender)),
  'highlights/anchored': ({ results }, { sender }) => recordAnchoring(db, senderPageUrl(sender), results),
  'highlights/page-edit': async (req, { sender }) => pageEditResult(await editHighlight(db, req.id, req, senderPageUrl(sender))),
  'highlights/list': ({ url }) => listHighlights(db, url),
  'highlights/edit': async (req) => editResult(await editHighlight(db, req.id, req)),
  'highlights/import': async ({ text }) => ({ summary: await importHighlightsText(db, text) }),
  // ---- Library (the worker owns the database; the library page reads and writes through here)
  'library/data': () => libraryData(db),
  'library/export': async ({ format }) => ({ file: await exportFile(db, format) }),
  ...claimHandlers(db),
  'changes/list': async () => ({ pages: await listChanges(db) }),
  'store/stats': async () => {
    const packs = await db.packs.toArray();
    return {
      stats: {
        reports: await db.reports.count(),
        sources: await db.sources.count(),
        packs: packs.map((p) => ({ id: p.id, name: p.name, version: p.version, reports: p.reportCount })),
      },
    };
  },
};

const serve = serveWorker(handlers, { extensionId: browser.runtime.id, extensionOrigin: EXT_ORIGIN, seed: () => ensureSeeded(db) });
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  startClock.lastMessage = performance.now();
  startClock.firstMessage ||= startClock.lastMessage;
  return serve(message, sender);
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
  injectionLog,
  ...highlightHooks, // contextMenuClicked(info, tab), commandReceived(command, tab), rebuildHighlightKeys()
};
startClock.evalEnd = performance.now();
