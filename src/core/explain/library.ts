/**
 * An in-memory library made from packs, laid out as the store lays it out (reports in
 * pack order with consecutive ordinals, one postings segment per pack and shard, outlets in
 * id order), and explaining a page against it with the same candidate selection, ranking
 * and wording as the worker. For the CLI and tests.
 */
import { reportFeatures } from '../match/features';
import { selectCandidates, type CandidateSource } from '../match/candidates';
import { buildShards, replacePackSegments, reportKeys, rowShards, type ShardRow } from '../match/postings';
import type { Pack } from '../packs/types';
import { explainPage, isExplainable, pageEvidence } from './explain';
import type { CandidateReport, ExplainPage, Explanation, OutletProfile } from './types';

export interface MemoryReport extends CandidateReport {
  /** Ordinal in the index. */
  n: number;
}

export interface MemoryLibrary {
  outlets: OutletProfile[];
  packNames: Map<string, string>;
  reports: MemoryReport[];
  rows: Map<number, ShardRow>;
}

/** Load packs in order (as importing them one after the other would). A report or outlet id already taken by an earlier pack is an error. */
export function libraryFromPacks(packs: readonly Pack[]): MemoryLibrary {
  const outlets = new Map<string, OutletProfile>();
  const packNames = new Map<string, string>();
  const reports: MemoryReport[] = [];
  const ids = new Set<string>();
  const rows = new Map<number, ShardRow>();
  for (const pack of packs) {
    if (packNames.has(pack.id)) throw new Error(`pack "${pack.id}" is given twice`);
    packNames.set(pack.id, pack.name);
    const docs: { n: number; keys: [string, number][] }[] = [];
    for (const r of pack.reports) {
      if (ids.has(r.id)) throw new Error(`report "${r.id}" of pack "${pack.id}" is already in an earlier pack`);
      ids.add(r.id);
      const { text: _text, ...record } = r;
      const features = reportFeatures(r);
      const n = reports.length + 1;
      reports.push({ id: r.id, packId: pack.id, sourceId: r.sourceId, published: r.published, record, features, n });
      docs.push({ n, keys: reportKeys(features, r.fingerprint?.minhash) });
    }
    for (const s of pack.sources) {
      if (outlets.has(s.id)) throw new Error(`outlet "${s.id}" of pack "${pack.id}" is already in an earlier pack`);
      outlets.set(s.id, { ...s, packId: pack.id });
    }
    for (const row of replacePackSegments(rows.values(), pack.id, buildShards(pack.id, docs)).put) rows.set(row.shard, row);
  }
  const byId = [...outlets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { outlets: byId, packNames, reports, rows };
}

const byIdOrder = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The library as a candidate source (the in-memory twin of the store's). */
export function memoryCandidateSource(lib: MemoryLibrary): CandidateSource<MemoryReport> {
  const byN = new Map(lib.reports.map((r) => [r.n, r]));
  return {
    docCount: lib.reports.length,
    shards: async (numbers) => rowShards(numbers.map((n) => lib.rows.get(n)).filter((r): r is ShardRow => !!r)),
    byOrdinals: async (ns) => ns.map((n) => byN.get(n)).filter((r): r is MemoryReport => !!r),
    // Like an index query: by key (URL), then by id.
    byUrls: async (urls) => [...new Set(urls)].sort().flatMap((u) => lib.reports.filter((r) => r.features.urls.includes(u)).sort(byIdOrder)),
    bySource: async (sid, limit) => lib.reports.filter((r) => r.sourceId === sid).sort(byIdOrder).slice(0, limit),
  };
}

/** Explain a page against the library: the worker's lookupPage, without a store. */
export async function explainWithLibrary(page: ExplainPage, lib: MemoryLibrary): Promise<Explanation> {
  const { outlets, packNames } = lib;
  if (!isExplainable(page)) return explainPage({ page, outlets, packNames });
  const evidence = pageEvidence(page, outlets);
  const t = performance.now();
  const candidates = await selectCandidates(memoryCandidateSource(lib), page, evidence.minhash, evidence.relays.map((r) => r.sourceId));
  return explainPage({ page, outlets, packNames, evidence, candidates, lookupMs: performance.now() - t });
}
