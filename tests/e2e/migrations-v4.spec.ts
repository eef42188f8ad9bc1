/**
 * Schema migrations from version 4 on (v4 → v5, v5 → v6), on real IndexedDB inside the
 * extension's service worker, as migrations.spec.ts does for the earlier versions (which
 * also checks that every version has a test): rows as version N wrote them are opened at
 * N+1 with every record kept and the same related reports found.
 */
import { expect, test } from '@playwright/test';
import { packFeatures, reportFeatures } from '../../src/core/match/features';
import { buildShards, reportKeys } from '../../src/core/match/postings';
import { fingerprintText } from '../../src/core/packs/fingerprint';
import { reportRecord, storedRecord } from '../../src/store/stored-record';
import { defaultPack, MATCH_PAGE, plainRows } from './migration-fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => h?.close());

/** Legacy rows as plain values, `undefined` fields kept (the worker turns them back). */
const withUndefined = (rs: object[]) => JSON.parse(JSON.stringify(rs, (_k, v) => (v === undefined ? { __undef: 1 } : ArrayBuffer.isView(v) ? { __typed: v.constructor.name, a: Array.from(v as Uint8Array) } : v)));

/**
 * In the worker: a database at version `from` filled with these report rows and index rows
 * and the user's records, then opened at `from + 1`: its versions, whether every other table
 * is the same, the reports and their indexes after, and the related reports before and after.
 */
async function migrateInWorker(from: number, rows: object[], segments: object[]): Promise<any> {
  return h.worker.evaluate(async ({ from, reports, segments, page }: any) => {
    const typed = (x: any): any =>
      Array.isArray(x)
        ? x.map(typed)
        : x && typeof x === 'object'
          ? x.__undef ? undefined : x.__typed ? new (globalThis as any)[x.__typed](x.a) : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typed(v)]))
          : x;
    const plain = (x: any): any =>
      ArrayBuffer.isView(x) ? { __typed: x.constructor.name, a: Array.from(x as Uint8Array) } : Array.isArray(x) ? x.map(plain) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)])) : x;
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const relatedIds = async (db: unknown) => {
      return (await p.lookupPage(page, db)).related.map((r: any) => `${r.reportId} ${r.reasons.join('; ')}`);
    };
    const name = `migration-v${from}-${Date.now()}`;
    const old = p.openDb(name, from);
    await old.open();
    const fromVerno = old.verno;
    await old.reports.bulkPut(typed(reports));
    await old.segments.bulkAdd(typed(segments));
    await old.sources.bulkPut([...(await p.db.sources.toArray()).map((s: any, i: number) => (i === 0 ? { ...s, userNotes: 'my note' } : s))]);
    await old.packs.bulkPut(await p.db.packs.toArray());
    await old.settings.bulkPut([{ key: 'nextOrdinal', value: reports.length + 1 }, { key: 'theme', value: 'dark' }]);
    await old.subscriptions.put({ url: 'https://packs.example/p.json', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
    await old.highlights.put({ id: 'h1', url: 'http://127.0.0.1/saved.html', reportId: 'user-saved-1', quote: 'q', selectors: { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' } }, tags: ['t'], color: 'blue', createdAt: 1, updatedAt: 2 });
    await old.pageTexts.put({ url: 'http://127.0.0.1/saved.html', reportId: 'user-saved-1', reason: 'saved', savedAt: 1, title: 't', published: null, paragraphs: ['p'], fingerprints: ['f'] });
    const userTables = ['sources', 'packs', 'settings', 'subscriptions', 'highlights', 'pageTexts', 'claimReviews', 'segments'];
    const snap = async (db: any) => JSON.stringify(plain(await Promise.all(userTables.map((t) => db.table(t).toArray()))));
    const before = await snap(old);
    const relatedBefore = await relatedIds(old);
    old.close();

    const next = p.openDb(name, from + 1);
    await next.open();
    const out = {
      fromVerno, verno: next.verno, same: (await snap(next)) === before,
      rows: plain(await next.reports.orderBy('id').toArray()),
      indexes: next.reports.schema.indexes.map((i: any) => `${i.name}${i.unique ? '!' : ''}`).sort(),
      related: await relatedIds(next),
      relatedBefore,
    };
    next.close();
    await p.openDb(name).delete();
    return out;
  }, { from, reports: withUndefined(rows), segments: plainRows(segments), page: MATCH_PAGE });
}

/** The default pack with fingerprints, and a page the user saved (the first report again): each report with its pack. */
function reportsToMigrate(): { r: any; packId: string }[] {
  const pack = defaultPack();
  pack.reports = pack.reports.map((r: any) => ({ ...r, fingerprint: fingerprintText(`${r.title} ${r.summary ?? ''}`) }));
  const userRecord = { ...pack.reports[0], id: 'user-saved-1', url: 'http://127.0.0.1/saved.html', title: 'A page I saved about the media office' };
  return [...pack.reports.map((r: any) => ({ r, packId: 'default' })), { r: userRecord, packId: 'user' }];
}

/** The index rows of these reports, per pack, as every version since v4 writes them. */
const segmentsOf = (all: { r: any; packId: string }[]) =>
  ['default', 'user'].flatMap((packId) =>
    buildShards(packId, all.flatMap(({ r, packId: p }, i) => (p === packId ? [{ n: i + 1, keys: reportKeys(reportFeatures(r), r.fingerprint.minhash) }] : []))),
  );

/** Typed arrays sent back by the worker as { __typed, a } made typed again. */
const typed = (x: any): any =>
  Array.isArray(x) ? x.map(typed) : x && typeof x === 'object' ? (x.__typed ? new (globalThis as any)[x.__typed](x.a) : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typed(v)]))) : x;

