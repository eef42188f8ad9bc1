// The worker's related-coverage answer (`match/related` → relatedForPage) on a real store
// (fake IndexedDB in Node): the same related reports and provenance as the full lookup the
// popup's tab state comes from, on a fresh worker and a warm one, and a page whose text
// changes between two lookups is answered from its new text (the page's evidence is cached
// per text, never reused for another text).
import { describe, expect, it } from 'vitest';
import { evidenceComputed, lookupPage, relatedForPage } from './lookup';
import type { Pack } from '../core/packs/types';
import type { PageReport } from '../shared/messages';
import { importPack } from '../store/import-pack';
import { defaultPack, demoPages, relatedView, storeWithDefaultPack } from '../store/test-support';

const pack = defaultPack();
const FILES = ['nasdaq-repost.html', 'mosul-it-experts.html', 'detainees-transfer-ar.html', 'mosul-resistance-fr.html'];
const pages = demoPages(FILES);

describe('relatedForPage', () => {
  it('answers as the full lookup does, before and after it, and carries the match timings', async () => {
    const db = await storeWithDefaultPack();
    for (const page of pages) {
      const first = await relatedForPage(db, page); // evidence without claims
      const full = await lookupPage(db, page); // needs the claims: worked out again
      const again = await relatedForPage(db, page); // the full evidence, from the cache
      expect(relatedView(first), page.url).toEqual(relatedView(full));
      expect(relatedView(again), page.url).toEqual(relatedView(full));
      expect(full.claims.length + full.related.length, page.url).toBeGreaterThan(0);
      expect(first.timings?.steps?.fetch, page.url).toBeTypeOf('number');
      expect(first.timings?.steps?.lookupTotal, page.url).toBeTypeOf('number');
    }
    // On a fresh worker's store as well.
    for (const page of pages) expect(relatedView(await relatedForPage(await storeWithDefaultPack(), page)), page.url).toEqual(relatedView(await lookupPage(db, page)));
    expect(pages.filter((p) => p.verdict.onTopic).length).toBeGreaterThan(0);
  });

  it("a page's new text is matched, not the evidence cached for its old text", async () => {
    const db = await storeWithDefaultPack();
    const page = pages.find((p) => p.url.includes('nasdaq-repost'))!;
    const before = await lookupPage(db, page);
    // The republished story's credit is what links it to the outlet it relays.
    expect(before.provenance.some((p) => p.kind === 'republishes' || p.kind === 'relays')).toBe(true);
    // The same address, another article (a page edited in place): its own text decides.
    const other = pages.find((p) => p.url.includes('mosul-resistance-fr'))!;
    const edited: PageReport = { ...other, url: page.url, canonicalUrl: page.canonicalUrl, siteName: page.siteName, lang: page.lang };
    const after = await lookupPage(db, edited);
    const fresh = await lookupPage(await storeWithDefaultPack(), edited);
    expect(relatedView(after)).toEqual(relatedView(fresh));
    expect(relatedView(after)).not.toEqual(relatedView(before));
    expect(after.claims.map((c) => c.text)).toEqual(fresh.claims.map((c) => c.text));
  });

  it('a page looked up again reuses its evidence while the outlets are the same, also after an import of reports', async () => {
    const db = await storeWithDefaultPack();
    const page = pages.find((p) => p.url.includes('nasdaq-repost'))!;
    const first = relatedView(await lookupPage(db, page));
    const k = evidenceComputed();
    expect(relatedView(await lookupPage(db, page))).toEqual(first);
    expect(evidenceComputed()).toBe(k);
    // Reports only (no outlets): the store's generation moves on, the outlets stay the same.
    const extra: Pack = { ...pack, id: 'extra', name: 'Extra', sources: [], reports: [{ ...pack.reports[0], id: 'extra-1', url: 'https://extra.example/1', canonicalUrl: undefined }] };
    await importPack(db, extra);
    await lookupPage(db, page);
    expect(evidenceComputed()).toBe(k);
    // An outlet renamed: the page is worked out again against the new names.
    const own = (await db.sources.toArray())[0];
    await db.sources.update(own.id, { name: `${own.name} (renamed)` });
    await lookupPage(db, page);
    expect(evidenceComputed()).toBe(k + 1);
  });

  it('a page not about the topic gets no related reports, as in the full lookup', async () => {
    const db = await storeWithDefaultPack();
    const [off] = demoPages(['isis-goddess.html']);
    expect(off.verdict.onTopic).toBe(false);
    expect(await relatedForPage(db, off)).toEqual({ related: [], provenance: [] });
  });
});
