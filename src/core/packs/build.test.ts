import { describe, expect, it } from 'vitest';
import { buildPack, type PackSource } from './build';
import { fingerprintText } from './fingerprint';
import { serializePack } from './serialize';
import { parsePackText } from './validate';

const TEXT = `A text written for this test: the harbour authority of a small coastal town reports that a
storm damaged two piers and sank three fishing boats overnight, and that repairs will take weeks.`;

function source(): PackSource {
  return {
    header: { format: 'provenance-pack/1', id: 'built', name: 'Built pack', version: '0.1.0', publisher: 'Tests', updated: '2024-01-02', futureHeader: 'kept' },
    sources: [{ id: 'coast', name: 'Coast News', domains: ['coast.example'], type: 'regional', country: 'PT', languages: ['pt', 'en'], notes: 'Local paper.' }],
    topics: [],
    reports: [
      // Given out of order: the pack lists reports by file name.
      { file: 'reports/storm.json', json: { id: 'storm', title: 'Storm', sourceId: 'coast', lang: 'en', summary: 'Piers damaged.', tags: ['storm'], futureField: 1 }, text: TEXT, textFile: 'reports/storm.txt' },
      { file: 'reports/calm.json', json: { id: 'calm', title: 'Calm', sourceId: 'coast', lang: 'en', summary: 'Nothing happened.', tags: [], text: 'An inline text about calm seas and quiet harbours all week long.' } },
      { file: 'reports/bare.json', json: { id: 'bare', title: 'Bare', sourceId: 'coast', lang: 'en', summary: 'No text.', tags: [] } },
    ],
  };
}

describe('buildPack', () => {
  it('assembles a valid pack: header, sources, reports by file name, fingerprints of texts, no texts', () => {
    const r = buildPack(source());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.fingerprinted).toBe(2);
    expect(r.pack.reports.map((x) => x.id)).toEqual(['bare', 'calm', 'storm']);
    const [bare, calm, storm] = r.pack.reports;
    expect(storm.fingerprint).toEqual(fingerprintText(TEXT, 'en'));
    expect(calm.fingerprint).toEqual(fingerprintText('An inline text about calm seas and quiet harbours all week long.'));
    expect(bare.fingerprint).toBeUndefined();
    for (const rep of r.pack.reports) expect(rep.text).toBeUndefined();
    expect(r.json).not.toContain('harbour authority');
    expect((storm as unknown as Record<string, unknown>).futureField).toBe(1);
    expect(r.pack.futureHeader).toBe('kept');
    // The output is what it says it is, and re-validates.
    expect(r.json).toBe(serializePack(r.pack));
    expect(r.bytes).toBe(Buffer.byteLength(r.json));
    const again = parsePackText(r.json);
    expect(again.ok && again.pack).toEqual(r.pack);
  });

  it('copies texts only with includeText; skips fingerprints with fingerprints: false', () => {
    const withText = buildPack(source(), { includeText: true });
    expect(withText.ok && withText.pack.reports.find((x) => x.id === 'storm')?.text).toBe(TEXT);
    const noFp = buildPack(source(), { fingerprints: false });
    expect(noFp.ok && noFp.fingerprinted).toBe(0);
    expect(noFp.ok && noFp.pack.reports.every((x) => x.fingerprint === undefined)).toBe(true);
  });

  it('keeps a given fingerprint when there is no text, replaces it when there is', () => {
    const src = source();
    const given = fingerprintText('something else entirely, written here for the test');
    (src.reports[2].json as Record<string, unknown>).fingerprint = given;
    (src.reports[0].json as Record<string, unknown>).fingerprint = given;
    const r = buildPack(src);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.pack.reports.find((x) => x.id === 'bare')?.fingerprint).toEqual(given);
    expect(r.pack.reports.find((x) => x.id === 'storm')?.fingerprint).toEqual(fingerprintText(TEXT));
  });

  it('refuses folder mistakes and invalid content, naming the file of each problem', () => {
    const src = source();
    (src.header as Record<string, unknown>).reports = [];
    src.reports[0].file = 'reports/storm-2016.json';
    (src.reports[1].json as Record<string, unknown>).sourceId = 'nowhere';
    src.reports[1].text = 'also a text file';
    src.reports[1].textFile = 'reports/calm.txt';
    (src.sources as Record<string, unknown>[])[0].type = 'pamphlet';
    const r = buildPack(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      'pack.json: $.reports: "reports" does not belong in pack.json: put it in reports/<id>.json',
      'reports/calm.json: $.text: the text is given twice: in the record and in reports/calm.txt',
      'reports/storm-2016.json: $.id: the file of report "storm" must be named storm.json',
      'reports/calm.json: $.sourceId: unknown source "nowhere": no source in this pack has this id',
      expect.stringMatching(/^sources\.json: \$\[0\]\.type: must be one of/),
    ]);
  });

  it('refuses a pack over the size limit', () => {
    const r = buildPack(source(), { maxBytes: 500 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0].message).toMatch(/^pack is too large: \d[\d,]* bytes/);
  });
});

describe('serializePack', () => {
  it('round-trips any JSON value and keeps short lists on one line', () => {
    const value = { a: [1, 2, 3], b: ['x', 'y'], long: Array.from({ length: 30 }, (_, i) => `item-${i}`), nested: { e: {}, f: [], g: [{ h: null }] }, ar: 'داعش', q: '"\\\n' };
    const text = serializePack(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain('"b": ["x", "y"]');
    expect(text).toContain('"long": [\n');
    expect(text).toContain('داعش');
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializePack(value, { compact: true })).toBe(JSON.stringify(value) + '\n');
    const fp = fingerprintText(TEXT);
    expect(serializePack({ fp }).split('\n').filter((l) => l.includes('"minhash"'))).toHaveLength(1);
  });
});
