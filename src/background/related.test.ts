// The worker's related-coverage answer (`match/related` → relatedForPage) on a real store
// (fake IndexedDB in Node): the same related reports and provenance as the full lookup the
// popup's tab state comes from, on a fresh worker and a warm one, and a page whose text
// changes between two lookups is answered from its new text (the page's evidence is cached
// per text, never reused for another text).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceComputed, lookupPage, relatedForPage } from './lookup';
import { pageFromHtml } from '../core/explain/page';
import type { Pack } from '../core/packs/types';
import type { PageReport } from '../shared/messages';
import { openDb } from '../store/db';
import { importPack } from '../store/import-pack';

const pack = JSON.parse(readFileSync('src/packs/default/pack.json', 'utf8')) as Pack;
const FILES = ['nasdaq-repost.html', 'mosul-it-experts.html', 'detainees-transfer-ar.html', 'mosul-resistance-fr.html'];
const pages = FILES.map((f) => pageFromHtml(readFileSync(`public/demo/${f}`, 'utf8'), `http://127.0.0.1:8080/${f}`) as PageReport);

let n = 0;
async function freshStore() {
  const db = openDb(`related-test-${++n}`);
  await importPack(db, pack);
  return db;
}
const view = (x: { related: { reportId: string; reasons: string[] }[]; provenance: { text: string }[] }) => ({
  related: x.related.map((r) => [r.reportId, ...r.reasons]),
  provenance: x.provenance.map((p) => p.text),
});

describe('relatedForPage', () => {
  it('answers as the full lookup does, before and after it, and carries the match timings', async () => {
    const db = await freshStore();
    for (const page of pages) {
      const first = await relatedForPage(db, page); // evidence without claims
      const full = await lookupPage(db, page); // needs the claims: worked out again
      const again = await relatedForPage(db, page); // the full evidence, from the cache
      expect(view(first), page.url).toEqual(view(full));
      expect(view(again), page.url).toEqual(view(full));
      expect(full.claims.length + full.related.length, page.url).toBeGreaterThan(0);
      expect(first.timings?.steps?.fetch, page.url).toBeTypeOf('number');
      expect(first.timings?.steps?.lookupTotal, page.url).toBeTypeOf('number');
    }
    // On a fresh worker's store as well.
    for (const page of pages) expect(view(await relatedForPage(await freshStore(), page)), page.url).toEqual(view(await lookupPage(db, page)));
    expect(pages.filter((p) => p.verdict.onTopic).length).toBeGreaterThan(0);
  });

  it("a page's new text is matched, not the evidence cached for its old text", async () => {
    const db = await freshStore();
    const page = pages.find((p) => p.url.includes('nasdaq-repost'))!;
    const before = await lookupPage(db, page);
    // The republished story's credit is what links it to the outlet it relays.
    expect(before.provenance.some((p) => p.kind === 'republishes' || p.kind === 'relays')).toBe(true);
    // The same address, another article (a page edited in place): its own text decides.
    const other = pages.find((p) => p.url.includes('mosul-resistance-fr'))!;
    const edited: PageReport = { ...other, url: page.url, canonicalUrl: page.canonicalUrl, siteName: page.siteName, lang: page.lang };
    const after = await lookupPage(db, edited);
    const fresh = await lookupPage(await freshStore(), edited);
    expect(view(after)).toEqual(view(fresh));
    expect(view(after)).not.toEqual(view(before));
    expect(after.claims.map((c) => c.text)).toEqual(fresh.claims.map((c) => c.text));
  });

  it('a page looked up again reuses its evidence while the outlets are the same, also after an import of reports', async () => {
    const db = await freshStore();
    const page = pages.find((p) => p.url.includes('nasdaq-repost'))!;
    const first = view(await lookupPage(db, page));
    const k = evidenceComputed();
    expect(view(await lookupPage(db, page))).toEqual(first);
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
    const db = await freshStore();
    const off = pageFromHtml(readFileSync('public/demo/isis-goddess.html', 'utf8'), 'http://127.0.0.1:8080/isis-goddess.html') as PageReport;
    expect(off.verdict.onTopic).toBe(false);
    expect(await relatedForPage(db, off)).toEqual({ related: [], provenance: [] });
  });
});
