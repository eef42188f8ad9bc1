/**
 * Pack validation (format provenance-pack/1). Reports every problem with its JSON path
 * ("$.reports[3].url"), not just the first; problems that do not make a pack unusable
 * (a link to a report that may be in another pack, an outlet domain claimed twice) are
 * warnings. Fields the format does not define are not checked and are preserved: a
 * valid pack is returned as the very object that was passed in, never a copy.
 *
 * Structure, types and per-field rules are valibot schemas; what needs the whole pack
 * (duplicate ids, references, topic profiles, nesting depth) is checked afterwards on
 * the raw input, so one malformed report never hides the problems of the others.
 */
import * as v from 'valibot';
import { compileProfile } from '../detect/profile';
import {
  ID_PATTERN,
  MAX_FINGERPRINT_TERMS,
  MAX_LIST_ITEMS,
  MAX_PACK_BYTES,
  MAX_PROBLEMS,
  MAX_REPORTS,
  MAX_SOURCES,
  MAX_SUMMARY_CHARS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
  MAX_TOPICS,
  MAX_UPDATE_INTERVAL_HOURS,
  MAX_URL_CHARS,
  MIN_UPDATE_INTERVAL_HOURS,
} from './limits';
import { MINHASH_SIZE } from './fingerprint';
import { parseJson } from './json';
import { PACK_FORMAT, PACK_FORMAT_MAJOR, type ClaimQualifier, type Pack, type RelayKind, type ReportLinkType, type SourceType } from './types';

export interface Problem {
  /** JSON path of the offending value: "$", "$.reports[3].url", "$.reports[0].fingerprint.terms[\"x y\"]". */
  path: string;
  message: string;
}

