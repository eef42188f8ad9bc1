/**
 * Persisting the sharded postings index (src/core/match/postings.ts) in the `segments`
 * table: one row per (shard, pack). An import writes only its own pack's rows; a query
 * reads each shard it needs with one key-range read. Callers run the writes inside their
 * own read-write transaction.
 */
import Dexie from 'dexie';
import { buildShards, buildShardsFlat, shardDocs, shardOfHash, keyHash, SHARD_COUNT, type IndexedDoc, type Shard } from '../core/match/postings';
import { NEXT_ORDINAL, type ProvenanceDB, type SegmentRow } from './schema';

/** Replace a pack's whole index (its row in every shard). */
export async function writePackIndex(db: ProvenanceDB, packId: string, docs: IndexedDoc[]): Promise<void> {
  await deletePackIndex(db, packId);
  await db.segments.bulkAdd(buildShards(packId, docs));
}

/** Index keys of a pack's reports in flat columns: report i has entries starts[i] .. starts[i + 1] of hs (key hashes) and ws (weights). */
export interface FlatKeys {
  hs: Float64Array;
  ws: Uint8Array;
  starts: Uint32Array;
}

/** A pack's shards from keys in flat columns, report i taking ordinal `first + i` (pure CPU). */
export function flatShards(packId: string, keys: FlatKeys, first: number): Shard[] {
  const total = keys.starts[keys.starts.length - 1];
  const ns = new Uint32Array(total);
  for (let i = 0; i + 1 < keys.starts.length; i++) ns.fill(first + i, keys.starts[i], keys.starts[i + 1]);
  return buildShardsFlat(packId, keys.hs, ns, keys.ws, total);
}

/** Replace a pack's whole index with these shards. */
export async function writePackShards(db: ProvenanceDB, packId: string, shards: Shard[]): Promise<void> {
  await deletePackIndex(db, packId);
  await db.segments.bulkAdd(shards);
}

export async function deletePackIndex(db: ProvenanceDB, packId: string): Promise<void> {
  await db.segments.where('packId').equals(packId).delete();
}

/**
 * Add and/or remove documents in a pack's index, touching only the shards their keys hash
 * to (saving one page as a report rewrites a few dozen rows, not the index).
 */
export async function updatePackIndex(db: ProvenanceDB, packId: string, add: IndexedDoc[], remove: { n: number; keys: string[] }[]): Promise<void> {
  const hashOf = (k: string | number) => (typeof k === 'number' ? k : keyHash(k));
  const touched = new Set<number>();
  for (const d of add) for (const [k] of d.keys) touched.add(shardOfHash(hashOf(k)));
  for (const d of remove) for (const k of d.keys) touched.add(shardOfHash(keyHash(k)));
  if (!touched.size) return;
  const keys = [...touched].map((s): [number, string] => [s, packId]);
  const rows = (await db.segments.bulkGet(keys)).filter((r): r is SegmentRow => !!r);
  const docs = shardDocs(rows);
  for (const d of remove) docs.delete(d.n);
  for (const d of add) docs.set(d.n, d.keys.map(([k, w]): [number, number] => [hashOf(k), w]));
  const rebuilt = buildShards(packId, [...docs].map(([n, ks]) => ({ n, keys: ks.filter(([h]) => touched.has(shardOfHash(h))) })));
  const kept = new Set(rebuilt.map((s) => s.shard));
  await db.segments.bulkPut(rebuilt);
  const empty = keys.filter(([s]) => !kept.has(s));
  if (empty.length) await db.segments.bulkDelete(empty);
}

/** Every pack's row for these shard numbers (one key-range read per shard, all issued at once in one transaction). */
export async function readShards(db: ProvenanceDB, shards: number[]): Promise<Shard[]> {
  if (!shards.length) return [];
  const parts = await db.transaction('r', db.segments, () =>
    Promise.all(shards.map((s) => db.segments.where('[shard+packId]').between([s, Dexie.minKey], [s, Dexie.maxKey], true, true).toArray())),
  );
  return parts.flat();
}

/** Reserve `count` consecutive report ordinals. */
export async function allocateOrdinals(db: ProvenanceDB, count: number): Promise<number> {
  const cur = (await db.settings.get(NEXT_ORDINAL))?.value;
  const first = typeof cur === 'number' && cur > 0 ? cur : 1;
  await db.settings.put({ key: NEXT_ORDINAL, value: first + count });
  return first;
}

export { SHARD_COUNT };
