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
}

export async function importPack(db: ProvenanceDB, pack: Pack, now = Date.now()): Promise<ImportResult> {
  return db.transaction('rw', [db.packs, db.reports, db.sources, db.termStats, db.entityStats], async () => {
    const existing = await db.packs.get(pack.id);
    if (existing && existing.version === pack.version && existing.updated === pack.updated) {
      return { status: 'unchanged' as const, reports: existing.reportCount, sources: existing.sourceCount };
    }
    // Remove this pack's previous reports (and their term statistics).
    const old = await db.reports.where('packId').equals(pack.id).toArray();
    const dfDelta = new Map<string, number>();
    const entDelta = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);
    for (const r of old) {
      for (const t of r.termKeys) bump(dfDelta, t, -1);
      for (const k of r.entityKeys) bump(entDelta, k, -1);
    }
    await db.reports.bulkDelete(old.map((r) => r.id));

    const reports: StoredReport[] = pack.reports.map((r) => {
      const f = reportFeatures(r);
      for (const t of Object.keys(f.terms)) bump(dfDelta, t, 1);
      for (const k of f.entityKeys) bump(entDelta, k, 1);
      return { ...r, ...f, termKeys: Object.keys(f.terms), packId: pack.id, addedAt: now };
    });
    await db.reports.bulkPut(reports);

    // Sources: keep user notes when a pack updates an outlet.
    const prevSources = new Map((await db.sources.bulkGet(pack.sources.map((s) => s.id))).filter(Boolean).map((s) => [s!.id, s!]));
    const sources: StoredSource[] = pack.sources.map((s) => {
      const prev = prevSources.get(s.id);
      return prev?.userNotes ? { ...s, packId: pack.id, userNotes: prev.userNotes } : { ...s, packId: pack.id };
    });
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
