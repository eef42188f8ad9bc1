import { describe, expect, it } from 'vitest';
import { validatePack } from '../packs/validate';
import type { ReportRecord, SourceProfile } from '../packs/types';
import { parseHighlightsFile } from './import-file';
import { fromOwnFormat, ownFormatText, toOwnFormat } from './own-format';
import { sampleHighlight } from '../../../tests/support/export-arbitraries';
import { MAX_PACK_BYTES } from '../packs/limits';

const NOW = new Date(Date.UTC(2025, 3, 5, 12));

const outlet: SourceProfile = { id: 'acme.sahel-daily', name: 'Sahel Daily', domains: ['saheldaily.example'], type: 'newspaper', country: 'ML', languages: ['fr'], notes: '' };
const report: ReportRecord = {
  id: 'user.convoy', title: 'Convoy attacked near the border', sourceId: 'acme.sahel-daily', url: 'https://saheldaily.example/convoy',
  published: '2025-02-27', lang: 'fr', summary: 'Saved by the user.', tags: [], section: 'Afrique',
} as ReportRecord;

describe('own format export', () => {
  it('is a valid pack carrying the saved reports, their outlets and the highlights', () => {
    const h = sampleHighlight({ note: 'Check with the ministry', dir: 'ltr', anchor: { status: 'fuzzy', at: Date.UTC(2025, 2, 3), reason: 'x' } });
    const pack = toOwnFormat({ reports: [report], sources: [outlet], highlights: [h], now: NOW });
    const v = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(v.ok).toBe(true);
    expect(pack.format).toBe('provenance-pack/1');
    expect(pack.reports[0]).toEqual(report); // unknown fields (section) kept
    expect(pack.highlights).toEqual([
      {
        id: h.id, url: h.url, pageTitle: h.pageTitle, quote: h.quote,
        selectors: { quote: h.selectors.quote, position: h.selectors.position },
        note: 'Check with the ministry', tags: ['trials', 'mosul'], color: 'green', dir: 'ltr',
        created: '2025-03-01T09:30:00.000Z', updated: '2025-03-02T10:00:00.000Z',
        anchor: { status: 'fuzzy', at: '2025-03-03T00:00:00.000Z', reason: 'x' },
      },
    ]);
  });

  it('with only highlights is still a valid pack (with a warning)', () => {
    const v = validatePack(JSON.parse(ownFormatText({ reports: [], sources: [], highlights: [sampleHighlight()], now: NOW })));
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.message)).toContain('the pack has no sources and no reports');
  });
});

describe('own format import', () => {
  it('reads highlights item by item: a bad one is reported and skipped', () => {
    const good = JSON.parse(ownFormatText({ reports: [], sources: [], highlights: [sampleHighlight()], now: NOW }));
    const first = good.highlights[0];
    good.highlights = [
      { ...first, id: 'a' },
      { ...first, id: 'b', url: 'file:///etc/passwd' },
      'not a highlight',
      { ...first, id: 'c', selectors: undefined }, // the quote alone is enough
      { ...first, id: 'd', quote: undefined, selectors: {} },
      { ...first, id: 'e', createdAt: 1700000000000, created: undefined, updated: undefined, color: 'teal' }, // times as ms are read too
    ];
    const r = fromOwnFormat(good, { now: 5 });
    expect(r.highlights.map((h) => h.id)).toEqual(['a', 'c', 'e']);
    expect(r.highlights[1].selectors).toEqual({ quote: { type: 'TextQuoteSelector', exact: first.quote, prefix: '', suffix: '' } });
    expect(r.highlights[2]).toMatchObject({ createdAt: 1700000000000, updatedAt: 1700000000000, color: 'yellow' });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.id])).toEqual([
      ['$.highlights[1]', 'b'],
      ['$.highlights[2]', undefined],
      ['$.highlights[4]', 'd'],
    ]);
    expect(r.problems.find((p) => p.id === 'e')!.message).toMatch(/colour "teal"/);
  });

  it('imports the highlights of a pack whose reports are invalid, and says so', () => {
    const pack = JSON.parse(ownFormatText({ reports: [report], sources: [], highlights: [sampleHighlight()], now: NOW }));
    const r = fromOwnFormat(pack);
    expect(r.packValid).toBe(false);
    expect(r.reports).toBe(1);
    expect(r.highlights).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', path: '$.reports[0].sourceId' });
  });

  it('refuses a highlights field that is not a list', () => {
    const r = fromOwnFormat({ format: 'provenance-pack/1', highlights: { id: 'x' } });
    expect(r.highlights).toEqual([]);
    expect(r.problems).toContainEqual({ path: '$.highlights', severity: 'error', message: 'expected a list of highlights, got an object' });
  });
});

describe('parseHighlightsFile', () => {
  const text = ownFormatText({ reports: [report], sources: [outlet], highlights: [sampleHighlight()], now: NOW });

  it('recognises our pack and Web Annotation by content, and ignores a byte-order mark', () => {
    const own = parseHighlightsFile('\uFEFF' + text);
    expect(own).toMatchObject({ format: 'provenance-pack', reports: 1, problems: [] });
    expect(own.highlights).toEqual([sampleHighlight()]);
    const wa = parseHighlightsFile(JSON.stringify({ type: 'Annotation', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: 'q' } } }));
    expect(wa.format).toBe('web-annotation');
    expect(wa.highlights).toHaveLength(1);
  });

  it('reports invalid JSON with its position, a file too large, and another pack major version', () => {
    expect(parseHighlightsFile('{"a": 1,,}').problems[0].message).toMatch(/^invalid JSON at line 1, column 9/);
    const big = parseHighlightsFile('[' + ' '.repeat(100) + ']', { maxBytes: 50 });
    expect(big.problems[0].message).toMatch(/^file is too large/);
    expect(parseHighlightsFile(' '.repeat(10)).problems[0].message).toMatch(/invalid JSON/);
    expect(parseHighlightsFile('{"format": "provenance-pack/2", "highlights": []}').problems[0].message).toMatch(/unsupported pack format/);
    expect(MAX_PACK_BYTES).toBe(50 * 1024 * 1024);
  });

  it('says when a pack has no highlights', () => {
    const r = parseHighlightsFile(JSON.stringify({ ...JSON.parse(text), highlights: undefined }));
    expect(r.highlights).toEqual([]);
    expect(r.problems).toContainEqual({ path: '$', severity: 'warning', message: 'this pack holds no highlights' });
  });

  it('keeps one copy of a highlight listed twice: the most recently modified', () => {
    const pack = JSON.parse(text);
    const older = { ...pack.highlights[0], note: 'older', updated: '2025-01-01T00:00:00.000Z', created: '2025-01-01T00:00:00.000Z' };
    const newer = { ...pack.highlights[0], note: 'newer', updated: '2025-05-01T00:00:00.000Z' };
    pack.highlights = [older, newer, older];
    const r = parseHighlightsFile(JSON.stringify(pack));
    expect(r.highlights).toHaveLength(1);
    expect(r.highlights[0].note).toBe('newer');
    expect(r.problems.filter((p) => /more than once/.test(p.message))).toHaveLength(2);
  });
});
