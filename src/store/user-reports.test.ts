/**
 * Reports the user saves, on fake-indexeddb: saved under the `user` pseudo-pack, indexed
 * at once (incremental shard updates agree with the reports), re-saved in place, deleted
 * with their postings; ids of a pack's reports refused.
 */
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../core/packs/types';
import { findCandidates, reportCount } from './candidates';
import { USER_PACK } from './db';
import { importPack } from './import-pack';
import { defaultPack, freshStore, packState, testPack, words } from './test-support';
import { deleteUserReport, saveUserReport } from './user-reports';

function record(i: number, over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id: `user-${i}`, title: `Saved page ${i}: ${words(3000 + i, 5)}`, sourceId: 'test-pack-outlet0', url: `https://saved.example/${i}`,
    lang: 'en', summary: words(4000 + i, 40), tags: [], text: words(5000 + i, 200), ...over,
  };
}

const found = async (db: Parameters<typeof findCandidates>[0], r: Pick<ReportRecord, 'title' | 'summary'>) =>
  (await findCandidates(db, { title: r.title, text: r.summary ?? '', url: 'https://elsewhere.example/', canonicalUrl: null }, [], [])).candidates.map((c) => c.id);

describe('user reports', () => {
  it('a saved report is stored without its text, indexed and found at once', async () => {
    const { db } = await freshStore();
    await importPack(db, testPack({ reports: 3 }));
    const rec = record(1);
    const stored = await saveUserReport(db, rec, 500);
    expect(stored).toMatchObject({ id: 'user-1', packId: USER_PACK, addedAt: 500, urls: ['saved.example/1'] });
    expect((await db.reports.get('user-1'))?.record).not.toHaveProperty('text');
    expect(await packState(db, USER_PACK)).toMatchObject({ reports: 1, postingsAgree: true, ordinalsOk: true });
    expect(await packState(db, 'test-pack')).toMatchObject({ reports: 3, postingsAgree: true });
    expect(await found(db, rec)).toContain('user-1');
    expect(await reportCount(db)).toBe(4);
    db.close();
  });

  it('re-saving replaces the report and its postings, keeping when it was first added', async () => {
    const { db } = await freshStore();
    const before = record(1);
    const first = await saveUserReport(db, before, 500);
    const after = record(1, { title: `Saved page again: ${words(7000, 5)}`, summary: words(8000, 40) });
    const second = await saveUserReport(db, after, 900);
    expect(second.addedAt).toBe(500);
    expect(second.n).not.toBe(first.n);
    expect(await db.reports.count()).toBe(1);
    expect(await packState(db, USER_PACK)).toMatchObject({ reports: 1, postingsAgree: true, ordinalsOk: true });
    expect(await found(db, after)).toEqual(['user-1']);
    db.close();
  });

  it('deleting removes the report and its postings; other reports keep theirs', async () => {
    const { db } = await freshStore();
    for (let i = 0; i < 6; i++) await saveUserReport(db, record(i));
    expect(await deleteUserReport(db, 'user-2')).toBe(true);
    expect(await deleteUserReport(db, 'user-4')).toBe(true);
    expect(await deleteUserReport(db, 'user-4')).toBe(false);
    expect(await db.reports.get('user-2')).toBeUndefined();
    expect(await packState(db, USER_PACK)).toMatchObject({ reports: 4, postingsAgree: true, ordinalsOk: true });
    expect(await found(db, record(2))).not.toContain('user-2');
    expect(await found(db, record(3))).toContain('user-3');
    for (const id of ['user-0', 'user-1', 'user-3', 'user-5']) expect(await deleteUserReport(db, id)).toBe(true);
    expect(await db.segments.count()).toBe(0);
    db.close();
  });

  it("a pack's report can be neither overwritten nor deleted as the user's", async () => {
    const { db } = await freshStore();
    await importPack(db, defaultPack());
    const packReport = defaultPack().reports[0];
    const before = await db.reports.get(packReport.id);
    await expect(saveUserReport(db, record(1, { id: packReport.id }))).rejects.toThrow(/belongs to pack "default"/);
    expect(await deleteUserReport(db, packReport.id)).toBe(false);
    expect(await db.reports.get(packReport.id)).toEqual(before);
    expect(await packState(db, 'default')).toMatchObject({ reports: defaultPack().reports.length, postingsAgree: true });
    db.close();
  });
});
