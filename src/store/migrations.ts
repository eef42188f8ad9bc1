/**
 * Data migrations between schema versions (see SCHEMA_VERSIONS in schema.ts). Each runs inside
 * Dexie's upgrade transaction: if it throws, the database stays at the old version with
 * its data intact. Every version has a migration test (tests/e2e/migrations.spec.ts).
 */
import type { Transaction } from 'dexie';
import { packFeatures, reportFeatures, type ReportFeatures } from '../core/match/features';
import { buildShards, replacePackSegments, reportKeys, type IndexedDoc, type ShardRow } from '../core/match/postings';
import { NEXT_ORDINAL, USER_PACK, type StoredHighlight, type StoredReport } from './schema';
import { reportRecord, storedRecord } from './stored-record';

/** A report row as versions 1–3 stored it: its features as a plain object. */
type LegacyReport = Omit<StoredReport, 'pf'> & { features: ReportFeatures; termKeys?: string[] };

export { NEXT_ORDINAL };

/** v1 → v2: report ordinals and sharded postings (replacing termKeys); highlights gain selectors. */
export async function upgradeTo2(tx: Transaction): Promise<void> {
  let n = 1;
  const docs = new Map<string, IndexedDoc[]>();
  await tx.table('reports').toCollection().modify((r: LegacyReport) => {
    r.n = n++;
    delete r.termKeys;
    const list = docs.get(r.packId) ?? [];
    list.push({ n: r.n, keys: reportKeys(r.features, r.record.fingerprint?.minhash) });
    docs.set(r.packId, list);
  });
  let rows: ShardRow[] = [];
  for (const [packId, list] of docs) {
    const { put } = replacePackSegments(rows, packId, buildShards(packId, list));
    const updated = new Map(rows.map((r) => [r.shard, r]));
    for (const r of put) updated.set(r.shard, r);
    rows = [...updated.values()];
  }
  await tx.table('postings').bulkPut(rows);
  await tx.table('settings').put({ key: NEXT_ORDINAL, value: n });

  await tx.table('highlights').toCollection().modify((h: Partial<StoredHighlight> & { quote?: string; createdAt?: number }) => {
    const quote = typeof h.quote === 'string' ? h.quote : '';
    if (!h.selectors) h.selectors = { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } };
    if (!Array.isArray(h.tags)) h.tags = [];
    if (!h.color) h.color = 'yellow';
    if (typeof h.updatedAt !== 'number') h.updatedAt = h.createdAt ?? Date.now();
  });
}

/**
 * v3 → v4: report features packed (`pf`), and the index rebuilt as one row per (shard,
 * pack) with hashed keys (the v2–v3 `postings` table is dropped by the schema). Every
 * record, highlight, setting, outlet, pack, subscription, page text and ClaimReview is
 * left as it was. A row without features (never written so, but cheap to cover) gets them
 * computed from its record.
 */
export async function upgradeTo4(tx: Transaction): Promise<void> {
  const docs = new Map<string, IndexedDoc[]>();
  await tx.table('reports').toCollection().modify((r: Partial<LegacyReport> & StoredReport) => {
    const features = r.features ?? reportFeatures(r.record);
    r.pf = packFeatures(features);
    delete r.features;
    const list = docs.get(r.packId) ?? [];
    list.push({ n: r.n, keys: reportKeys(features, r.record.fingerprint?.minhash) });
    docs.set(r.packId, list);
  });
  for (const [packId, list] of docs) await tx.table('segments').bulkAdd(buildShards(packId, list));
}

/**
 * v4 → v5: the fingerprints of pack reports packed apart (`fp`, see stored-record.ts), as an
 * import now writes them; the unused `published` index is dropped by the schema. Records
 * read back through reportRecord are the same; the index is unchanged. The user's own
 * reports keep their records as they were.
 */
export async function upgradeTo5(tx: Transaction): Promise<void> {
  await tx.table('reports').toCollection().modify((r: StoredReport) => {
    if (r.fp || r.packId === USER_PACK || !r.record?.fingerprint) return;
    const { record, fp } = storedRecord(r.record);
    if (!fp) return;
    r.record = record;
    r.fp = fp;
  });
}

/**
 * v5 → v6: a pack report's packed fingerprint repacked with the terms it shares with the
 * row's packed features given as positions there (`fp.r`, see stored-record.ts), as an
 * import now writes it. Records read back through reportRecord are the same; features and
 * index are unchanged; rows without a packed fingerprint (the user's own) are left as they were.
 */
export async function upgradeTo6(tx: Transaction): Promise<void> {
  await tx.table('reports').toCollection().modify((r: StoredReport) => {
    if (!r.fp || r.fp.r || typeof r.pf?.t !== 'string') return;
    const { record, fp } = storedRecord(reportRecord(r), r.pf.t);
    if (!fp?.r) return;
    r.record = record;
    r.fp = fp;
  });
}
