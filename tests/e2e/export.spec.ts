/**
 * Export and import of highlights and saved reports (issue #6) in the real extension: the
 * library's buttons produce each file (Web Annotation JSON-LD, CSL-JSON, a zip of Markdown
 * notes, CSV, our own pack), each is checked; then the store is emptied and the exported
 * files imported back — nothing lost, re-import idempotent, newer local edits kept, hostile
 * items reported as text and skipped. Every export links each page's archived copy at its
 * save time (Web Archive), and the Hypothesis-format export imports back unchanged.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { inWorker } from '../../scripts/lib/browser';
import { parseCsv } from '../support/csv-parser';
import { validatePack } from '../../src/core/packs';
import type { StoredHighlight } from '../../src/store/db';
import defaultPack from '../../src/packs/default/pack.json' with { type: 'json' };
import { startHarness, type Harness } from './harness';

const ARA = defaultPack.reports.find((r) => r.id === 'ara-news-mosul-it-experts-desert')!;
const ARA_SOURCE = defaultPack.sources.find((s) => s.id === ARA.sourceId)!;
const WEEKLY = 'https://weekly.example/2025/05/rally';
const DESK = 'https://desk.example/2025/06/council';
const T0 = Date.UTC(2025, 5, 10, 8, 0, 0, 123);
/** The Wayback Machine link of a page at a time (what every export writes; built here independently). */
const wayback = (url: string, at: number) => `https://web.archive.org/web/${new Date(at).toISOString().replace(/[-:T]/g, '').slice(0, 14)}/${url}`;

const HIGHLIGHTS: StoredHighlight[] = [
  {
    id: '3f1c9a52-5c1e-4c3e-9d0a-6a1f2b3c4d01', url: ARA.url!, pageTitle: 'Dozens of experts desert', quote: 'foreign specialists left the city',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'foreign specialists left the city', prefix: 'officials said that ', suffix: ' in April' },
      position: { type: 'TextPositionSelector', start: 410, end: 443 },
    },
    note: 'Check [this](javascript:alert(1)) <img src=x onerror="window.__pwned=1"> & *stars*', tags: ['defectors', 'mosul'], color: 'green',
    createdAt: T0, updatedAt: T0 + 60_000, anchor: { status: 'exact', at: T0 + 120_000 },
  },
  {
    id: '3f1c9a52-5c1e-4c3e-9d0a-6a1f2b3c4d02', url: ARA.url!, quote: 'قال مسؤولون إن العشرات غادروا المدينة 👍🏽',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'قال مسؤولون إن العشرات غادروا المدينة 👍🏽', prefix: '', suffix: '' } },
    tags: ['عربي'], color: 'pink', dir: 'rtl', createdAt: T0 + 1000, updatedAt: T0 + 1000,
  },
  {
    id: 'local-7', url: WEEKLY, pageTitle: 'Rally in the *square* [live]', quote: '=HYPERLINK("https://evil.example","x")\nSecond paragraph, with "quotes"',
    selectors: { quote: { type: 'TextQuoteSelector', exact: '=HYPERLINK("https://evil.example","x")\nSecond paragraph, with "quotes"', prefix: 'said: ', suffix: '' } },
    note: '- a list?\n# a heading?', tags: [], color: 'blue', createdAt: T0 + 2000, updatedAt: T0 + 5000,
  },
  {
    id: '3f1c9a52-5c1e-4c3e-9d0a-6a1f2b3c4d04', url: DESK, reportId: 'user-test1', pageTitle: 'Council meeting on the ferry', quote: 'the ferry will run again in May',
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'the ferry will run again in May', prefix: 'The council said ', suffix: '.' } },
    tags: ['ferry'], color: 'yellow', createdAt: T0 + 3000, updatedAt: T0 + 3000, anchor: { status: 'orphan', at: T0 + 9000, reason: 'not-found' },
  },
];
/** Deleted (kept for undo): never exported. */
const DELETED: StoredHighlight = {
  id: '3f1c9a52-5c1e-4c3e-9d0a-6a1f2b3c4d05', url: 'https://gone.example/x', quote: 'removed passage',
  selectors: { quote: { type: 'TextQuoteSelector', exact: 'removed passage', prefix: '', suffix: '' } },
  tags: [], color: 'yellow', createdAt: T0, updatedAt: T0, deletedAt: T0 + 10,
};

let h: Harness;
let library: Page;
const files: Record<string, { name: string; path: string }> = {};

const byId = (list: StoredHighlight[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));

async function storedHighlights(): Promise<StoredHighlight[]> {
  return byId(await inWorker(h.context, () => (globalThis as any).__provenance.db.highlights.toArray(), null));
}

