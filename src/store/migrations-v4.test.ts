/**
 * Schema migrations from version 4 on (v4 → v5, v5 → v6) on fake-indexeddb; the earlier
 * versions are in migrations.test.ts, which also checks that every version has a test.
 * Each fills a database at version N with two packs carrying fingerprints, a saved page and
 * the user's records, opens it at N+1 and checks that every record is kept and the index
 * answers like a fresh import; a failing migration leaves version N intact.
 */
import { describe, expect, it } from 'vitest';
import { UPGRADES, openDb } from './db';
import { importPack } from './import-pack';
import { saveUserReport } from './user-reports';
import { exportPacks } from './export-pack';
import { reportRecord, storedRecord } from './stored-record';
import type { StoredReport } from './schema';
import { fingerprintText } from '../core/packs/fingerprint';
import type { Pack } from '../core/packs/types';
import { freshStore, packState, relatedIds, testPack, defaultPack } from './test-support';

describe('schema migrations (v4 and later)', () => {
  /** The pack with a fingerprint on every report (of its title and summary), as packs built from pages carry. */
  const withFingerprints = (p: Pack): Pack => ({ ...p, reports: p.reports.map((r) => ({ ...r, fingerprint: fingerprintText(`${r.title} ${r.summary ?? ''}`) })) });

  /** A v4 database as the v4 code left it: two packs (fingerprints in the records), a saved page, user records. */
  async function filledV4() {
    const old = await freshStore(4);
    const v4 = old.db;
    expect(v4.verno).toBe(4);
    const packs = [withFingerprints(defaultPack()), withFingerprints(testPack({ id: 'second', reports: 7, outlets: 2 }))];
    for (const p of packs) await importPack(v4, p);
    const userRecord = { ...testPack({ id: 'u', reports: 1 }).reports[0], id: 'user-saved-1', sourceId: 'user-outlet' };
    await saveUserReport(v4, userRecord);
    // Rows as v4 wrote them: the whole record in `record`, no `fp`.
    const rows = (await v4.reports.toArray()).map((r) => {
      const { fp: _fp, ...row } = r;
      return { ...row, record: reportRecord(r) } as StoredReport;
    });
    await v4.reports.bulkPut(rows);
    await v4.sources.update(packs[0].sources[0].id, { userNotes: 'my note on this outlet' });
    await v4.settings.bulkPut([{ key: 'theme', value: 'dark' }, { key: 'claim-verdicts:user-saved-1', value: [{ claimIndex: 0, claimText: 'x', rating: 'False', ratingValue: 1, updatedAt: 3 }] }]);
    await v4.subscriptions.put({ url: 'https://packs.example/p.json', packId: 'second', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
    await v4.highlights.put({ id: 'h1', url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', quote: 'the media office moved', selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: 'a', suffix: 'b' } }, tags: ['x'], color: 'green', createdAt: 5, updatedAt: 7 });
    await v4.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', reason: 'saved', savedAt: 9, title: 't', published: null, paragraphs: ['p1'], fingerprints: ['f1'] });
    const before: Record<string, unknown[]> = {};
    for (const t of ['sources', 'packs', 'settings', 'subscriptions', 'highlights', 'pageTexts', 'claimReviews', 'segments']) before[t] = await v4.table(t).toArray();
    expect(rows.filter((r) => r.record.fingerprint).length).toBe(packs[0].reports.length + packs[1].reports.length);
    v4.close();
    return { old, rows, before, packs, userRecord };
  }

  it('v4 → v5: every record kept (same keys, same order), pack fingerprints packed apart, the published index dropped, answers like a fresh import', async () => {
    const { old, rows, before, packs, userRecord } = await filledV4();
    const v5 = old.reopen(5);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.reports.schema.indexes.map((i) => i.name).sort()).toEqual(['n', 'packId', 'sourceId', 'urls']);
    expect(v5.reports.schema.idxByName.n.unique).toBeFalsy();
    for (const [t, v] of Object.entries(before)) expect(await v5.table(t).toArray(), t).toEqual(v);
    const reports = await v5.reports.toArray();
    expect(reports.length).toBe(rows.length);
    for (const r of reports) {
      const was = rows.find((x) => x.id === r.id)!;
      expect(JSON.stringify(reportRecord(r))).toBe(JSON.stringify(was.record));
      expect(reportRecord(r)).toEqual(was.record);
      expect({ n: r.n, urls: r.urls, pf: r.pf, addedAt: r.addedAt, published: r.published }).toEqual({ n: was.n, urls: was.urls, pf: was.pf, addedAt: was.addedAt, published: was.published });
      if (r.packId === 'user') expect(r).toEqual(was);
      else if (was.record.fingerprint) expect(r.fp && r.record.fingerprint === undefined).toBe(true);
    }
    for (const id of ['default', 'second', 'user']) expect(await packState(v5, id), id).toMatchObject({ postingsAgree: true, ordinalsOk: true });
    const fresh = await freshStore();
    for (const p of packs) await importPack(fresh.db, p);
    await saveUserReport(fresh.db, userRecord);
    expect(await relatedIds(v5)).toEqual(await relatedIds(fresh.db));
    expect((await exportPacks(v5, ['default'])).reports).toEqual((await exportPacks(fresh.db, ['default'])).reports);
    await importPack(v5, testPack({ id: 'second', version: '2.0.0', reports: 3, outlets: 2 }));
    expect(await packState(v5, 'second')).toMatchObject({ version: '2.0.0', reports: 3, postingsAgree: true, ordinalsOk: true });
    v5.close();
    fresh.db.close();
  });

  it('a v5 migration that fails leaves the database at v4 with its data', async () => {
    const { old, rows, before } = await filledV4();
    const real = UPGRADES[5];
    UPGRADES[5] = async (tx) => {
      await real(tx);
      throw new Error('migration failed');
    };
    try {
      const v5 = openDb(old.name, 5, old.deps);
      await expect(v5.open()).rejects.toThrow(/migration failed/);
      v5.close();
    } finally {
      UPGRADES[5] = real;
    }
    const v4 = old.reopen(4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(v4.reports.schema.indexes.map((i) => i.name)).toContain('published');
    const reports = await v4.reports.toArray();
    expect(reports).toEqual(rows);
    for (const [t, v] of Object.entries(before)) expect(await v4.table(t).toArray(), t).toEqual(v);
    v4.close();
  });

  /** A v5 database as the v5 code left it: two packs (fingerprints packed apart, every term written out), a saved page, user records. */
  async function filledV5() {
    const old = await freshStore(5);
    const v5 = old.db;
    expect(v5.verno).toBe(5);
    const packs = [withFingerprints(defaultPack()), withFingerprints(testPack({ id: 'second', reports: 7, outlets: 2 }))];
    for (const p of packs) await importPack(v5, p);
    const userRecord = { ...testPack({ id: 'u', reports: 1 }).reports[0], id: 'user-saved-1', sourceId: 'user-outlet', fingerprint: fingerprintText('a page the user saved') };
    await saveUserReport(v5, userRecord);
    // Rows as v5 wrote them: the fingerprint's terms all in `fp.t`, no `fp.r`.
    const rows = (await v5.reports.toArray()).map((r) => (r.fp ? { ...r, ...storedRecord(reportRecord(r)) } : r));
    expect(rows.filter((r) => r.fp && !r.fp.r).length).toBe(packs[0].reports.length + packs[1].reports.length);
    await v5.reports.bulkPut(rows);
    await v5.sources.update(packs[0].sources[0].id, { userNotes: 'my note on this outlet' });
    await v5.settings.bulkPut([{ key: 'theme', value: 'dark' }, { key: 'claim-verdicts:user-saved-1', value: [{ claimIndex: 0, claimText: 'x', rating: 'False', ratingValue: 1, updatedAt: 3 }] }]);
    await v5.subscriptions.put({ url: 'https://packs.example/p.json', packId: 'second', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
    await v5.highlights.put({ id: 'h1', url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', quote: 'the media office moved', selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: 'a', suffix: 'b' } }, tags: ['x'], color: 'green', createdAt: 5, updatedAt: 7 });
    await v5.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', reason: 'saved', savedAt: 9, title: 't', published: null, paragraphs: ['p1'], fingerprints: ['f1'] });
    const before: Record<string, unknown[]> = {};
    for (const t of ['sources', 'packs', 'settings', 'subscriptions', 'highlights', 'pageTexts', 'claimReviews', 'segments']) before[t] = await v5.table(t).toArray();
    v5.close();
    return { old, rows, before, packs, userRecord };
  }

  it('v5 → v6: every record kept (same keys, same order), the fingerprint terms shared with the features stored as positions, answers like a fresh import', async () => {
    const { old, rows, before, packs, userRecord } = await filledV5();
    const v6 = old.reopen(6);
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(v6.reports.schema.indexes.map((i) => i.name).sort()).toEqual(['n', 'packId', 'sourceId', 'urls']);
    for (const [t, v] of Object.entries(before)) expect(await v6.table(t).toArray(), t).toEqual(v);
    const reports = await v6.reports.toArray();
    expect(reports.length).toBe(rows.length);
    for (const r of reports) {
      const was = rows.find((x) => x.id === r.id)!;
      expect(JSON.stringify(reportRecord(r))).toBe(JSON.stringify(reportRecord(was)));
      expect(reportRecord(r)).toEqual(reportRecord(was));
      expect({ n: r.n, urls: r.urls, pf: r.pf, addedAt: r.addedAt, packId: r.packId }).toEqual({ n: was.n, urls: was.urls, pf: was.pf, addedAt: was.addedAt, packId: was.packId });
      if (r.packId === 'user') expect(r).toEqual(was);
      else {
        expect(r.fp?.r).toBeInstanceOf(Uint8Array);
        expect(r.fp!.t.length).toBeLessThan(was.fp!.t.length);
      }
    }
    for (const id of ['default', 'second', 'user']) expect(await packState(v6, id), id).toMatchObject({ postingsAgree: true, ordinalsOk: true });
    const fresh = await freshStore();
    for (const p of packs) await importPack(fresh.db, p);
    await saveUserReport(fresh.db, userRecord);
    expect(await relatedIds(v6)).toEqual(await relatedIds(fresh.db));
    const freshRows = new Map((await fresh.db.reports.toArray()).map((r) => [r.id, r]));
    for (const r of reports) if (r.packId !== 'user') expect({ record: r.record, fp: r.fp }).toEqual({ record: freshRows.get(r.id)!.record, fp: freshRows.get(r.id)!.fp });
    expect((await exportPacks(v6, ['default', 'second'])).reports).toEqual((await exportPacks(fresh.db, ['default', 'second'])).reports);
    await importPack(v6, testPack({ id: 'second', version: '2.0.0', reports: 3, outlets: 2 }));
    expect(await packState(v6, 'second')).toMatchObject({ version: '2.0.0', reports: 3, postingsAgree: true, ordinalsOk: true });
    v6.close();
    fresh.db.close();
  });

  it('a v6 migration that fails leaves the database at v5 with its data', async () => {
    const { old, rows, before } = await filledV5();
    const real = UPGRADES[6];
    UPGRADES[6] = async (tx) => {
      await real(tx);
      throw new Error('migration failed');
    };
    try {
      const v6 = openDb(old.name, 6, old.deps);
      await expect(v6.open()).rejects.toThrow(/migration failed/);
      v6.close();
    } finally {
      UPGRADES[6] = real;
    }
    const v5 = old.reopen(5);
    await v5.open();
    expect(v5.verno).toBe(5);
    const reports = await v5.reports.toArray();
    expect(reports).toEqual(rows);
    for (const [t, v] of Object.entries(before)) expect(await v5.table(t).toArray(), t).toEqual(v);
    v5.close();
  });
});
