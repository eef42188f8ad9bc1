/**
 * A pack import's per-report work in one pass: the packed features a report row stores and
 * the report's index keys as hashes with their quantised weights, computed straight from the
 * weighted term list — without the 80-key term object that reportFeatures builds and that
 * packFeatures and reportKeyHashes each walked again (most of an import's CPU time).
 * Same values, bit for bit, as packFeatures(reportFeatures(r)) and
 * reportKeyHashes(reportFeatures(r), minhash) (tested in prepare.test.ts); the rare report
 * whose terms an object would reorder or drop takes that old path.
 */
import type { ReportRecord } from '../model';
import { entityKey, normalizeUrl, packFeatures, reportFeatures, reportTermCounts, MAX_REPORT_TERMS, type PackedFeatures } from './features';
import { bandKeyHash, keyHashOf, LSH_BANDS, LSH_ROWS, reportKeyHashes } from './postings';
import { topTerms } from './terms';

/** A report's stored features and index keys. */
export interface PreparedReport {
  pf: PackedFeatures;
  urls: string[];
  /** keyHash of each index key, in reportKeyHashes order. */
  hs: number[];
  /** The quantised weight of each key. */
  ws: number[];
}

const TERM_SCALE = 40;
const ENTITY_WEIGHT = 100;
/**
 * Terms that do not survive as an object's keys joined by line breaks: an object reorders array
 * indices and drops __proto__, a line break or an empty term would split wrongly (packFeatures
 * keeps such terms as an array; stored-record.ts keeps such a fingerprint unpacked).
 */
export const ODD_TERM = /^(?:0|[1-9]\d*)$|^__proto__$|\n|^$/;

function oldPath(r: ReportRecord): PreparedReport {
  const f = reportFeatures(r);
  const keys = reportKeyHashes(f, r.fingerprint?.minhash);
  return { pf: packFeatures(f), urls: f.urls, hs: keys.map((k) => k[0]), ws: keys.map((k) => k[1]) };
}

export function prepareReport(r: ReportRecord): PreparedReport {
  const { tf, ents } = reportTermCounts(r);
  const top = topTerms(tf, MAX_REPORT_TERMS);
  for (const [t] of top) if (ODD_TERM.test(t)) return oldPath(r);

  const n = top.length;
  const w = new Int16Array(n);
  const names = new Array<string>(n);
  const hs: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < n; i++) {
    const [t, raw] = top[i];
    const weight = Math.round((1 + Math.log(raw)) * 1000) / 1000;
    names[i] = t;
    w[i] = Math.max(-32768, Math.min(32767, Math.round(weight * 1000)));
    hs.push(keyHashOf('t:', t));
    ws.push(Math.max(1, Math.min(255, Math.round(weight * TERM_SCALE))));
  }
  const keys = new Set<string>();
  for (const e of ents) {
    const k = entityKey(e);
    if (k.length >= 3) keys.add(k);
  }
  for (const e of r.keywords ?? []) {
    const k = entityKey(e);
    if (k.length >= 3) keys.add(k);
  }
  for (const k of keys) {
    hs.push(keyHashOf('e:', k));
    ws.push(ENTITY_WEIGHT);
  }
  const mh = r.fingerprint?.minhash;
  if (mh && mh.length >= LSH_BANDS * LSH_ROWS && !mh.every((x) => x === 0xffffffff)) {
    // bandKeys(mh), hashed without building the key strings.
    for (let b = 0; b < LSH_BANDS; b++) {
      let h = 0x811c9dc5;
      for (let k = 0; k < LSH_ROWS; k++) h = Math.imul(h ^ mh[b * LSH_ROWS + k], 0x01000193) >>> 0;
      hs.push(bandKeyHash(b, h));
      ws.push(1);
    }
  }
  const urls: string[] = [];
  for (const u of [r.url, r.canonicalUrl, ...(r.copies ?? [])]) {
    const nu = normalizeUrl(u);
    if (nu && !urls.includes(nu)) urls.push(nu);
  }
  const figures: number[] = [];
  for (const c of r.claims ?? []) {
    const q = c.quantity;
    if (typeof q === 'number' && Number.isFinite(q) && q >= 10 && !figures.includes(q)) figures.push(q);
  }
  const pf: PackedFeatures = { t: names.join('\n'), w, e: [...keys].join('\n') };
  if (figures.length) pf.figures = figures;
  return { pf, urls, hs, ws };
}
