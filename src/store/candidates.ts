/**
 * Candidate reports for a page, read from the persisted postings index: only the shards
 * the page's keys hash to are read, so a freshly started worker answers without building
 * anything in memory. A small cache keeps recently read shards for the warm path. Which
 * candidates to take is decided in the core (src/core/match/candidates.ts).
 */
import { bandShards, finishCandidates, queryTermShards, startCandidates, type CandidateSource, type CandidateStart } from '../core/match/candidates';
import type { PageFeatures } from '../core/match/match';
import type { Shard } from '../core/match/postings';
import { reportFeatures, unpackFeatures, type ReportFeatures } from '../core/match/features';
import type { CandidateQuery, CandidateSet } from '../core/explain/types';
import { USER_PACK, type ProvenanceDB, type StoredReport } from './db';
import { readShards } from './postings-store';
import { reportRecord } from './stored-record';

export { BAND_CANDIDATES, QUERY_TERMS, RELAY_CANDIDATES, TERM_CANDIDATES } from '../core/match/candidates';

/** Number of reports in the store (pack counts plus the user's own reports). */
export async function reportCount(db: ProvenanceDB): Promise<number> {
  const packs = await db.packs.toArray();
  return packs.reduce((n, p) => n + p.reportCount, 0) + (await db.reports.where('packId').equals(USER_PACK).count());
}

/** Store generation: the next report ordinal, bumped by every import, saved report and deletion. */
async function generation(db: ProvenanceDB): Promise<unknown> {
  return (await db.settings.get('nextOrdinal'))?.value;
}

// Per-database cache of shard rows, candidate rows and the report count, dropped whenever
// the store's generation changes. Shard rows are kept up to a byte budget (at 10k reports
// that is the whole index, at 100k about a fifth of it), candidate rows up to a count.
const CACHE_BYTES = 24 * 2 ** 20;
const ROW_CACHE_MAX = 600;
interface StoreCache {
  gen: unknown;
  rows: Map<number, Shard[]>;
  bytes: number;
  reports: Map<number, CandidateRow>;
  docCount: number;
}
const shardBytes = (s: Shard) => s.kh.byteLength + s.offsets.byteLength + s.ns.byteLength + s.ws.byteLength + 64;
const caches = new WeakMap<ProvenanceDB, StoreCache>();

/** The cache for the store's generation: `known` is what a prefetch read (generation, and the count when it read one). */
async function storeCache(db: ProvenanceDB, known?: { gen: unknown; docCount?: number }): Promise<StoreCache> {
  const gen = known ? known.gen : await generation(db);
  let c = caches.get(db);
  if (!c || c.gen !== gen) caches.set(db, (c = { gen, rows: new Map(), bytes: 0, reports: new Map(), docCount: known?.docCount ?? (await reportCount(db)) }));
  return c;
}

/** Put the rows read for these shard numbers into the cache (shards without rows cached as empty). */
function addRows(c: StoreCache, shards: number[], rows: Shard[]): void {
  const fresh = shards.filter((s) => !c.rows.has(s));
  const want = new Set(fresh);
  for (const s of fresh) c.rows.set(s, []);
  for (const r of rows) {
    if (!want.has(r.shard)) continue;
    c.rows.get(r.shard)!.push(r);
    c.bytes += shardBytes(r);
  }
}

async function shardsFor(db: ProvenanceDB, c: StoreCache, shards: number[]): Promise<Shard[]> {
  const missing = shards.filter((s) => !c.rows.has(s));
  if (missing.length) addRows(c, missing, await readShards(db, missing));
  // Take this query's rows before evicting: evicting first could drop rows it needs (read
  // by an earlier page), and their postings would silently count as absent.
  const out: Shard[] = [];
  for (const s of shards) out.push(...(c.rows.get(s) ?? []));
  while (c.bytes > CACHE_BYTES && c.rows.size) {
    const [oldest, segs] = c.rows.entries().next().value!;
    c.rows.delete(oldest);
    for (const r of segs) c.bytes -= shardBytes(r);
  }
  return out;
}

/** A stored report with its features unpacked, as ranking takes it. */
export type CandidateRow = StoredReport & { features: ReportFeatures };

export function storedFeatures(r: StoredReport): CandidateRow {
  return { ...r, record: reportRecord(r), features: rowFeatures(r) };
}

/** A row's features: unpacked, or (a row written by hand without them) computed from its record. */
export function rowFeatures(r: StoredReport): ReportFeatures {
  if (r.pf) return unpackFeatures(r.pf, r.urls);
  const legacy = (r as { features?: ReportFeatures }).features;
  return legacy ?? reportFeatures(r.record);
}

export type Candidates = CandidateSet<CandidateRow>;

