/**
 * Export stored packs as a pack file of the same format: one pack as it was imported
 * (unknown fields included), or several / all merged into one "export" pack.
 */
import { PACK_FORMAT, type Pack, type SourceProfile } from '../core/packs/types';
import type { ProvenanceDB, StoredSource } from './db';
import { reportRecord } from './stored-record';

function sourceProfile(s: StoredSource): SourceProfile {
  const { packId: _p, userNotes: _u, ...profile } = s;
  return profile;
}

export async function exportPacks(db: ProvenanceDB, packIds?: string[], now = new Date()): Promise<Pack> {
  return db.transaction('r', [db.packs, db.reports, db.sources], async () => {
    const packs = packIds ? (await db.packs.bulkGet(packIds)).filter((p): p is NonNullable<typeof p> => !!p) : await db.packs.toArray();
    const ids = packs.map((p) => p.id);
    const reports = (await db.reports.where('packId').anyOf(ids).toArray()).map(reportRecord);
    const sources = (await db.sources.where('packId').anyOf(ids).toArray()).map(sourceProfile);
    // Reports may cite outlets of packs outside the selection: bring those outlets along.
    const have = new Set(sources.map((s) => s.id));
    const needed = [...new Set(reports.flatMap((r) => [r.sourceId, ...(r.relays ?? []).map((x) => x.sourceId ?? '')]))].filter((id) => id && !have.has(id));
    for (const s of await db.sources.bulkGet(needed)) if (s) sources.push(sourceProfile(s));
    if (packs.length === 1) {
      const p = packs[0];
      return { ...(p.extra ?? {}), format: p.format || PACK_FORMAT, id: p.id, name: p.name, version: p.version, publisher: p.publisher, updated: p.updated, sources, reports };
    }
    const stamp = now.toISOString();
    return {
      format: PACK_FORMAT, id: `export-${stamp.slice(0, 10)}`, name: `Provenance export (${packs.map((p) => p.name).join(', ')})`,
      version: stamp.slice(0, 10).replace(/-/g, '.'), publisher: 'Provenance export', updated: stamp, sources, reports,
    };
  });
}
