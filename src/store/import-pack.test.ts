/**
 * Pack import, replacement and removal on fake-indexeddb: counts, stored records, the
 * postings index agreeing with the reports, user notes kept, ids of another pack refused.
 * (Interrupted replacements: import-pack-interrupt.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { importPack, removePack } from './import-pack';
import { exportPacks } from './export-pack';
import { defaultPack, freshStore, packState, testPack } from './test-support';
import type { ProvenanceDB } from './db';

/** Every table, rows as sorted JSON (typed arrays as plain arrays). */
async function dump(db: ProvenanceDB): Promise<string> {
  const out: Record<string, string[]> = {};
  const plain = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v);
  for (const t of db.tables) out[t.name] = (await t.toArray()).map((r) => JSON.stringify(r, plain)).sort();
  return JSON.stringify(out);
}

describe('importPack', () => {
  it('imports the default pack: counts, records without full text, postings for every report', async () => {
    const { db } = await freshStore();
    const pack = defaultPack();
    const res = await importPack(db, pack, 1000);
    expect(res).toMatchObject({ status: 'imported', reports: pack.reports.length, sources: pack.sources.length });
    expect(pack.reports.length).toBeGreaterThan(0);
    expect(await db.reports.count()).toBe(pack.reports.length);
    expect(await db.sources.count()).toBe(pack.sources.length);
    const row = await db.packs.get('default');
    expect(row).toMatchObject({ id: 'default', version: pack.version, reportCount: pack.reports.length, sourceCount: pack.sources.length, importedAt: 1000 });
    const state = await packState(db, 'default');
    expect(state.postingsAgree).toBe(true);
    expect(state.ordinalsOk).toBe(true);
    expect(await db.segments.count()).toBeGreaterThan(0);
    for (const r of pack.reports) {
      const stored = await db.reports.get(r.id);
      expect(stored?.packId).toBe('default');
      expect(stored?.record.title).toBe(r.title);
      expect(stored?.record).not.toHaveProperty('text');
      expect(stored!.pf.w.length).toBeGreaterThan(0);
    }
    // Reports are found by their normalised address.
    const first = pack.reports.find((r) => r.url)!;
    const byUrl = await db.reports.where('urls').anyOf((await db.reports.get(first.id))!.urls).primaryKeys();
    expect(byUrl).toContain(first.id);
    db.close();
  });

  it('re-importing the same version changes nothing', async () => {
    const { db } = await freshStore();
    await importPack(db, defaultPack(), 1000);
    const before = await dump(db);
    const res = await importPack(db, defaultPack(), 2000);
    expect(res.status).toBe('unchanged');
    expect(await dump(db)).toBe(before);
    db.close();
  });

  it('export gives back the imported pack', async () => {
    const { db } = await freshStore();
    const pack = testPack({ id: 'round', reports: 4, outlets: 2 });
    await importPack(db, { ...pack, homepage: 'https://round.test/' } as typeof pack);
    const out = await exportPacks(db, ['round']);
    expect(out).toEqual({ ...pack, homepage: 'https://round.test/' });
    db.close();
  });

  it('a new version replaces the pack: its reports and outlets, the index; user notes kept', async () => {
    const { db } = await freshStore();
    await importPack(db, testPack({ version: '1.0.0', reports: 8, outlets: 3 }));
    // The user writes notes on two outlets; the next version drops one of them and another.
    await db.sources.update('test-pack-outlet0', { userNotes: 'kept across updates' });
    await db.sources.update('test-pack-outlet2', { userNotes: 'dropped by the pack, kept by me' });
    const v1 = await packState(db, 'test-pack');
    expect(v1).toMatchObject({ version: '1.0.0', reports: 8, titleVersions: ['1.0.0'], postingsAgree: true });

    const res = await importPack(db, testPack({ version: '2.0.0', reports: 5, outlets: 1 }));
    expect(res).toMatchObject({ status: 'imported', reports: 5, sources: 1 });
    const v2 = await packState(db, 'test-pack');
    expect(v2).toEqual({
      version: '2.0.0', reportCount: 5, reports: 5, titleVersions: ['2.0.0'], outlets: ['test-pack-outlet0'], postingsAgree: true, ordinalsOk: true,
    });
    expect(await db.reports.get('test-pack-r7')).toBeUndefined();
    expect((await db.sources.get('test-pack-outlet0'))?.userNotes).toBe('kept across updates');
    expect((await db.sources.get('test-pack-outlet0'))?.notes).toBe('Outlet 0, version 2.0.0.');
    expect(await db.sources.get('test-pack-outlet1')).toBeUndefined();
    expect(await db.sources.get('test-pack-outlet2')).toMatchObject({ packId: 'user', userNotes: 'dropped by the pack, kept by me' });
    db.close();
  });

  it('refuses a pack using report or outlet ids of another pack, leaving the store as it was', async () => {
    const { db } = await freshStore();
    await importPack(db, testPack({ id: 'owner', reports: 3 }));
    const before = await dump(db);
    const thief = testPack({ id: 'thief', reports: 2 });
    thief.reports[1].id = 'owner-r2';
    await expect(importPack(db, thief)).rejects.toThrow(/report "owner-r2" \(pack "owner"\)/);
    const outletThief = testPack({ id: 'thief2', reports: 1 });
    outletThief.sources.push({ ...outletThief.sources[0], id: 'owner-outlet0' });
    await expect(importPack(db, outletThief)).rejects.toThrow(/outlet "owner-outlet0" \(pack "owner"\)/);
    expect(await dump(db)).toBe(before);
    expect((await db.reports.get('owner-r2'))?.packId).toBe('owner');
    db.close();
  });

  it('two packs side by side keep separate indexes', async () => {
    const { db } = await freshStore();
    await importPack(db, defaultPack());
    await importPack(db, testPack({ id: 'second', reports: 6 }));
    expect(await packState(db, 'default')).toMatchObject({ postingsAgree: true, ordinalsOk: true });
    expect(await packState(db, 'second')).toMatchObject({ reports: 6, postingsAgree: true, ordinalsOk: true });
    db.close();
  });
});

describe('removePack', () => {
  it('removes the reports, outlets and postings of one pack only; outlets with notes become the user\'s', async () => {
    const { db } = await freshStore();
    await importPack(db, defaultPack());
    await importPack(db, testPack({ id: 'gone', reports: 6, outlets: 2 }));
    await db.sources.update('gone-outlet1', { userNotes: 'my note' });
    const genBefore = (await db.settings.get('nextOrdinal'))?.value as number;

    await removePack(db, 'gone');
    expect(await db.packs.get('gone')).toBeUndefined();
    expect(await db.reports.where('packId').equals('gone').count()).toBe(0);
    expect(await db.sources.get('gone-outlet0')).toBeUndefined();
    expect(await db.sources.get('gone-outlet1')).toMatchObject({ packId: 'user', userNotes: 'my note' });
    const segs = await db.segments.toArray();
    expect(segs.some((s) => s.packId === 'gone')).toBe(false);
    expect(segs.every((s) => s.kh.length > 0)).toBe(true);
    expect(await packState(db, 'default')).toMatchObject({ reports: defaultPack().reports.length, postingsAgree: true });
    // A new store generation, so cached index rows are dropped.
    expect((await db.settings.get('nextOrdinal'))?.value).toBeGreaterThan(genBefore);

    await removePack(db, 'default');
    expect(await db.reports.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
    db.close();
  });
});
