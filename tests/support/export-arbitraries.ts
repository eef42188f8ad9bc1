/**
 * fast-check generators of highlight records for the export tests: hostile and
 * international text (Arabic/RTL, emoji and surrogate pairs, lone surrogates, quotes,
 * commas, line breaks as in passages spanning paragraphs, Markdown and HTML syntax,
 * spreadsheet formulas). Test-only.
 */
import fc from 'fast-check';
import { ANCHOR_STATUSES, EXPORT_COLORS, type HighlightRecord } from '../../src/core/export';

const FRAGMENTS = [
  'الدولة الإسلامية', 'قال مسؤول محلي إن', '«اقتباس»', 'מקור', 'مرحبا 123',
  '👍', '👨‍👩‍👧', '🇮🇶', '𝒜𝓇𝒶𝒷𝒾𝒸', '😀😀', 'é', 'e\u0301', '\u200f', '\u202e',
  '"', "'", '""', ',', ';', '\n', '\r\n', '\n\n', '\t', ' ', '   ', '\\', '`', '*bold*', '_x_', '# heading', '> quote', '- item', '1. one',
  '[link](javascript:alert(1))', '![img](https://evil.example/t.png)', '<script>alert(1)</script>', '<b>', '&amp;', '&#106;', '| a | b |', '~~s~~', '$x$', '[[wiki]]',
  'https://evil.example/x', 'www.evil.example', '=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '=1+1',
  '%%hidden%%', '==mark==', ' ^block1', '\u0000=1', '\u0007',
  'Mosul', 'officials said', '1,200 fighters',
];

/** A lone (unpaired) surrogate: valid in a JS string and in JSON, not well-formed UTF-16. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Text built from hostile fragments and random strings (full Unicode, lone surrogates included). */
export const text = (minLength = 0): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, { weight: 1, arbitrary: loneSurrogate }), { minLength, maxLength: 8 })
    .map((parts) => parts.join(''));

const nonBlank = text(1).filter((s) => s.trim() !== '');

const time = fc.integer({ min: 0, max: 4_102_444_800_000 });

const id = fc.oneof(fc.uuid(), nonBlank.filter((s) => s.length <= 2048), fc.webUrl());

const url = fc.webUrl({ withQueryParameters: true, withFragments: false });

/** A highlight record as the store holds it (not deleted). */
export const highlightArb: fc.Arbitrary<HighlightRecord> = fc
  .record(
    {
      id,
      url,
      pageTitle: nonBlank,
      reportId: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/),
      exact: nonBlank,
      // Usually the record's quote is the selector's text; sometimes it differs.
      otherQuote: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: nonBlank }),
      prefix: text().map((s) => s.slice(0, 32)),
      suffix: text().map((s) => s.slice(0, 32)),
      position: fc.option(fc.tuple(fc.nat(1_000_000), fc.nat(5_000)), { nil: undefined }),
      note: nonBlank,
      tags: fc.array(nonBlank, { maxLength: 5 }),
      color: fc.constantFrom(...EXPORT_COLORS),
      dir: fc.constantFrom('ltr' as const, 'rtl' as const),
      createdAt: time,
      edit: fc.nat(1_000_000_000),
      anchor: fc.record({ status: fc.constantFrom(...ANCHOR_STATUSES), at: time, reason: fc.constantFrom('not-found', 'low-score', 'timeout') }, { requiredKeys: ['status', 'at'] }),
    },
    { requiredKeys: ['id', 'url', 'exact', 'prefix', 'suffix', 'tags', 'color', 'createdAt', 'edit'] },
  )
  .map((r) => {
    const h: HighlightRecord = {
      id: r.id,
      url: r.url,
      quote: r.otherQuote ?? r.exact,
      selectors: { quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix } },
      tags: r.tags,
      color: r.color,
      createdAt: r.createdAt,
      updatedAt: r.createdAt + r.edit,
    };
    if (r.position) h.selectors.position = { type: 'TextPositionSelector', start: r.position[0], end: r.position[0] + r.position[1] };
    if (r.pageTitle !== undefined) h.pageTitle = r.pageTitle;
    if (r.reportId !== undefined) h.reportId = r.reportId;
    if (r.note !== undefined) h.note = r.note;
    if (r.dir !== undefined) h.dir = r.dir;
    if (r.anchor !== undefined) h.anchor = { ...r.anchor }; // plain object (fc.record makes null-prototype ones)
    return h;
  });

/** Highlights with distinct ids (as in a store). */
export const highlightsArb = (maxLength = 6): fc.Arbitrary<HighlightRecord[]> => fc.uniqueArray(highlightArb, { minLength: 1, maxLength, selector: (h) => h.id });

/** A fixed, readable highlight for example-based tests. */
export function sampleHighlight(over: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: '0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e',
    url: 'https://news.example/2025/03/01/mosul-trial',
    pageTitle: 'Trial of Mosul recruiters opens',
    quote: 'the court heard from three witnesses',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'the court heard from three witnesses', prefix: 'On Monday ', suffix: ' who described' },
      position: { type: 'TextPositionSelector', start: 120, end: 156 },
    },
    tags: ['trials', 'mosul'],
    color: 'green',
    createdAt: Date.UTC(2025, 2, 1, 9, 30),
    updatedAt: Date.UTC(2025, 2, 2, 10, 0),
    ...over,
  };
}