async function clearHighlights(): Promise<void> {
  await inWorker(h.context, () => (globalThis as any).__provenance.db.highlights.clear(), null);
  expect(await storedHighlights()).toEqual([]);
}

async function exportFile(testId: string): Promise<{ name: string; path: string; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId(testId).click()]);
  const path = await download.path();
  const bytes = readFileSync(path);
  files[testId] = { name: download.suggestedFilename(), path };
  return { name: download.suggestedFilename(), path, bytes, text: bytes.toString('utf8') };
}

/** Export now what earlier tests did not (when a test runs on its own), before the store changes. */
async function ensureExported(...testIds: string[]): Promise<void> {
  for (const id of testIds) if (!files[id]) await exportFile(id);
}

async function importFile(testId: string): Promise<string> {
  await library.getByTestId('import-file').setInputFiles({ name: files[testId].name, mimeType: 'application/json', buffer: readFileSync(files[testId].path) });
  const status = library.getByTestId('import-status');
  await expect(status).toContainText(files[testId].name);
  return (await status.textContent()) ?? '';
}

test.beforeAll(async () => {
  h = await startHarness();
  await inWorker(h.context, async ({ highlights, source }) => {
    const p = (globalThis as any).__provenance;
    await p.ensureSeeded();
    // A saved user report, written as the store keeps one (the save flow itself is tested in save-report.spec.ts).
    await p.db.sources.put(source);
    await p.db.reports.put({
      id: 'user-test1', packId: 'user', sourceId: source.id, published: '2025-06-02', n: 9_000_001, urls: ['desk.example/2025/06/council'], addedAt: Date.UTC(2025, 5, 3),
      record: {
        id: 'user-test1', title: 'Council meeting on the ferry', sourceId: source.id, url: 'https://desk.example/2025/06/council', published: '2025-06-02', lang: 'en',
        authors: ['Awa Traoré'], summary: 'The council discussed the ferry.', tags: [], section: 'Local', accessed: '2025-06-03', note: 'Follow up with the council',
      },
      features: { terms: {}, entityKeys: [], urls: ['desk.example/2025/06/council'], figures: [] },
    });
    await p.db.highlights.bulkPut(highlights);
  }, { highlights: [...HIGHLIGHTS, DELETED], source: { id: 'user-desk.example', name: 'Desk Example', domains: ['desk.example'], type: 'news-site', country: '', languages: ['en'], notes: '', packId: 'user' } });
  library = await h.context.newPage();
  await library.goto(`chrome-extension://${h.extensionId}/src/library/index.html`);
  await expect(library.getByTestId('export-panel')).toBeVisible();
});
test.afterAll(async () => {
  await h?.close();
});

test('Web Annotation export: JSON-LD with the anno context, a source and a TextQuoteSelector on every annotation', async () => {
  const f = await exportFile('export-web-annotation');
  expect(f.name).toMatch(/^provenance-highlights-\d{4}-\d{2}-\d{2}\.jsonld$/);
  const doc = JSON.parse(f.text);
  expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(doc.type).toBe('AnnotationCollection');
  expect(doc.total).toBe(HIGHLIGHTS.length);
  const items = doc.first.items as any[];
  expect(items).toHaveLength(HIGHLIGHTS.length);
  for (const a of items) {
    expect(a.type).toBe('Annotation');
    expect(typeof a.target.source).toBe('string');
    expect(a.target.selector.some((s: any) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact)).toBe(true);
  }
  expect(items.map((a) => a.target.source)).not.toContain(DELETED.url);
  const noted = items.find((a) => a.id === `urn:uuid:${HIGHLIGHTS[0].id}`);
  expect(noted.motivation).toBe('commenting');
  expect(noted.body).toContainEqual({ type: 'TextualBody', value: HIGHLIGHTS[0].note, format: 'text/plain', purpose: 'commenting' });
  expect(noted.body).toContainEqual({ type: 'TextualBody', value: 'mosul', format: 'text/plain', purpose: 'tagging' });
  // Model SHOULDs, and the archived copy of the page at the save time.
  expect(doc.last).toBe(doc.first.id);
  expect(doc.first.partOf).toBe(doc.id);
  expect(noted.target.state).toEqual({ type: 'TimeState', sourceDate: new Date(T0).toISOString(), cached: wayback(ARA.url!, T0) });
  for (const a of items) expect(a.target.selector[0]).toHaveProperty('prefix');
});

