/**
 * Schema migrations, on real IndexedDB inside the extension's service worker: a database
 * filled at version N (with the default pack's real reports, outlets, a subscription,
 * settings and highlights) opens at N+1 with nothing lost. One fill function per version;
 * a test fails when a schema version has none.
 */
import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from './harness';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => h?.close());

/** Versions that have a fill-at-N, check-at-N+1 test below. */
const TESTED_UPGRADES = [1, 2];

test('every schema version has a migration test', async () => {
  const versions: number[] = await h.worker.evaluate(() => Object.keys((globalThis as any).__provenance.SCHEMA_VERSIONS).map(Number));
  const latest = Math.max(...versions);
  expect(versions.filter((v) => v < latest).sort()).toEqual(TESTED_UPGRADES);
});

test('v1 → v2: reports, outlets, packs, settings, subscriptions and highlights survive; postings rebuilt; highlights gain selectors', async () => {
  const result = await h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const relatedIds = async (db: unknown) => {
      const page = {
        stage: 'full', url: 'http://127.0.0.1/x.html', title: 'Mosul media office technicians taken to the desert', titleDerived: false,
        siteName: null, byline: null, published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 40,
        text: 'Islamic State took internet technicians and media workers from Mosul into the desert, the head of the Nineveh media center said. Detainees in Syria and propaganda defectors were also mentioned.',
        verdict: { topicId: 'isis', topicLabel: 'ISIS', score: 0.9, onTopic: true, reason: 'test', evidence: [], lang: 'en' },
      };
      return (await p.lookupPage(page, db)).related.map((r: any) => `${r.reportId} ${r.reasons.join('; ')}`);
    };
    // Real data: the default pack as the current store holds it, written back in the v1 shape.
    const current = await p.db.reports.toArray();
    const v1Reports = current.map((r: any) => {
      const { n: _n, ...rest } = r;
      return { ...rest, termKeys: Object.keys(r.features.terms) };
    });
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
    const postings = await v2.postings.toArray();
    const ns = new Set<number>(reports.map((r: any) => r.n));
    let dangling = 0;
    const indexedTerms = new Set<string>();
    for (const row of postings) {
      for (const s of row.segs) {
        s.keys.forEach((k: string) => indexedTerms.add(k));
        for (const n of s.ns) if (!ns.has(n)) dangling++;
      }
    }
    const everyTermIndexed = reports.every((r: any) => Object.keys(r.features.terms).every((t) => indexedTerms.has(`t:${t}`)));
    const out = {
      v1Verno,
      verno: v2.verno,
      reports: reports.length,
      expectedReports: v1Reports.length,
      sameRecords: reports.every((r: any) => JSON.stringify(r.record) === JSON.stringify(v1Reports.find((x: any) => x.id === r.id)?.record)),
      uniqueOrdinals: ns.size === reports.length && [...ns].every((n) => Number.isInteger(n) && n > 0),
      termKeysLeft: reports.filter((r: any) => 'termKeys' in r).length,
      dangling,
      everyTermIndexed,
      nextOrdinal: (await v2.settings.get('nextOrdinal'))?.value,
      sources: await v2.sources.count(),
      expectedSources: sources.length,
      note: (await v2.sources.get(sources[0].id))?.userNotes,
      packs: (await v2.packs.toArray()).map((x: any) => x.id),
      setting: (await v2.settings.get('defaultPackRemoved'))?.value,
      subscription: (await v2.subscriptions.get('https://packs.example/p.json'))?.nextCheck,
      highlights: await v2.highlights.orderBy('id').toArray(),
      tables: v2.tables.map((t: any) => t.name).sort(),
      // The migrated index answers like the store built by a fresh import.
      related: await relatedIds(v2),
      relatedFresh: await relatedIds(p.db),
    };
    v2.close();
    await p.openDb(name).delete();
    return out;
  });
  expect(result.v1Verno).toBe(1);
  expect(result.verno).toBe(2);
  expect(result.reports).toBe(result.expectedReports);
  expect(result.reports).toBeGreaterThan(0);
  expect(result.sameRecords).toBe(true);
  expect(result.uniqueOrdinals).toBe(true);
  expect(result.termKeysLeft).toBe(0);
  expect(result.dangling).toBe(0);
  expect(result.everyTermIndexed).toBe(true);
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
  const result = await h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    const name = `migration-v2-${Date.now()}`;
    const v2 = p.openDb(name, 2);
    await v2.open();
    const v2Verno = v2.verno;
    await v2.reports.bulkPut(await p.db.reports.toArray());
    await v2.sources.bulkPut(await p.db.sources.toArray());
    await v2.packs.bulkPut(await p.db.packs.toArray());
    await v2.postings.bulkPut(await p.db.postings.toArray());
    await v2.settings.bulkPut(await p.db.settings.toArray());
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
  });
  expect(result.v2Verno).toBe(2);
  expect(result.verno).toBe(3);
  expect(result.reports).toBeGreaterThan(0);
  expect(result.same).toBe(true);
  expect(result.tables).toEqual(expect.arrayContaining(['pageTexts', 'claimReviews', 'reports', 'highlights', 'postings']));
  expect(result.pageTexts).toBe(0);
  expect(result.claimReviews).toBe(0);
  expect((result as any).byReport).toBe(1);
});
