/**
 * Schema migrations, on real IndexedDB inside the extension's service worker: a database
 * filled at version N (with the default pack's real reports, outlets, a subscription,
 * settings and highlights) opens at N+1 with nothing lost. One fill function per version;
 * a test fails when a schema version has none. Old-version rows are built here in Node by
 * frozen copies of the old writers (src/store/legacy-store.ts) and sent to the worker as
 * plain arrays.
 */
import { expect, test } from '@playwright/test';
import { packFeatures } from '../../src/core/match/features';
import { legacyPostingsRows, legacyReportRows } from '../../src/store/legacy-store';
import { defaultPack, MATCH_PAGE, plainRows } from './migration-fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => h?.close());

/** Versions that have a fill-at-N, check-at-N+1 test (below, and from v4 on in migrations-v4.spec.ts). */
const TESTED_UPGRADES = [1, 2, 3, 4, 5];

test('every schema version has a migration test', async () => {
  const versions: number[] = await h.worker.evaluate(() => Object.keys((globalThis as any).__provenance.SCHEMA_VERSIONS).map(Number));
  const latest = Math.max(...versions);
  expect(versions.filter((v) => v < latest).sort()).toEqual(TESTED_UPGRADES);
});

test('v1 → v2: reports, outlets, packs, settings, subscriptions and highlights survive; postings rebuilt; highlights gain selectors', async () => {
  const legacy = legacyReportRows(defaultPack(), 1).map(({ n: _n, ...rest }) => ({ ...rest, termKeys: Object.keys(rest.features.terms) }));
  const result = await h.worker.evaluate(async ({ v1Reports, page }: any) => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const relatedIds = async (db: unknown) => {
      return (await p.lookupPage(page, db)).related.map((r: any) => `${r.reportId} ${r.reasons.join('; ')}`);
    };
    // Real data: the default pack's reports as v1 stored them.
    const sources = await p.db.sources.toArray();
    const packs = await p.db.packs.toArray();
    const name = `migration-v1-${Date.now()}`;
    const v1 = p.openDb(name, 1);
    await v1.open();
    const v1Verno = v1.verno;
    await v1.reports.bulkPut(v1Reports);
    await v1.sources.bulkPut(sources.map((s: any) => (s.id === sources[0].id ? { ...s, userNotes: 'my note, kept' } : s)));
    await v1.packs.bulkPut(packs);
    await v1.settings.put({ key: 'defaultPackRemoved', value: false });
    await v1.subscriptions.put({ url: 'https://packs.example/p.json', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
    await v1.highlights.bulkPut([
      { id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', note: 'check this', createdAt: 5 },
      { id: 'h2', url: 'http://127.0.0.1/b.html', quote: 'نقل المعتقلين', createdAt: 6 },
    ]);
    await v1.termStats.put({ term: 'mosul', df: 3 });
    v1.close();

    const v2 = p.openDb(name, 2);
    await v2.open();
    const reports = await v2.reports.toArray();
    const postings = await v2.postings.count();
    const ns = new Set<number>(reports.map((r: any) => r.n));
    const out = {
      v1Verno,
      verno: v2.verno,
      reports: reports.length,
      expectedReports: v1Reports.length,
      sameRecords: reports.every((r: any) => JSON.stringify(r.record) === JSON.stringify(v1Reports.find((x: any) => x.id === r.id)?.record)),
      uniqueOrdinals: ns.size === reports.length && [...ns].every((n) => Number.isInteger(n) && n > 0),
      termKeysLeft: reports.filter((r: any) => 'termKeys' in r).length,
      postings,
      nextOrdinal: (await v2.settings.get('nextOrdinal'))?.value,
      sources: await v2.sources.count(),
      expectedSources: sources.length,
      note: (await v2.sources.get(sources[0].id))?.userNotes,
      packs: (await v2.packs.toArray()).map((x: any) => x.id),
      setting: (await v2.settings.get('defaultPackRemoved'))?.value,
      subscription: (await v2.subscriptions.get('https://packs.example/p.json'))?.nextCheck,
      highlights: await v2.highlights.orderBy('id').toArray(),
      tables: v2.tables.map((t: any) => t.name).sort(),
      related: [] as string[],
      relatedFresh: await relatedIds(p.db),
    };
    v2.close();
    // Carried on to the latest version, the index answers like the store built by a fresh import.
    const latest = p.openDb(name);
    await latest.open();
    out.related = await relatedIds(latest);
    latest.close();
    await p.openDb(name).delete();
    return out;
  }, { v1Reports: legacy, page: MATCH_PAGE });
  expect(result.v1Verno).toBe(1);
  expect(result.verno).toBe(2);
  expect(result.reports).toBe(result.expectedReports);
  expect(result.reports).toBeGreaterThan(0);
  expect(result.sameRecords).toBe(true);
  expect(result.uniqueOrdinals).toBe(true);
  expect(result.termKeysLeft).toBe(0);
  expect(result.postings).toBeGreaterThan(0);
  expect(result.nextOrdinal).toBe(result.reports + 1);
  expect(result.sources).toBe(result.expectedSources);
  expect(result.note).toBe('my note, kept');
  expect(result.packs).toEqual(['default']);
  expect(result.setting).toBe(false);
  expect(result.subscription).toBe(2);
  expect(result.tables).not.toContain('termStats');
  expect(result.related.length).toBeGreaterThan(0);
  expect(result.related).toEqual(result.relatedFresh);
  expect(result.highlights).toEqual([
    {
      id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', note: 'check this', createdAt: 5, updatedAt: 5,
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: '', suffix: '' } }, tags: [], color: 'yellow',
    },
    {
      id: 'h2', url: 'http://127.0.0.1/b.html', quote: 'نقل المعتقلين', createdAt: 6, updatedAt: 6,
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'نقل المعتقلين', prefix: '', suffix: '' } }, tags: [], color: 'yellow',
    },
  ]);
});

