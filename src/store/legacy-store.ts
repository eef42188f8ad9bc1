/**
 * Test support for the migration tests: rows laid out as schema versions 1–3 stored them
 * (report features as a plain object; v2–v3 postings rows holding every pack's segment of a
 * shard, keys as strings). Frozen copies of the old writers, so the tests fill an old
 * database exactly as the old code did, whatever the current code writes.
 * Not imported by extension code.
 */
import { reportFeatures, type ReportFeatures } from '../core/match/features';
import { reportKeys, SHARD_COUNT } from '../core/match/postings';
import { fnv1a } from '../core/packs';
import type { Pack, ReportRecord } from '../core/packs/types';

export interface LegacyReportRow {
  id: string;
  packId: string;
  sourceId: string;
  published?: string;
  n: number;
  urls: string[];
  addedAt: number;
  record: ReportRecord;
  features: ReportFeatures;
}

export interface LegacySegment {
  packId: string;
  keys: string[];
  offsets: Uint32Array;
  ns: Uint32Array;
  ws: Uint8Array;
}

/** A pack's report rows as v2–v3 stored them, ordinals from `firstN`. */
export function legacyReportRows(pack: Pack, firstN: number, addedAt = 1000): LegacyReportRow[] {
  return pack.reports.map((r, i) => {
    const { text: _t, ...record } = r;
    const features = reportFeatures(r);
    return { id: r.id, packId: pack.id, sourceId: r.sourceId, published: r.published, n: firstN + i, urls: features.urls, addedAt, record, features };
  });
}

/** v2–v3 postings rows (one per shard, every pack's segment) for these report rows. */
export function legacyPostingsRows(rows: LegacyReportRow[]): { shard: number; segs: LegacySegment[] }[] {
  const byShard = new Map<number, Map<string, Map<string, [number, number][]>>>();
  for (const r of rows) {
    for (const [k, w] of reportKeys(r.features, r.record.fingerprint?.minhash)) {
      const shard = fnv1a(k) % SHARD_COUNT;
      const packs = byShard.get(shard) ?? new Map<string, Map<string, [number, number][]>>();
      byShard.set(shard, packs);
      const keys = packs.get(r.packId) ?? new Map<string, [number, number][]>();
      packs.set(r.packId, keys);
      keys.set(k, [...(keys.get(k) ?? []), [r.n, w]]);
    }
  }
  return [...byShard].map(([shard, packs]) => ({
    shard,
    segs: [...packs].map(([packId, keys]) => {
      const sorted = [...keys.keys()].sort();
      const offsets = new Uint32Array(sorted.length + 1);
      const all = sorted.flatMap((k) => keys.get(k)!);
      let at = 0;
      sorted.forEach((k, i) => {
        offsets[i] = at;
        at += keys.get(k)!.length;
      });
      offsets[sorted.length] = at;
      return { packId, keys: sorted, offsets, ns: Uint32Array.from(all.map((x) => x[0])), ws: Uint8Array.from(all.map((x) => x[1])) };
    }),
  }));
}
