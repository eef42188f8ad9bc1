/**
 * The persisted matching index: postings (key → report ordinals and weights) grouped into
 * hash shards, one set of shards per pack. A query reads only the shards its keys hash to,
 * so a cold service worker answers without rebuilding anything in memory, and a pack is
 * replaced by deleting and writing its own shards.
 *
 * Keys: `t:<term>` (weighted terms), `e:<entity>` (people, organisations, places,
 * keywords), `b:<band>:<hash>` (MinHash LSH bands, for same-story candidates).
 * Pure: the store (src/store) persists the shards.
 */
import { fnv1a } from '../packs';
import type { ReportFeatures } from './features';
import { keyHash, keyHashOf, shardOfHash, SHARD_COUNT, type IndexedDoc, type Shard, type ShardSegment } from './shard-layout';

export { bandKeyHash, buildShards, buildShardsFlat, keyHash, keyHashOf, shardOfHash, SHARD_COUNT, type IndexedDoc, type Shard, type ShardSegment } from './shard-layout';

/** MinHash LSH: 32 bands of 2 slots. Texts with Jaccard 0.5 share a band with p ≈ 0.9999. */
export const LSH_BANDS = 32;
export const LSH_ROWS = 2;
/** Term weights (≈1..6) are quantised to 1..255 with this scale. */
const TERM_SCALE = 40;
const ENTITY_WEIGHT = 100;


/** Every pack's segment of one shard (the in-memory library's layout). */
export interface ShardRow {
  shard: number;
  segs: ShardSegment[];
}

/** The segments of rows as shards (what readPostings and shardDocs take). */
export function rowShards(rows: Iterable<ShardRow>): Shard[] {
  const out: Shard[] = [];
  for (const r of rows) for (const seg of r.segs) out.push({ ...seg, shard: r.shard });
  return out;
}

/**
 * Put a pack's new shards into the rows (replacing its old segments everywhere): returns
 * the rows to write and the shard numbers left empty (to delete).
 */
export function replacePackSegments(rows: Iterable<ShardRow>, packId: string, shards: Iterable<Shard>): { put: ShardRow[]; empty: number[] } {
  const byShard = new Map<number, ShardRow>();
  const touched = new Set<number>();
  for (const r of rows) {
    byShard.set(r.shard, r);
    if (r.segs.some((s) => s.packId === packId)) touched.add(r.shard);
  }
  const fresh = new Map<number, ShardSegment>();
  for (const s of shards) {
    const { shard, ...seg } = s;
    fresh.set(shard, seg);
    touched.add(shard);
  }
  const put: ShardRow[] = [];
  const empty: number[] = [];
  for (const shard of touched) {
    const segs = (byShard.get(shard)?.segs ?? []).filter((s) => s.packId !== packId);
    const seg = fresh.get(shard);
    if (seg) segs.push(seg);
    if (segs.length) put.push({ shard, segs });
    else if (byShard.has(shard)) empty.push(shard);
  }
  return { put, empty };
}


export function shardOf(key: string): number {
  return fnv1a(key) % SHARD_COUNT;
}

/** LSH band keys of a MinHash signature (none for an empty or missing signature). */
export function bandKeys(minhash: readonly number[] | undefined): string[] {
  if (!minhash || minhash.length < LSH_BANDS * LSH_ROWS) return [];
  if (minhash.every((x) => x === 0xffffffff)) return [];
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < LSH_ROWS; r++) {
      h = Math.imul(h ^ minhash[b * LSH_ROWS + r], 0x01000193) >>> 0;
    }
    out.push(`b:${b}:${h.toString(36)}`);
  }
  return out;
}

/** The index keys of one report, with quantised weights. */
export function reportKeys(f: Pick<ReportFeatures, 'terms' | 'entityKeys'>, minhash?: readonly number[]): [string, number][] {
  const out: [string, number][] = [];
  for (const [t, w] of Object.entries(f.terms)) out.push([`t:${t}`, termQuant(w)]);
  for (const k of f.entityKeys) out.push([`e:${k}`, ENTITY_WEIGHT]);
  for (const k of bandKeys(minhash)) out.push([k, 1]);
  return out;
}

const termQuant = (w: number) => Math.max(1, Math.min(255, Math.round(w * TERM_SCALE)));

/**
 * reportKeys as keyHash values (what the index stores), computed without building the key
 * strings: the import's path. Same keys, same order, same weights.
 */
export function reportKeyHashes(f: Pick<ReportFeatures, 'terms' | 'entityKeys'>, minhash?: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const t in f.terms) out.push([keyHashOf('t:', t), termQuant(f.terms[t])]);
  for (const k of f.entityKeys) out.push([keyHashOf('e:', k), ENTITY_WEIGHT]);
  for (const k of bandKeys(minhash)) out.push([keyHash(k), 1]);
  return out;
}

export function termWeight(q: number): number {
  return q / TERM_SCALE;
}

