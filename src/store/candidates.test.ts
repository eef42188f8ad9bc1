/**
 * Candidate reports for a page, read from the persisted postings on fake-indexeddb: the
 * keyed reads for the page's terms, MinHash bands, address and relayed outlets return the
 * reports expected, document frequencies agree with a count over the stored reports, and
 * a store change (import, removal) is seen at once despite the shard cache.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../core/packs/fingerprint';
import { findCandidates, storedFeatures, reportCount } from './candidates';
import { importPack, removePack } from './import-pack';
import { defaultPack, freshStore, testPack, words } from './test-support';
import type { ProvenanceDB } from './db';

const page = (title: string, text: string, url = 'https://elsewhere.example/page', canonicalUrl: string | null = null) => ({ title, text, url, canonicalUrl });
const ids = (c: { candidates: { id: string }[] }) => c.candidates.map((r) => r.id).sort();

async function withDefault(): Promise<ProvenanceDB> {
  const { db } = await freshStore();
  await importPack(db, defaultPack());
  return db;
}

describe('findCandidates', () => {
  it('finds each default report from a page carrying its title and summary', async () => {
    const db = await withDefault();
    for (const r of defaultPack().reports) {
      const res = await findCandidates(db, page(r.title, r.summary ?? ''), [], []);
      expect(ids(res), r.id).toContain(r.id);
      expect(res.stats.docCount).toBe(defaultPack().reports.length);
    }
    db.close();
  });

  it('document frequencies of the page terms and entities agree with the stored reports', async () => {
    const db = await withDefault();
    const stored = (await db.reports.toArray()).map(storedFeatures);
    const r = defaultPack().reports[0];
    const res = await findCandidates(db, page(r.title, r.summary ?? ''), [], []);
    const terms = [...res.prepared.terms.keys()].slice(0, 80);
    expect(terms.length).toBeGreaterThan(3);
    let nonZero = 0;
    for (const t of terms) {
      const expected = stored.filter((s) => t in s.features.terms).length;
      expect(res.stats.df(t), t).toBe(expected);
      if (expected) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
    const named = [...new Set(res.candidates.flatMap((c) => c.features.entityKeys))].filter((k) => res.prepared.names(k));
    expect(named.length).toBeGreaterThan(0);
    for (const k of named) expect(res.stats.entityDf(k), k).toBe(stored.filter((s) => s.features.entityKeys.includes(k)).length);
    db.close();
  });

  it('a page sharing no words with the store gets no candidates', async () => {
    const db = await withDefault();
    const res = await findCandidates(db, page(words(1, 8), words(2, 80)), [], []);
    expect(res.candidates).toEqual([]);
    db.close();
  });

  it('finds a report by its address and by its canonical address, whatever the text', async () => {
    const db = await withDefault();
    const r = defaultPack().reports.find((x) => x.url)!;
    expect(ids(await findCandidates(db, page(words(1, 8), words(2, 80), r.url!), [], []))).toEqual([r.id]);
    expect(ids(await findCandidates(db, page(words(1, 8), words(2, 80), 'https://x.example/', r.url!), [], []))).toEqual([r.id]);
    db.close();
  });

  it('brings the reports of relayed outlets', async () => {
    const db = await withDefault();
    const sourceId = defaultPack().reports[0].sourceId;
    const expected = defaultPack().reports.filter((r) => r.sourceId === sourceId).map((r) => r.id).sort();
    expect(ids(await findCandidates(db, page(words(1, 8), words(2, 80)), [], [sourceId]))).toEqual(expected);
    db.close();
  });

  it('finds a report through shared MinHash bands when the words differ', async () => {
    const { db } = await freshStore();
    const pack = testPack({ id: 'bands', reports: 4 });
    const fp = fingerprintText(words(500, 300));
    pack.reports[2].fingerprint = fp;
    await importPack(db, pack);
    // The page's text shares no term with the reports; only its MinHash matches report 2.
    const other = page('Zebra quokka', 'aardvark ibex narwhal okapi pangolin tapir wombat yak');
    expect(ids(await findCandidates(db, other, fp.minhash, []))).toEqual(['bands-r2']);
    expect(ids(await findCandidates(db, other, fingerprintText(words(900, 300)).minhash, []))).toEqual([]);
    db.close();
  });

  it('sees imports and removals at once (the shard cache follows the store generation)', async () => {
    const db = await withDefault();
    const pack = testPack({ id: 'later', reports: 3 });
    const q = page(pack.reports[1].title, pack.reports[1].summary ?? '');
    expect(ids(await findCandidates(db, q, [], []))).toEqual([]);
    await importPack(db, pack);
    expect(ids(await findCandidates(db, q, [], []))).toContain('later-r1');
    expect(await reportCount(db)).toBe(defaultPack().reports.length + 3);
    await removePack(db, 'later');
    expect(ids(await findCandidates(db, q, [], []))).toEqual([]);
    expect(await reportCount(db)).toBe(defaultPack().reports.length);
    db.close();
  });
});
