/**
 * Persisting the sharded postings index (src/core/match/postings.ts) in the `postings`
 * table: one row per hash shard, holding each pack's segment. Callers run these inside
 * their own read-write transaction.
 */
import { buildShards, replacePackSegments, rowShards, shardDocs, shardOf, type IndexedDoc, type Shard } from '../core/match/postings';
import { NEXT_ORDINAL, type PostingsRow, type ProvenanceDB } from './schema';

async function applySegments(db: ProvenanceDB, rows: PostingsRow[], packId: string, shards: Shard[]): Promise<void> {
  const { put, empty } = replacePackSegments(rows, packId, shards);
  await db.postings.bulkPut(put);
  if (empty.length) await db.postings.bulkDelete(empty);
}

/** Replace a pack's whole index (its segment in every shard). */
export async function writePackIndex(db: ProvenanceDB, packId: string, docs: IndexedDoc[]): Promise<void> {
  await applySegments(db, await db.postings.toArray(), packId, buildShards(packId, docs));
}

export async function deletePackIndex(db: ProvenanceDB, packId: string): Promise<void> {
  await applySegments(db, await db.postings.toArray(), packId, []);
}

/**
 * Add and/or remove documents in a pack's index, touching only the shards their keys hash
 * to (saving one page as a report rewrites a few dozen rows, not the index).
 */
export async function updatePackIndex(db: ProvenanceDB, packId: string, add: IndexedDoc[], remove: { n: number; keys: string[] }[]): Promise<void> {
  const touched = new Set<number>();
  for (const d of add) for (const [k] of d.keys) touched.add(shardOf(k));
  for (const d of remove) for (const k of d.keys) touched.add(shardOf(k));
  if (!touched.size) return;
  const rows = (await db.postings.bulkGet([...touched])).filter((r): r is PostingsRow => !!r);
  const docs = shardDocs(rowShards(rows).filter((s) => s.packId === packId));
  for (const d of remove) docs.delete(d.n);
  for (const d of add) docs.set(d.n, d.keys);
  const rebuilt = buildShards(packId, [...docs].map(([n, keys]) => ({ n, keys: keys.filter(([k]) => touched.has(shardOf(k))) })));
  // Shards touched but now without this pack's postings lose its segment.
  const { put, empty } = replacePackSegments(rows, packId, rebuilt);
  await db.postings.bulkPut(put);
  if (empty.length) await db.postings.bulkDelete(empty);
}

/** The rows for these shard numbers. */
export async function readShards(db: ProvenanceDB, shards: number[]): Promise<PostingsRow[]> {
  return (await db.postings.bulkGet(shards)).filter((r): r is PostingsRow => !!r);
}

/** Reserve `count` consecutive report ordinals. */
export async function allocateOrdinals(db: ProvenanceDB, count: number): Promise<number> {
  const cur = (await db.settings.get(NEXT_ORDINAL))?.value;
  const first = typeof cur === 'number' && cur > 0 ? cur : 1;
  await db.settings.put({ key: NEXT_ORDINAL, value: first + count });
  return first;
}
