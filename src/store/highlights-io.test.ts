/**
 * Highlights export and import on fake-indexeddb: our own format and Web Annotation
 * JSON-LD round-trip the live highlights into an empty store, a second import changes
 * nothing, newer local edits and later deletions win over the file, and the `hl:` page
 * keys (storage.local, faked here) follow the imported highlights.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';

// storage.local as a plain map: webextension-polyfill refuses to load outside an extension.
// (The modules under test are imported dynamically below, after this mock is in place.)
const local = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        async get(keys: null | string | string[]) {
          const want = keys === null ? [...local.keys()] : Array.isArray(keys) ? keys : [keys];
          return Object.fromEntries(want.filter((k) => local.has(k)).map((k) => [k, local.get(k)]));
        },
        async set(items: Record<string, unknown>) {
          for (const [k, v] of Object.entries(items)) local.set(k, v);
        },
        async remove(keys: string | string[]) {
          for (const k of Array.isArray(keys) ? keys : [keys]) local.delete(k);
        },
      },
    },
  },
}));

const { exportCsv, exportMarkdownZip, exportOwnFormat, exportWebAnnotation, gatherExportData, importHighlightsText } = await import('./highlights-io');
const { importPack } = await import('./import-pack');
const { saveUserReport } = await import('./user-reports');
const { defaultPack, freshStore } = await import('./test-support');
type StoredHighlight = import('./db').StoredHighlight;

function highlight(id: string, url: string, quote: string, over: Partial<StoredHighlight> = {}): StoredHighlight {
  return {
    id, url, quote, tags: [], color: 'yellow', createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000,
    selectors: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'before the ', suffix: ' and after' }, position: { type: 'TextPositionSelector', start: 10, end: 10 + quote.length } },
    ...over,
  };
}

const dataText = (d: string | Uint8Array) => (typeof d === 'string' ? d : strFromU8(d));

/** A store with the default pack, a saved page and highlights (one deleted). */
async function filled() {
  const store = await freshStore();
  const { db } = store;
  await importPack(db, defaultPack());
  const packReport = defaultPack().reports.find((r) => r.url)!;
  await saveUserReport(db, { id: 'user-saved-1', title: 'A page I saved', sourceId: packReport.sourceId, url: 'https://saved.example/story', lang: 'en', summary: 'Notes on a ledger kept at the harbour.', tags: [], note: 'read again' }, 1_700_000_100_000);
  const hs = [
    highlight('h-saved', 'https://saved.example/story', 'the harbour ledger was moved', { reportId: 'user-saved-1', note: 'key line', tags: ['ledger'], color: 'green' }),
    highlight('h-pack', packReport.url!, 'a passage of a pack report', { pageTitle: 'Pack page', updatedAt: 1_700_000_050_000 }),
    highlight('h-plain', 'https://plain.example/x', 'نص عربي مظلل', { dir: 'rtl', pageTitle: 'Plain page' }),
    highlight('h-gone', 'https://plain.example/x', 'deleted one', { deletedAt: 1_700_000_090_000 }),
  ];
  await db.highlights.bulkPut(hs);
  return { ...store, hs, live: hs.filter((h) => !h.deletedAt), packReport };
}

beforeEach(() => local.clear());

describe('highlights export', () => {
  it('gathers pages: the saved report first, pack reports by address, plain pages by host; deleted highlights left out', async () => {
    const { db, packReport } = await filled();
    const data = await gatherExportData(db);
    expect(data.highlights.map((h) => h.id).sort()).toEqual(['h-pack', 'h-plain', 'h-saved']);
    expect(data.pages[0].page).toMatchObject({ title: 'A page I saved', reportId: 'user-saved-1' });
    expect(data.pages[0].highlights.map((h) => h.id)).toEqual(['h-saved']);
    const packPage = data.pages.find((p) => p.highlights.some((h) => h.id === 'h-pack'))!;
    expect(packPage.page).toMatchObject({ title: packReport.title, reportId: packReport.id });
    expect(data.pages.find((p) => p.page.url === 'https://plain.example/x')?.page.title).toBe('Plain page');
    expect(data.userReports.map((r) => r.id)).toEqual(['user-saved-1']);
    expect(data.sources.map((s) => s.id)).toEqual([packReport.sourceId]);
    db.close();
  });

  it('CSV and Markdown carry every live highlight', async () => {
    const { db, live } = await filled();
    const csv = dataText((await exportCsv(db)).data);
    for (const h of live) expect(csv).toContain(h.quote);
    expect(csv).not.toContain('deleted one');
    const files = unzipSync((await exportMarkdownZip(db)).data as Uint8Array);
    const md = Object.values(files).map((f) => strFromU8(f)).join('\n');
    for (const h of live) expect(md).toContain(h.quote);
    db.close();
  });
});

describe('highlights import', () => {
  for (const [name, exporter] of [['own format', exportOwnFormat], ['Web Annotation', exportWebAnnotation]] as const) {
    it(`${name}: export then import into an empty store gives back the live highlights; twice changes nothing`, async () => {
      const { db, live } = await filled();
      const text = dataText((await exporter(db)).data);
      db.close();
      const { db: other } = await freshStore();
      const first = await importHighlightsText(other, text);
      expect(first).toMatchObject({ read: live.length, added: live.length, updated: 0, unchanged: 0, keptLocal: 0, skipped: 0 });
      const back = await other.highlights.orderBy('id').toArray();
      expect(back).toEqual([...live].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(Object.fromEntries(local)).toEqual({ 'hl:https://saved.example/story': 1, [`hl:${live[1].url}`]: 1, 'hl:https://plain.example/x': 1 });

      const second = await importHighlightsText(other, text);
      expect(second).toMatchObject({ added: 0, updated: 0, unchanged: live.length, keptLocal: 0 });
      expect(await other.highlights.orderBy('id').toArray()).toEqual(back);
      other.close();
    });
  }

  it('a newer file copy replaces the local one; a newer local edit or a later deletion is kept', async () => {
    const { db } = await filled();
    const text = dataText((await exportOwnFormat(db)).data);
    const t = 1_700_000_000_000;
    await db.highlights.update('h-saved', { note: 'older local note', updatedAt: t - 1 }); // file is newer
    await db.highlights.update('h-pack', { note: 'edited after export', updatedAt: t + 10 ** 6 }); // local is newer
    await db.highlights.update('h-plain', { deletedAt: t + 10 ** 6 }); // deleted after export
    const res = await importHighlightsText(db, text);
    expect(res).toMatchObject({ added: 0, updated: 1, keptLocal: 2 });
    expect((await db.highlights.get('h-saved'))?.note).toBe('key line');
    expect((await db.highlights.get('h-pack'))?.note).toBe('edited after export');
    expect((await db.highlights.get('h-plain'))?.deletedAt).toBe(t + 10 ** 6);
    db.close();
  });

  it('a file that is not highlights writes nothing', async () => {
    const { db } = await freshStore();
    const res = await importHighlightsText(db, '{"hello": "world"');
    expect(res).toMatchObject({ format: 'unknown', read: 0, added: 0 });
    expect(res.problems.length).toBeGreaterThan(0);
    expect(await db.highlights.count()).toBe(0);
    expect(local.size).toBe(0);
    db.close();
  });
});
