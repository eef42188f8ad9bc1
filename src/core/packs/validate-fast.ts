/**
 * Validation fast path for well-formed packs: a plain-code check of one report that accepts
 * only what the valibot ReportSchema (validate-schemas.ts) accepts, without building the
 * per-field datasets and issues valibot creates. It may refuse more than the schema (an
 * object it is unsure of): validatePack then runs the schema on the reports, which
 * gives the exact problems. So a pack the fast path accepts is valid by the schema, and a
 * pack it refuses is judged by the schema (tested in validate-fast.test.ts).
 */
import { ID_PATTERN, MAX_FINGERPRINT_TERMS, MAX_LIST_ITEMS, MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS } from './limits';
import { MINHASH_SIZE } from './fingerprint';
import { CLAIM_QUALIFIERS, RELAY_KINDS, REPORT_LINK_TYPES } from './types';
import { isHttpUrl, isIsoDate, LANG } from './validate-fields';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown, max: number): boolean => typeof x === 'string' && x.length <= max;
const nonEmpty = (x: unknown, max: number): boolean => typeof x === 'string' && x.length <= max && x.trim() !== '';
const opt = (x: unknown, ok: (y: unknown) => boolean): boolean => x === undefined || ok(x);
const finite = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x);
const bool = (x: unknown): boolean => typeof x === 'boolean';
const id = (x: unknown): boolean => typeof x === 'string' && ID_PATTERN.test(x);
const url = (x: unknown): boolean => typeof x === 'string' && x.length <= MAX_URL_CHARS && (x.startsWith('https://') || x.startsWith('http://')) && isHttpUrl(x);
const date = (x: unknown): boolean => typeof x === 'string' && isIsoDate(x, true);
const list = (x: unknown, ok: (y: unknown) => boolean): boolean => {
  if (!Array.isArray(x) || x.length > MAX_LIST_ITEMS) return false;
  for (let i = 0; i < x.length; i++) if (!ok(x[i])) return false;
  return true;
};
const title = (x: unknown) => nonEmpty(x, MAX_TITLE_CHARS);
const names = (x: unknown) => opt(x, (y) => list(y, title));
const oneOf = (options: readonly string[]) => (x: unknown) => typeof x === 'string' && options.includes(x);
const qualifier = oneOf(CLAIM_QUALIFIERS);
const relayKind = oneOf(RELAY_KINDS);
const linkType = oneOf(REPORT_LINK_TYPES);
const optStr = (max: number) => (x: unknown) => opt(x, (y) => str(y, max));
const SIMHASH = /^[0-9a-f]{16}$/;

function claim(c: unknown): boolean {
  return isObj(c) && title(c.subject) && nonEmpty(c.text, MAX_SUMMARY_CHARS) && opt(c.quantity, finite) && opt(c.qualifier, qualifier) &&
    optStr(MAX_TITLE_CHARS)(c.unit) && opt(c.date, date) && optStr(MAX_TITLE_CHARS)(c.place) && optStr(MAX_TITLE_CHARS)(c.attributedTo);
}

function relay(r: unknown): boolean {
  return isObj(r) && (r.sourceId === null || id(r.sourceId)) && title(r.name) && relayKind(r.how);
}

function claimReview(c: unknown): boolean {
  return isObj(c) && nonEmpty(c.claimReviewed, MAX_SUMMARY_CHARS) && optStr(MAX_TITLE_CHARS)(c.claimAuthor) && optStr(MAX_URL_CHARS)(c.appearance) &&
    optStr(MAX_TITLE_CHARS)(c.ratingName) && opt(c.ratingValue, finite) && opt(c.bestRating, finite) && opt(c.worstRating, finite) &&
    optStr(MAX_TITLE_CHARS)(c.reviewer) && optStr(MAX_TITLE_CHARS)(c.datePublished) && opt(c.url, url);
}

function fingerprint(f: unknown): boolean {
  if (!isObj(f) || typeof f.simhash !== 'string' || !SIMHASH.test(f.simhash)) return false;
  const mh = f.minhash;
  if (!Array.isArray(mh) || mh.length !== MINHASH_SIZE) return false;
  for (let i = 0; i < mh.length; i++) {
    const x = mh[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 0xffffffff) return false;
  }
  const t = f.terms;
  if (!isObj(t) || Object.getPrototypeOf(t) !== Object.prototype) return false;
  // Own keys only (Object.keys is several times faster than for-in over ~80 keys); an
  // enumerable property inherited from Object.prototype would be seen by for-in: refuse then.
  for (const _ in Object.prototype) return false;
  const keys = Object.keys(t);
  if (keys.length > MAX_FINGERPRINT_TERMS) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const w = t[k];
    if (k.length > 200 || k === '__proto__' || typeof w !== 'number' || !Number.isFinite(w) || w < 0) return false;
  }
  return true;
}

/** True when `r` is certainly a valid report by ReportSchema (false: let the schema decide). */
export function fastReportOk(r: unknown): boolean {
  if (!isObj(r)) return false;
  return id(r.id) && title(r.title) && opt(r.titleIsDescriptive, bool) && id(r.sourceId) && opt(r.url, url) && opt(r.canonicalUrl, url) &&
    opt(r.copies, (x) => list(x, url)) && opt(r.published, date) && opt(r.publishedEstimate, bool) &&
    typeof r.lang === 'string' && LANG.test(r.lang) && names(r.authors) && nonEmpty(r.summary, MAX_SUMMARY_CHARS) && list(r.tags, title) &&
    opt(r.entities, (e) => isObj(e) && names(e.people) && names(e.organisations) && names(e.places)) &&
    opt(r.claims, (x) => list(x, claim)) && opt(r.relays, (x) => list(x, relay)) &&
    opt(r.links, (x) => list(x, (l) => isObj(l) && linkType(l.type) && id(l.reportId))) && names(r.keywords) &&
    optStr(MAX_TEXT_CHARS)(r.text) && opt(r.fingerprint, fingerprint) && optStr(MAX_TITLE_CHARS)(r.section) && opt(r.accessed, date) &&
    optStr(MAX_SUMMARY_CHARS)(r.note) && opt(r.claimReviews, (x) => list(x, claimReview));
}