test('v2 → v3: reports, outlets, postings and highlights survive; page texts and ClaimReviews tables added', async () => {
  const rows = legacyReportRows(defaultPack(), 1);
  const legacy = { reports: plainRows(rows), postings: plainRows(legacyPostingsRows(rows)) };
  const result = await h.worker.evaluate(async ({ reports, postings }: any) => {
    const typed = (x: any): any =>
      Array.isArray(x) ? x.map(typed) : x && typeof x === 'object' ? (x.__typed ? new (globalThis as any)[x.__typed](x.a) : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typed(v)]))) : x;
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const name = `migration-v2-${Date.now()}`;
    const v2 = p.openDb(name, 2);
    await v2.open();
    const v2Verno = v2.verno;
    await v2.reports.bulkPut(reports);
    await v2.sources.bulkPut(await p.db.sources.toArray());
    await v2.packs.bulkPut(await p.db.packs.toArray());
    await v2.postings.bulkPut(typed(postings));
    await v2.settings.bulkPut([...(await p.db.settings.toArray()).filter((x: any) => x.key !== 'nextOrdinal'), { key: 'nextOrdinal', value: reports.length + 1 }]);
    await v2.highlights.put({ id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'q', selectors: { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' } }, tags: [], color: 'blue', createdAt: 1, updatedAt: 2 });
    const snap = async (db: any) => JSON.stringify({
      reports: await db.reports.orderBy('id').toArray(), sources: await db.sources.orderBy('id').toArray(), packs: await db.packs.toArray(),
      postings: await db.postings.orderBy('shard').toArray(), settings: await db.settings.toArray(), highlights: await db.highlights.toArray(),
    });
    const before = await snap(v2);
    v2.close();
    const v3 = p.openDb(name, 3);
    await v3.open();
    const out = {
      v2Verno, verno: v3.verno, same: (await snap(v3)) === before, reports: await v3.reports.count(),
      tables: v3.tables.map((t: any) => t.name).sort(),
      pageTexts: await v3.pageTexts.count(), claimReviews: await v3.claimReviews.count(),
    };
    await v3.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-1', reason: 'saved', savedAt: 1, title: 't', published: null, paragraphs: ['p'], fingerprints: ['f'] });
    (out as any).byReport = await v3.pageTexts.where('reportId').equals('user-1').count();
    v3.close();
    await p.openDb(name).delete();
    return out;
  }, legacy);
  expect(result.v2Verno).toBe(2);
  expect(result.verno).toBe(3);
  expect(result.reports).toBeGreaterThan(0);
  expect(result.same).toBe(true);
  expect(result.tables).toEqual(expect.arrayContaining(['pageTexts', 'claimReviews', 'reports', 'highlights', 'postings']));
  expect(result.pageTexts).toBe(0);
  expect(result.claimReviews).toBe(0);
  expect((result as any).byReport).toBe(1);
});

