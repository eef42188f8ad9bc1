/**
 * A small RFC 4180 CSV reader for the CLI (outlet profiles from a spreadsheet): CRLF or LF
 * records, quoted fields with doubled quotes and line breaks, a leading byte-order mark
 * dropped. Each record keeps the line it starts on, so a bad row can be named. Malformed
 * input (a quote inside an unquoted field, text after a closing quote, an unterminated
 * quoted field) throws a CsvError with the line number.
 */
export class CsvError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let fieldStart = true;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
    fieldStart = true;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && fieldStart) {
      const open = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(open, 'unterminated quoted field');
        const d = text[i];
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      fieldStart = false;
      const n = text[i];
      if (i < text.length && n !== ',' && n !== '\n' && !(n === '\r' && text[i + 1] === '\n')) throw new CsvError(line, 'text after a closing quote');
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      endRecord();
      i += c === '\r' ? 2 : 1;
      line++;
      start = line;
    } else {
      if (c === '"') throw new CsvError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      field += c;
      fieldStart = false;
      i++;
    }
  }
  if (!fieldStart || field || fields.length) endRecord();
  return out;
}
