/**
 * Reports the user saves from pages ("Save page to library"). They live under the
 * pseudo-pack `user`, join the postings index at once (only the shards their keys hash to
 * are rewritten) and show in related coverage like any pack's report.
 */
import { packFeatures, reportFeatures } from '../core/match/features';
import { rowFeatures } from './candidates';
import { reportKeys } from '../core/match/postings';
import type { ReportRecord } from '../core/packs/types';
import { USER_PACK, type ProvenanceDB, type StoredReport } from './db';
import { allocateOrdinals, updatePackIndex } from './postings-store';
import { reportRecord } from './stored-record';


function keysOf(r: Pick<StoredReport, 'pf' | 'urls' | 'record' | 'fp'>): string[] {
  return reportKeys(rowFeatures(r as StoredReport), reportRecord(r).fingerprint?.minhash).map(([k]) => k);
}

/** Save (or re-save) a user report; returns the stored report. */
export async function saveUserReport(db: ProvenanceDB, record: ReportRecord, now = Date.now()): Promise<StoredReport> {
  const { text: _text, ...kept } = record;
  const features = reportFeatures(record);
  return db.transaction('rw', [db.reports, db.segments, db.settings], async () => {
    const prev = await db.reports.get(record.id);
    if (prev && prev.packId !== USER_PACK) throw new Error(`report id "${record.id}" belongs to pack "${prev.packId}"`);
    const n = await allocateOrdinals(db, 1);
    const stored: StoredReport = {
      id: record.id, packId: USER_PACK, sourceId: record.sourceId, published: record.published,
      addedAt: prev?.addedAt ?? now, urls: features.urls, record: kept, pf: packFeatures(features), n,
    };
    await db.reports.put(stored);
    await updatePackIndex(
      db, USER_PACK,
      [{ n, keys: reportKeys(features, record.fingerprint?.minhash) }],
      prev ? [{ n: prev.n, keys: keysOf(prev) }] : [],
    );
    return stored;
  });
}

export async function deleteUserReport(db: ProvenanceDB, id: string): Promise<boolean> {
  return db.transaction('rw', [db.reports, db.segments, db.settings], async () => {
    const prev = await db.reports.get(id);
    if (!prev || prev.packId !== USER_PACK) return false;
    await db.reports.delete(id);
    await updatePackIndex(db, USER_PACK, [], [{ n: prev.n, keys: keysOf(prev) }]);
    // A new generation so cached shards of the old index are not used.
    await allocateOrdinals(db, 1);
    return true;
  });
}
