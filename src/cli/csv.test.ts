/** The CLI's RFC 4180 reader and the outlet CSV import: quoting, line numbers, bad rows. */
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';
import { outletsFromCsv } from './outlets-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and keeps start lines', () => {
    const recs = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n\nlast,,\n');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });
  it('a record without a final line break is kept', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });
  it('malformed input throws with the line', () => {
    expect(() => parseCsv('a\nb"c\n')).toThrow(CsvError);
    expect(() => parseCsv('a\nb"c\n')).toThrow(/^line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a\n"b"c\n')).toThrow(/^line 2: text after a closing quote/);
    expect(() => parseCsv('a\n\n"open\n')).toThrow(/^line 3: unterminated quoted field/);
  });
});

describe('outletsFromCsv', () => {
  it('maps the columns in any order to outlet profiles', () => {
    const { outlets, problems } = outletsFromCsv('Name,Domain,Type,Language,Country\nThe Example Post,www.example-post.test,newspaper,en; fr,GB\n');
    expect(problems).toEqual([]);
    expect(outlets).toEqual([{ id: 'example-post-test', name: 'The Example Post', domains: ['www.example-post.test'], type: 'newspaper', country: 'GB', languages: ['en', 'fr'], notes: '' }]);
  });
  it('names every bad row (header = row 1), with its line', () => {
    const { problems } = outletsFromCsv('domain,name,type\na.test,A,wire\n"b.test",,wire\nc.test,C,radio\na.test,A again,wire\nd.test,D\n');
    expect(problems.map((p) => `${p.row}/${p.line}: ${p.message.split(':')[0]}`)).toEqual(['3/3: name', '4/4: type', '5/5: domain', '6/6: expected 3 fields, got 2']);
  });
  it('a header without the required columns is refused', () => {
    expect(outletsFromCsv('site,name\nx.test,X\n').problems[0].message).toMatch(/missing column.*domain.*unknown column.*site/);
  });
});
