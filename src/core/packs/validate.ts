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
 * Entry points here; field rules in validate-fields.ts, schemas in validate-schemas.ts,
 * whole-pack checks in validate-checks.ts.
 */
import * as v from 'valibot';
import { MAX_PACK_BYTES } from './limits';
import { parseJson } from './json';
import { PACK_FORMAT, PACK_FORMAT_MAJOR, type Pack } from './types';
import { FORMAT, kindOf, num, show } from './validate-fields';
import { PackHeaderSchema, PackSchema } from './validate-schemas';
import { fastReportOk } from './validate-fast';
import { crossChecks, finish, isObj, issuePath, MAX_DEPTH, tooDeep, type Found, type Problem } from './validate-checks';

export { isHttpUrl, isIsoDate } from './validate-fields';
export { formatPath, MAX_DEPTH, type Problem } from './validate-checks';

export type PackValidation =
  | { ok: true; pack: Pack; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

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

  // Fast path: when every report passes the plain-code check, the schema need not walk them.
  const reports = json.reports;
  const fast = Array.isArray(reports) && reports.every(fastReportOk);
  const result = v.safeParse(fast ? PackHeaderSchema : PackSchema, json, { abortEarly: false });
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
