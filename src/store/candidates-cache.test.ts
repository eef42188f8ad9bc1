// (Lookup-level check, beside candidates.test.ts which tests the keyed reads.)
// The persisted-index candidate lookup (fake IndexedDB in Node): a page gets the same related
// reports whatever pages the worker looked up before (the shard cache never drops rows a query
// is using), and the same as the in-memory library the CLI uses.
import { describe, expect, it } from 'vitest';
import { lookupPage } from '../background/lookup';
import { findCandidates, prefetchShards } from './candidates';
import { explainWithLibrary, libraryFromPacks } from '../core/explain/library';
import type { Pack } from '../core/packs/types';
import type { ProvenanceDB } from './db';
import { importPack } from './import-pack';
import { defaultPack, demoPages, relatedView, storeWithDefaultPack } from './test-support';

const pack = defaultPack();
const FILES = ['nasdaq-repost.html', 'mosul-it-experts.html', 'detainees-transfer-ar.html', 'propaganda-defectors.html', 'mosul-resistance-fr.html', 'social-media-app.html'];
const pages = demoPages(FILES);

describe('findCandidates through lookupPage', () => {
  it('answers each page the same after other pages as on a fresh store, and as the in-memory library', async () => {
    const warm = await storeWithDefaultPack();
    const lib = libraryFromPacks([pack]);
    for (const page of pages) {
      const afterOthers = relatedView(await lookupPage(warm, page));
      const fresh = relatedView(await lookupPage(await storeWithDefaultPack(), page));
      expect(afterOthers, page.url).toEqual(fresh);
      expect(relatedView(await explainWithLibrary(page, lib)), page.url).toEqual(fresh);
    }
    expect(pages.filter((p) => p.verdict.onTopic).length).toBeGreaterThanOrEqual(5);
  });

  it('sees outlet edits made straight in the store, though it keeps the outlets between lookups', async () => {
    const db = await storeWithDefaultPack();
    const page = pages.find((p) => p.url.includes('mosul-it-experts'))!;
    const before = await lookupPage(db, page);
    expect(before.source).not.toBeNull();
    const id = before.source!.id;
    // Written through the table (as a test or another module would), not through saveSourceNote.
    await db.sources.update(id, { userNotes: 'edited directly' });
    expect((await lookupPage(db, page)).source?.userNotes).toBe('edited directly');
    await db.transaction('rw', db.sources, () => db.sources.update(id, { name: 'Renamed outlet' }));
    expect((await lookupPage(db, page)).source?.name).toBe('Renamed outlet');
    await db.sources.delete(id);
    expect((await lookupPage(db, page)).source?.id ?? null).not.toBe(id);
  });

  it('shards read early (while the worker does other work) give the same candidates, and are dropped when an import lands meanwhile', async () => {
    const page = pages.find((p) => p.url.includes('mosul-it-experts'))!;
    const ids = async (db: ProvenanceDB, prefetch?: ReturnType<typeof prefetchShards>) =>
      (await findCandidates(db, page, [], [], prefetch)).candidates.map((c) => c.id).sort();
    const db = await storeWithDefaultPack();
    expect(await ids(db, prefetchShards(db, page))).toEqual(await ids(await storeWithDefaultPack()));
    // A copy of the pack under other ids, imported after the early read began: its reports
    // share the page's terms, so rows read before it would leave them out.
    const cold = await storeWithDefaultPack();
    const early = prefetchShards(cold, page);
    await early.rows;
    const base = pack.reports[0];
    const copy: Pack = { ...pack, id: 'copy', name: 'Copy', sources: [], reports: [1, 2, 3].map((i) => ({ ...base, id: `copy-${i}`, url: `https://copy.example/${i}`, canonicalUrl: undefined, title: page.title, summary: page.text.slice(0, 280), fingerprint: undefined })) };
    await importPack(cold, copy);
    const got = await ids(cold, early);
    expect(got.some((id) => id.startsWith('copy-'))).toBe(true);
    expect(got).toEqual(await ids(cold));
  });
});
