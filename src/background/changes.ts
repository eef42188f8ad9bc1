/**
 * "This article changed since you saved it": the worker keeps the text of a page the user
 * saved (or highlighted) — paragraphs and one fingerprint each, in IndexedDB only, never in
 * packs — and on a later visit compares the page with it (core/diff): headline, date line,
 * paragraphs edited, added, removed. The latest differing version is kept for the library's
 * side-by-side view. Nothing leaves the browser.
 */
import { compareVersions, paragraphFingerprint, paragraphsOf, type PageVersion } from '../core/diff';
import type { ChangesView, PageReport, VersionsView } from '../shared/messages';
import type { ProvenanceDB, StoredPageText } from '../store/db';

/** At most this many paragraphs (of at most this many characters) are kept per page. */
const MAX_PARAGRAPHS = 2_000;
const MAX_PARAGRAPH_CHARS = 20_000;
/** Old paragraphs sent to the popup (to mark highlights on changed paragraphs). */
const MAX_CHANGED_SHOWN = 100;

export const pageKey = (url: string): string => url.replace(/#.*$/, '');

function versionOf(page: Pick<PageReport, 'title' | 'published' | 'text'>): PageVersion {
  return {
    title: page.title,
    published: page.published,
    paragraphs: paragraphsOf(page.text).slice(0, MAX_PARAGRAPHS).map((p) => p.slice(0, MAX_PARAGRAPH_CHARS)),
  };
}

/**
 * Keep the page's text as the version the user saved. A save replaces what was kept; a
 * highlight keeps the text only when none is kept yet (the first version the user marked).
 */
export async function keepPageText(db: ProvenanceDB, page: PageReport, how: { reason: 'saved' | 'highlight'; reportId?: string; now?: number }): Promise<boolean> {
  if (page.stage !== 'full' || !page.text) return false;
  const url = pageKey(page.url);
  if (how.reason === 'highlight' && (await db.pageTexts.get(url))) return false;
  const v = versionOf(page);
  const row: StoredPageText = {
    url, reason: how.reason, savedAt: how.now ?? Date.now(), ...v,
    fingerprints: v.paragraphs.map(paragraphFingerprint),
    ...(how.reportId ? { reportId: how.reportId } : {}),
  };
  await db.pageTexts.put(row);
  return true;
}

/** What changed on `page` since its kept version (null: nothing kept, or nothing changed). Records the latest version. */
export async function changesForPage(db: ProvenanceDB, page: PageReport, now = Date.now()): Promise<ChangesView | null> {
  if (page.stage !== 'full' || !page.text) return null;
  const kept = await db.pageTexts.get(pageKey(page.url));
  if (!kept) return null;
  const after = versionOf(page);
  const c = compareVersions(kept, after);
  if (!c.titleChanged && !c.dateChanged && !c.edited.length && !c.added.length && !c.removed.length) return null;
  const same = (a: PageVersion | undefined) => !!a && a.title === after.title && a.published === after.published && a.paragraphs.join('\n') === after.paragraphs.join('\n');
  if (!same(kept.latest)) await db.pageTexts.update(kept.url, { latest: { ...after, seenAt: now } });
  const changed = [...c.edited.map((e) => e.from), ...c.removed].sort((a, b) => a - b).map((i) => kept.paragraphs[i]);
  return {
    savedAt: kept.savedAt, reason: kept.reason, reportId: kept.reportId ?? null,
    titleBefore: c.titleChanged ? kept.title : null, titleAfter: c.titleChanged ? after.title : null,
    dateBefore: c.dateChanged ? kept.published : null, dateAfter: c.dateChanged ? after.published : null,
    edited: c.edited.length, added: c.added.length, removed: c.removed.length,
    changedParagraphs: changed.slice(0, MAX_CHANGED_SHOWN).map((p) => p.slice(0, 2_000)),
  };
}

/** Kept pages with a later, different version (library), most recently seen first. */
export async function listChanges(db: ProvenanceDB): Promise<VersionsView[]> {
  const rows = await db.pageTexts.toArray();
  return rows
    .filter((r): r is StoredPageText & { latest: NonNullable<StoredPageText['latest']> } => !!r.latest)
    .sort((a, b) => b.latest.seenAt - a.latest.seenAt)
    .map((r) => ({
      url: r.url, reportId: r.reportId ?? null, savedAt: r.savedAt, seenAt: r.latest.seenAt,
      before: { title: r.title, published: r.published, paragraphs: r.paragraphs },
      after: { title: r.latest.title, published: r.latest.published, paragraphs: r.latest.paragraphs },
    }));
}

/** A saved report deleted: its kept text goes too. */
export async function forgetReportText(db: ProvenanceDB, reportId: string): Promise<void> {
  await db.pageTexts.where('reportId').equals(reportId).delete();
}
