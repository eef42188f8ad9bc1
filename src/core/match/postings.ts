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

export const SHARD_COUNT = 4096;
/** MinHash LSH: 32 bands of 2 slots. Texts with Jaccard 0.5 share a band with p ≈ 0.9999. */
export const LSH_BANDS = 32;
export const LSH_ROWS = 2;
/** Term weights (≈1..6) are quantised to 1..255 with this scale. */
const TERM_SCALE = 40;
const ENTITY_WEIGHT = 100;

/**
 * One pack's postings within one shard. Keys are stored as 53-bit hashes (keyHash), in
 * ascending order, so a segment is four typed arrays: storing and reading it copies
 * memory instead of cloning thousands of strings.
 */
export interface ShardSegment {
  packId: string;
  /** keyHash of each key, ascending. */
  kh: Float64Array;
  offsets: Uint32Array;
  ns: Uint32Array;
  ws: Uint8Array;
}

export interface Shard extends ShardSegment {
  shard: number;
}

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

const HASH_LOW = 2 ** 21;

/**
 * A key's 53-bit hash: FNV-1a (whose value mod SHARD_COUNT is the key's shard) times 2^21
 * plus 21 bits of a second, independent hash. Exact in a double; two distinct keys of a
 * 100k-report store collide with a probability of about 10^-4.
 */
export function keyHash(key: string): number {
  return keyHashOf('', key);
}

/**
 * keyHash(prefix + key) without building that string: an import hashes ~130 keys per
 * report, and the concatenated strings were most of its garbage.
 */
export function keyHashOf(prefix: string, key: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return (h1 >>> 0) * HASH_LOW + ((h2 ^ (h2 >>> 16)) & (HASH_LOW - 1));
}

/** The shard of a key hash. */
export function shardOfHash(h: number): number {
  return Math.floor(h / HASH_LOW) % SHARD_COUNT;
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

/** A document's index keys (as strings, or already as keyHash values) with their weights. */
export interface IndexedDoc {
  n: number;
  keys: [string | number, number][];
}

/** Growable typed column. */
class Column<T extends Float64Array | Uint32Array | Uint8Array> {
  n = 0;
  constructor(public a: T, private make: (size: number) => T) {}
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a as never);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

/**
 * Build a pack's shards from its reports' keys. Flat typed columns, a counting sort by shard
 * and a small sort by key hash within each shard: no object per key, so 100k reports
 * (~13 M postings) build in a couple of seconds.
 */
export function buildShards(packId: string, docs: Iterable<IndexedDoc>): Shard[] {
  const H = new Column(new Float64Array(1024), (k) => new Float64Array(k));
  const N = new Column(new Uint32Array(1024), (k) => new Uint32Array(k));
  const W = new Column(new Uint8Array(1024), (k) => new Uint8Array(k));
  const perShard = new Uint32Array(SHARD_COUNT + 1);
  for (const d of docs) {
    for (const [k, w] of d.keys) {
      const h = typeof k === 'number' ? k : keyHash(k);
      H.push(h);
      N.push(d.n);
      W.push(w);
      perShard[shardOfHash(h) + 1]++;
    }
  }
  const total = H.n;
  const hs = H.a;
  for (let s = 0; s < SHARD_COUNT; s++) perShard[s + 1] += perShard[s];
  const order = new Uint32Array(total);
  const fill = perShard.slice(0, SHARD_COUNT);
  for (let i = 0; i < total; i++) order[fill[shardOfHash(hs[i])]++] = i;
  const out: Shard[] = [];
  for (let shard = 0; shard < SHARD_COUNT; shard++) {
    const from = perShard[shard];
    const to = perShard[shard + 1];
    if (from === to) continue;
    // Stable: postings of one key stay in document order.
    const idx = Array.from(order.subarray(from, to)).sort((a, b) => hs[a] - hs[b] || a - b);
    let keys = 0;
    for (let i = 0; i < idx.length; i++) if (i === 0 || hs[idx[i]] !== hs[idx[i - 1]]) keys++;
    const kh = new Float64Array(keys);
    const offsets = new Uint32Array(keys + 1);
    const ns = new Uint32Array(idx.length);
    const ws = new Uint8Array(idx.length);
    let key = -1;
    for (let i = 0; i < idx.length; i++) {
      const j = idx[i];
      if (i === 0 || hs[j] !== hs[idx[i - 1]]) {
        kh[++key] = hs[j];
        offsets[key] = i;
      }
      ns[i] = N.a[j];
      ws[i] = W.a[j];
    }
    offsets[keys] = idx.length;
    out.push({ packId, shard, kh, offsets, ns, ws });
  }
  return out;
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
