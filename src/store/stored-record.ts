/**
 * A report's record as a row keeps it: the pack's record without its text, and (rows an
 * import writes, v4+) its fingerprint packed apart in `fp` — the 64 MinHash slots as a
 * Uint32Array, the ~80 fingerprint terms as one string and their weights as an Int16Array —
 * instead of ~150 numbers and properties that IndexedDB clones one by one and stores with
 * a tag and a key each. `reportRecord(row)` gives back exactly the record imported (same
 * keys in the same order, same values): every reader of `row.record` that needs the
 * fingerprint goes through it. A fingerprint that would not come back exactly (a weight
 * not a multiple of 0.001, a term an object would reorder) is kept as it was.
 */
import { ODD_TERM } from '../core/match/prepare';
import type { ReportRecord } from '../core/packs/types';

type Fingerprint = NonNullable<ReportRecord['fingerprint']>;

export interface PackedFingerprint {
  /** The fingerprint's other fields, with `minhash` and `terms` set to undefined (keeps the key order). */
  f: Record<string, unknown>;
  mh: Uint32Array;
  /** Terms joined by "\n". */
  t: string;
  /** Weights × 1000. */
  w: Int16Array;
}

function packFingerprint(fp: Fingerprint): PackedFingerprint | null {
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
  return { f: { ...fp, minhash: undefined, terms: undefined }, mh: Uint32Array.from(minhash), t: names.join('\n'), w };
}

function unpackFingerprint(p: PackedFingerprint): Fingerprint {
  const terms: Record<string, number> = {};
  if (p.t) p.t.split('\n').forEach((t, i) => (terms[t] = p.w[i] / 1000));
  return { ...p.f, minhash: Array.from(p.mh), terms } as Fingerprint;
}

/** The record and packed fingerprint a row stores for a pack's report (its text left out). */
export function storedRecord(r: ReportRecord): { record: ReportRecord; fp?: PackedFingerprint } {
  const fp = r.fingerprint ? packFingerprint(r.fingerprint) : null;
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
export function reportRecord(row: { record: ReportRecord; fp?: PackedFingerprint }): ReportRecord {
  return row.fp ? { ...row.record, fingerprint: unpackFingerprint(row.fp) } : row.record;
}
