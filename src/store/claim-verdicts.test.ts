/**
 * Verdicts on claims, kept in the settings table (no new schema version): set, replace,
 * clear, survive a reopen, follow a changed claim, and export as ClaimReview JSON-LD that
 * passes tests/support/claimreview.schema.json.
 */
import { describe, expect, it } from 'vitest';
import schema from '../../tests/support/claimreview.schema.json';
import { checkSchema } from '../../tests/support/json-schema-check';
import type { ReportRecord } from '../core/packs/types';
import { exportClaimReviews, getReviewer, getVerdicts, setVerdict } from './claim-verdicts';
import { importPack } from './import-pack';
import { freshStore, testPack } from './test-support';
import { saveUserReport } from './user-reports';

const record = (over: Partial<ReportRecord> = {}): ReportRecord => ({
  id: 'user-claims', title: 'Strike near the border', sourceId: 'test-pack-outlet0', url: 'https://saved.example/strike?utm_medium=email', lang: 'en',
  summary: 'A strike and its toll.', tags: [], accessed: '2025-03-02', published: '2025-03-01',
  claims: [
    { subject: 'killed', text: 'At least 40 fighters were killed', attributedTo: 'the defence ministry' },
    { subject: 'fled', text: 'Thousands fled the town' },
  ],
  ...over,
});

describe('claim verdicts', () => {
  it('are set, replaced and cleared per claim, and kept across a reopen', async () => {
    const s = await freshStore();
    await importPack(s.db, testPack({ reports: 1 }));
    await saveUserReport(s.db, record());
    await setVerdict(s.db, 'user-claims', { claimIndex: 1, rating: 'True', ratingValue: 5 }, 1000);
    await setVerdict(s.db, 'user-claims', { claimIndex: 0, rating: 'False', ratingValue: 1, notes: ' wrong count ' }, 2000);
    await setVerdict(s.db, 'user-claims', { claimIndex: 0, rating: 'Mostly false', ratingValue: 2, notes: 'revised later' }, 3000);
    expect(await getVerdicts(s.db, 'user-claims')).toEqual([
      { claimIndex: 0, claimText: 'At least 40 fighters were killed', rating: 'Mostly false', ratingValue: 2, notes: 'revised later', updatedAt: 3000 },
      { claimIndex: 1, claimText: 'Thousands fled the town', rating: 'True', ratingValue: 5, updatedAt: 1000 },
    ]);
    await setVerdict(s.db, 'user-claims', { claimIndex: 1, rating: '', ratingValue: 0, clear: true });
    s.db.close();
    const again = s.reopen();
    expect((await getVerdicts(again, 'user-claims')).map((v) => v.claimIndex)).toEqual([0]);
    await expect(setVerdict(again, 'user-claims', { claimIndex: 5, rating: 'x', ratingValue: 1 })).rejects.toThrow(/no claim 6/);
    await expect(setVerdict(again, 'nope', { claimIndex: 0, rating: 'x', ratingValue: 1 })).rejects.toThrow(/no report/);
    again.close();
  });

  it('export the chosen claims as valid ClaimReview JSON-LD and remember the reviewer', async () => {
    const { db } = await freshStore();
    await importPack(db, testPack({ reports: 1 }));
    await saveUserReport(db, record());
    await setVerdict(db, 'user-claims', { claimIndex: 0, rating: 'Mostly false', ratingValue: 2 }, Date.UTC(2025, 3, 1));
    const req = { reportId: 'user-claims', claimIndexes: [0, 1], reviewer: { name: 'Desk', type: 'Organization' as const }, reviewUrl: 'https://desk.example/checks/1' };
    const f = await exportClaimReviews(db, req, new Date(Date.UTC(2025, 3, 2)));
    expect(f.name).toBe('claimreview-user-claims-2025-04-02.jsonld');
    expect(f.exported).toBe(1);
    expect(f.skipped).toEqual([{ claimIndex: 1, reasons: ['no verdict given for this claim'] }]);
    const json = JSON.parse(f.data);
    expect(checkSchema(schema, json)).toEqual([]);
    expect(json[0].itemReviewed.appearance.url).toBe('https://saved.example/strike');
    expect(json[0].itemReviewed.appearance.archivedAt).toBe('https://web.archive.org/web/20250302000000/https://saved.example/strike');
    expect(await getReviewer(db)).toEqual({ name: 'Desk', type: 'Organization', reviewUrl: 'https://desk.example/checks/1' });

    // The page saved again with a reworded claim: that verdict is no longer exported.
    await saveUserReport(db, record({ claims: [{ subject: 'killed', text: 'At least 45 fighters were killed' }] }));
    const g = await exportClaimReviews(db, req);
    expect(g.exported).toBe(0);
    expect(g.skipped[0].reasons).toEqual(['claim 1 changed since the verdict was given']);
    db.close();
  });
});
