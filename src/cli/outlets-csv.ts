/**
 * Outlet profiles from a CSV file for `pack build --from-pages --outlets FILE.csv`: a header
 * row naming the columns domain, name, type, country, language, owner, notes (any order,
 * any case; language may list several tags separated by ";" or spaces), one outlet per row.
 * Every bad row is reported with its row number (the header is row 1) and line; the caller
 * then writes nothing.
 */
import { OUTLET_TYPES, type OutletProfile } from '../core/model';
import { parseCsv } from './csv';

export const OUTLET_COLUMNS = ['domain', 'name', 'type', 'country', 'language', 'owner', 'notes'] as const;
const REQUIRED = ['domain', 'name', 'type'] as const;

export interface CsvProblem {
  row: number;
  line: number;
  message: string;
}

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A source id from a domain: "www.al-example.com" → "al-example-com". */
export function outletIdOf(domain: string): string {
  return domain.replace(/^www\./, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'outlet';
}

export function outletsFromCsv(text: string): { outlets: OutletProfile[]; problems: CsvProblem[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    const line = (e as { line?: number }).line ?? 0;
    return { outlets: [], problems: [{ row: 0, line, message: (e as Error).message }] };
  }
  if (!records.length) return { outlets: [], problems: [{ row: 1, line: 1, message: 'empty file: expected a header row' }] };
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  const unknown = header.filter((h) => !(OUTLET_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (unknown.length || missing.length) {
    const parts = [...(missing.length ? [`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`] : []), ...(unknown.length ? [`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`] : [])];
    return { outlets: [], problems: [{ row: 1, line: records[0].line, message: `header: ${parts.join('; ')} (columns: ${OUTLET_COLUMNS.join(', ')})` }] };
  }
  const col = (fields: string[], name: string) => (header.indexOf(name) >= 0 ? (fields[header.indexOf(name)] ?? '').trim() : '');
  const outlets: OutletProfile[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, k) => {
    const row = k + 2;
    const bad = (message: string) => problems.push({ row, line: rec.line, message });
    if (rec.fields.length !== header.length) return bad(`expected ${header.length} fields, got ${rec.fields.length}`);
    const domain = col(rec.fields, 'domain').toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const name = col(rec.fields, 'name');
    const type = col(rec.fields, 'type').toLowerCase();
    const langs = col(rec.fields, 'language').split(/[;\s,]+/).filter(Boolean);
    if (!HOST.test(domain)) return bad(`domain: not a host name: "${domain.slice(0, 100)}"`);
    if (seen.has(domain)) return bad(`domain: "${domain}" already given in row ${seen.get(domain)}`);
    if (!name) return bad('name: must not be empty');
    if (name.length > 2000) return bad('name: too long');
    if (!(OUTLET_TYPES as readonly string[]).includes(type)) return bad(`type: must be one of ${OUTLET_TYPES.join(', ')}; got "${type.slice(0, 50)}"`);
    const badLang = langs.find((l) => !LANG.test(l));
    if (badLang) return bad(`language: not a BCP 47 language tag: "${badLang.slice(0, 50)}"`);
    const country = col(rec.fields, 'country');
    if (country.length > 100) return bad('country: too long (at most 100 characters)');
    const owner = col(rec.fields, 'owner');
    const notes = col(rec.fields, 'notes');
    if (notes.length > 2000 || owner.length > 2000) return bad('owner/notes: too long (at most 2,000 characters)');
    seen.set(domain, row);
    outlets.push({
      id: outletIdOf(domain), name, domains: [domain], type: type as OutletProfile['type'], country, languages: langs,
      ...(owner ? { ownership: owner } : {}), notes,
    });
  });
  return { outlets, problems };
}