/**
 * Reports by ordinal, in the order asked: from the cache, the others with one keyed read
 * each, all issued at once (an anyOf() cursor would walk them one round trip at a time).
 * Pages on one subject share many candidates, so a warm worker reads few rows.
 */
async function rowsByOrdinal(db: ProvenanceDB, c: StoreCache, ns: number[]): Promise<CandidateRow[]> {
  const missing = ns.filter((n) => !c.reports.has(n));
  if (missing.length) {
    const rows = await db.transaction('r', db.reports, () => Promise.all(missing.map((n) => db.reports.where('n').equals(n).first())));
    for (const r of rows) if (r) c.reports.set(r.n, storedFeatures(r));
  }
  const out: CandidateRow[] = [];
  for (const n of ns) {
    const r = c.reports.get(n);
    if (!r) continue;
    out.push(r);
    // Most recently used last, so the oldest go first.
    c.reports.delete(n);
    c.reports.set(n, r);
  }
  while (c.reports.size > ROW_CACHE_MAX) c.reports.delete(c.reports.keys().next().value!);
  return out;
}

/** Shard rows a lookup started reading early (prefetchShards), with the page's features. */
export interface Prefetch {
  prepared: PageFeatures;
  shards: number[];
  /**
   * The rows, and the store generation they were read at (in the same transaction); with the
   * report count when nothing was cached yet (a fresh worker), so that needs no read of its own.
   */
  rows: Promise<{ gen: unknown; rows: Shard[]; docCount?: number }>;
}

/**
 * Start reading the shards of the page's terms (and, given the page's MinHash, of its bands)
 * that the cache lacks, at once: the reads go on in the browser while the worker does other
 * work (reading the outlets), and findCandidates takes the rows from here.
 */
export function prefetchShards(db: ProvenanceDB, page: CandidateQuery, minhash: number[] = []): Prefetch {
  const { prepared, shards: termShards } = queryTermShards(page);
  const shards = minhash.length ? [...new Set([...termShards, ...bandShards(minhash)])] : termShards;
  const cached = caches.get(db)?.rows;
  const missing = cached ? shards.filter((s) => !cached.has(s)) : shards;
  const rows = db.transaction('r', [db.segments, db.settings, db.packs, db.reports], async () => {
    const [gen, got, docCount] = await Promise.all([generation(db), readShards(db, missing), cached ? undefined : reportCount(db)]);
    return { gen, rows: got, docCount };
  });
  rows.catch(() => undefined); // a failed read is read again by findCandidates
  return { prepared, shards: missing, rows };
}

/** The source of candidates for this store, through its cache. */
function storeSource(db: ProvenanceDB, c: StoreCache): CandidateSource<CandidateRow> {
  const some = (rs: (StoredReport | undefined)[]) => rs.filter((r): r is StoredReport => !!r).map(storedFeatures);
  return {
    docCount: c.docCount,
    shards: (numbers) => shardsFor(db, c, numbers),
    // One keyed read per ordinal, all issued at once (an anyOf() cursor would walk them one
    // round trip at a time).
    byOrdinals: (ns) => rowsByOrdinal(db, c, ns),
    byUrls: async (urls) => some(await db.reports.where('urls').anyOf(urls).toArray()),
    bySource: async (sid, limit) => some(await db.reports.where('sourceId').equals(sid).limit(limit).toArray()),
  };
}

/**
 * The first half of findCandidates (see startCandidates in the core): the index read and
 * scored and the candidate reports being read, before the page's relays are known.
 */
export async function beginCandidates(db: ProvenanceDB, page: CandidateQuery, minhash: number[], prefetch?: Prefetch): Promise<CandidateStart<CandidateRow> & { count: number }> {
  const t = performance.now();
  // The store's generation now, read alongside the prefetch (not behind it): rows the prefetch
  // read at another generation (an import landed since) are left out.
  const [got, gen] = await Promise.all([prefetch ? prefetch.rows.catch(() => null) : null, generation(db)]);
  const c = await storeCache(db, { gen, docCount: got && got.gen === gen ? got.docCount : undefined });
  if (got && got.gen === c.gen) addRows(c, prefetch!.shards, got.rows);
  const count = Math.round((performance.now() - t) * 10) / 10;
  return { ...(await startCandidates(storeSource(db, c), page, minhash, prefetch?.prepared)), count };
}

export async function endCandidates(start: CandidateStart<CandidateRow> & { count: number }, relayedSourceIds: string[]): Promise<Candidates> {
  const found = await finishCandidates(start, relayedSourceIds);
  return { ...found, steps: { count: start.count, ...found.steps } };
}

export async function findCandidates(db: ProvenanceDB, page: CandidateQuery, minhash: number[], relayedSourceIds: string[], prefetch?: Prefetch): Promise<Candidates> {
  return endCandidates(await beginCandidates(db, page, minhash, prefetch), relayedSourceIds);
}
