// The write counter the lookup keeps its outlets by (write-epoch.ts), on a real store (fake
// IndexedDB in Node): it moves with every read-write transaction, committed or aborted, is
// null while one is under way, and a lookup on a watched connection answers like a fresh
// store after imports, outlet renames and removals made through it, without reading the
// outlets again while nothing was written.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { relatedForPage } from './lookup';
import { watchWrites, writeEpoch } from './write-epoch';
import { pageFromHtml } from '../core/explain/page';
import type { Pack } from '../core/packs/types';
import type { PageReport } from '../shared/messages';
import { openDb } from '../store/db';
import { importPack, removePack } from '../store/import-pack';

const pack = JSON.parse(readFileSync('src/packs/default/pack.json', 'utf8')) as Pack;
const page = pageFromHtml(readFileSync('public/demo/nasdaq-repost.html', 'utf8'), 'http://127.0.0.1:8080/nasdaq-repost.html') as PageReport;

let n = 0;
function watched() {
  const db = openDb(`write-epoch-test-${++n}`);
  watchWrites(db);
  return db;
}
const view = (x: { related: { reportId: string; reasons: string[] }[]; provenance: { text: string }[] }) => ({
  related: x.related.map((r) => [r.reportId, ...r.reasons]),
  provenance: x.provenance.map((p) => p.text),
});
async function freshAnswer(packs: Pack[], edit?: (db: ReturnType<typeof openDb>) => Promise<unknown>) {
  const db = openDb(`write-epoch-fresh-${++n}`);
  for (const p of packs) await importPack(db, p);
  if (edit) await edit(db);
  return view(await relatedForPage(db, page));
}

describe('write epoch', () => {
  it('moves at the start and the end of each write, committed or aborted, and is null meanwhile', async () => {
    const db = watched();
    await db.open();
    const e0 = writeEpoch(db);
    expect(e0).toBeTypeOf('number');
    await db.settings.get('x'); // reads leave it alone
    expect(writeEpoch(db)).toBe(e0);
    let during: number | null = -1;
    await db.transaction('rw', db.settings, async () => {
      await db.settings.put({ key: 'x', value: 1 });
      during = writeEpoch(db);
    });
    expect(during).toBeNull();
    const e1 = writeEpoch(db)!;
    expect(e1).toBeGreaterThan(e0!);
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'x', value: 2 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 20)); // the abort event comes after the rejection
    expect(writeEpoch(db)).toBeGreaterThan(e1);
    expect((await db.settings.get('x'))?.value).toBe(1);
    // A connection whose writes are not counted keeps nothing.
    expect(writeEpoch(openDb(`write-epoch-test-${++n}`))).toBeNull();
  });

  it('a lookup on a watched connection reads the outlets once while nothing is written, and follows every write', async () => {
    // Fresh stores' answers first: the lookup keeps the outlets of one connection at a time.
    const own = pack.sources[0];
    const expected = await freshAnswer([pack]);
    const expectedRenamed = await freshAnswer([pack], (d) => d.sources.update(own.id, { name: `${own.name} (renamed)` }));
    const db = watched();
    await importPack(db, pack);
    const first = view(await relatedForPage(db, page));
    expect(first).toEqual(expected);
    expect(first.related.length + first.provenance.length).toBeGreaterThan(0);
    const sourcesRead = vi.spyOn(db.sources, 'toArray');
    const settingsRead = vi.spyOn(db.settings, 'get');
    expect(view(await relatedForPage(db, page))).toEqual(first);
    expect(sourcesRead).not.toHaveBeenCalled();
    // The generation is still read with the index rows (store/candidates.ts), not for the outlets.
    expect(settingsRead.mock.calls.filter(([k]) => (k as unknown) === 'nextOrdinal').length).toBeLessThanOrEqual(2);

    // An outlet renamed through this connection: the next lookup reads the outlets again.
    sourcesRead.mockClear();
    await db.sources.update(own.id, { name: `${own.name} (renamed)` });
    const renamed = view(await relatedForPage(db, page));
    expect(sourcesRead).toHaveBeenCalled();
    expect(renamed).toEqual(expectedRenamed);

    // Another pack imported, then removed: each answer is a fresh store's.
    const extra: Pack = { ...pack, id: 'extra', name: 'Extra', sources: [], reports: [{ ...pack.reports[0], id: 'extra-1', url: page.url, canonicalUrl: undefined }] };
    await importPack(db, extra);
    const withExtra = view(await relatedForPage(db, page));
    expect(withExtra.related.map((r) => r[0])).toContain('extra-1');
    await removePack(db, 'extra');
    expect(view(await relatedForPage(db, page))).toEqual(renamed);
  });
});