test('Hypothesis export: the client export format, imported back unchanged', async () => {
  const f = await exportFile('export-hypothesis');
  expect(f.name).toMatch(/^provenance-hypothesis-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(f.text);
  expect(Object.keys(doc)).toEqual(['export_date', 'export_userid', 'client_version', 'annotations']);
  expect(doc.annotations).toHaveLength(HIGHLIGHTS.length);
  for (const a of doc.annotations) for (const k of ['id', 'created', 'updated', 'uri', 'text', 'tags', 'target', 'document']) expect(a).toHaveProperty(k);
  await clearHighlights();
  const status = await importFile('export-hypothesis');
  expect(status).toContain(`${HIGHLIGHTS.length} highlights read from a Hypothesis export — ${HIGHLIGHTS.length} added, 0 updated, 0 already here`);
  expect(await storedHighlights()).toEqual(byId(HIGHLIGHTS));
});

test('CSL-JSON export: one newspaper article per page, with the citation fields', async () => {
  const f = await exportFile('export-csl');
  const items = JSON.parse(f.text) as any[];
  expect(items).toHaveLength(3); // ARA News page, the weekly page, the saved report (the deleted highlight's page is not there)
  for (const it of items) {
    expect(it.type).toBe('article-newspaper');
    for (const k of ['title', 'container-title', 'URL']) expect(typeof it[k]).toBe('string');
    expect(it.accessed['date-parts'][0].length).toBe(3);
  }
  const ara = items.find((i) => i.URL === ARA.url);
  expect(ara).toMatchObject({ id: ARA.id, title: ARA.title, 'container-title': ARA_SOURCE.name, author: [{ family: 'Yousef', given: 'Sarbaz' }], issued: { 'date-parts': [[2016, 4, 28]] }, accessed: { 'date-parts': [[2025, 6, 10]] }, language: 'en' });
  const saved = items.find((i) => i.URL === DESK);
  expect(saved).toEqual({
    id: 'user-test1', type: 'article-newspaper', title: 'Council meeting on the ferry', 'container-title': 'Desk Example', author: [{ family: 'Traoré', given: 'Awa' }], URL: DESK,
    issued: { 'date-parts': [[2025, 6, 2]] }, accessed: { 'date-parts': [[2025, 6, 3]] }, archive: 'Internet Archive', archive_location: wayback(DESK, Date.UTC(2025, 5, 3)),
    language: 'en', section: 'Local', note: 'Follow up with the council\nSaved with Provenance; 1 highlight',
  });
  // A page with no known publication date gets none (never invented); the outlet falls back to the host.
  const weekly = items.find((i) => i.URL === WEEKLY);
  expect(weekly).toMatchObject({ title: 'Rally in the *square* [live]', 'container-title': '<span class="nocase">weekly.example</span>', archive_location: wayback(WEEKLY, T0 + 2000) });
  expect(weekly.issued).toBeUndefined();
});

test('Markdown export: a zip with one note per page, untrusted text escaped', async () => {
  const f = await exportFile('export-markdown');
  expect(f.name).toMatch(/\.zip$/);
  const zip = unzipSync(new Uint8Array(f.bytes));
  const names = Object.keys(zip).sort();
  expect(names).toHaveLength(3);
  for (const n of names) expect(n).toMatch(/^[^/\\:*?"<>|]+\.md$/);
  const texts = names.map((n) => strFromU8(zip[n]));
  const ara = texts.find((t) => t.includes(`url: "${ARA.url}"`))!;
  expect(ara).toContain('> foreign specialists left the city');
  expect(ara).toContain('> قال مسؤولون إن العشرات غادروا المدينة 👍🏽');
  expect(ara).toContain('**Note:** Check \\[this\\](javascript:alert(1)) \\<img src=x onerror="window.\\_\\_pwned=1"\\> \\& \\*stars\\*');
  const weekly = texts.find((t) => t.includes(`url: "${WEEKLY}"`))!;
  expect(weekly).toContain('# Rally in the \\*square\\* \\[live\\]');
  expect(weekly).toContain('> \\=HYPERLINK("https\\://evil.example","x")\n>\n> Second paragraph, with "quotes"');
  expect(weekly).toContain('**Note:** \\- a list?\n\n\\# a heading?');
  // The archived copy as a Robust Link (original address and version date on the link).
  expect(weekly).toContain(`<a href="${wayback(WEEKLY, T0 + 2000)}" data-originalurl="${WEEKLY}" data-versiondate="2025-06-10">Archived copy (Wayback Machine)</a>`);
});

test('CSV export: BOM, RFC 4180, one row per highlight, formulas neutralised', async () => {
  const f = await exportFile('export-csv');
  expect(f.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const rows = parseCsv(f.text.slice(1));
  expect(rows[0]).toEqual(['page url', 'page title', 'outlet', 'quote', 'note', 'tags', 'colour', 'created', 'anchor', 'highlight id', 'archived copy']);
  expect(rows).toHaveLength(HIGHLIGHTS.length + 1);
  const row = (id: string) => rows.find((r) => r[9] === id)!;
  expect(row('local-7')).toEqual([WEEKLY, 'Rally in the *square* [live]', '', `'${HIGHLIGHTS[2].quote}`, `'${HIGHLIGHTS[2].note}`, '', 'blue', new Date(T0 + 2000).toISOString(), '', 'local-7', wayback(WEEKLY, T0 + 2000)]);
  expect(row(HIGHLIGHTS[1].id)).toEqual([ARA.url, ARA.title, ARA_SOURCE.name, HIGHLIGHTS[1].quote, '', 'عربي', 'pink', new Date(T0 + 1000).toISOString(), '', HIGHLIGHTS[1].id, wayback(ARA.url!, T0 + 1000)]);
  expect(row(HIGHLIGHTS[3].id)[8]).toBe('orphan');
});

test('own export: a pack with the saved report, its outlet and the highlights', async () => {
  const f = await exportFile('export-own');
  const pack = JSON.parse(f.text);
  expect(pack.format).toBe('provenance-pack/1');
  expect(pack.reports.map((r: any) => r.id)).toEqual(['user-test1']);
  expect(pack.sources.map((s: any) => s.id)).toEqual(['user-desk.example']);
  expect(pack.highlights).toHaveLength(HIGHLIGHTS.length);
  expect(pack.highlights.find((x: any) => x.id === DELETED.id)).toBeUndefined();
  // Outlets a user created from a page have no known country: still a valid pack.
  const v = validatePack(pack);
  expect(v.ok ? [] : v.problems).toEqual([]);
});

test('importing the exports into an empty store gives back every record; re-import changes nothing', async () => {
  await ensureExported('export-own', 'export-web-annotation');
  for (const kind of ['export-own', 'export-web-annotation']) {
    await clearHighlights();
    const status = await importFile(kind);
    expect(status).toContain(`${HIGHLIGHTS.length} highlights read`);
    expect(status).toContain(`${HIGHLIGHTS.length} added, 0 updated, 0 already here`);
    expect(await storedHighlights()).toEqual(byId(HIGHLIGHTS));
  }
  const again = await importFile('export-own');
  expect(again).toContain(`0 added, 0 updated, ${HIGHLIGHTS.length} already here`);
  expect(await storedHighlights()).toEqual(byId(HIGHLIGHTS));
});

test('an import never overwrites a newer local edit, nor brings back a highlight deleted since', async () => {
  await ensureExported('export-web-annotation');
  const edited = { ...HIGHLIGHTS[0], note: 'Edited after the export', updatedAt: Date.now() };
  const deleted = { ...HIGHLIGHTS[1], deletedAt: Date.now() };
  await clearHighlights();
  await inWorker(h.context, (list) => (globalThis as any).__provenance.db.highlights.bulkPut(list), [edited, deleted, HIGHLIGHTS[2], HIGHLIGHTS[3]]);
  const status = await importFile('export-web-annotation');
  expect(status).toContain('0 added, 0 updated, 2 already here, 2 kept as they are (your copy is newer)');
  expect(await storedHighlights()).toEqual(byId([edited, deleted, HIGHLIGHTS[2], HIGHLIGHTS[3]]));
});

test('a hostile file: bad items are skipped and listed as text, good ones imported', async () => {
  const doc = {
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2,
    first: {
      type: 'AnnotationPage',
      items: [
        { type: 'Annotation', id: 'https://annotations.example/a/1', created: '2025-07-01T10:00:00Z', target: { source: 'https://other.example/p', selector: { type: 'TextQuoteSelector', exact: 'a fine passage' } } },
        { type: 'Annotation', id: '<img src=x onerror="window.__pwned=1">', target: { source: 'javascript:window.__pwned=1', selector: { type: 'TextQuoteSelector', exact: '<script>window.__pwned=1</script>' } } },
      ],
    },
  };
  await library.getByTestId('import-file').setInputFiles({ name: 'hostile.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(library.getByTestId('import-status')).toContainText('hostile.jsonld: 1 highlight read from a Web Annotation file — 1 added');
  await expect(library.getByTestId('import-status')).toContainText('1 item skipped');
  const problems = library.getByTestId('import-problems');
  await expect(problems).toContainText('Skipped $.first.items[1] (<img src=x onerror="window.__pwned=1">): the page address "javascript:window.__pwned=1" is not an absolute http(s) URL');
  expect(await library.getByTestId('export-panel').locator('img, script').count()).toBe(0);
  expect(await library.evaluate(() => (window as any).__pwned)).toBeUndefined();
  const added = (await storedHighlights()).find((x) => x.id === 'https://annotations.example/a/1');
  expect(added).toMatchObject({ url: 'https://other.example/p', quote: 'a fine passage', color: 'yellow', createdAt: Date.UTC(2025, 6, 1, 10) });
});
