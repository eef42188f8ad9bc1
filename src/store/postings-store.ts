/**
 * Persisting the sharded postings index (src/core/match/postings.ts) in the `postings`
 * table. Callers run these inside their own read-write transaction.
 */
import { buildShards, shardDocs, shardOf, shardPk, type IndexedDoc, type Shard } from '../core/match/postings';
import type { PostingsShard, ProvenanceDB } from './db';
import { NEXT_ORDINAL } from './migrations';

function toRow(s: Shard): PostingsShard {
  return { pk: shardPk(s.packId, s.shard), ...s };
}

/** Replace a pack's whole index. */
export async function writePackIndex(db: ProvenanceDB, packId: string, docs: IndexedDoc[]): Promise<void> {
  await db.postings.where('packId').equals(packId).delete();
  await db.postings.bulkPut(buildShards(packId, docs).map(toRow));
}

export async function deletePackIndex(db: ProvenanceDB, packId: string): Promise<void> {
  await db.postings.where('packId').equals(packId).delete();
}

/**
 * Add and/or remove documents in a pack's index, touching only the shards their keys hash
 * to (saving one page as a report rewrites a few dozen small rows, not the index).
 */
export async function updatePackIndex(db: ProvenanceDB, packId: string, add: IndexedDoc[], remove: { n: number; keys: string[] }[]): Promise<void> {
  const touched = new Set<number>();
  for (const d of add) for (const [k] of d.keys) touched.add(shardOf(k));
  for (const d of remove) for (const k of d.keys) touched.add(shardOf(k));
  if (!touched.size) return;
  const pks = [...touched].map((s) => shardPk(packId, s));
  const rows = (await db.postings.bulkGet(pks)).filter((r): r is PostingsShard => !!r);
  const docs = shardDocs(rows);
  for (const d of remove) docs.delete(d.n);
  for (const d of add) docs.set(d.n, [...(docs.get(d.n) ?? []).filter(([k]) => !touched.has(shardOf(k))), ...d.keys]);
  const rebuilt = buildShards(packId, [...docs].map(([n, keys]) => ({ n, keys: keys.filter(([k]) => touched.has(shardOf(k))) })));
  await db.postings.bulkDelete(pks);
  await db.postings.bulkPut(rebuilt.map(toRow));
}

/** The shard rows (all packs) for these shard numbers. */
export async function readShards(db: ProvenanceDB, shards: number[], packIds: string[]): Promise<PostingsShard[]> {
  const pks = packIds.flatMap((p) => shards.map((s) => shardPk(p, s)));
  return (await db.postings.bulkGet(pks)).filter((r): r is PostingsShard => !!r);
}

/** Reserve `count` consecutive report ordinals. */
export async function allocateOrdinals(db: ProvenanceDB, count: number): Promise<number> {
  const cur = (await db.settings.get(NEXT_ORDINAL))?.value;
  const first = typeof cur === 'number' && cur > 0 ? cur : 1;
  await db.settings.put({ key: NEXT_ORDINAL, value: first + count });
  return first;
}
