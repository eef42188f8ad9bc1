/**
 * A small, strict RFC 4180 parser for the tests (unit and end-to-end): CRLF or LF
 * records, quoted fields with doubled quotes and line breaks. Throws on malformed input
 * (a quote inside an unquoted field, text after a closing quote, a bare CR, an unterminated
 * quoted field). Test-only.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (!atFieldStart) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      atFieldStart = false;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`a bare CR outside quotes at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      atFieldStart = false;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (!atFieldStart || field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

