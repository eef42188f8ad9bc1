import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, toCsv } from './csv';
import { sampleHighlight } from '../../../tests/support/export-arbitraries';

describe('csv', () => {
  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
    expect(csvField('الدولة الإسلامية 👍')).toBe('الدولة الإسلامية 👍');
  });

  it('neutralises cells a spreadsheet would evaluate', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example","click")']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['1+1', ' =1', 'a=b', "'quoted", '']) expect(neutralizeFormula(s)).toBe(s);
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });

  it('neutralises a cell starting with NUL or any other control character (OWASP ASVS 5.0 V1.2.10)', () => {
    for (let c = 0; c < 0x20; c++) expect(neutralizeFormula(`${String.fromCharCode(c)}=1+1`)).toBe(`'${String.fromCharCode(c)}=1+1`);
    expect(neutralizeFormula('\u007F=cmd')).toBe("'\u007F=cmd");
    expect(csvField('\u0000=HYPERLINK("http://evil.example")')).toBe(`"'\u0000=HYPERLINK(""http://evil.example"")"`);
    expect(neutralizeFormula('\u00A0text')).toBe('\u00A0text');
  });

  it('writes a BOM, a header and one CRLF-terminated row per highlight', () => {
    const h = sampleHighlight({ note: 'Line one\nline two', anchor: { status: 'orphan', at: 0, reason: 'not-found' } });
    const csv = toCsv([{ highlight: h, outlet: 'Daily, "The"' }, { highlight: sampleHighlight({ id: 'x', tags: [], pageTitle: undefined }) }]);
    expect(csv).toBe(
      '\uFEFFpage url,page title,outlet,quote,note,tags,colour,created,anchor,highlight id,archived copy\r\n' +
        'https://news.example/2025/03/01/mosul-trial,Trial of Mosul recruiters opens,"Daily, ""The""",the court heard from three witnesses,"Line one\nline two",trials; mosul,green,2025-03-01T09:30:00.000Z,orphan,0b6f9a52-5c1e-4c3e-9d0a-6a1f2b3c4d5e,https://web.archive.org/web/20250301093000/https://news.example/2025/03/01/mosul-trial\r\n' +
        'https://news.example/2025/03/01/mosul-trial,,,the court heard from three witnesses,,,green,2025-03-01T09:30:00.000Z,,x,https://web.archive.org/web/20250301093000/https://news.example/2025/03/01/mosul-trial\r\n',
    );
  });
});