/**
 * Rows at version `from` migrated to `from + 1` in the worker, and what holds for every
 * version: every other table unchanged, the same indexes, every row's ordinal, URLs, pack and
 * features kept, the fingerprint packed apart for pack reports only, the same related reports.
 * `eachRow` checks what the migration itself changes.
 */
async function expectMigrated(from: number, rows: any[], segments: object[], eachRow: (r: any, was: any) => void): Promise<void> {
  const result = await migrateInWorker(from, rows, segments);
  expect(result.fromVerno).toBe(from);
  expect(result.verno).toBe(from + 1);
  expect(result.same).toBe(true);
  expect(result.indexes).toEqual(['n', 'packId', 'sourceId', 'urls']);
  const after = typed(result.rows);
  expect(after.length).toBe(rows.length);
  for (const r of after) {
    const was = rows.find((x) => x.id === r.id)!;
    eachRow(r, was);
    expect({ n: r.n, urls: r.urls, packId: r.packId, pf: { ...r.pf, w: Array.from(r.pf.w) } }).toEqual({ n: was.n, urls: was.urls, packId: was.packId, pf: { ...was.pf, w: Array.from(was.pf.w) } });
    expect(!!r.fp, r.id).toBe(r.packId !== 'user');
  }
  expect(result.related.length).toBeGreaterThan(0);
  expect(result.related).toEqual(result.relatedBefore);
}

test('v4 → v5: every record kept (same keys, same order), pack fingerprints packed apart, the published index dropped, same answers', async () => {
  // v4 rows as the v4 import wrote them: the default pack's reports with fingerprints in their records.
  const all = reportsToMigrate();
  const rows = all.map(({ r, packId }, i) => {
    const f = reportFeatures(r);
    return { id: r.id, packId, sourceId: r.sourceId, published: r.published, n: i + 1, urls: f.urls, addedAt: 7, record: r, pf: packFeatures(f) };
  });
  await expectMigrated(4, rows, segmentsOf(all), (r, was) => {
    expect(JSON.stringify(reportRecord(r)), r.id).toBe(JSON.stringify(was.record));
  });
});

test('v5 → v6: every record kept (same keys, same order), fingerprint terms shared with the features stored as positions, same answers', async () => {
  // v5 rows as the v5 import wrote them: the default pack's reports with their fingerprints packed apart, every term written out.
  // (A v5 record keeps its `fingerprint` key, undefined, where the fingerprint was: sent as a marker, JSON drops undefined.)
  const all = reportsToMigrate();
  const rows = all.map(({ r, packId }, i) => {
    const f = reportFeatures(r);
    const row = { id: r.id, packId, sourceId: r.sourceId, n: i + 1, urls: f.urls, addedAt: 7, record: r, pf: packFeatures(f) };
    return packId === 'user' ? row : { ...row, ...storedRecord(r) };
  });
  await expectMigrated(5, rows, segmentsOf(all), (r, was) => {
    expect(JSON.stringify(reportRecord(r)), r.id).toBe(JSON.stringify(reportRecord(was)));
    expect(JSON.stringify(reportRecord(r)), r.id).toBe(JSON.stringify(all.find((x) => x.r.id === r.id)!.r));
    if (r.packId !== 'user') expect(r.fp.r, r.id).toBeInstanceOf(Uint8Array);
  });
});
