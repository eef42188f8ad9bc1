/**
 * Candidate reports for a page, read from the persisted postings index: only the shards
 * the page's keys hash to are read, so a freshly started worker answers without building
 * anything in memory. A small cache keeps recently read shards for the warm path. Which
 * candidates to take is decided in the core (src/core/match/candidates.ts).
 */
import { queryTermShards, selectCandidates, type CandidateSource } from '../core/match/candidates';
import type { PageFeatures } from '../core/match/match';
import type { Shard } from '../core/match/postings';
import { reportFeatures, unpackFeatures, type ReportFeatures } from '../core/match/features';
import type { CandidateQuery, CandidateSet } from '../core/explain/types';
import { USER_PACK, type ProvenanceDB, type StoredReport } from './db';
import { readShards } from './postings-store';

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

async function storeCache(db: ProvenanceDB): Promise<StoreCache> {
  const gen = await generation(db);
  let c = caches.get(db);
  if (!c || c.gen !== gen) caches.set(db, (c = { gen, rows: new Map(), bytes: 0, reports: new Map(), docCount: await reportCount(db) }));
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
  return { ...r, features: rowFeatures(r) };
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
  /** The rows, and the store generation they were read at (in the same transaction). */
  rows: Promise<{ gen: unknown; rows: Shard[] }>;
}

/**
 * Start reading the shards of the page's terms that the cache lacks, at once: the reads go
 * on in the browser while the worker does other work (the page's sourcing), and
 * findCandidates takes the rows from here instead of reading them after that work.
 */
export function prefetchShards(db: ProvenanceDB, page: CandidateQuery): Prefetch {
  const { prepared, shards } = queryTermShards(page);
  const cached = caches.get(db)?.rows;
  const missing = cached ? shards.filter((s) => !cached.has(s)) : shards;
  const rows = db.transaction('r', [db.segments, db.settings], async () => {
    const [gen, got] = await Promise.all([generation(db), readShards(db, missing)]);
    return { gen, rows: got };
  });
  rows.catch(() => undefined); // a failed read is read again by findCandidates
  return { prepared, shards: missing, rows };
}

export async function findCandidates(db: ProvenanceDB, page: CandidateQuery, minhash: number[], relayedSourceIds: string[], prefetch?: Prefetch): Promise<Candidates> {
  const t = performance.now();
  const c = await storeCache(db);
  if (prefetch) {
    // Rows of another generation (an import landed since they were read) are left out.
    const got = await prefetch.rows.catch(() => null);
    if (got && got.gen === c.gen) addRows(c, prefetch.shards, got.rows);
  }
  const count = Math.round((performance.now() - t) * 10) / 10;
  const some = (rs: (StoredReport | undefined)[]) => rs.filter((r): r is StoredReport => !!r).map(storedFeatures);
  const src: CandidateSource<CandidateRow> = {
    docCount: c.docCount,
    shards: (numbers) => shardsFor(db, c, numbers),
    // One keyed read per ordinal, all issued at once (an anyOf() cursor would walk them one
    // round trip at a time).
    byOrdinals: (ns) => rowsByOrdinal(db, c, ns),
    byUrls: async (urls) => some(await db.reports.where('urls').anyOf(urls).toArray()),
    bySource: async (sid, limit) => some(await db.reports.where('sourceId').equals(sid).limit(limit).toArray()),
  };
  const found = await selectCandidates(src, page, minhash, relayedSourceIds, prefetch?.prepared);
  return { ...found, steps: { count, ...found.steps } };
}
