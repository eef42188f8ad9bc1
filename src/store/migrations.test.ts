/**
 * Schema migrations on fake-indexeddb, as tests/e2e/migrations.spec.ts does in the browser:
 * a database filled at version 1 with real data (the default pack's reports and outlets, a
 * subscription, settings, highlights) opens at the latest version with nothing lost, the
 * postings rebuilt and answering like a fresh import; a failing migration leaves the old
 * version intact. One fill-at-N test per version: a test fails when a version has none.
 */
import { describe, expect, it } from 'vitest';
import { findCandidates, storedFeatures } from './candidates';
import { SCHEMA_VERSIONS, UPGRADES, openDb } from './db';
import { importPack } from './import-pack';
import { legacyPostingsRows, legacyReportRows } from './legacy-store';
import { saveUserReport } from './user-reports';
import { defaultPack, freshStore, packState, relatedIds, testPack } from './test-support';

/** Versions that have a fill-at-N, check-at-N+1 test (below, and from v4 on in migrations-v4.test.ts). */
const TESTED_UPGRADES = [1, 2, 3, 4, 5];

/** A v1 database holding what the current store holds after importing the default pack. */
async function filledV1() {
  const fresh = await freshStore();
  await importPack(fresh.db, defaultPack());
  const v1Reports = legacyReportRows(defaultPack(), 1).map(({ n: _n, ...rest }) => ({ ...rest, termKeys: Object.keys(rest.features.terms) }));
  const sources = await fresh.db.sources.toArray();
  const packs = await fresh.db.packs.toArray();

  const old = await freshStore(1);
  const v1 = old.db;
  expect(v1.verno).toBe(1);
  await v1.table('reports').bulkPut(v1Reports);
  await v1.sources.bulkPut(sources.map((s, i) => (i === 0 ? { ...s, userNotes: 'my note, kept' } : s)));
  await v1.packs.bulkPut(packs);
  await v1.settings.put({ key: 'defaultPackRemoved', value: false });
  await v1.subscriptions.put({ url: 'https://packs.example/p.json', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2 });
  await v1.table('highlights').bulkPut([
    { id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', note: 'check this', createdAt: 5 },
    { id: 'h2', url: 'http://127.0.0.1/b.html', quote: 'نقل المعتقلين', createdAt: 6 },
  ]);
  await v1.table('termStats').put({ term: 'mosul', df: 3 });
  v1.close();
  return { fresh: fresh.db, old, v1Reports, sources, packs };
}

describe('schema migrations', () => {
  it('every schema version has a migration test', () => {
    const versions = Object.keys(SCHEMA_VERSIONS).map(Number);
    const latest = Math.max(...versions);
    expect(versions.filter((v) => v < latest).sort()).toEqual(TESTED_UPGRADES);
  });

  it('v1 → v2: reports, outlets, packs, settings, subscriptions and highlights survive; postings rebuilt; highlights gain selectors', async () => {
    const { fresh, old, v1Reports, sources } = await filledV1();
    const v2 = old.reopen(2);
    await v2.open();
    expect(v2.verno).toBe(2);

    const reports = await v2.reports.toArray();
    expect(reports.length).toBe(v1Reports.length);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(r.record).toEqual(v1Reports.find((x) => x.id === r.id)?.record);
    expect(reports.filter((r) => 'termKeys' in r)).toEqual([]);
    const ns = new Set(reports.map((r) => r.n));
    expect(ns.size).toBe(reports.length);
    expect([...ns].every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect((await v2.settings.get('nextOrdinal'))?.value).toBe(reports.length + 1);
    expect(await v2.table('postings').count()).toBeGreaterThan(0);

    expect(await v2.sources.count()).toBe(sources.length);
    expect((await v2.sources.get(sources[0].id))?.userNotes).toBe('my note, kept');
    expect((await v2.packs.toArray()).map((p) => p.id)).toEqual(['default']);
    expect((await v2.settings.get('defaultPackRemoved'))?.value).toBe(false);
    expect((await v2.subscriptions.get('https://packs.example/p.json'))?.nextCheck).toBe(2);
    expect(v2.tables.map((t) => t.name)).not.toContain('termStats');
    expect(v2.tables.map((t) => t.name)).not.toContain('entityStats');
    expect(await v2.highlights.orderBy('id').toArray()).toEqual([
      {
        id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', note: 'check this', createdAt: 5, updatedAt: 5,
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: '', suffix: '' } }, tags: [], color: 'yellow',
      },
      {
        id: 'h2', url: 'http://127.0.0.1/b.html', quote: 'نقل المعتقلين', createdAt: 6, updatedAt: 6,
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'نقل المعتقلين', prefix: '', suffix: '' } }, tags: [], color: 'yellow',
      },
    ]);
    // The highlights' new indexes work.
    expect(await v2.highlights.where('updatedAt').above(5).primaryKeys()).toEqual(['h2']);

    v2.close();
    // Carried on to the latest version, the index answers like the store built by a fresh import.
    const latest = old.reopen();
    await latest.open();
    expect(await packState(latest, 'default')).toMatchObject({ reports: reports.length, postingsAgree: true, ordinalsOk: true });
    const related = await relatedIds(latest);
    expect(related.length).toBeGreaterThan(0);
    expect(related).toEqual(await relatedIds(fresh));
    latest.close();
    fresh.close();
  });

  it('an empty v1 database upgrades to an empty v2 store', async () => {
    const old = await freshStore(1);
    old.db.close();
    const v2 = old.reopen(2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.reports.count()).toBe(0);
    expect(await v2.table('postings').count()).toBe(0);
    expect((await v2.settings.get('nextOrdinal'))?.value).toBe(1);
    v2.close();
  });

  it('a migration that fails leaves the database at v1 with its data', async () => {
    const { old, v1Reports, fresh } = await filledV1();
    fresh.close();
    const real = UPGRADES[2];
    UPGRADES[2] = async (tx) => {
      await real(tx); // writes half the upgrade, then fails
      throw new Error('migration failed');
    };
    try {
      const v2 = openDb(old.name, 2, old.deps);
      await expect(v2.open()).rejects.toThrow(/migration failed/);
      v2.close();
    } finally {
      UPGRADES[2] = real;
    }
    const v1 = old.reopen(1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const reports = await v1.table('reports').toArray();
    expect(reports.length).toBe(v1Reports.length);
    expect(reports.every((r) => Array.isArray(r.termKeys) && r.n === undefined)).toBe(true);
    expect(await v1.table('termStats').count()).toBe(1);
    expect((await v1.table('highlights').get('h1'))?.selectors).toBeUndefined();
    v1.close();
    // And the real migration then succeeds.
    const v2 = old.reopen(2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.reports.count()).toBe(v1Reports.length);
    v2.close();
  });

  it('v2 → v3: everything survives; the page-text and ClaimReview tables are added, empty and indexed', async () => {
    const old = await freshStore(2);
    const v2 = old.db;
    expect(v2.verno).toBe(2);
    const pack = defaultPack();
    const rows = legacyReportRows(pack, 1);
    await v2.table('reports').bulkPut(rows);
    await v2.table('postings').bulkPut(legacyPostingsRows(rows));
    await v2.sources.bulkPut(pack.sources.map((s, i) => ({ ...s, packId: 'default', ...(i === 0 ? { userNotes: 'kept' } : {}) })));
    await v2.packs.put({ id: 'default', name: pack.name, version: pack.version, publisher: pack.publisher, updated: pack.updated, format: pack.format, reportCount: rows.length, sourceCount: pack.sources.length, importedAt: 1 });
    await v2.settings.put({ key: 'nextOrdinal', value: rows.length + 1 });
    await v2.highlights.put({
      id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: '', suffix: '' } },
      tags: ['x'], color: 'green', createdAt: 5, updatedAt: 7,
    });
    const before = {
      reports: await v2.reports.orderBy('id').toArray(), sources: await v2.sources.orderBy('id').toArray(), packs: await v2.packs.toArray(),
      postings: await v2.table('postings').count(), highlights: await v2.highlights.toArray(), settings: await v2.settings.toArray(),
    };
    v2.close();

    const v3 = old.reopen(3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.reports.orderBy('id').toArray()).toEqual(before.reports);
    expect(await v3.sources.orderBy('id').toArray()).toEqual(before.sources);
    expect(await v3.packs.toArray()).toEqual(before.packs);
    expect(await v3.table('postings').count()).toBe(before.postings);
    expect(await v3.highlights.toArray()).toEqual(before.highlights);
    expect(await v3.settings.toArray()).toEqual(before.settings);
    expect(await v3.pageTexts.count()).toBe(0);
    expect(await v3.claimReviews.count()).toBe(0);
    await v3.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-1', reason: 'saved', savedAt: 9, title: 't', published: null, paragraphs: ['p'], fingerprints: ['f'] });
    await v3.claimReviews.put({ id: 'c1', pageUrl: 'http://127.0.0.1/c.html', seenAt: 3, review: { claimReviewed: 'x', claimAuthor: null, appearance: null, ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'R', datePublished: null, url: null } });
    expect(await v3.pageTexts.where('reportId').equals('user-1').primaryKeys()).toEqual(['http://127.0.0.1/a.html']);
    expect(await v3.claimReviews.where('pageUrl').equals('http://127.0.0.1/c.html').primaryKeys()).toEqual(['c1']);
    v3.close();
  });

  /** A v3 database as the v3 code left it: two packs, a saved page, and every kind of user record. */
  async function filledV3() {
    const old = await freshStore(3);
    const v3 = old.db;
    expect(v3.verno).toBe(3);
    const packs = [defaultPack(), testPack({ id: 'second', reports: 7, outlets: 2 })];
    const userRecord = { ...testPack({ id: 'u', reports: 1 }).reports[0], id: 'user-saved-1', sourceId: 'user-outlet' };
    const rows = [...legacyReportRows(packs[0], 1), ...legacyReportRows(packs[1], packs[0].reports.length + 1)];
    const userRow = { ...legacyReportRows({ ...packs[1], id: 'user', reports: [userRecord] }, rows.length + 1)[0], addedAt: 4242 };
    rows.push(userRow);
    await v3.table('reports').bulkPut(rows);
    await v3.table('postings').bulkPut(legacyPostingsRows(rows));
    for (const p of packs) {
      await v3.sources.bulkPut(p.sources.map((s) => ({ ...s, packId: p.id })));
      await v3.packs.put({ id: p.id, name: p.name, version: p.version, publisher: p.publisher, updated: p.updated, format: p.format, reportCount: p.reports.length, sourceCount: p.sources.length, importedAt: 1, extra: { homepage: 'https://x.example' } });
    }
    await v3.sources.update(packs[0].sources[0].id, { userNotes: 'my note on this outlet' });
    await v3.sources.put({ id: 'user-outlet', name: 'My outlet', domains: ['mine.example'], type: 'news-site', country: '', languages: [], notes: '', userNotes: 'made by me', packId: 'user' });
    await v3.settings.bulkPut([
      { key: 'nextOrdinal', value: rows.length + 1 }, { key: 'defaultPackRemoved', value: false }, { key: 'theme', value: 'dark' },
      { key: 'claim-verdicts:user-saved-1', value: { '0': 'disputed' } },
    ]);
    await v3.subscriptions.put({ url: 'https://packs.example/p.json', sha256: 'ab'.repeat(32), packId: 'second', intervalHours: 24, addedAt: 1, failures: 0, nextCheck: 2, lastResult: 'unchanged' });
    await v3.highlights.bulkPut([
      { id: 'h1', url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', quote: 'the media office moved', selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: 'a', suffix: 'b' }, position: { type: 'TextPositionSelector', start: 3, end: 25 } }, note: 'check', tags: ['x', 'y'], color: 'green', createdAt: 5, updatedAt: 7 },
      { id: 'h2', url: 'http://127.0.0.1/b.html', quote: 'نقل المعتقلين', selectors: { quote: { type: 'TextQuoteSelector', exact: 'نقل المعتقلين', prefix: '', suffix: '' } }, tags: [], color: 'yellow', dir: 'rtl', createdAt: 6, updatedAt: 6, deletedAt: 9 },
    ]);
    await v3.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-saved-1', reason: 'saved', savedAt: 9, title: 't', published: null, paragraphs: ['p1', 'p2'], fingerprints: ['f1', 'f2'], latest: { title: 't2', published: null, paragraphs: ['p1'], seenAt: 10 } });
    await v3.claimReviews.put({ id: 'c1', pageUrl: 'http://127.0.0.1/c.html', seenAt: 3, review: { claimReviewed: 'x', claimAuthor: null, appearance: null, ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'R', datePublished: null, url: null } });
    const before: Record<string, unknown[]> = {};
    for (const t of ['sources', 'packs', 'settings', 'subscriptions', 'highlights', 'pageTexts', 'claimReviews']) before[t] = await v3.table(t).toArray();
    v3.close();
    return { old, rows, before, packs, userRecord };
  }

  it('v3 → v4: every user record survives; report features packed; the index rebuilt per pack and answering like a fresh import', async () => {
    const { old, rows, before, packs, userRecord } = await filledV3();
    const v4 = old.reopen(4);
    await v4.open();
    expect(v4.verno).toBe(4);
    expect(v4.tables.map((t) => t.name)).not.toContain('postings');
    for (const [t, v] of Object.entries(before)) expect(await v4.table(t).toArray(), t).toEqual(v);
    const reports = await v4.reports.toArray();
    expect(reports.length).toBe(rows.length);
    for (const r of reports) {
      const was = rows.find((x) => x.id === r.id)!;
      expect(r.record).toEqual(was.record);
      expect({ n: r.n, packId: r.packId, sourceId: r.sourceId, urls: r.urls, addedAt: r.addedAt, published: r.published }).toEqual({ n: was.n, packId: was.packId, sourceId: was.sourceId, urls: was.urls, addedAt: was.addedAt, published: was.published });
      expect(r).not.toHaveProperty('features');
      expect(storedFeatures(r).features).toEqual(was.features);
    }
    for (const id of ['default', 'second', 'user']) expect(await packState(v4, id), id).toMatchObject({ postingsAgree: true, ordinalsOk: true });

    // Answers like a store filled by the current code.
    const fresh = await freshStore();
    for (const p of packs) await importPack(fresh.db, p);
    await saveUserReport(fresh.db, userRecord);
    expect(await relatedIds(v4)).toEqual(await relatedIds(fresh.db));
    const page = { title: userRecord.title, text: userRecord.summary ?? '', url: 'https://elsewhere.example/b', canonicalUrl: null };
    expect((await findCandidates(v4, page, [], [])).candidates.map((c) => c.id)).toContain('user-saved-1');
    // The migrated store keeps working: a pack update and a new saved page.
    await importPack(v4, testPack({ id: 'second', version: '2.0.0', reports: 3, outlets: 2 }));
    expect(await packState(v4, 'second')).toMatchObject({ version: '2.0.0', reports: 3, postingsAgree: true, ordinalsOk: true });
    expect(await packState(v4, 'user')).toMatchObject({ reports: 1, postingsAgree: true });
    v4.close();
    fresh.db.close();
  });

  it('a v4 migration that fails leaves the database at v3 with its data', async () => {
    const { old, rows, before } = await filledV3();
    const real = UPGRADES[4];
    UPGRADES[4] = async (tx) => {
      await real(tx);
      throw new Error('migration failed');
    };
    try {
      const v4 = openDb(old.name, 4, old.deps);
      await expect(v4.open()).rejects.toThrow(/migration failed/);
      v4.close();
    } finally {
      UPGRADES[4] = real;
    }
    const v3 = old.reopen(3);
    await v3.open();
    expect(v3.verno).toBe(3);
    const reports = await v3.table('reports').toArray();
    expect(reports.length).toBe(rows.length);
    expect(reports.every((r) => r.features && !r.pf)).toBe(true);
    expect(await v3.table('postings').count()).toBeGreaterThan(0);
    for (const [t, v] of Object.entries(before)) expect(await v3.table(t).toArray(), t).toEqual(v);
    v3.close();
  });
});
