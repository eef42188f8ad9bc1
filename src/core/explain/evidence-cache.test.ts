// Unit tests of the page-evidence cache (worked out once per page and outlets array, again
// when the page's text or the outlets change) and of explainRelated (the related reports and
// provenance without the claims, the same as explainPage's).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EvidenceCache } from './evidence-cache';
import { explainPage, explainRelated, outletNamesOf, pageEvidence } from './explain';
import { libraryFromPacks, memoryCandidateSource, type MemoryLibrary } from './library';
import { articleHtml, HARBOR_HTML, HARBOR_URL, page, reportOf, STORY, testPack, WIRE_HTML, WIRE_URL } from './test-fixtures';
import { selectCandidates } from '../match/candidates';

let lib: MemoryLibrary;
beforeAll(() => {
  lib = libraryFromPacks([testPack([reportOf(page(WIRE_HTML, WIRE_URL), 'tigris-wire', 'tigris-mosul-exit'), reportOf(page(HARBOR_HTML, HARBOR_URL), 'harbor-daily', 'harbor-mosul-exit')])]);
});

const relayPage = () =>
  page(
    articleHtml({ title: 'Mosul exit', site: 'Lake Post', paragraphs: [...STORY.slice(0, 2), 'Tigris Wire reported that the last roads were closed on Tuesday, citing two officers.'] }),
    'https://lakepost.example/mosul-exit',
  );

describe('EvidenceCache', () => {
  it('works a page out once and reuses it for the same text and outlets', () => {
    const compute = vi.fn(pageEvidence);
    const cache = new EvidenceCache(4, compute);
    const p = relayPage();
    const a = cache.get(p, lib.outlets);
    const b = cache.get({ ...p }, lib.outlets);
    expect(b).toBe(a);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(a.relays.map((r) => r.sourceId)).toEqual(['tigris-wire']);
    expect(a.withClaims).toBe(true);
    expect(a.claims.length).toBeGreaterThan(0);
  });

  it('works the page out again when its text changes, and the new text gives the new evidence', () => {
    const cache = new EvidenceCache();
    const p = relayPage();
    const a = cache.get(p, lib.outlets);
    const edited = { ...p, text: p.text.replace(/Tigris Wire reported[^.]*\./, 'The last roads were closed on Tuesday.') };
    const b = cache.get(edited, lib.outlets);
    expect(cache.computed).toBe(2);
    expect(b).not.toBe(a);
    expect(b.relays).toEqual([]);
    expect(b.minhash).not.toEqual(a.minhash);
    // The first text is still held.
    expect(cache.get(p, lib.outlets)).toBe(a);
    expect(cache.computed).toBe(2);
  });

  it('works the page out again against another outlets array (outlets edited or re-read)', () => {
    const cache = new EvidenceCache();
    const p = relayPage();
    const a = cache.get(p, lib.outlets);
    // The wire's profile renamed: the relay is no longer recognised by its old name.
    const renamed = lib.outlets.map((o) => (o.id === 'tigris-wire' ? { ...o, name: 'Basin Agency', aliases: [] } : o));
    const b = cache.get(p, renamed);
    expect(b).not.toBe(a);
    expect(cache.computed).toBe(2);
    expect(b.relays).toEqual([]);
  });

  it('an entry without claims serves a related query, not a full one, which replaces it', () => {
    const compute = vi.fn(pageEvidence);
    const cache = new EvidenceCache(4, compute);
    const p = relayPage();
    const slim = cache.get(p, lib.outlets, { claims: false });
    expect(slim.withClaims).toBe(false);
    expect(slim.claims).toEqual([]);
    expect(cache.get(p, lib.outlets, { claims: false })).toBe(slim);
    const full = cache.get(p, lib.outlets);
    expect(full.withClaims).toBe(true);
    expect(compute).toHaveBeenCalledTimes(2);
    // The full entry now serves both.
    expect(cache.get(p, lib.outlets, { claims: false })).toBe(full);
    expect(cache.get(p, lib.outlets)).toBe(full);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps at most `max` pages, least recently used out first', () => {
    const cache = new EvidenceCache(2);
    const pages = [0, 1, 2].map((i) => ({ ...relayPage(), url: `https://lakepost.example/p${i}` }));
    cache.get(pages[0], lib.outlets);
    cache.get(pages[1], lib.outlets);
    cache.get(pages[0], lib.outlets); // p0 used again: p1 is now the oldest
    cache.get(pages[2], lib.outlets);
    expect(cache.computed).toBe(3);
    cache.get(pages[0], lib.outlets);
    expect(cache.computed).toBe(3);
    cache.get(pages[1], lib.outlets);
    expect(cache.computed).toBe(4);
  });
});

describe('outletNamesOf', () => {
  it('gives one array per outlets array, so the analyser keeps its index of names', () => {
    expect(outletNamesOf(lib.outlets)).toBe(outletNamesOf(lib.outlets));
    expect(outletNamesOf([...lib.outlets])).not.toBe(outletNamesOf(lib.outlets));
    expect(outletNamesOf(lib.outlets).map((o) => o.sourceId)).toEqual(lib.outlets.map((o) => o.id));
  });
});

describe('explainRelated', () => {
  it('gives the same related reports and provenance as explainPage, without working out claims', async () => {
    const p = relayPage();
    const { outlets, packNames } = lib;
    const full = pageEvidence(p, outlets);
    const slim = pageEvidence(p, outlets, { claims: false });
    expect(slim.relays).toEqual(full.relays);
    expect(slim.minhash).toEqual(full.minhash);
    const candidates = await selectCandidates(memoryCandidateSource(lib), p, full.minhash, full.relays.map((r) => r.sourceId));
    const whole = explainPage({ page: p, outlets, packNames, evidence: full, candidates });
    const related = explainRelated({ page: p, outlets, packNames, evidence: slim, candidates });
    expect(whole.related.length).toBeGreaterThan(0);
    expect(related.related).toEqual(whole.related.map((r) => ({ ...r })));
    expect(related.provenance).toEqual(whole.provenance);
    expect(related.provenance.map((x) => x.kind)).toContain('relays');
  });

  it('explainPage given evidence without claims works the claims out', async () => {
    const p = relayPage();
    const { outlets, packNames } = lib;
    const slim = pageEvidence(p, outlets, { claims: false });
    const out = explainPage({ page: p, outlets, packNames, evidence: slim });
    expect(out.claims.length).toBe(pageEvidence(p, outlets).claims.slice(0, 30).length);
    expect(out.claims.length).toBeGreaterThan(0);
  });
});
