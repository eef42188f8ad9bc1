/**
 * Containment of one text in another, from the page's full text and a stored report's
 * MinHash signature only (packs carry fingerprints, not texts): recognises an abridged
 * copy (the shorter text largely contained in the longer) that whole-text resemblance
 * (Jaccard) misses.
 *
 * Each MinHash slot k of a report holds the minimum of h(s) = fmix32(s ^ seed_k) over the
 * report's shingles s. For the page we know every shingle, so per slot we keep the sorted
 * values h(p) of the page's shingles, and for each report slot value v_k:
 * - v_k is among the page's values  ⇔ the report's sampled shingle is on the page. The
 *   share of such slots estimates |R ∩ P| / |R| (the report contained in the page).
 * - page values below v_k belong to shingles the report does not have (its minimum is
 *   v_k). Values of shingles outside the report are uniform, so Σ_k below_k / Σ_k v_k/2^32
 *   estimates |P \ R|, hence |P ∩ R| / |P| (the page contained in the report).
 * Same shingles and seeds as src/core/packs/fingerprint.ts (checked by the tests).
 */
import { normalizeText, tokenize } from '../text/normalize';
import { EMPTY_SLOT, FINGERPRINT_MAX_CHARS, MINHASH_SIZE, SHINGLE_WORDS, fmix32, fnv1a } from '../packs/fingerprint';

const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, k) => fmix32(Math.imul(k + 1, 0x9e3779b9)));
const TWO32 = 4294967296;

export interface ShingleSketch {
  /** Distinct shingles of the text. */
  size: number;
  /** Per MinHash slot, the hashed values of every shingle, sorted ascending. */
  slots: Uint32Array[];
}

/** The page side: every shingle's value in every slot (64 × shingles × 4 bytes; built once per page, lazily). */
export function shingleSketch(text: string): ShingleSketch {
  const t = text.length > FINGERPRINT_MAX_CHARS ? text.slice(0, FINGERPRINT_MAX_CHARS) : text;
  const words = tokenize(normalizeText(t));
  const set = new Set<number>();
  if (words.length) {
    const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
    for (let i = 0; i < n; i++) set.add(fmix32(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '))));
  }
  const hashes = Uint32Array.from(set);
  const slots: Uint32Array[] = [];
  for (let k = 0; k < MINHASH_SIZE; k++) {
    const seed = SEEDS[k];
    const v = new Uint32Array(hashes.length);
    for (let i = 0; i < hashes.length; i++) v[i] = fmix32(hashes[i] ^ seed);
    slots.push(v.sort());
  }
  return { size: hashes.length, slots };
}

/** The sketch's own MinHash signature (equal to `minhashText` of the same text). */
export function sketchMinhash(s: ShingleSketch): number[] {
  return s.slots.map((v) => (v.length ? v[0] : EMPTY_SLOT));
}

/** Index of the first value ≥ x. */
function lowerBound(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Containment {
  /** Estimated share of the report's shingles found on the page (0..1). */
  reportInPage: number;
  /** Estimated share of the page's shingles found in the report (0..1). */
  pageInReport: number;
  /** Estimated number of the report's distinct shingles. */
  reportSize: number;
}

/** Containment both ways between the page (its sketch) and a report (its MinHash); null when either has no words. */
export function containment(page: ShingleSketch, report: ArrayLike<number>): Containment | null {
  const n = Math.min(report.length, page.slots.length);
  if (!page.size || !n) return null;
  let hits = 0;
  let valid = 0;
  let below = 0;
  let mass = 0;
  for (let k = 0; k < n; k++) {
    const v = report[k];
    if (v === EMPTY_SLOT) continue;
    valid++;
    const slot = page.slots[k];
    const i = lowerBound(slot, v);
    if (i < slot.length && slot[i] === v) hits++;
    below += i;
    mass += v / TWO32;
  }
  if (!valid) return null;
  // Expected minimum of m uniform values is 1/(m+1): the report's size from its slots.
  const reportSize = Math.max(1, valid / Math.max(mass, 1e-9) - 1);
  const outside = Math.min(page.size, below / Math.max(mass, 1e-9));
  return { reportInPage: hits / valid, pageInReport: 1 - outside / page.size, reportSize };
}
