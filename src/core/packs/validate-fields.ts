/**
 * Pack validation, field level: the messages problems are reported with, and the valibot
 * building blocks for one field (strings with a length cap, ids, URLs, dates, languages,
 * domains). Used by validate-schemas.ts; `isIsoDate` and `isHttpUrl` are public.
 */
import * as v from 'valibot';
import { ID_PATTERN, MAX_LIST_ITEMS, MAX_URL_CHARS } from './limits';

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

export const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function show(x: unknown, max = 60): string {
  const s = typeof x === 'string' ? x : String(x);
  const cut = s.length > max ? s.slice(0, max) + '…' : s;
  return typeof x === 'string' ? JSON.stringify(cut) : cut;
}

export function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  switch (typeof x) {
    case 'string': return `a string (${show(x, 30)})`;
    case 'number': return `a number (${x})`;
    case 'boolean': return String(x);
    case 'object': return 'an object';
    default: return typeof x;
  }
}

export type Issue = v.BaseIssue<unknown>;
export const expected = (what: string) => (i: Issue) => `expected ${what}, got ${kindOf(i.input)}`;
/** Object schemas report both "not an object" and missing keys with their own message. */
export const objectMessage = (what: string) => (i: Issue) =>
  i.input === undefined && typeof i.expected === 'string' && i.expected.startsWith('"')
    ? 'required field is missing'
    : `expected ${what}, got ${kindOf(i.input)}`;
export const tooLong = (max: number) => (i: Issue) => `too long: ${num((i.input as string).length)} characters; at most ${num(max)}`;
const tooMany = (max: number) => (i: Issue) => `too many items: ${num((i.input as unknown[]).length)}; at most ${num(max)}`;

// ---------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
export const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
export const VERSION = /^\d{1,9}(?:\.\d{1,9}){0,3}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
export const FORMAT = /^provenance-pack\/(\d+)$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * ISO 8601 calendar date or date-time. `partial` also accepts "YYYY" and "YYYY-MM".
 * A date-time needs seconds-or-minutes precision and a zone (Z or ±hh:mm).
 */
export function isIsoDate(s: string, partial = false): boolean {
  let m = DATE.exec(s);
  if (m) {
    if (!partial && m[3] === undefined) return false;
    const month = m[2] === undefined ? 1 : Number(m[2]);
    if (month < 1 || month > 12) return false;
    return m[3] === undefined || (Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[1]), month));
  }
  m = DATE_TIME.exec(s);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec, oh, om] = m.map((x) => (x === undefined ? 0 : Number(x)));
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && sec <= 59 && oh <= 23 && om <= 59;
}

/** True for an absolute http: or https: URL. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
}

function urlProblem(s: string): string {
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `URL scheme "${u.protocol}" is not allowed: only http: and https: URLs`;
    return 'URL has no host';
  } catch {
    return `not an absolute URL: ${show(s)}`;
  }
}

export const str = (max: number) => v.pipe(v.string(expected('a string')), v.maxLength(max, tooLong(max)));
export const nonEmpty = (max: number) =>
  v.pipe(v.string(expected('a string')), v.maxLength(max, tooLong(max)), v.check((s) => s.trim() !== '', 'must not be empty'));
export const list = <T extends v.GenericSchema>(item: T, max = MAX_LIST_ITEMS) =>
  v.pipe(v.array(item, expected('an array')), v.maxLength(max, tooMany(max)));
export const bool = () => v.boolean(expected('true or false'));
export const obj = <E extends v.ObjectEntries>(entries: E, what = 'an object') => v.looseObject(entries, objectMessage(what));
export const oneOf = (options: readonly string[]) =>
  v.picklist(options, (i: Issue) => `must be one of ${options.map((o) => `"${o}"`).join(', ')}; got ${show(i.input)}`);

export const idSchema = (what: string) =>
  v.pipe(
    v.string(expected(`${what} id (a string)`)),
    v.regex(ID_PATTERN, (i: Issue) => `invalid ${what} id ${show(i.input)}: 1–128 characters of a-z, 0-9, ".", "_", "-", starting with a letter or digit`),
  );
export const urlSchema = () =>
  v.pipe(
    v.string(expected('a URL string')),
    v.maxLength(MAX_URL_CHARS, tooLong(MAX_URL_CHARS)),
    v.check(isHttpUrl, (i: Issue) => urlProblem(i.input as string)),
  );
export const dateSchema = (partial: boolean) =>
  v.pipe(
    v.string(expected('an ISO 8601 date string')),
    v.check(
      (s) => isIsoDate(s, partial),
      (i: Issue) =>
        `not a valid ISO 8601 date: ${show(i.input)} (use ${partial ? 'YYYY, YYYY-MM, ' : ''}YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]Z / ±hh:mm)`,
    ),
  );
export const langSchema = () =>
  v.pipe(v.string(expected('a language tag')), v.regex(LANG, (i: Issue) => `not a BCP 47 language tag: ${show(i.input)} (e.g. "en", "ar", "fr-CA")`));
export const domainSchema = () =>
  v.pipe(
    v.string(expected('a host name')),
    v.regex(DOMAIN, (i: Issue) => `not a bare lower-case host name: ${show(i.input)} (e.g. "example.com": no scheme, port or path; IDNs in punycode)`),
  );
export const finiteNumber = () => v.pipe(v.number(expected('a number')), v.finite('must be a finite number'));