export type PackValidation =
  | { ok: true; pack: Pack; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Values nested deeper than this (in fields the format does not define, too) are refused. */
export const MAX_DEPTH = 64;

export const SOURCE_TYPES: readonly SourceType[] = [
  'wire', 'newspaper', 'broadcaster', 'regional', 'syndicator', 'state-affiliated', 'magazine', 'news-site', 'blog', 'aggregator',
];
export const CLAIM_QUALIFIERS: readonly ClaimQualifier[] = [
  'exact', 'about', 'more-than', 'at-least', 'fewer-than', 'up-to', 'dozens', 'hundreds', 'thousands', 'several', 'none',
];
export const RELAY_KINDS: readonly RelayKind[] = ['quotes', 'republishes', 'cites', 'interview'];
export const REPORT_LINK_TYPES: readonly ReportLinkType[] = ['republishes', 'cites', 'same-story'];

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function show(x: unknown, max = 60): string {
  const s = typeof x === 'string' ? x : String(x);
  const cut = s.length > max ? s.slice(0, max) + '…' : s;
  return typeof x === 'string' ? JSON.stringify(cut) : cut;
}

function kindOf(x: unknown): string {
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

type Issue = v.BaseIssue<unknown>;
const expected = (what: string) => (i: Issue) => `expected ${what}, got ${kindOf(i.input)}`;
/** Object schemas report both "not an object" and missing keys with their own message. */
const objectMessage = (what: string) => (i: Issue) =>
  i.input === undefined && typeof i.expected === 'string' && i.expected.startsWith('"')
    ? 'required field is missing'
    : `expected ${what}, got ${kindOf(i.input)}`;
const tooLong = (max: number) => (i: Issue) => `too long: ${num((i.input as string).length)} characters; at most ${num(max)}`;
const tooMany = (max: number) => (i: Issue) => `too many items: ${num((i.input as unknown[]).length)}; at most ${num(max)}`;

// ---------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const VERSION = /^\d{1,9}(?:\.\d{1,9}){0,3}(?:-[0-9A-Za-z.-]{1,64})?(?:\+[0-9A-Za-z.-]{1,64})?$/;
const FORMAT = /^provenance-pack\/(\d+)$/;

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

const str = (max: number) => v.pipe(v.string(expected('a string')), v.maxLength(max, tooLong(max)));
const nonEmpty = (max: number) =>
  v.pipe(v.string(expected('a string')), v.maxLength(max, tooLong(max)), v.check((s) => s.trim() !== '', 'must not be empty'));
const list = <T extends v.GenericSchema>(item: T, max = MAX_LIST_ITEMS) =>
  v.pipe(v.array(item, expected('an array')), v.maxLength(max, tooMany(max)));
const bool = () => v.boolean(expected('true or false'));
const obj = <E extends v.ObjectEntries>(entries: E, what = 'an object') => v.looseObject(entries, objectMessage(what));
const oneOf = (options: readonly string[]) =>
  v.picklist(options, (i: Issue) => `must be one of ${options.map((o) => `"${o}"`).join(', ')}; got ${show(i.input)}`);

const idSchema = (what: string) =>
  v.pipe(
    v.string(expected(`${what} id (a string)`)),
    v.regex(ID_PATTERN, (i: Issue) => `invalid ${what} id ${show(i.input)}: 1–128 characters of a-z, 0-9, ".", "_", "-", starting with a letter or digit`),
  );
const urlSchema = () =>
  v.pipe(
    v.string(expected('a URL string')),
    v.maxLength(MAX_URL_CHARS, tooLong(MAX_URL_CHARS)),
    v.check(isHttpUrl, (i: Issue) => urlProblem(i.input as string)),
  );
const dateSchema = (partial: boolean) =>
  v.pipe(
    v.string(expected('an ISO 8601 date string')),
    v.check(
      (s) => isIsoDate(s, partial),
      (i: Issue) =>
        `not a valid ISO 8601 date: ${show(i.input)} (use ${partial ? 'YYYY, YYYY-MM, ' : ''}YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]Z / ±hh:mm)`,
    ),
  );
const langSchema = () =>
  v.pipe(v.string(expected('a language tag')), v.regex(LANG, (i: Issue) => `not a BCP 47 language tag: ${show(i.input)} (e.g. "en", "ar", "fr-CA")`));
const domainSchema = () =>
  v.pipe(
    v.string(expected('a host name')),
    v.regex(DOMAIN, (i: Issue) => `not a bare lower-case host name: ${show(i.input)} (e.g. "example.com": no scheme, port or path; IDNs in punycode)`),
  );
const finiteNumber = () => v.pipe(v.number(expected('a number')), v.finite('must be a finite number'));

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

const FingerprintSchema = obj({
  minhash: v.pipe(
    v.array(
      v.pipe(v.number(expected('a number')), v.integer('must be an integer'), v.minValue(0, 'must be ≥ 0'), v.maxValue(0xffffffff, 'must be < 2^32')),
      expected('an array'),
    ),
    v.length(MINHASH_SIZE, (i: Issue) => `must have exactly ${MINHASH_SIZE} values; got ${(i.input as unknown[]).length}`),
  ),
  simhash: v.pipe(v.string(expected('a string')), v.regex(/^[0-9a-f]{16}$/, (i: Issue) => `must be 16 lower-case hex digits; got ${show(i.input)}`)),
  terms: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(200, tooLong(200))), v.pipe(finiteNumber(), v.minValue(0, 'must be ≥ 0')), objectMessage('an object')),
    v.check((t) => Object.keys(t).length <= MAX_FINGERPRINT_TERMS, (i: Issue) => `too many terms: ${Object.keys(i.input as object).length}; at most ${MAX_FINGERPRINT_TERMS}`),
  ),
});

const ClaimSchema = obj({
  subject: nonEmpty(MAX_TITLE_CHARS),
  text: nonEmpty(MAX_SUMMARY_CHARS),
  quantity: v.optional(finiteNumber()),
  qualifier: v.optional(oneOf(CLAIM_QUALIFIERS)),
  unit: v.optional(str(MAX_TITLE_CHARS)),
  date: v.optional(dateSchema(true)),
  place: v.optional(str(MAX_TITLE_CHARS)),
  attributedTo: v.optional(str(MAX_TITLE_CHARS)),
});

const RelaySchema = obj({
  sourceId: v.nullable(
    v.pipe(v.string(expected('a source id or null')), v.regex(ID_PATTERN, (i: Issue) => `invalid source id ${show(i.input)}`)),
  ),
  name: nonEmpty(MAX_TITLE_CHARS),
  how: oneOf(RELAY_KINDS),
});

const LinkSchema = obj({ type: oneOf(REPORT_LINK_TYPES), reportId: idSchema('report') });

const names = () => v.optional(list(nonEmpty(MAX_TITLE_CHARS)));

const ClaimReviewSchema = obj({
  claimReviewed: nonEmpty(MAX_SUMMARY_CHARS),
  claimAuthor: v.optional(str(MAX_TITLE_CHARS)),
  appearance: v.optional(str(MAX_URL_CHARS)),
  ratingName: v.optional(str(MAX_TITLE_CHARS)),
  ratingValue: v.optional(finiteNumber()),
  bestRating: v.optional(finiteNumber()),
  worstRating: v.optional(finiteNumber()),
  reviewer: v.optional(str(MAX_TITLE_CHARS)),
  datePublished: v.optional(str(MAX_TITLE_CHARS)),
  url: v.optional(urlSchema()),
});

