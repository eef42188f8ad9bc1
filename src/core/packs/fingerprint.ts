/**
 * Compact text fingerprints for packs: recognise the same report (or a lightly edited
 * copy of it) without shipping its text.
 *
 * - `minhash`: 64 MinHash values of the text's word 5-shingles (Jaccard estimate:
 *   the share of equal slots);
 * - `simhash`: 64-bit SimHash of the weighted terms (near texts differ in few bits);
 * - `terms`: the top 80 terms, the same terms and weights the matcher uses for reports.
 *
 * The algorithm is specified in docs/pack-format.md so that other tools can produce the
 * same values; every step is 32-bit integer arithmetic, so results do not depend on the
 * platform. Changing anything here invalidates every published fingerprint.
 */
import { normalizeText, tokenize } from '../text/normalize';
import { termFrequencies, topTerms } from '../match/terms';
import type { Fingerprint } from './types';

export const MINHASH_SIZE = 64;
export const SHINGLE_WORDS = 5;
export const FINGERPRINT_TERMS = 80;
/** Only this many leading characters are fingerprinted: the cap of page text sent for matching. */
export const FINGERPRINT_MAX_CHARS = 60_000;
/** MinHash slot value when a text has no words. */
export const EMPTY_SLOT = 0xffffffff;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over the UTF-16 code units of `s`, starting from `basis`. */
export function fnv1a(s: string, basis = FNV_OFFSET): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers that mixes every bit. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-slot seeds: seed[k] = fmix32((k + 1) × 0x9E3779B9 mod 2^32). */
const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, k) => fmix32(Math.imul(k + 1, 0x9e3779b9)));
/** FNV bases of the two halves of a term's 64-bit SimHash feature hash. */
const SIMHASH_BASE_HI = 0x9e3779b9;
const SIMHASH_BASE_LO = 0x85ebca6b;

/** Distinct 32-bit hashes of the word shingles of a text (a text shorter than one shingle is one shingle). */
function shingleHashes(text: string): Uint32Array {
  const words = tokenize(normalizeText(text));
  if (!words.length) return new Uint32Array(0);
  const set = new Set<number>();
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) set.add(fmix32(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '))));
  return Uint32Array.from(set);
}

function minhash(hashes: Uint32Array): number[] {
  const out = new Array<number>(MINHASH_SIZE).fill(EMPTY_SLOT);
  for (let k = 0; k < MINHASH_SIZE; k++) {
    const seed = SEEDS[k];
    let min = EMPTY_SLOT;
    for (let i = 0; i < hashes.length; i++) {
      const v = fmix32(hashes[i] ^ seed);
      if (v < min) min = v;
    }
    out[k] = min;
  }
  return out;
}

function simhash(tf: Map<string, number>): string {
  const acc = new Float64Array(64);
  for (const [term, n] of tf) {
    const w = 1 + Math.log(n);
    const hi = fmix32(fnv1a(term, SIMHASH_BASE_HI));
    const lo = fmix32(fnv1a(term, SIMHASH_BASE_LO));
    for (let b = 0; b < 32; b++) {
      acc[b] += (hi >>> (31 - b)) & 1 ? w : -w;
      acc[32 + b] += (lo >>> (31 - b)) & 1 ? w : -w;
    }
  }
  let hex = '';
  for (let nib = 0; nib < 16; nib++) {
    let d = 0;
    for (let j = 0; j < 4; j++) d = (d << 1) | (acc[nib * 4 + j] > 0 ? 1 : 0);
    hex += d.toString(16);
  }
  return hex;
}

/**
 * Fingerprint of a text. `lang` (BCP 47) is accepted for future language-specific
 * tokenisation; in this version tokenisation depends on the script only (the shared
 * normalisation folds Arabic letter variants), so a text fingerprints the same whatever
 * language it is labelled with.
 */
export function fingerprintText(text: string, _lang?: string): Fingerprint {
  const t = text.length > FINGERPRINT_MAX_CHARS ? text.slice(0, FINGERPRINT_MAX_CHARS) : text;
  const tf = termFrequencies(t, FINGERPRINT_MAX_CHARS);
  const terms: Record<string, number> = {};
  for (const [term, n] of topTerms(tf, FINGERPRINT_TERMS)) terms[term] = Math.round((1 + Math.log(n)) * 1000) / 1000;
  return { minhash: minhash(shingleHashes(t)), simhash: simhash(tf), terms };
}

/** Only the MinHash signature of a text (what same-story matching of a page needs). */
export function minhashText(text: string): number[] {
  return minhash(shingleHashes(text.length > FINGERPRINT_MAX_CHARS ? text.slice(0, FINGERPRINT_MAX_CHARS) : text));
}

/** Estimated Jaccard similarity of the two texts' shingle sets (0..1); 0 when either text had no words. */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (!n || a.every((x) => x === EMPTY_SLOT) || b.every((x) => x === EMPTY_SLOT)) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Number of differing bits between two 64-bit SimHashes (0..64). */
export function simhashDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}
