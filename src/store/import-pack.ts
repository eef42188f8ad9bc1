/**
 * Apply a pack to the store in one read-write transaction: either all of it lands or
 * none of it. Re-importing the same pack version is a no-op; a new version replaces
 * the pack's own reports and sources but keeps the user's outlet notes.
 */
import type { Table } from 'dexie';
import type { Pack } from '../core/packs/types';
import { reportFeatures } from '../core/match/features';
import type { ProvenanceDB, StoredReport, StoredSource } from './db';

export interface ImportResult {
  status: 'imported' | 'unchanged';
  reports: number;
  sources: number;
  /** Time spent computing features before the transaction, and inside it (ms). */
  timings?: { prepareMs: number; writeMs: number };
}

/** Matching features and index keys of a pack's reports: pure CPU work, done before the transaction. */
export function prepareReports(pack: Pack, now: number): StoredReport[] {
  return pack.reports.map((r) => {
    const { text: _text, ...record } = r;
    const features = reportFeatures(r);
    return {
      id: r.id, packId: pack.id, sourceId: r.sourceId, published: r.published, addedAt: now,
      termKeys: Object.keys(features.terms), urls: features.urls, record, features,
    };
  });
}

/** Ids of this pack that another pack already owns (ids are global keys in the store). */
export async function idCollisions(db: ProvenanceDB, pack: Pack): Promise<string[]> {
  const clash: string[] = [];
  const reports = await db.reports.bulkGet(pack.reports.map((r) => r.id));
  reports.forEach((r) => r && r.packId !== pack.id && clash.push(`report "${r.id}" (pack "${r.packId}")`));
  const sources = await db.sources.bulkGet(pack.sources.map((s) => s.id));
  sources.forEach((s) => s && s.packId !== pack.id && s.packId !== 'user' && clash.push(`outlet "${s.id}" (pack "${s.packId}")`));
  return clash;
}

export async function importPack(db: ProvenanceDB, pack: Pack, now = Date.now()): Promise<ImportResult> {
  const t0 = performance.now();
  const prepared = prepareReports(pack, now);
  const t1 = performance.now();
  const result = await db.transaction('rw', [db.packs, db.reports, db.sources, db.termStats, db.entityStats], async () => {
    const existing = await db.packs.get(pack.id);
    if (existing && existing.version === pack.version && existing.updated === pack.updated) {
      return { status: 'unchanged' as const, reports: existing.reportCount, sources: existing.sourceCount };
    }
    const clash = await idCollisions(db, pack);
    if (clash.length) throw new Error(`this pack uses ids that belong to another pack: ${clash.slice(0, 5).join(', ')}${clash.length > 5 ? ` and ${clash.length - 5} more` : ''}`);
    // Remove this pack's previous reports (and their term statistics).
    const old = await db.reports.where('packId').equals(pack.id).toArray();
    const dfDelta = new Map<string, number>();
    const entDelta = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
    for (const r of old) {
      for (const t of r.termKeys) bump(dfDelta, t, -1);
      for (const k of r.features.entityKeys) bump(entDelta, k, -1);
    }
    await db.reports.bulkDelete(old.map((r) => r.id));

    for (const r of prepared) {
      for (const t of r.termKeys) bump(dfDelta, t, 1);
      for (const k of r.features.entityKeys) bump(entDelta, k, 1);
    }
    const reports = prepared;
    await db.reports.bulkPut(reports);

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

    await applyDeltas(db, dfDelta, entDelta);

    const { format, id, name, version, publisher, updated, sources: _s, reports: _r, ...extra } = pack;
    await db.packs.put({
      id, name, version, publisher, updated, format,
      reportCount: reports.length, sourceCount: sources.length, importedAt: now,
      extra: Object.keys(extra).length ? extra : undefined,
    });
    return { status: 'imported' as const, reports: reports.length, sources: sources.length };
  });
  return { ...result, timings: { prepareMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) } };
}

async function applyDeltas(db: ProvenanceDB, dfDelta: Map<string, number>, entDelta: Map<string, number>): Promise<void> {
  await applyDelta(db.termStats as unknown as Table<Record<string, unknown>, string>, 'term', dfDelta);
  await applyDelta(db.entityStats as unknown as Table<Record<string, unknown>, string>, 'key', entDelta);
}

/** Add per-key document-frequency deltas to a stats table; rows that reach 0 are removed. */
async function applyDelta(table: Table<Record<string, unknown>, string>, keyName: string, delta: Map<string, number>): Promise<void> {
  const keys = [...delta.keys()];
  const cur = await table.bulkGet(keys);
  const puts: Record<string, unknown>[] = [];
  const dels: string[] = [];
  keys.forEach((k, i) => {
    const df = ((cur[i]?.df as number | undefined) ?? 0) + delta.get(k)!;
    if (df > 0) puts.push({ [keyName]: k, df });
    else if (cur[i]) dels.push(k);
  });
  await table.bulkPut(puts);
  await table.bulkDelete(dels);
}

/** Remove a pack: its reports and outlets (outlets with user notes are kept as the user's). */
export async function removePack(db: ProvenanceDB, packId: string): Promise<void> {
  await db.transaction('rw', [db.packs, db.reports, db.sources, db.termStats, db.entityStats], async () => {
    const old = await db.reports.where('packId').equals(packId).toArray();
    const dfDelta = new Map<string, number>();
    const entDelta = new Map<string, number>();
    for (const r of old) {
      for (const t of r.termKeys) dfDelta.set(t, (dfDelta.get(t) ?? 0) - 1);
      for (const k of r.features.entityKeys) entDelta.set(k, (entDelta.get(k) ?? 0) - 1);
    }
    await db.reports.bulkDelete(old.map((r) => r.id));
    const sources = await db.sources.where('packId').equals(packId).toArray();
    await db.sources.bulkDelete(sources.filter((s) => !s.userNotes).map((s) => s.id));
    await db.sources.bulkPut(sources.filter((s) => s.userNotes).map((s) => ({ ...s, packId: 'user' })));
    await applyDeltas(db, dfDelta, entDelta);
    await db.packs.delete(packId);
  });
}
