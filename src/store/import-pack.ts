/**
 * Apply a pack to the store in one read-write transaction: either all of it lands or
 * none of it. Re-importing the same pack version is a no-op; a new version replaces
 * the pack's own reports and sources but keeps the user's outlet notes.
 */
import type { Pack } from '../core/packs/types';
import { prepareReport } from '../core/match/prepare';
import type { ProvenanceDB, StoredReport, StoredSource } from './db';
import { allocateOrdinals, deletePackIndex, flatShards, writePackShards, type FlatKeys } from './postings-store';
import { storedRecord } from './stored-record';

export interface ImportResult {
  status: 'imported' | 'unchanged';
  reports: number;
  sources: number;
  /** Time spent computing features before the transaction, and inside it (ms). */
  timings?: { parseMs?: number; prepareMs: number; writeMs: number; steps?: Record<string, number> };
}

/**
 * Matching features and index keys of a pack's reports: pure CPU work, done before the
 * transaction. The keys of every report go into flat typed columns (report i owns entries
 * starts[i] .. starts[i + 1]), so the index build makes no array per key.
 */
export function prepareReports(pack: Pack, now: number): { reports: Omit<StoredReport, 'n'>[]; keys: FlatKeys } {
  let hs = new Float64Array(pack.reports.length * 140 + 16);
  let ws = new Uint8Array(hs.length);
  const starts = new Uint32Array(pack.reports.length + 1);
  let at = 0;
  const reports = pack.reports.map((r, i) => {
    const p = prepareReport(r);
    if (at + p.hs.length > hs.length) {
      const size = Math.max(hs.length * 2, at + p.hs.length);
      const h2 = new Float64Array(size);
      h2.set(hs);
      hs = h2;
      const w2 = new Uint8Array(size);
      w2.set(ws);
      ws = w2;
    }
    for (let k = 0; k < p.hs.length; k++) {
      hs[at] = p.hs[k];
      ws[at++] = p.ws[k];
    }
    starts[i + 1] = at;
    const { record, fp } = storedRecord(r, p.pf.t);
    const row: Omit<StoredReport, 'n'> = { id: r.id, packId: pack.id, sourceId: r.sourceId, published: r.published, addedAt: now, urls: p.urls, record, pf: p.pf };
    if (fp) row.fp = fp;
    return row;
  });
  return { reports, keys: { hs, ws, starts } };
}

/**
 * Ids of this pack that another pack already owns (ids are global keys in the store).
 * Key-only queries: no stored report is read unless its id clashes.
 */
export async function idCollisions(db: ProvenanceDB, pack: Pack): Promise<string[]> {
  const clash: string[] = [];
  const own = new Set(await db.reports.where('packId').equals(pack.id).primaryKeys());
  const ids = pack.reports.map((r) => r.id).filter((id) => !own.has(id));
  const taken = ids.length ? await db.reports.where(':id').anyOf(ids).primaryKeys() : [];
  for (const r of await db.reports.bulkGet(taken)) if (r) clash.push(`report "${r.id}" (pack "${r.packId}")`);
  const sources = await db.sources.bulkGet(pack.sources.map((s) => s.id));
  sources.forEach((s) => s && s.packId !== pack.id && s.packId !== 'user' && clash.push(`outlet "${s.id}" (pack "${s.packId}")`));
  return clash;
}

export const STORE_TABLES = (db: ProvenanceDB) => [db.packs, db.reports, db.sources, db.segments, db.settings];

export async function importPack(db: ProvenanceDB, pack: Pack, now = Date.now()): Promise<ImportResult> {
  const t0 = performance.now();
  const prepared = prepareReports(pack, now);
  const t1 = performance.now();
  const steps: Record<string, number> = {};
  let tStep = performance.now();
  const step = (name: string) => {
    const t = performance.now();
    steps[name] = Math.round(t - tStep);
    tStep = t;
  };
  const result = await db.transaction('rw', STORE_TABLES(db), async () => {
    const existing = await db.packs.get(pack.id);
    if (existing && existing.version === pack.version && existing.updated === pack.updated) {
      return { status: 'unchanged' as const, reports: existing.reportCount, sources: existing.sourceCount };
    }
    const clash = await idCollisions(db, pack);
    if (clash.length) throw new Error(`this pack uses ids that belong to another pack: ${clash.slice(0, 5).join(', ')}${clash.length > 5 ? ` and ${clash.length - 5} more` : ''}`);
    // Replace this pack's previous reports and index.
    step('collisions');
    await db.reports.where('packId').equals(pack.id).delete();
    step('deleteOld');
    const first = await allocateOrdinals(db, prepared.reports.length);
    const reports: StoredReport[] = prepared.reports.map((r, i) => ({ ...r, n: first + i }));
    await db.reports.bulkPut(reports);
    step('reports');
    const shards = flatShards(pack.id, prepared.keys, first);
    step('indexBuild');
    await writePackShards(db, pack.id, shards);
    step('index');

    // Sources: keep user notes when a pack updates an outlet. Fields the store owns
    // (packId, userNotes) are never taken from the pack.
    const prevSources = new Map((await db.sources.where('packId').equals(pack.id).toArray()).map((s) => [s.id, s]));
    for (const s of await db.sources.bulkGet(pack.sources.map((x) => x.id))) if (s) prevSources.set(s.id, s);
    const sources: StoredSource[] = pack.sources.map((src) => {
      const { packId: _p, userNotes: _u, ...s } = src as typeof src & { packId?: unknown; userNotes?: unknown };
      const prev = prevSources.get(s.id);
      return prev?.userNotes ? { ...s, packId: pack.id, userNotes: prev.userNotes } : { ...s, packId: pack.id };
    });
    // Outlets this version dropped: removed, unless the user wrote notes on them (then kept as the user's).
    const keepIds = new Set(sources.map((s) => s.id));
    const dropped = [...prevSources.values()].filter((s) => s.packId === pack.id && !keepIds.has(s.id));
    await db.sources.bulkDelete(dropped.filter((s) => !s.userNotes).map((s) => s.id));
    await db.sources.bulkPut(dropped.filter((s) => s.userNotes).map((s) => ({ ...s, packId: 'user' })));
    await db.sources.bulkPut(sources);

    const { format, id, name, version, publisher, updated, sources: _s, reports: _r, ...extra } = pack;
    await db.packs.put({
      id, name, version, publisher, updated, format,
      reportCount: reports.length, sourceCount: sources.length, importedAt: now,
      extra: Object.keys(extra).length ? extra : undefined,
    });
    return { status: 'imported' as const, reports: reports.length, sources: sources.length };
  });
  step('sources');
  return { ...result, timings: { prepareMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1), steps } };
}

/** Remove a pack: its reports and outlets (outlets with user notes are kept as the user's). */
export async function removePack(db: ProvenanceDB, packId: string): Promise<void> {
  await db.transaction('rw', STORE_TABLES(db), async () => {
    await db.reports.where('packId').equals(packId).delete();
    await deletePackIndex(db, packId);
    const sources = await db.sources.where('packId').equals(packId).toArray();
    await db.sources.bulkDelete(sources.filter((s) => !s.userNotes).map((s) => s.id));
    await db.sources.bulkPut(sources.filter((s) => s.userNotes).map((s) => ({ ...s, packId: 'user' })));
    await db.packs.delete(packId);
    await allocateOrdinals(db, 1); // a new store generation: cached index rows are dropped
  });
}
