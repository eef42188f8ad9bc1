/**
 * Candidate reports for a page, read from the persisted postings index: only the shards
 * the page's keys hash to are read, so a freshly started worker answers without building
 * anything in memory. A small cache keeps recently read shards for the warm path.
 */
import { pageFeatures, type CorpusStats, type PageFeatures } from '../core/match/match';
import { normalizeUrl } from '../core/match/features';
import { bandCandidates, bandKeys, docFrequency, readPostings, rowShards, scoreCandidates, shardOf, type Posting, type Shard } from '../core/match/postings';
import type { PageReport } from '../shared/messages';
import { USER_PACK, type PostingsRow, type ProvenanceDB, type StoredReport } from './db';
import { readShards } from './postings-store';

/** Page terms looked up in the index (by weight on the page). */
export const QUERY_TERMS = 80;
/** Candidates taken from the term index, from shared MinHash bands, and per relayed outlet. */
export const TERM_CANDIDATES = 60;
export const BAND_CANDIDATES = 20;
export const RELAY_CANDIDATES = 50;


/** Number of reports in the store (pack counts plus the user's own reports). */
export async function reportCount(db: ProvenanceDB): Promise<number> {
  const packs = await db.packs.toArray();
  return packs.reduce((n, p) => n + p.reportCount, 0) + (await db.reports.where('packId').equals(USER_PACK).count());
}

/** Store generation: the next report ordinal, bumped by every import, saved report and deletion. */
async function generation(db: ProvenanceDB): Promise<unknown> {
  return (await db.settings.get('nextOrdinal'))?.value;
}

// Per-database cache of shard rows, the report count and the pack ids, dropped whenever the
// store's generation changes.
const CACHE_MAX = 500;
interface StoreCache {
  gen: unknown;
  rows: Map<number, PostingsRow | null>;
  docCount: number;
}
const caches = new WeakMap<ProvenanceDB, StoreCache>();

async function storeCache(db: ProvenanceDB): Promise<StoreCache> {
  const gen = await generation(db);
  let c = caches.get(db);
  if (!c || c.gen !== gen) caches.set(db, (c = { gen, rows: new Map(), docCount: await reportCount(db) }));
  return c;
}

async function shardsFor(db: ProvenanceDB, c: StoreCache, shards: number[]): Promise<Shard[]> {
  const missing = shards.filter((s) => !c.rows.has(s));
  if (missing.length) {
    const rows = await readShards(db, missing);
    for (const s of missing) c.rows.set(s, null);
    for (const r of rows) c.rows.set(r.shard, r);
    while (c.rows.size > CACHE_MAX) c.rows.delete(c.rows.keys().next().value!);
  }
  const out: PostingsRow[] = [];
  for (const s of shards) {
    const r = c.rows.get(s);
    if (r) out.push(r);
  }
  return rowShards(out);
}

export interface Candidates {
  candidates: StoredReport[];
  stats: CorpusStats;
  /** Milliseconds per step (count, features, shards, score, fetch, entities). */
  steps: Record<string, number>;
  /** The page's terms and normalised text, for matchReports. */
  prepared: PageFeatures;
}

export async function findCandidates(
  db: ProvenanceDB,
  page: Pick<PageReport, 'title' | 'text' | 'url' | 'canonicalUrl'>,
  minhash: number[],
  relayedSourceIds: string[],
): Promise<Candidates> {
  const t = performance.now();
  const steps: Record<string, number> = {};
  let last = t;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - last) * 10) / 10;
    last = now;
  };
  const c = await storeCache(db);
  const docCount = c.docCount;
  step('count');
  const prepared = pageFeatures(page);
  step('features');
  const terms = [...prepared.terms.entries()].slice(0, QUERY_TERMS);
  const query = new Map(terms.map(([t, w]) => [`t:${t}`, w]));
  const bands = bandKeys(minhash);
  const keys = [...query.keys(), ...bands];
  const shards = await shardsFor(db, c, [...new Set(keys.map(shardOf))]);
  const postings = readPostings(shards, keys);
  step('shards');

  const ns = new Set<number>();
  for (const c of scoreCandidates(query, postings, docCount, TERM_CANDIDATES)) ns.add(c.n);
  for (const n of bandCandidates(minhash, postings, 2).slice(0, BAND_CANDIDATES)) ns.add(n);
  step('score');
  // One keyed read per ordinal, all issued at once (an anyOf() cursor would walk them one
  // round trip at a time).
  const byN = (await Promise.all([...ns].map((n) => db.reports.where('n').equals(n).first()))).filter((r): r is StoredReport => !!r);
  const byId = new Map(byN.map((r) => [r.id, r]));
  const urls = [normalizeUrl(page.url), normalizeUrl(page.canonicalUrl)].filter((u): u is string => !!u);
  if (urls.length) for (const r of await db.reports.where('urls').anyOf(urls).toArray()) byId.set(r.id, r);
  for (const sid of relayedSourceIds) {
    for (const r of await db.reports.where('sourceId').equals(sid).limit(RELAY_CANDIDATES).toArray()) byId.set(r.id, r);
  }
  const candidates = [...byId.values()];
  step('fetch');

  // Document frequencies: terms from the postings read; entities only for those the page names.
  const df = new Map<string, number>();
  for (const [k] of query) df.set(k.slice(2), docFrequency(postings.get(k)));
  const entKeys = [...new Set(candidates.flatMap((c) => c.features.entityKeys))].filter((k) => prepared.names(k)).map((k) => `e:${k}`);
  let entPostings = new Map<string, Posting[]>();
  if (entKeys.length) entPostings = readPostings(await shardsFor(db, c, [...new Set(entKeys.map(shardOf))]), entKeys);
  step('entities');
  return {
    candidates,
    steps,
    prepared,
    stats: {
      docCount,
      df: (t) => df.get(t) ?? 0,
      entityDf: (k) => docFrequency(entPostings.get(`e:${k}`)),
    },
  };
}
