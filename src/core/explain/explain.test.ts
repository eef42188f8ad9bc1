// Unit tests of the explanation core: related reports with reasons, provenance chain
// (copy of, republishes, relays), claims cross-reference, outlet view, saved copy.
// Inputs are real core outputs: pages analysed with pageFromHtml, reports made with reportFromPage.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainPage } from './explain';
import { explainWithLibrary, libraryFromPacks, type MemoryLibrary } from './library';
import { USER_PACK_ID } from './outlet';
import { articleHtml, HARBOR_HTML, HARBOR_URL, page, reportOf, STORY, testPack, WIRE_HTML, WIRE_URL } from './test-fixtures';
import type { Pack } from '../packs/types';

let lib: MemoryLibrary;
let pack: Pack;
beforeAll(() => {
  pack = testPack([reportOf(page(WIRE_HTML, WIRE_URL), 'tigris-wire', 'tigris-mosul-exit'), reportOf(page(HARBOR_HTML, HARBOR_URL), 'harbor-daily', 'harbor-mosul-exit')]);
  lib = libraryFromPacks([pack]);
});

const WIRE_TITLE = 'Islamic State fighters slip out of west Mosul as roads close';
const HARBOR_TITLE = 'Fighters leave west Mosul as the army closes in';

describe('explainPage', () => {
  it('same story: a copy elsewhere relates to both versions, says how much wording is shared, and gives the copy-of chain', async () => {
    const copy = page(articleHtml({ title: 'Mosul: the fighters go', site: 'Mirror Site', paragraphs: STORY }), 'https://mirror.example/copy');
    const out = await explainWithLibrary(copy, lib);
    expect(out.source).toBeNull();
    expect(out.host).toBe('mirror.example');
    expect(out.related.map((r) => r.title)).toEqual([WIRE_TITLE, HARBOR_TITLE]);
    for (const r of out.related) expect(r.reasons[0]).toMatch(/^Same story: about \d+ % of the wording is shared \(a copy or a lightly edited version\)$/);
    expect(out.related[0].reasons).toContain('Same figures: 300');
    expect(out.related.map((r) => r.outlet)).toEqual(['Tigris Wire', 'Harbor Daily']);
    // Copy of each, and what the syndicated copy republishes: the wire's story.
    expect(out.provenance.map((p) => p.text)).toEqual([
      `Copy of “${WIRE_TITLE}” (Tigris Wire)`,
      `Copy of “${HARBOR_TITLE}” (Harbor Daily)`,
      `Republishes Tigris Wire (through “${HARBOR_TITLE}”, republished from Tigris Wire)`,
    ]);
    expect(out.provenance.map((p) => p.kind)).toEqual(['copy-of', 'copy-of', 'republishes']);
  });

  it("same story at the outlet's own address is not a copy of itself, but the wire it republishes still shows", async () => {
    const own = page(HARBOR_HTML, 'https://www.harbordaily.example/world/mosul-fighters-leave-2');
    const out = await explainWithLibrary(own, lib);
    expect(out.source?.name).toBe('Harbor Daily');
    expect(out.source?.matchedBy).toBeUndefined(); // recognised by its own host
    expect(out.provenance.map((p) => p.text)).toEqual([
      `Copy of “${WIRE_TITLE}” (Tigris Wire)`,
      'Republishes Tigris Wire (report in your library)',
    ]);
    expect(out.related.find((r) => r.title === HARBOR_TITLE)?.reasons).toContain('Same outlet (Harbor Daily)');
  });

  it('republishes: a credited republication with new wording points to the wire report in the library', async () => {
    const html = articleHtml({
      title: 'Militants abandon western Mosul',
      site: 'Cedar Times',
      paragraphs: [
        'Islamic State militants are pulling out of western Mosul, according to Iraqi officers, as the army seals the roads leading out of the old city.',
        'An intelligence officer said the fighters crossed the Tigris river at night and left weapons depots behind in the Zanjili quarter.',
        'Traders said the group stopped collecting its monthly tax weeks ago, a sign that its grip on Mosul is weakening.',
      ],
      credit: 'This story was first published by Tigris Wire and is republished with permission.',
    });
    const out = await explainWithLibrary(page(html, 'https://cedartimes.example/2017/militants-abandon-mosul'), lib);
    expect(out.source?.name).toBe('Cedar Times');
    expect(out.provenance.map((p) => p.text)).toContain('Republishes Tigris Wire (report in your library)');
    const wire = out.related.find((r) => r.title === WIRE_TITLE);
    expect(wire?.reasons).toContain('This page relays Tigris Wire, who published this report');
  });

  it('relays, and claims that agree or differ with the stored reports', async () => {
    const html = articleHtml({
      title: 'Mosul update',
      site: 'Cedar Times',
      paragraphs: [
        'Islamic State militants are leaving Mosul, Tigris Wire reported on Tuesday, citing an Iraqi intelligence officer.',
        'About 500 foreign fighters crossed the river at night in small boats, an Iraqi intelligence officer said.',
        'The militants burned documents in two former government buildings before leaving, the officer said.',
        'Iraqi army units have closed the roads out of the old city, and residents described empty checkpoints of the Islamic State group.',
      ],
    });
    const out = await explainWithLibrary(page(html, 'https://news.cedar.example/mosul-update'), lib);
    expect(out.source?.name).toBe('Cedar Times'); // by a listed subdomain
    expect(out.provenance.map((p) => p.text)).toContain('Relays Tigris Wire (report in your library)');
    expect(out.provenance.find((p) => p.kind === 'relays')?.reportId).toBe(pack.reports[0].id);
    const fighters = out.claims.find((c) => c.quantity === 500);
    expect(fighters?.elsewhere.map((e) => e.relation)).toContain('differs');
    expect(fighters?.elsewhere).toContainEqual(expect.objectContaining({ title: WIRE_TITLE, outlet: 'Tigris Wire', relation: 'differs' }));
    expect(fighters?.elsewhere.every((e) => e.otherText.includes('About 300 foreign fighters'))).toBe(true);
    const buildings = out.claims.find((c) => c.quantity === 2);
    expect(buildings?.elsewhere.map((e) => e.relation)).toContain('agrees');
  });

  it("the user's saved copy of this very page is reported as saved, not related", async () => {
    const userPage = page(WIRE_HTML, 'https://tigriswire.example/2017/03/fighters-leave-west-mosul');
    const saved = { ...reportOf(userPage, 'tigris-wire') };
    const withSaved = libraryFromPacks([pack, { ...testPack([saved]), id: USER_PACK_ID, name: 'Your library', sources: [] }]);
    const out = await explainWithLibrary(userPage, withSaved);
    expect(out.savedReportId).toBe(saved.id);
    expect(out.related.map((r) => r.reportId)).not.toContain(saved.id);
    expect(out.related.map((r) => r.title)).toContain(WIRE_TITLE);
  });

  it('off-topic or quick-pass pages get the outlet only', () => {
    const quick = { ...page(WIRE_HTML, WIRE_URL), stage: 'quick' as const };
    const out = explainPage({ page: quick, outlets: lib.outlets, packNames: lib.packNames });
    expect(out).toEqual({ source: expect.objectContaining({ name: 'Tigris Wire', origin: 'Test pack' }), host: 'tigriswire.example', related: [], provenance: [], sourcing: null, claims: [] });
  });

  it('recognises the outlet by canonical link or site name when the host is unknown, and says so', () => {
    const p = page(WIRE_HTML, 'http://127.0.0.1:8080/wire.html');
    expect(explainPage({ page: p, outlets: lib.outlets, packNames: lib.packNames }).source).toMatchObject({ name: 'Tigris Wire', matchedBy: 'site-name' });
    const canon = { ...p, canonicalUrl: 'https://www.TigrisWire.example/x' };
    expect(explainPage({ page: canon, outlets: lib.outlets, packNames: lib.packNames }).source).toMatchObject({ name: 'Tigris Wire', matchedBy: 'canonical' });
  });
});
