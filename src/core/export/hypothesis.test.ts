/**
 * Hypothesis interop: its client's export file is read, its two forms of one annotation
 * (API form with a bare id, JSON-LD with the https://hypothes.is/a/<id> id) become one
 * highlight, and our export in its format round-trips without loss.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypothesisAnnotation, hypothesisText, toHypothesis } from './hypothesis';
import { parseHighlightsFile } from './import-file';
import { highlightArb, sampleHighlight } from '../../../tests/support/export-arbitraries';
import { fromWebAnnotation } from './web-annotation';
import type { HighlightRecord } from './types';

/** One annotation as the Hypothesis API writes it (fields as documented for GET /api/annotations/{id}). */
const apiForm = {
  id: 'Xk3dQm9fEe-vKyO2aUq1xA',
  created: '2025-04-02T08:15:30.123456+00:00',
  updated: '2025-04-03T11:00:00.000000+00:00',
  user: 'acct:checker@hypothes.is',
  uri: 'https://paper.example/2025/04/raid',
  text: 'Count differs from the ministry figure',
  tags: ['casualties', 'raid'],
  group: '__world__',
  permissions: { read: ['group:__world__'] },
  target: [{
    source: 'https://paper.example/2025/04/raid',
    selector: [
      { type: 'RangeSelector', endOffset: 40, startOffset: 8, endContainer: '/div[1]/p[2]', startContainer: '/div[1]/p[2]' },
      { type: 'TextPositionSelector', start: 812, end: 846 },
      { type: 'TextQuoteSelector', exact: 'twelve people 😢 died in the raid', prefix: 'officials said ', suffix: ' on Tuesday' },
    ],
  }],
  document: { title: ['Raid near the border'] },
  links: {
    html: 'https://hypothes.is/a/Xk3dQm9fEe-vKyO2aUq1xA',
    incontext: 'https://hyp.is/Xk3dQm9fEe-vKyO2aUq1xA/paper.example/2025/04/raid',
    json: 'https://hypothes.is/api/annotations/Xk3dQm9fEe-vKyO2aUq1xA',
  },
  flagged: false,
  hidden: false,
};

/** The same annotation in Hypothesis's JSON-LD form. */
const jsonLdForm = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  id: 'https://hypothes.is/a/Xk3dQm9fEe-vKyO2aUq1xA',
  created: '2025-04-02T08:15:30.123456+00:00',
  modified: '2025-04-03T11:00:00.000000+00:00',
  creator: 'acct:checker@hypothes.is',
  body: [
    { type: 'TextualBody', value: 'Count differs from the ministry figure', format: 'text/markdown' },
    { type: 'TextualBody', value: 'casualties', purpose: 'tagging' },
    { type: 'TextualBody', value: 'raid', purpose: 'tagging' },
  ],
  target: [{ source: 'https://paper.example/2025/04/raid', selector: apiForm.target[0].selector }],
};

const clientExport = { export_date: '2025-05-01T10:00:00.000Z', export_userid: 'acct:checker@hypothes.is', client_version: '1.1500.0', annotations: [apiForm] };

