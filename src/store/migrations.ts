/**
 * Data migrations between schema versions (see SCHEMA_VERSIONS in schema.ts). Each runs inside
 * Dexie's upgrade transaction: if it throws, the database stays at the old version with
 * its data intact. Every version has a migration test (tests/e2e/migrations.spec.ts).
 */
import type { Transaction } from 'dexie';
import { buildShards, replacePackSegments, reportKeys, type IndexedDoc, type ShardRow } from '../core/match/postings';
import { NEXT_ORDINAL, type StoredHighlight, type StoredReport } from './schema';

export { NEXT_ORDINAL };

/** v1 → v2: report ordinals and sharded postings (replacing termKeys); highlights gain selectors. */
export async function upgradeTo2(tx: Transaction): Promise<void> {
  let n = 1;
  const docs = new Map<string, IndexedDoc[]>();
  await tx.table('reports').toCollection().modify((r: StoredReport & { termKeys?: string[] }) => {
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
