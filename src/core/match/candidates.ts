/**
 * Which stored reports to rank for a page: the best by the page's terms in the postings
 * index, those sharing MinHash bands with it, those at its address and those by the outlets
 * it relays. The index may be persisted (the worker reads shards from IndexedDB) or built in
 * memory (the CLI): both go through this one function, so they pick the same candidates.
 */
import { normalizeUrl } from './features';
import { pageFeatures, type CorpusStats, type PageFeatures } from './match';
import { bandCandidates, bandKeys, docFrequency, readPostings, scoreCandidates, shardOf, type Posting, type Shard } from './postings';

/** Page terms looked up in the index (by weight on the page). */
export const QUERY_TERMS = 80;
/** Candidates taken from the term index, from shared MinHash bands, and per relayed outlet. */
export const TERM_CANDIDATES = 60;
export const BAND_CANDIDATES = 20;
export const RELAY_CANDIDATES = 50;

/** Where candidates are read from. */
export interface CandidateSource<R> {
  /** Number of reports indexed. */
  docCount: number;
  /** The index shards with these numbers (all packs' segments). */
  shards(numbers: number[]): Promise<Shard[]>;
  /** Reports by ordinal, in the order asked (missing ones left out). */
  byOrdinals(ns: number[]): Promise<R[]>;
  /** Reports carrying any of these normalised URLs. */
  byUrls(urls: string[]): Promise<R[]>;
  /** Up to `limit` reports by an outlet. */
  bySource(sourceId: string, limit: number): Promise<R[]>;
}

export interface SelectedCandidates<R> {
  candidates: R[];
  stats: CorpusStats;
  /** The page's terms and normalised text, for matchReports. */
  prepared: PageFeatures;
  /** Milliseconds per step (features, shards, score, fetch, entities). */
  steps: Record<string, number>;
}

/** The page's terms looked up in the index, as index keys with their weights on the page. */
function queryTerms(prepared: PageFeatures): Map<string, number> {
  const terms = [...prepared.terms.entries()].slice(0, QUERY_TERMS);
  return new Map(terms.map(([t, w]) => [`t:${t}`, w]));
}

/**
 * The page's features and the shards its term keys live in, known before any read: a
 * caller can start reading those shards and do other work (the page's sourcing) meanwhile.
 */
export function queryTermShards(page: { title: string; text: string }): { prepared: PageFeatures; shards: number[] } {
  const prepared = pageFeatures(page);
  return { prepared, shards: [...new Set([...queryTerms(prepared).keys()].map(shardOf))] };
}

/** The index keys of the page's MinHash bands and the shards they live in (known before any read). */
export function bandShards(minhash: number[]): number[] {
  return [...new Set(bandKeys(minhash).map(shardOf))];
}

/**
 * The first half of selectCandidates, which needs neither the page's sourcing nor its relays:
 * the index read and scored, and the reads of the chosen reports (and those at the page's
 * address) started. A caller can work out the page's sourcing while they are read, then call
 * finishCandidates with the outlets the page relays.
 */
export interface CandidateStart<R> {
  src: CandidateSource<R>;
  steps: Record<string, number>;
  prepared: PageFeatures;
  query: Map<string, number>;
  postings: Map<string, Posting[]>;
  docCount: number;
  /** Reports by ordinal and by the page's URLs, being read. */
  early: Promise<[R[], R[]]>;
}

export async function startCandidates<R>(
  src: CandidateSource<R>,
  page: { title: string; text: string; url: string | null; canonicalUrl: string | null },
  minhash: number[],
  /** pageFeatures(page), when the caller computed it already (see queryTermShards). */
  preparedPage?: PageFeatures,
): Promise<CandidateStart<R>> {
  const steps: Record<string, number> = {};
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - last) * 10) / 10;
    last = now;
  };
  const docCount = src.docCount;
  const prepared = preparedPage ?? pageFeatures(page);
  step('features');
  const query = queryTerms(prepared);
  const bands = bandKeys(minhash);
  const keys = [...query.keys(), ...bands];
  const shards = await src.shards([...new Set(keys.map(shardOf))]);
  const postings = readPostings(shards, keys);
  step('shards');

  const ns = new Set<number>();
  for (const c of scoreCandidates(query, postings, docCount, TERM_CANDIDATES)) ns.add(c.n);
  for (const n of bandCandidates(minhash, postings, 2).slice(0, BAND_CANDIDATES)) ns.add(n);
  const urls = [normalizeUrl(page.url), normalizeUrl(page.canonicalUrl)].filter((u): u is string => !!u);
  const early = Promise.all([src.byOrdinals([...ns]), urls.length ? src.byUrls(urls) : Promise.resolve([] as R[])]);
  early.catch(() => undefined); // awaited (and thrown) in finishCandidates
  step('score');
  return { src, steps, prepared, query, postings, docCount, early };
}

/**
 * The second half: the reports by the outlets the page relays, then the document
 * frequencies. `fetch` counts only the time spent here waiting for the reads.
 */
export async function finishCandidates<R extends { id: string; features: { entityKeys: string[] } }>(start: CandidateStart<R>, relayedSourceIds: string[]): Promise<SelectedCandidates<R>> {
  const { src, steps, prepared, query, postings, docCount } = start;
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((now - last) * 10) / 10;
    last = now;
  };
  // All reads at once; the reports go in the same order as read one after another.
  const [[byOrdinal, byUrl], byRelay] = await Promise.all([start.early, Promise.all(relayedSourceIds.map((sid) => src.bySource(sid, RELAY_CANDIDATES)))]);
  const byId = new Map<string, R>();
  for (const list of [byOrdinal, byUrl, ...byRelay]) for (const r of list) byId.set(r.id, r);
  const candidates = [...byId.values()];
  step('fetch');

  // Document frequencies: terms from the postings read; entities only for those the page names.
  const df = new Map<string, number>();
  for (const [k] of query) df.set(k.slice(2), docFrequency(postings.get(k)));
  const entKeys = [...new Set(candidates.flatMap((c) => c.features.entityKeys))].filter((k) => prepared.names(k)).map((k) => `e:${k}`);
  let entPostings = new Map<string, Posting[]>();
  if (entKeys.length) entPostings = readPostings(await src.shards([...new Set(entKeys.map(shardOf))]), entKeys);
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

export async function selectCandidates<R extends { id: string; features: { entityKeys: string[] } }>(
  src: CandidateSource<R>,
  page: { title: string; text: string; url: string | null; canonicalUrl: string | null },
  minhash: number[],
  relayedSourceIds: string[],
  /** pageFeatures(page), when the caller computed it already (see queryTermShards). */
  preparedPage?: PageFeatures,
): Promise<SelectedCandidates<R>> {
  return finishCandidates(await startCandidates(src, page, minhash, preparedPage), relayedSourceIds);
}