const ReportSchema = obj({
  id: idSchema('report'),
  title: nonEmpty(MAX_TITLE_CHARS),
  titleIsDescriptive: v.optional(bool()),
  sourceId: idSchema('source'),
  url: v.optional(urlSchema()),
  canonicalUrl: v.optional(urlSchema()),
  copies: v.optional(list(urlSchema())),
  published: v.optional(dateSchema(true)),
  publishedEstimate: v.optional(bool()),
  lang: langSchema(),
  authors: names(),
  summary: nonEmpty(MAX_SUMMARY_CHARS),
  tags: list(nonEmpty(MAX_TITLE_CHARS)),
  entities: v.optional(obj({ people: names(), organisations: names(), places: names() })),
  claims: v.optional(list(ClaimSchema)),
  relays: v.optional(list(RelaySchema)),
  links: v.optional(list(LinkSchema)),
  keywords: names(),
  text: v.optional(str(MAX_TEXT_CHARS)),
  fingerprint: v.optional(FingerprintSchema),
  section: v.optional(str(MAX_TITLE_CHARS)),
  accessed: v.optional(dateSchema(true)),
  note: v.optional(str(MAX_SUMMARY_CHARS)),
  claimReviews: v.optional(list(ClaimReviewSchema)),
});

const SourceSchema = obj({
  id: idSchema('source'),
  name: nonEmpty(MAX_TITLE_CHARS),
  aliases: names(),
  domains: list(domainSchema()),
  type: oneOf(SOURCE_TYPES),
  /** Empty when unknown (outlets a user created from a page). */
  country: str(100),
  languages: list(langSchema()),
  ownership: v.optional(str(MAX_SUMMARY_CHARS)),
  founded: v.optional(v.pipe(v.number(expected('a year')), v.integer('must be a whole year'), v.minValue(1, 'must be a year ≥ 1'), v.maxValue(9999, 'must be a year ≤ 9999'))),
  notes: str(MAX_SUMMARY_CHARS),
  links: v.optional(list(urlSchema())),
});

const PackSchema = obj(
  {
    format: v.optional(v.unknown()), // checked before the schema runs
    id: idSchema('pack'),
    name: nonEmpty(MAX_TITLE_CHARS),
    version: v.pipe(
      v.string(expected('a version string')),
      v.regex(VERSION, (i: Issue) => `invalid version ${show(i.input)}: numbers separated by dots, e.g. "1.4.0" (optionally -pre / +build)`),
    ),
    publisher: nonEmpty(MAX_TITLE_CHARS),
    updated: dateSchema(false),
    description: v.optional(str(MAX_SUMMARY_CHARS)),
    homepage: v.optional(urlSchema()),
    updateInterval: v.optional(
      v.pipe(
        finiteNumber(),
        v.minValue(MIN_UPDATE_INTERVAL_HOURS, `must be at least ${MIN_UPDATE_INTERVAL_HOURS} hour`),
        v.maxValue(MAX_UPDATE_INTERVAL_HOURS, `must be at most ${num(MAX_UPDATE_INTERVAL_HOURS)} hours (a year)`),
      ),
    ),
    topics: v.optional(list(v.unknown(), MAX_TOPICS)), // each compiled with compileProfile below
    sources: list(SourceSchema, MAX_SOURCES),
    reports: list(ReportSchema, MAX_REPORTS),
  },
  'a pack object',
);

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

type Seg = string | number;

export function formatPath(segs: readonly Seg[]): string {
  let s = '$';
  for (const k of segs) {
    if (typeof k === 'number') s += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) s += `.${k}`;
    else s += `[${JSON.stringify(k)}]`;
  }
  return s;
}

function issuePath(i: Issue): Seg[] {
  return (i.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key)));
}