describe('Hypothesis client export file', () => {
  it('is read (it was refused as "not a Web Annotation document")', () => {
    const r = parseHighlightsFile(JSON.stringify(clientExport));
    expect(r.format).toBe('hypothesis');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.highlights).toHaveLength(1);
    const h = r.highlights[0];
    expect(h.id).toBe('https://hypothes.is/a/Xk3dQm9fEe-vKyO2aUq1xA');
    expect(h.url).toBe('https://paper.example/2025/04/raid');
    expect(h.note).toBe('Count differs from the ministry figure');
    expect(h.tags).toEqual(['casualties', 'raid']);
    expect(h.pageTitle).toBe('Raid near the border');
    // The Hypothesis client counts UTF-16 units: kept as they are.
    expect(h.selectors.position).toEqual({ type: 'TextPositionSelector', start: 812, end: 846 });
    expect(h.updatedAt).toBe(Date.parse('2025-04-03T11:00:00Z'));
  });

  it('API form and JSON-LD form of one annotation become ONE highlight', () => {
    const a = fromWebAnnotation(clientExport).highlights[0];
    const b = fromWebAnnotation(jsonLdForm).highlights[0];
    expect(b.id).toBe(a.id);
    expect(b.selectors).toEqual(a.selectors);
    expect(b.note).toBe(a.note);
    expect(b.tags).toEqual(a.tags);
    const both = parseHighlightsFile(JSON.stringify([jsonLdForm, { ...apiForm }]));
    expect(both.highlights).toHaveLength(1);
  });

  it('a Hypothesis file goes import → export → import with nothing lost', () => {
    const first = parseHighlightsFile(JSON.stringify(clientExport)).highlights;
    const out = JSON.parse(hypothesisText(first));
    expect(out.annotations[0]).toMatchObject({ id: apiForm.id, uri: apiForm.uri, text: apiForm.text, tags: apiForm.tags, links: { html: apiForm.links.html, json: apiForm.links.json } });
    expect(out.annotations[0].target[0].selector).toEqual([
      { type: 'TextQuoteSelector', exact: 'twelve people 😢 died in the raid', prefix: 'officials said ', suffix: ' on Tuesday' },
      { type: 'TextPositionSelector', start: 812, end: 846 },
    ]);
    expect(parseHighlightsFile(JSON.stringify(out)).highlights).toStrictEqual(first);
  });

  it('an API-form id without Hypothesis links stays as it is', () => {
    const { links: _l, ...noLinks } = apiForm;
    expect(fromWebAnnotation({ ...clientExport, annotations: [noLinks] }).highlights[0].id).toBe('Xk3dQm9fEe-vKyO2aUq1xA');
  });
});

describe('Hypothesis-format export', () => {
  it('writes the client export shape with API-form annotations', () => {
    const f = toHypothesis([sampleHighlight({ note: 'A note' })], { now: new Date(Date.UTC(2025, 5, 1)) }) as any;
    expect(Object.keys(f)).toEqual(['export_date', 'export_userid', 'client_version', 'annotations']);
    expect(f.export_date).toBe('2025-06-01T00:00:00.000Z');
    const a = f.annotations[0];
    for (const k of ['id', 'created', 'updated', 'uri', 'text', 'tags', 'target', 'document']) expect(a).toHaveProperty(k);
    expect(a.text).toBe('A note');
    expect(a.target[0].source).toBe(a.uri);
    expect(a.target[0].selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a.document).toEqual({ title: ['Trial of Mosul recruiters opens'] });
    expect(a.links).toBeUndefined(); // not a Hypothesis annotation
  });

  it('gives a Hypothesis annotation back its bare id and links', () => {
    const h = fromWebAnnotation(clientExport).highlights[0];
    const a = hypothesisAnnotation(h);
    expect(a.id).toBe(apiForm.id);
    expect(a.links).toEqual({ html: apiForm.links.html, incontext: `https://hyp.is/${apiForm.id}/${apiForm.uri}`, json: apiForm.links.json });
  });

  // Some ids as Hypothesis's own, so both kinds go through.
  const mixed: fc.Arbitrary<HighlightRecord[]> = fc
    .uniqueArray(fc.tuple(highlightArb, fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), { nil: undefined })), { minLength: 1, maxLength: 6, selector: ([h, hid]) => hid ?? h.id })
    .map((pairs) => pairs.map(([h, hid]) => (hid ? { ...h, id: `https://hypothes.is/a/${hid}` } : h)))
    .filter((hs) => new Set(hs.map((h) => h.id)).size === hs.length);

  it('round-trips: export → import → export → import loses nothing (400 runs)', () => {
    fc.assert(
      fc.property(mixed, (highlights) => {
        const now = new Date(Date.UTC(2025, 0, 1));
        const text = hypothesisText(highlights, { now });
        const back = parseHighlightsFile(text);
        expect(back.problems).toEqual([]);
        expect(back.highlights).toStrictEqual(highlights);
        const again = hypothesisText(back.highlights, { now });
        expect(again).toBe(text);
        expect(parseHighlightsFile(again).highlights).toStrictEqual(highlights);
      }),
      { numRuns: 400 },
    );
  });
});
