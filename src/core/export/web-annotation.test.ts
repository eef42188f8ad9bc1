import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleHighlight } from '../../../tests/support/export-arbitraries';
import { MAX_QUOTE_CHARS } from './types';
import { annotationIdOf, fromWebAnnotation, highlightIdOf, NS, toWebAnnotation } from './web-annotation';

const NOW = Date.UTC(2025, 5, 1);

describe('toWebAnnotation', () => {
  it('writes an AnnotationCollection with one embedded AnnotationPage', () => {
    const h1 = sampleHighlight();
    const h2 = sampleHighlight({ id: 'b1c2d3e4-0000-4000-8000-000000000002', note: 'Check the count', tags: [], color: 'pink', dir: 'rtl', reportId: 'user.trial-1' });
    const c = toWebAnnotation([h1, h2], { id: 'urn:uuid:11111111-2222-4333-8444-555555555555' }) as any;
    expect(c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c.type).toBe('AnnotationCollection');
    expect(c.id).toBe('urn:uuid:11111111-2222-4333-8444-555555555555');
    expect(c.total).toBe(2);
    expect(c.first.type).toBe('AnnotationPage');
    expect(c.first.startIndex).toBe(0);
    expect(c.first.items).toHaveLength(2);
    // SHOULDs of the model (§5.1, §5.2): the collection's last page, the page's collection.
    expect(c.last).toBe(c.first.id);
    expect(c.first.partOf).toBe(c.id);

    const [a, b] = c.first.items;
    expect(a).toEqual({
      id: 'urn:uuid:0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e',
      type: 'Annotation',
      created: '2025-03-01T09:30:00.000Z',
      modified: '2025-03-02T10:00:00.000Z',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', value: 'trials', format: 'text/plain', purpose: 'tagging' },
        { type: 'TextualBody', value: 'mosul', format: 'text/plain', purpose: 'tagging' },
      ],
      target: {
        source: 'https://news.example/2025/03/01/mosul-trial',
        state: {
          type: 'TimeState',
          sourceDate: '2025-03-01T09:30:00.000Z',
          cached: 'https://web.archive.org/web/20250301093000/https://news.example/2025/03/01/mosul-trial',
        },
        selector: [
          { type: 'TextQuoteSelector', exact: 'the court heard from three witnesses', prefix: 'On Monday ', suffix: ' who described' },
          { type: 'TextPositionSelector', start: 120, end: 156 },
        ],
      },
      [NS.color]: 'green',
      [NS.pageTitle]: 'Trial of Mosul recruiters opens',
    });
    expect(a['@context']).toBeUndefined(); // inherited from the collection
    expect(b.motivation).toBe('commenting');
    expect(b.body).toEqual([{ type: 'TextualBody', value: 'Check the count', format: 'text/plain', purpose: 'commenting' }]);
    expect(b[NS.color]).toBe('pink');
    expect(b[NS.dir]).toBe('rtl');
    expect(b[NS.reportId]).toBe('user.trial-1');
  });

  it('writes an empty collection without a page, and a fresh urn:uuid id by default', () => {
    const c = toWebAnnotation([]) as any;
    expect(c.total).toBe(0);
    expect(c.first).toBeUndefined();
    expect(c.last).toBeUndefined();
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('maps ids to IRIs and back', () => {
    expect(annotationIdOf('0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e')).toBe('urn:uuid:0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e');
    expect(annotationIdOf('https://hypothes.is/a/AbC123')).toBe('https://hypothes.is/a/AbC123');
    expect(annotationIdOf('local id 7')).toBe('https://provenance.invalid/ns#highlight/local%20id%207');
    for (const id of ['0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e', 'https://hypothes.is/a/AbC123', 'local id 7', 'urn:uuid:not-a-uuid', 'urn:uuid:0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e', 'x\uD800y', 'https://provenance.invalid/ns#highlight/x']) {
      expect(highlightIdOf(annotationIdOf(id))).toBe(id);
    }
  });
});

describe('fromWebAnnotation', () => {
  it('reads a Hypothesis-style JSON-LD annotation: target list, Markdown note without purpose, tags', () => {
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: 'https://hypothes.is/a/Xy12_ab',
      created: '2024-11-05T08:12:44.123456+00:00',
      modified: '2024-11-06T09:00:00.000000+00:00',
      creator: 'acct:reader@hypothes.is',
      body: [
        { type: 'TextualBody', value: 'Figures differ from the *ministry* statement', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'casualties' },
      ],
      target: [
        {
          source: 'https://news.example/story#section-2',
          selector: [
            { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/main[1]/p[3]' }, endSelector: { type: 'XPathSelector', value: '/main[1]/p[3]' } },
            { type: 'TextPositionSelector', start: 1040, end: 1072 },
            { type: 'TextQuoteSelector', exact: 'at least forty people were killed', prefix: 'officials said ', suffix: ' in the' },
          ],
        },
      ],
    };
    const r = fromWebAnnotation(anno, { now: NOW });
    expect(r.problems).toEqual([]);
    expect(r.highlights).toEqual([
      {
        id: 'https://hypothes.is/a/Xy12_ab',
        url: 'https://news.example/story',
        quote: 'at least forty people were killed',
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: 'at least forty people were killed', prefix: 'officials said ', suffix: ' in the' },
          position: { type: 'TextPositionSelector', start: 1040, end: 1072 },
        },
        note: 'Figures differ from the *ministry* statement',
        tags: ['casualties'],
        color: 'yellow',
        createdAt: Date.UTC(2024, 10, 5, 8, 12, 44, 123),
        updatedAt: Date.UTC(2024, 10, 6, 9),
      },
    ]);
  });

  it('reads Hypothesis API JSON (rows with text, tags, uri, document title)', () => {
    const api = {
      total: 2,
      rows: [
        {
          id: 'Qw3rTy',
          created: '2024-02-01T10:00:00.000000+00:00',
          updated: '2024-02-01T10:05:00.000000+00:00',
          uri: 'https://paper.example/a',
          text: 'Second source needed',
          tags: ['verify', 'sahel'],
          document: { title: ['Convoy attacked near the border'] },
          target: [{ source: 'https://paper.example/a', selector: [{ type: 'TextQuoteSelector', exact: 'the convoy was ambushed', prefix: '', suffix: '' }] }],
        },
        { id: 'PageNote1', uri: 'https://paper.example/a', text: 'A page note', target: [{ source: 'https://paper.example/a' }] },
      ],
    };
    const r = fromWebAnnotation(api, { now: NOW });
    expect(r.highlights).toHaveLength(1);
    expect(r.highlights[0]).toMatchObject({ id: 'Qw3rTy', url: 'https://paper.example/a', note: 'Second source needed', tags: ['verify', 'sahel'], pageTitle: 'Convoy attacked near the border' });
    expect(r.problems).toEqual([{ path: '$.rows[1]', id: 'PageNote1', severity: 'error', message: 'the target is a whole page, not a passage (page notes are not imported as highlights)' }]);
  });

  it('accepts a page, a single annotation, an array, and embedded next pages', () => {
    const a = (n: number) => ({ type: 'Annotation', id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`, created: '2025-01-01T00:00:00Z', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: `passage ${n}` } } });
    expect(fromWebAnnotation({ type: 'AnnotationPage', items: [a(1), a(2)] }).highlights).toHaveLength(2);
    expect(fromWebAnnotation(a(3)).highlights.map((h) => h.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
    expect(fromWebAnnotation([a(4), a(5)]).highlights).toHaveLength(2);
    const paged = { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [a(1)], next: { type: 'AnnotationPage', items: [a(2), a(3)] } } };
    expect(fromWebAnnotation(paged).highlights.map((h) => h.quote)).toEqual(['passage 1', 'passage 2', 'passage 3']);
    const byRef = fromWebAnnotation({ type: 'AnnotationCollection', total: 3, first: 'https://annotations.example/page1' });
    expect(byRef.highlights).toEqual([]);
    expect(byRef.problems[0]).toMatchObject({ path: '$.first', severity: 'error' });
    expect(byRef.problems[0].message).toMatch(/separate page/);
  });

  it('reports each bad item with its path and keeps every good one', () => {
    const good = (n: number) => ({ type: 'Annotation', id: `good-${n}`, created: '2025-01-01T00:00:00Z', target: { source: 'https://x.example/p', selector: [{ type: 'TextQuoteSelector', exact: `fine ${n}` }] } });
    const items: unknown[] = [
      good(0),
      null,
      42,
      'urn:uuid:x',
      { type: 'Annotation', id: 'js', target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      { type: 'Annotation', id: 'data', target: { source: 'data:text/html,<b>x</b>', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      { type: 'Annotation', id: 'num', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: 7 } } },
      { type: 'Annotation', id: 'empty', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: '   ' } } },
      { type: 'Annotation', id: 'long', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(MAX_QUOTE_CHARS + 1) } } },
      { type: 'Annotation', id: 'noTarget' },
      { type: 'Annotation', id: 'strSel', target: { source: 'https://x.example/', selector: 'TextQuoteSelector' } },
      { type: 'Person', id: 'person' },
      good(1),
      JSON.parse('{"__proto__": {"polluted": true}, "type": "Annotation", "id": "proto", "target": {"source": "https://x.example/", "selector": {"type": "TextQuoteSelector", "exact": "proto"}}}'),
      good(2),
    ];
    const r = fromWebAnnotation({ type: 'AnnotationPage', items }, { now: NOW });
    expect(r.highlights.map((h) => h.id)).toEqual(['good-0', 'good-1', 'proto', 'good-2']);
    expect(({} as any).polluted).toBeUndefined();
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.path)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => `$.items[${i}]`));
    expect(errors.find((p) => p.id === 'js')!.message).toMatch(/not an absolute http\(s\) URL/);
    expect(errors.find((p) => p.id === 'num')!.message).toMatch(/not a string/);
    expect(errors.find((p) => p.id === 'empty')!.message).toMatch(/empty/);
    expect(errors.find((p) => p.id === 'long')!.message).toMatch(/too long/);
    expect(errors.find((p) => p.id === 'person')!.message).toMatch(/not an annotation/);
  });

  it('keeps what it can of a damaged item and says what it left out', () => {
    const r = fromWebAnnotation({
      type: 'Annotation', id: 'damaged', created: 'yesterday', modified: '2025-02-30T00:00:00Z',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: '' }, { type: 'TextualBody', purpose: 'tagging', value: 'ok' }, 'https://linked.example/body'],
      target: { source: 'https://x.example/', selector: [{ type: 'TextQuoteSelector', exact: 'kept', prefix: 5 }, { type: 'TextPositionSelector', start: 10, end: 2 }] },
      [NS.color]: 'red', [NS.dir]: 'up', [NS.reportId]: 'Not An Id', [NS.anchorStatus]: 'lost', [NS.anchorAt]: 'now',
    }, { now: NOW });
    expect(r.highlights).toHaveLength(1);
    const h = r.highlights[0];
    expect(h).toEqual({
      id: 'damaged', url: 'https://x.example/', quote: 'kept',
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'kept', prefix: '', suffix: '' } },
      tags: ['ok'], color: 'yellow', createdAt: NOW, updatedAt: NOW,
    });
    const messages = r.problems.map((p) => p.message).join('\n');
    for (const bit of ['linked resource', 'tag ""', 'prefix 5', 'TextPositionSelector ignored', 'colour "red"', 'direction "up"', 'report id', 'creation time "yesterday"', 'modification time', 'import is used', 'anchoring status']) {
      expect(messages).toContain(bit);
    }
    expect(r.problems.every((p) => p.severity === 'warning' && p.id === 'damaged')).toBe(true);
  });

  it('gives an item without an id a stable id derived from its content', () => {
    const item = { type: 'Annotation', created: '2025-01-01T00:00:00Z', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: 'same' } } };
    const a = fromWebAnnotation(item).highlights[0].id;
    expect(a).toMatch(/^import-[0-9a-f]{16}$/);
    expect(fromWebAnnotation(structuredClone(item)).highlights[0].id).toBe(a);
  });

  it('refuses documents that are not annotations, with one problem', () => {
    for (const doc of [null, 42, 'text', {}, { type: 'Person' }, { items: 'x', type: 'AnnotationPage' }]) {
      const r = fromWebAnnotation(doc);
      expect(r.highlights).toEqual([]);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].severity).toBe('error');
    }
  });

  it('lists at most 1,000 problems, then how many more', () => {
    const r = fromWebAnnotation(Array.from({ length: 1500 }, () => null));
    expect(r.problems).toHaveLength(1001);
    expect(r.problems[1000].message).toBe('…and 500 more problems not listed');
  });

  it('never throws, whatever it is given, and keeps good items next to anything (300 runs)', () => {
    const good = { type: 'Annotation', id: 'g', created: '2025-01-01T00:00:00Z', target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: 'good' } } };
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSparseArray: true }), (junk) => {
        expect(() => fromWebAnnotation(junk)).not.toThrow();
        const r = fromWebAnnotation([good, junk, { ...good, id: 'h', body: junk, target: { source: 'https://x.example/', selector: [junk, good.target.selector] } }]);
        expect(r.highlights.map((h) => h.id)).toEqual(expect.arrayContaining(['g', 'h']));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Web Annotation SHOULDs and code points', () => {
  it('always writes prefix and suffix (empty strings allowed)', () => {
    const h = sampleHighlight({ selectors: { quote: { type: 'TextQuoteSelector', exact: 'the court heard', prefix: '', suffix: '' } } });
    const a = toWebAnnotation([h], { id: 'urn:x:c' }) as any;
    const sel = a.first.items[0].target.selector[0];
    expect(sel).toEqual({ type: 'TextQuoteSelector', exact: 'the court heard', prefix: '', suffix: '' });
  });

  it('counts TextPositionSelector offsets in code points (a quote with emoji: 44 units, 41 code points) and imports them back exactly', () => {
    const exact = 'Crowds cheered 🎉 as the 🇮🇶 flag went up!!';
    expect(exact.length).toBe(44);
    expect(Array.from(exact).length).toBe(41);
    const prefix = 'Yesterday 😀 in Mosul, ';
    const h = sampleHighlight({
      quote: exact,
      selectors: { quote: { type: 'TextQuoteSelector', exact, prefix, suffix: '.' }, position: { type: 'TextPositionSelector', start: 500, end: 544 } },
    });
    const c = toWebAnnotation([h], { id: 'urn:x:c' }) as any;
    const pos = c.first.items[0].target.selector[1];
    // The prefix's emoji is one code point before the start; the quote is 41 code points.
    expect(pos).toEqual({ type: 'TextPositionSelector', start: 499, end: 540 });
    expect(fromWebAnnotation(JSON.parse(JSON.stringify(c))).highlights[0].selectors.position).toEqual({ type: 'TextPositionSelector', start: 500, end: 544 });
    // Another tool's file (no UTF-16 copy) is converted back by the same rule.
    delete c.first.items[0][NS.utf16Position];
    expect(fromWebAnnotation(c).highlights[0].selectors.position).toEqual({ type: 'TextPositionSelector', start: 500, end: 544 });
  });
});