/** Document order: numeric indexes numerically, keys alphabetically, parents before children. */
function comparePaths(a: Seg[], b: Seg[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------
// Whole-pack checks
// ---------------------------------------------------------------------------

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

interface Found {
  segs: Seg[];
  message: string;
}

/** Maximum nesting depth of a value, stopping once it exceeds `limit` (iterative: deep input cannot overflow the stack). */
function depthExceeds(root: unknown, limit: number): boolean {
  const stack: unknown[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const value = stack.pop();
    const depth = depths.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= limit) return true;
    for (const c of Array.isArray(value) ? value : Object.values(value)) {
      if (c && typeof c === 'object') {
        stack.push(c);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Path of the first value nested deeper than MAX_DEPTH, or null. Paths are only built when needed. */
function tooDeep(root: unknown): Seg[] | null {
  if (!depthExceeds(root, MAX_DEPTH)) return null;
  const walk = (value: unknown, segs: Seg[]): Seg[] | null => {
    if (segs.length >= MAX_DEPTH) return segs;
    const entries: [Seg, unknown][] = Array.isArray(value) ? value.map((c, i) => [i, c]) : Object.entries(value as object);
    for (const [k, c] of entries) {
      if (c && typeof c === 'object' && depthExceeds(c, MAX_DEPTH - segs.length - 1)) return walk(c, [...segs, k]);
    }
    return segs;
  };
  return walk(root, []);
}

function crossChecks(p: Record<string, unknown>, errors: Found[], warnings: Found[]): void {
  const sources = arr(p.sources);
  const reports = arr(p.reports);

  const sourceAt = new Map<string, number>();
  const domainOwner = new Map<string, string>();
  sources.forEach((s, i) => {
    if (!isObj(s) || typeof s.id !== 'string') return;
    const first = sourceAt.get(s.id);
    if (first !== undefined) errors.push({ segs: ['sources', i, 'id'], message: `duplicate source id "${s.id}" (also at $.sources[${first}])` });
    else sourceAt.set(s.id, i);
    arr(s.domains).forEach((d, j) => {
      if (typeof d !== 'string') return;
      const owner = domainOwner.get(d);
      if (owner !== undefined && owner !== s.id) warnings.push({ segs: ['sources', i, 'domains', j], message: `domain "${d}" is also claimed by source "${owner}"; pages on it will be attributed to one of them` });
      else domainOwner.set(d, s.id as string);
    });
  });

  const reportAt = new Map<string, number>();
  reports.forEach((r, i) => {
    if (!isObj(r) || typeof r.id !== 'string') return;
    const first = reportAt.get(r.id);
    if (first !== undefined) errors.push({ segs: ['reports', i, 'id'], message: `duplicate report id "${r.id}" (also at $.reports[${first}])` });
    else reportAt.set(r.id, i);
  });

  const sourcesKnown = Array.isArray(p.sources);
  reports.forEach((r, i) => {
    if (!isObj(r)) return;
    if (sourcesKnown && typeof r.sourceId === 'string' && ID_PATTERN.test(r.sourceId) && !sourceAt.has(r.sourceId)) {
      errors.push({ segs: ['reports', i, 'sourceId'], message: `unknown source "${r.sourceId}": no source in this pack has this id` });
    }
    arr(r.relays).forEach((rel, k) => {
      if (!isObj(rel) || typeof rel.sourceId !== 'string' || !ID_PATTERN.test(rel.sourceId)) return;
      if (sourcesKnown && !sourceAt.has(rel.sourceId)) {
        errors.push({ segs: ['reports', i, 'relays', k, 'sourceId'], message: `unknown source "${rel.sourceId}": no source in this pack has this id (use null for an outlet without a profile)` });
      } else if (rel.sourceId === r.sourceId) {
        warnings.push({ segs: ['reports', i, 'relays', k, 'sourceId'], message: 'the report relays its own outlet' });
      }
    });
    arr(r.links).forEach((l, k) => {
      if (!isObj(l) || typeof l.reportId !== 'string' || !ID_PATTERN.test(l.reportId)) return;
      if (l.reportId === r.id) errors.push({ segs: ['reports', i, 'links', k, 'reportId'], message: 'a report cannot link to itself' });
      else if (!reportAt.has(l.reportId)) {
        warnings.push({ segs: ['reports', i, 'links', k, 'reportId'], message: `report "${l.reportId}" is not in this pack: the link is kept and works only when another pack in the library has this report` });
      }
    });
  });

  const topicAt = new Map<string, number>();
  arr(p.topics).forEach((t, i) => {
    try {
      const compiled = compileProfile(t);
      const first = topicAt.get(compiled.id);
      if (first !== undefined) errors.push({ segs: ['topics', i, 'id'], message: `duplicate topic id "${compiled.id}" (also at $.topics[${first}])` });
      else topicAt.set(compiled.id, i);
    } catch (e) {
      errors.push({ segs: ['topics', i], message: `invalid topic profile: ${e instanceof Error ? e.message : String(e)}` });
    }
  });

  if (!sources.length && !reports.length && Array.isArray(p.sources) && Array.isArray(p.reports)) {
    warnings.push({ segs: [], message: 'the pack has no sources and no reports' });
  }
}

function finish(found: Found[]): Problem[] {
  const sorted = found
    .map((f, n) => ({ ...f, n }))
    .sort((a, b) => comparePaths(a.segs, b.segs) || a.n - b.n);
  const out = sorted.slice(0, MAX_PROBLEMS).map((f) => ({ path: formatPath(f.segs), message: f.message }));
  if (sorted.length > MAX_PROBLEMS) out.push({ path: '$', message: `…and ${num(sorted.length - MAX_PROBLEMS)} more problems not listed` });
  return out;
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/** The major version of a `format` string ("provenance-pack/1" → 1), or null when it is not one. */
export function formatMajor(format: unknown): number | null {
  const m = typeof format === 'string' ? FORMAT.exec(format) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Validate a parsed pack. Every problem is listed (up to MAX_PROBLEMS), each with its JSON
 * path. A pack of an unknown major format version is refused with that single problem.
 * On success `pack` is `json` itself (unknown fields included), typed.
 */
export function validatePack(json: unknown): PackValidation {
  if (!isObj(json)) return { ok: false, problems: [{ path: '$', message: `expected a pack object, got ${kindOf(json)}` }], warnings: [] };

  const errors: Found[] = [];
  const warnings: Found[] = [];
  if (json.format === undefined) errors.push({ segs: ['format'], message: `required field is missing (expected "${PACK_FORMAT}")` });
  else {
    const major = formatMajor(json.format);
    if (major === null) errors.push({ segs: ['format'], message: `not a Provenance pack format: ${show(json.format)} (expected "${PACK_FORMAT}")` });
    else if (major !== PACK_FORMAT_MAJOR) {
      return {
        ok: false,
        problems: [{ path: '$.format', message: `unsupported pack format "${json.format}": this version of Provenance reads ${PACK_FORMAT}` }],
        warnings: [],
      };
    }
  }

  const result = v.safeParse(PackSchema, json, { abortEarly: false });
  for (const issue of result.issues ?? []) errors.push({ segs: issuePath(issue), message: issue.message });
  crossChecks(json, errors, warnings);
  const deep = tooDeep(json);
  if (deep) errors.push({ segs: deep, message: `nested too deeply (more than ${MAX_DEPTH} levels)` });

  const w = finish(warnings);
  if (errors.length) return { ok: false, problems: finish(errors), warnings: w };
  return { ok: true, pack: json as unknown as Pack, warnings: w };
}

/**
 * UTF-8 byte length of a string, counting at most until `limit` is exceeded (then
 * returns a value > limit without scanning the rest).
 */
export function utf8Length(s: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
    if (n > limit) return n;
  }
  return n;
}

function mib(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

/** Message for a pack of `bytes` over `maxBytes` (`atLeast`: `bytes` is a lower bound, counting stopped early). */
export function tooLargeMessage(bytes: number, maxBytes = MAX_PACK_BYTES, atLeast = false): string {
  return `pack is too large: ${atLeast ? 'at least ' : ''}${num(bytes)} bytes (${mib(bytes)}); the limit is ${num(maxBytes)} bytes (${mib(maxBytes)})`;
}

/**
 * Parse and validate the text of a pack file. The size is checked first — a text over
 * `maxBytes` (default MAX_PACK_BYTES) of UTF-8 is refused without being parsed — and
 * invalid JSON is reported with its line and column. A leading byte-order mark is ignored.
 */
export function parsePackText(text: string, opts: { maxBytes?: number } = {}): PackValidation {
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  // Every UTF-16 unit is at least one UTF-8 byte: a text longer than the limit is over it.
  if (text.length > maxBytes) return { ok: false, problems: [{ path: '$', message: tooLargeMessage(text.length, maxBytes, true) }], warnings: [] };
  const bytes = utf8Length(text, maxBytes);
  if (bytes > maxBytes) return { ok: false, problems: [{ path: '$', message: tooLargeMessage(bytes, maxBytes, true) }], warnings: [] };
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return { ok: false, problems: [{ path: '$', message: parsed.message }], warnings: [] };
  return validatePack(parsed.value);
}

/**
 * Compare two pack versions ("1.10.0" > "1.9.2"; a pre-release "-x" sorts before its
 * release; build metadata "+x" is ignored). Returns < 0, 0 or > 0.
 */
export function compareVersions(a: string, b: string): number {
  const split = (s: string) => {
    const [core, pre] = s.split('+')[0].split(/-(.*)/s);
    return { nums: core.split('.').map((x) => Number(x) || 0), pre: pre ?? null };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}
