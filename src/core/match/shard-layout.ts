/**
 * The layout of the persisted postings index (see postings.ts): the 53-bit key hashes, the
 * shard a hash falls in, a pack's segment of a shard, and building a pack's segments from
 * its documents' keys — given as documents, or as flat typed columns (an import's path: no
 * array per key).
 */

export const SHARD_COUNT = 4096;

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

/** A document's index keys (as strings, or already as keyHash values) with their weights. */
export interface IndexedDoc {
  n: number;
  keys: [string | number, number][];
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

const BAND_CODES = new Uint8Array(24);

/** keyHash of `b:<band>:<hash in base 36>` (an LSH band key, see bandKeys) without building the string. */
export function bandKeyHash(band: number, h: number): number {
  let n = 0;
  BAND_CODES[n++] = 98; // b
  BAND_CODES[n++] = 58; // :
  const bs = String(band);
  for (let i = 0; i < bs.length; i++) BAND_CODES[n++] = bs.charCodeAt(i);
  BAND_CODES[n++] = 58;
  let x = h >>> 0;
  const start = n;
  do {
    const d = x % 36;
    BAND_CODES[n++] = d < 10 ? 48 + d : 87 + d;
    x = Math.floor(x / 36);
  } while (x > 0);
  BAND_CODES.subarray(start, n).reverse();
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    const c = BAND_CODES[i];
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
  for (const d of docs) {
    for (const [k, w] of d.keys) {
      H.push(typeof k === 'number' ? k : keyHash(k));
      N.push(d.n);
      W.push(w);
    }
  }
  return buildShardsFlat(packId, H.a, N.a, W.a, H.n);
}

/**
 * buildShards over flat columns: posting i is key hash hs[i] of document ns[i] with weight
 * ws[i] (the first `total` entries), in document order.
 */
export function buildShardsFlat(packId: string, hs: Float64Array, nsIn: Uint32Array, wsIn: Uint8Array, total: number): Shard[] {
  const perShard = new Uint32Array(SHARD_COUNT + 1);
  for (let i = 0; i < total; i++) perShard[shardOfHash(hs[i]) + 1]++;
  for (let s = 0; s < SHARD_COUNT; s++) perShard[s + 1] += perShard[s];
  const order = new Uint32Array(total);
  const fill = perShard.slice(0, SHARD_COUNT);
  for (let i = 0; i < total; i++) order[fill[shardOfHash(hs[i])]++] = i;
  const out: Shard[] = [];
  let sorted = new Float64Array(64);
  let keyOf = new Uint32Array(64);
  for (let shard = 0; shard < SHARD_COUNT; shard++) {
    const from = perShard[shard];
    const to = perShard[shard + 1];
    const m = to - from;
    if (!m) continue;
    // The shard's distinct key hashes, ascending (a native sort of doubles, no comparator).
    if (sorted.length < m) {
      sorted = new Float64Array(m * 2);
      keyOf = new Uint32Array(m * 2);
    }
    for (let i = 0; i < m; i++) sorted[i] = hs[order[from + i]];
    const view = sorted.subarray(0, m).sort();
    let keys = 0;
    for (let i = 0; i < m; i++) if (i === 0 || view[i] !== view[i - 1]) view[keys++] = view[i];
    const kh = view.slice(0, keys);
    // Each posting's key (binary search), then a counting sort by key: postings of one key
    // stay in document order.
    const offsets = new Uint32Array(keys + 1);
    for (let i = 0; i < m; i++) {
      const h = hs[order[from + i]];
      let lo = 0;
      let hi = keys - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (kh[mid] < h) lo = mid + 1;
        else hi = mid;
      }
      keyOf[i] = lo;
      offsets[lo + 1]++;
    }
    for (let k = 0; k < keys; k++) offsets[k + 1] += offsets[k];
    const at = offsets.slice(0, keys);
    const ns = new Uint32Array(m);
    const ws = new Uint8Array(m);
    for (let i = 0; i < m; i++) {
      const j = order[from + i];
      const pos = at[keyOf[i]]++;
      ns[pos] = nsIn[j];
      ws[pos] = wsIn[j];
    }
    out.push({ packId, shard, kh, offsets, ns, ws });
  }
  return out;
}