/** Decode shards back into documents' keys (as keyHash values), for incremental edits of a small pack. */
export function shardDocs(shards: Iterable<Shard>, into = new Map<number, [number, number][]>()): Map<number, [number, number][]> {
  for (const s of shards) {
    s.kh.forEach((h, i) => {
      for (let j = s.offsets[i]; j < s.offsets[i + 1]; j++) {
        const n = s.ns[j];
        let arr = into.get(n);
        if (!arr) into.set(n, (arr = []));
        arr.push([h, s.ws[j]]);
      }
    });
  }
  return into;
}

export interface Posting {
  ns: Uint32Array;
  ws: Uint8Array;
}

function findKey(kh: Float64Array, h: number): number {
  let lo = 0;
  let hi = kh.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = kh[mid];
    if (k === h) return mid;
    if (k < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The postings of `keys` in the given shards (all packs), per key. */
export function readPostings(shards: Iterable<Shard>, keys: Iterable<string>): Map<string, Posting[]> {
  const want = new Map<number, [string, number][]>();
  for (const k of keys) {
    const h = keyHash(k);
    const s = shardOfHash(h);
    const arr = want.get(s);
    if (arr) arr.push([k, h]);
    else want.set(s, [[k, h]]);
  }
  const out = new Map<string, Posting[]>();
  for (const s of shards) {
    for (const [k, h] of want.get(s.shard) ?? []) {
      const i = findKey(s.kh, h);
      if (i < 0) continue;
      const p = { ns: s.ns.subarray(s.offsets[i], s.offsets[i + 1]), ws: s.ws.subarray(s.offsets[i], s.offsets[i + 1]) };
      const arr = out.get(k);
      if (arr) arr.push(p);
      else out.set(k, [p]);
    }
  }
  return out;
}

/** Shard numbers a set of keys lives in. */
export function shardsFor(keys: Iterable<string>): number[] {
  return [...new Set([...keys].map(shardOf))];
}

export function docFrequency(postings: Posting[] | undefined): number {
  let n = 0;
  for (const p of postings ?? []) n += p.ns.length;
  return n;
}

/** Keys carried by more than this share of the store are too common to rank by (see scoreCandidates). */
export const COMMON_KEY_SHARE = 0.05;
const COMMON_KEY_MIN_DF = 500;

/**
 * Candidate ordinals by a BM25-like score: Σ over query keys of idf × query weight ×
 * stored weight, saturated. Keys carried by a large share of the store add little to the
 * ranking and most of the work, so they are skipped (unless fewer than 3 rarer keys are
 * left). Returns the best `limit` ordinals with their scores.
 */
export function scoreCandidates(
  query: Map<string, number>,
  postings: Map<string, Posting[]>,
  docCount: number,
  limit: number,
): { n: number; score: number }[] {
  const cap = Math.max(COMMON_KEY_MIN_DF, docCount * COMMON_KEY_SHARE);
  const keys = [...query.keys()].filter((k) => postings.has(k)).map((k) => ({ k, df: docFrequency(postings.get(k)) }));
  let use = keys.filter((x) => x.df <= cap);
  if (use.length < 3) use = keys.sort((a, b) => a.df - b.df).slice(0, 3);
  const acc = new Map<number, number>();
  const k1 = 1.2;
  for (const { k: key, df } of use) {
    const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    if (idf <= 0) continue;
    const q = idf * query.get(key)!;
    for (const p of postings.get(key)!) {
      const ns = p.ns;
      const ws = p.ws;
      for (let i = 0; i < ns.length; i++) {
        const w = ws[i] / TERM_SCALE;
        const n = ns[i];
        acc.set(n, (acc.get(n) ?? 0) + (q * (w * (k1 + 1))) / (w + k1));
      }
    }
  }
  return topK(acc, limit);
}

/** The `k` entries with the highest scores (ties: lower ordinal first), best first. */
function topK(acc: Map<number, number>, k: number): { n: number; score: number }[] {
  const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  // Min-heap of the best k seen so far.
  const heap: [number, number][] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m], heap[l])) m = l;
      if (r < heap.length && better(heap[m], heap[r])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p], heap[i])) return;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  for (const e of acc) {
    if (heap.length < k) {
      heap.push(e);
      up(heap.length - 1);
    } else if (k > 0 && better(e, heap[0])) {
      heap[0] = e;
      down(0);
    }
  }
  heap.sort((a, b) => (better(a, b) ? -1 : 1));
  return heap.map(([n, score]) => ({ n, score }));
}

/** Ordinals sharing at least `minBands` LSH bands with the query signature. */
export function bandCandidates(minhash: readonly number[] | undefined, postings: Map<string, Posting[]>, minBands = 1): number[] {
  const count = new Map<number, number>();
  for (const k of bandKeys(minhash)) {
    for (const p of postings.get(k) ?? []) for (const n of p.ns) count.set(n, (count.get(n) ?? 0) + 1);
  }
  return [...count.entries()].filter(([, c]) => c >= minBands).sort((a, b) => b[1] - a[1]).map(([n]) => n);
}
