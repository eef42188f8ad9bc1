/**
 * A report's record as a row keeps it: the pack's record without its text, and (rows an
 * import writes, v4+) its fingerprint packed apart in `fp` — the 64 MinHash slots as a
 * Uint32Array, the ~80 fingerprint terms as one string and their weights as an Int16Array —
 * instead of ~150 numbers and properties that IndexedDB clones one by one and stores with
 * a tag and a key each. Since v6 the fingerprint's terms that are also terms of the row's
 * packed features (`pf.t`, about 97 % of them) are stored as their positions there (`r`),
 * not as a second copy of the words (~800 bytes a report). `reportRecord(row)` gives back
 * exactly the record imported (same keys in the same order, same values): every reader of
 * `row.record` that needs the fingerprint goes through it. A fingerprint that would not
 * come back exactly (a weight not a multiple of 0.001, a term an object would reorder) is
 * kept as it was.
 */
import { ODD_TERM } from '../core/match/prepare';
import type { ReportRecord } from '../core/packs/types';

type Fingerprint = NonNullable<ReportRecord['fingerprint']>;

export interface PackedFingerprint {
  /** The fingerprint's other fields, with `minhash` and `terms` set to undefined (keeps the key order). */
  f: Record<string, unknown>;
  mh: Uint32Array;
  /** Terms joined by "\n" (with `r`: only the terms not found in the row's feature terms). */
  t: string;
  /**
   * (v6+) For each term in order: 1 + its position in the row's feature terms (`pf.t`), or 0
   * for the next term of `t`. Absent: `t` holds every term (rows of v4–v5).
   */
  r?: Uint8Array;
  /** Weights × 1000. */
  w: Int16Array;
}

/** Position of each feature term (`pf.t` joined by "\n"), for terms given as references into it. */
function termPositions(featureTerms: string): Map<string, number> {
  const at = new Map<string, number>();
  let from = 0;
  for (let i = 0; from <= featureTerms.length; i++) {
    let to = featureTerms.indexOf('\n', from);
    if (to < 0) to = featureTerms.length;
    at.set(featureTerms.slice(from, to), i);
    from = to + 1;
  }
  return at;
}

function packFingerprint(fp: Fingerprint, featureTerms?: string | string[]): PackedFingerprint | null {
  const { minhash, terms } = fp as { minhash?: unknown; terms?: unknown };
  if (!Array.isArray(minhash) || typeof terms !== 'object' || terms === null || Array.isArray(terms)) return null;
  for (const x of minhash) if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 0xffffffff) return null;
  const names = Object.keys(terms);
  const w = new Int16Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const t = names[i];
    const x = (terms as Record<string, unknown>)[t];
    if (typeof x !== 'number' || ODD_TERM.test(t)) return null;
    const q = Math.round(x * 1000);
    if (q < -32768 || q > 32767 || q / 1000 !== x || Object.is(x, -0)) return null;
    w[i] = q;
  }
  const f = { ...fp, minhash: undefined, terms: undefined };
  if (typeof featureTerms !== 'string' || !featureTerms) return { f, mh: Uint32Array.from(minhash), t: names.join('\n'), w };
  const at = termPositions(featureTerms);
  if (at.size > 255) return { f, mh: Uint32Array.from(minhash), t: names.join('\n'), w };
  const r = new Uint8Array(names.length);
  const own: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const k = at.get(names[i]);
    if (k === undefined) own.push(names[i]);
    else r[i] = k + 1;
  }
  return { f, mh: Uint32Array.from(minhash), t: own.join('\n'), w, r };
}

function unpackFingerprint(p: PackedFingerprint, featureTerms: string | string[] | undefined): Fingerprint {
  const terms: Record<string, number> = {};
  if (p.r) {
    const shared = typeof featureTerms === 'string' ? featureTerms.split('\n') : [];
    const own = p.t ? p.t.split('\n') : [];
    let j = 0;
    for (let i = 0; i < p.r.length; i++) terms[p.r[i] ? shared[p.r[i] - 1] : own[j++]] = p.w[i] / 1000;
  } else if (p.t) p.t.split('\n').forEach((t, i) => (terms[t] = p.w[i] / 1000));
  return { ...p.f, minhash: Array.from(p.mh), terms } as Fingerprint;
}

/**
 * The record and packed fingerprint a row stores for a pack's report (its text left out).
 * `featureTerms`: the row's `pf.t`, which the fingerprint's terms then refer to (the row
 * must be stored with that very `pf`).
 */
export function storedRecord(r: ReportRecord, featureTerms?: string | string[]): { record: ReportRecord; fp?: PackedFingerprint } {
  const fp = r.fingerprint ? packFingerprint(r.fingerprint, featureTerms) : null;
  // One copy, in the record's key order, without its text (and with the fingerprint's key
  // kept, undefined, where it was when packed apart).
  if (Object.prototype.hasOwnProperty.call(r, '__proto__')) {
    const { text: _text, ...rest } = r;
    return fp ? { record: { ...rest, fingerprint: undefined }, fp } : { record: rest };
  }
  const record: Record<string, unknown> = {};
  for (const k of Object.keys(r)) if (k !== 'text') record[k] = fp && k === 'fingerprint' ? undefined : (r as unknown as Record<string, unknown>)[k];
  return fp ? { record: record as unknown as ReportRecord, fp } : { record: record as unknown as ReportRecord };
}

/** The record of a stored row, as imported. */
export function reportRecord(row: { record: ReportRecord; fp?: PackedFingerprint; pf?: { t: string | string[] } }): ReportRecord {
  return row.fp ? { ...row.record, fingerprint: unpackFingerprint(row.fp, row.pf?.t) } : row.record;
}
