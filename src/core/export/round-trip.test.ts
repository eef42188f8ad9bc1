/**
 * Property tests: generated highlights (Arabic/RTL text, emoji and surrogate pairs, lone
 * surrogates, quotes with line breaks, double quotes, commas, Markdown and HTML, formulas;
 * tags, notes, colours, dates) survive every lossless format unchanged, and the CSV holds
 * exactly the expected fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archiveUrl } from './archive';
import { FORMULA_START, toCsv } from './csv';
import { parseHighlightsFile } from './import-file';
import { ownFormatText } from './own-format';
import { highlightsArb } from '../../../tests/support/export-arbitraries';
import { parseCsv } from '../../../tests/support/csv-parser';
import { fromWebAnnotation, webAnnotationText } from './web-annotation';

const RUNS = 500;

describe('round trips', () => {
  it(`Web Annotation: export → JSON text → import gives the same records (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(highlightsArb(), (highlights) => {
        const text = webAnnotationText(highlights, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
        const back = fromWebAnnotation(JSON.parse(text));
        expect(back.problems).toEqual([]);
        expect(back.highlights).toStrictEqual(highlights);
        // And through the file reader the UI uses.
        const file = parseHighlightsFile(text);
        expect(file.format).toBe('web-annotation');
        expect(file.highlights).toStrictEqual(highlights);
      }),
      { numRuns: RUNS },
    );
  });

  it(`own format: export → import gives the same records (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(highlightsArb(), (highlights) => {
        const text = ownFormatText({ reports: [], sources: [], highlights, now: new Date(Date.UTC(2025, 0, 2)) });
        const back = parseHighlightsFile(text);
        expect(back.format).toBe('provenance-pack');
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(back.highlights).toStrictEqual(highlights);
      }),
      { numRuns: RUNS },
    );
  });

  it(`CSV: export → RFC 4180 parse gives every field, formulas neutralised (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(highlightsArb(), fc.string({ unit: 'grapheme', maxLength: 20 }), (highlights, outlet) => {
        const csv = toCsv(highlights.map((highlight) => ({ highlight, outlet })));
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const rows = parseCsv(csv.slice(1));
        expect(rows.length).toBe(highlights.length + 1);
        expect(rows[0]).toEqual(['page url', 'page title', 'outlet', 'quote', 'note', 'tags', 'colour', 'created', 'anchor', 'highlight id', 'archived copy']);
        highlights.forEach((h, i) => {
          const expected = [
            h.url, h.pageTitle ?? '', outlet, h.quote, h.note ?? '', h.tags.join('; '), h.color,
            new Date(h.createdAt).toISOString(), h.anchor?.status ?? '', h.id, archiveUrl(h.url, h.createdAt) ?? '',
          ];
          const row = rows[i + 1];
          expect(row.length).toBe(expected.length);
          row.forEach((cell, k) => {
            const want = expected[k];
            const risky = FORMULA_START.test(want);
            expect(cell).toBe(risky ? `'${want}` : want);
            // No cell a spreadsheet would evaluate.
            expect(FORMULA_START.test(cell)).toBe(false);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseCsv (the test parser itself)', () => {
  it('reads quoted fields, doubled quotes and line breaks, and refuses malformed input', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"f\r\ng",h\r\n')).toEqual([['a', 'b,c', 'd"e'], ['f\r\ng', 'h']]);
    expect(() => parseCsv('a,"b\r\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/inside an unquoted/);
  });
});
