/**
 * Schema migrations on fake-indexeddb, as tests/e2e/migrations.spec.ts does in the browser:
 * a database filled at version 1 with real data (the default pack's reports and outlets, a
 * subscription, settings, highlights) opens at the latest version with nothing lost, the
 * postings rebuilt and answering like a fresh import; a failing migration leaves the old
 * version intact. One fill-at-N test per version: a test fails when a version has none.
 */
import { describe, expect, it } from 'vitest';
import { findCandidates } from './candidates';
import { SCHEMA_VERSIONS, UPGRADES, openDb, type ProvenanceDB } from './db';
import { importPack } from './import-pack';
import { defaultPack, freshStore, packState } from './test-support';

/** Versions that have a fill-at-N, check-at-N+1 test below. */
const TESTED_UPGRADES = [1, 2];

async function relatedIds(db: ProvenanceDB): Promise<string[]> {
  const r = defaultPack().reports[0];
  const res = await findCandidates(db, { title: r.title, text: r.summary ?? '', url: 'https://elsewhere.example/a', canonicalUrl: null }, [], []);
  return res.candidates.map((c) => c.id).sort();
}

/** A v1 database holding what the current store holds after importing the default pack. */
async function filledV1() {
  const fresh = await freshStore();
  await importPack(fresh.db, defaultPack());
  const current = await fresh.db.reports.toArray();
  const v1Reports = current.map(({ n: _n, ...rest }) => ({ ...rest, termKeys: Object.keys(rest.features.terms) }));
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
    expect(await packState(v2, 'default')).toMatchObject({ reports: reports.length, postingsAgree: true, ordinalsOk: true });

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

    // The migrated index answers like the store built by a fresh import.
    const related = await relatedIds(v2);
    expect(related.length).toBeGreaterThan(0);
    expect(related).toEqual(await relatedIds(fresh));
    v2.close();
    fresh.close();
  });

  it('an empty v1 database upgrades to an empty v2 store', async () => {
    const old = await freshStore(1);
    old.db.close();
    const v2 = old.reopen(2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.reports.count()).toBe(0);
    expect(await v2.postings.count()).toBe(0);
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
    await importPack(v2, defaultPack());
    await v2.highlights.put({
      id: 'h1', url: 'http://127.0.0.1/a.html', quote: 'the media office moved', selectors: { quote: { type: 'TextQuoteSelector', exact: 'the media office moved', prefix: '', suffix: '' } },
      tags: ['x'], color: 'green', createdAt: 5, updatedAt: 7,
    });
    await v2.sources.update((await v2.sources.toCollection().first())!.id, { userNotes: 'kept' });
    const before = {
      reports: await v2.reports.orderBy('id').toArray(), sources: await v2.sources.orderBy('id').toArray(), packs: await v2.packs.toArray(),
      postings: await v2.postings.count(), highlights: await v2.highlights.toArray(), settings: await v2.settings.toArray(),
    };
    const relatedBefore = await relatedIds(v2);
    v2.close();

    const v3 = old.reopen(3);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.reports.orderBy('id').toArray()).toEqual(before.reports);
    expect(await v3.sources.orderBy('id').toArray()).toEqual(before.sources);
    expect(await v3.packs.toArray()).toEqual(before.packs);
    expect(await v3.postings.count()).toBe(before.postings);
    expect(await v3.highlights.toArray()).toEqual(before.highlights);
    expect(await v3.settings.toArray()).toEqual(before.settings);
    expect(await packState(v3, 'default')).toMatchObject({ postingsAgree: true, ordinalsOk: true });
    expect(await relatedIds(v3)).toEqual(relatedBefore);
    expect(await v3.pageTexts.count()).toBe(0);
    expect(await v3.claimReviews.count()).toBe(0);
    await v3.pageTexts.put({ url: 'http://127.0.0.1/a.html', reportId: 'user-1', reason: 'saved', savedAt: 9, title: 't', published: null, paragraphs: ['p'], fingerprints: ['f'] });
    await v3.claimReviews.put({ id: 'c1', pageUrl: 'http://127.0.0.1/c.html', seenAt: 3, review: { claimReviewed: 'x', claimAuthor: null, appearance: null, ratingName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1, reviewer: 'R', datePublished: null, url: null } });
    expect(await v3.pageTexts.where('reportId').equals('user-1').primaryKeys()).toEqual(['http://127.0.0.1/a.html']);
    expect(await v3.claimReviews.where('pageUrl').equals('http://127.0.0.1/c.html').primaryKeys()).toEqual(['c1']);
    v3.close();
  });
});