test('v3 → v4: every user record survives; report features packed; the index rebuilt per pack and answering like a fresh import', async () => {
  const pack = defaultPack();
  const rows = legacyReportRows(pack, 1);
  const userRecord = { ...pack.reports[0], id: 'user-saved-1', url: 'http://127.0.0.1/saved.html', title: 'A page I saved about the media office' };
  rows.push({ ...legacyReportRows({ ...pack, id: 'user', reports: [userRecord] }, rows.length + 1)[0], addedAt: 4242 });
  const expectedPf = rows.map((r) => {
    const pf = packFeatures(r.features);
    return { id: r.id, t: pf.t, e: pf.e, w: Array.from(pf.w) };
  });
  const legacy = { reports: plainRows(rows), postings: plainRows(legacyPostingsRows(rows)) };
  const result = await h.worker.evaluate(async ({ reports, postings, page }: any) => {
    const typed = (x: any): any =>
      Array.isArray(x) ? x.map(typed) : x && typeof x === 'object' ? (x.__typed ? new (globalThis as any)[x.__typed](x.a) : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, typed(v)]))) : x;
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const relatedIds = async (db: unknown) => {
      return (await p.lookupPage(page, db)).related.map((r: any) => `${r.reportId} ${r.reasons.join('; ')}`);
    };
    const name = `migration-v3-${Date.now()}`;
    const v3 = p.openDb(name, 3);
    await v3.open();
    const v3Verno = v3.verno;
    await v3.reports.bulkPut(reports);
    await v3.postings.bulkPut(typed(postings));
    const sources = await p.db.sources.toArray();
    await v3.sources.bulkPut([...sources.map((s: any, i: number) => (i === 0 ? { ...s, userNotes: 'my note' } : s)), { id: 'user-mine', name: 'Mine', domains: ['mine.example'], type: 'news-site', country: '', languages: [], notes: '', userNotes: 'made by me', packId: 'user' }]);
    await v3.packs.bulkPut(await p.db.packs.toArray());
    await v3.settings.bulkPut([{ key: 'nextOrdinal', value: reports.length + 1 }, { key: 'theme', value: 'dark' }, { key: 'claim-verdicts:user-saved-1', value: { 0: 'disputed' } }]);
    await v3.subscriptions.put({ url: 'https://packs.example/p.json', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
    await v3.highlights.put({ id: 'h1', url: 'http://127.0.0.1/saved.html', reportId: 'user-saved-1', quote: 'q', selectors: { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' } }, tags: ['t'], color: 'blue', note: 'n', createdAt: 1, updatedAt: 2 });
    await v3.pageTexts.put({ url: 'http://127.0.0.1/saved.html', reportId: 'user-saved-1', reason: 'saved', savedAt: 1, title: 't', published: null, paragraphs: ['p'], fingerprints: ['f'] });
    await v3.claimReviews.put({ id: 'c1', pageUrl: 'http://127.0.0.1/c.html', seenAt: 3, review: { claimReviewed: 'x', claimAuthor: null, appearance: null, ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'R', datePublished: null, url: null } });
    const userTables = ['sources', 'packs', 'settings', 'subscriptions', 'highlights', 'pageTexts', 'claimReviews'];
    const snap = async (db: any) => JSON.stringify(await Promise.all(userTables.map((t) => db.table(t).toArray())));
    const before = await snap(v3);
    const recordsBefore = JSON.stringify((await v3.reports.orderBy('id').toArray()).map((r: any) => [r.id, r.n, r.packId, r.urls, r.addedAt, r.record]));
    v3.close();

    const v4 = p.openDb(name, 4);
    await v4.open();
    const reports4 = await v4.reports.orderBy('id').toArray();
    const out = {
      v3Verno, verno: v4.verno, same: (await snap(v4)) === before,
      sameRecords: JSON.stringify(reports4.map((r: any) => [r.id, r.n, r.packId, r.urls, r.addedAt, r.record])) === recordsBefore,
      featuresLeft: reports4.filter((r: any) => 'features' in r).length,
      pf: reports4.map((r: any) => ({ id: r.id, t: r.pf.t, e: r.pf.e, w: Array.from(r.pf.w) })),
      tables: v4.tables.map((t: any) => t.name).sort(),
      segmentPacks: [...new Set((await v4.segments.toArray()).map((s: any) => s.packId))].sort(),
      related: await relatedIds(v4),
      relatedFresh: await relatedIds(p.db),
    };
    v4.close();
    await p.openDb(name).delete();
    return out;
  }, { ...legacy, page: MATCH_PAGE });
  expect(result.v3Verno).toBe(3);
  expect(result.verno).toBe(4);
  expect(result.same).toBe(true);
  expect(result.sameRecords).toBe(true);
  expect(result.featuresLeft).toBe(0);
  expect(result.pf.sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))).toEqual(expectedPf.sort((a, b) => (a.id < b.id ? -1 : 1)));
  expect(result.tables).not.toContain('postings');
  expect(result.tables).toContain('segments');
  expect(result.segmentPacks).toEqual(['default', 'user']);
  // The same reports as a fresh store's (which lacks the saved page), which shows as related too.
  const ids = (xs: string[]) => xs.map((x) => x.split(' ')[0]);
  expect(result.related.length).toBeGreaterThan(0);
  expect(ids(result.related).filter((id) => id !== 'user-saved-1')).toEqual(ids(result.relatedFresh));
  // The user's saved page (the default pack's first report, saved again) is found through the rebuilt index.
  expect(ids(result.related)).toContain('user-saved-1');
});
