/**
 * Scanning one field of a page with a language's compiled scanner (folding the text the
 * way terms were folded) and discarding hits in negative contexts (Isis the goddess,
 * a company named Isis, …).
 */
import type { EvidenceWhere } from '../types';
import { foldForMatching, type FoldedText } from '../text/normalize';
import type { CompiledLanguage, CompiledProfile, CompiledTerm } from './profile';

export interface Hit {
  term: CompiledTerm;
  /** Offsets in the folded text. */
  fs: number;
  fe: number;
  /** Offset in the original field text. */
  pos: number;
  keep: boolean;
  weight: number;
}

export interface Field {
  where: EvidenceWhere;
  raw: string;
  folded: string;
  map: Int32Array | null;
  hits: Hit[];
}

const BEFORE_CONTEXT = 48;


/** Characters `foldForMatching` may change (a superset): text without any is left as it is. */
const FOLDABLE = /[\u00ad\u0600-\u06ff\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Characters `foldForMatching` drops (positions then move, and it needs its offset map). */
const DROPPED = /[\u00ad\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Letters it replaces one for one. */
const VARIANTS = /[\u0622\u0623\u0625\u0671\u0649\u0626\u0629\u0624]/g;
const VARIANT_OF: Record<string, string> = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627',
  '\u0649': '\u064a', '\u0626': '\u064a', '\u0629': '\u0647', '\u0624': '\u0648',
};

/**
 * `foldForMatching(raw)` as the detector needs it, natively when possible: text with
 * nothing to fold is returned as it is, and text where letters are only replaced one for
 * one keeps its offsets (no map needed). Its per-character loop costs milliseconds on a
 * page where it runs for the first time.
 */
export function fold(raw: string): FoldedText {
  if (!FOLDABLE.test(raw)) return { text: raw, map: null };
  if (DROPPED.test(raw)) return foldForMatching(raw);
  return { text: raw.replace(VARIANTS, (c) => VARIANT_OF[c]), map: null };
}

export function scanField(where: EvidenceWhere, raw: string, cl: CompiledLanguage, profile: CompiledProfile): Field {
  const f = fold(raw);
  const hits: Hit[] = [];
  const re = cl.scanner.re;
  const groups = cl.scanner.groupTerms;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f.text))) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    let term: CompiledTerm | null = profile.terms[groups[g - 1]];
    const fs = m.index;
    let fe = fs + m[0].length;
    if (term.verify) {
      // Case-sensitive terms are found case-insensitively, then confirmed here
      // (ISIS vs Isis vs isis, "IS fighters" vs "is"). Another case-sensitive term
      // may be the right one at this position.
      const found: CompiledTerm = term;
      term = null;
      for (const id of [found.id, ...cl.caseSensitive]) {
        const v = profile.terms[id].verify!;
        v.lastIndex = fs;
        if (v.test(f.text)) {
          term = profile.terms[id];
          fe = v.lastIndex;
          break;
        }
      }
      if (!term) {
        re.lastIndex = fs + 1;
        continue;
      }
      re.lastIndex = Math.max(fs + 1, fe);
    }
    hits.push({ term, fs, fe, pos: f.map ? f.map[fs] : fs, keep: true, weight: term.weight });
  }
  return { where, raw, folded: f.text, map: f.map, hits: hits.filter((h) => h.keep) };
}

/** Tie words of an already scanned field (offsets in its folded text), in text order. */
export function scanTies(field: Field, cl: CompiledLanguage, profile: CompiledProfile): Hit[] {
  const sc = cl.tieScanner;
  if (!sc) return [];
  const out: Hit[] = [];
  const re = sc.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field.folded))) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const term = profile.terms[sc.groupTerms[g - 1]];
    const fs = m.index;
    out.push({ term, fs, fe: fs + m[0].length, pos: field.map ? field.map[fs] : fs, keep: true, weight: term.weight });
  }
  return out;
}

/** True when a sorted array has a value in [lo, hi). */
function anyWithin(sorted: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && sorted[a] < hi;
}

/** Apply negative contexts. `conditional` selects rules with `unlessCorroborated`. */
export function applyNegatives(
  fields: Field[],
  profile: CompiledProfile,
  conditional: boolean,
  docCache: Map<number, boolean>,
  windowCache: Map<string, number[]>,
  discarded: Record<string, number>,
): void {
  for (const field of fields) {
    for (const h of field.hits) {
      if (!h.keep || !h.term.negatives.length) continue;
      for (const ni of h.term.negatives) {
        const neg = profile.negatives[ni];
        if (neg.unlessCorroborated !== conditional) continue;
        let hit = false;
        if (neg.terms) {
          if (neg.scope === 'document') {
            let v = docCache.get(ni);
            if (v === undefined) {
              v = fields.some((fl) => {
                neg.terms!.lastIndex = 0;
                return neg.terms!.test(fl.folded);
              });
              docCache.set(ni, v);
            }
            hit = v;
          } else {
            const key = `${ni}:${field.where}`;
            let at = windowCache.get(key);
            if (!at) {
              at = [];
              neg.terms.lastIndex = 0;
              let m: RegExpExecArray | null;
              while ((m = neg.terms.exec(field.folded))) at.push(m.index);
              windowCache.set(key, at);
            }
            hit = anyWithin(at, h.fs - neg.window, h.fe + neg.window);
          }
        }
        if (!hit && neg.after) {
          neg.after.lastIndex = h.fe;
          hit = neg.after.test(field.folded);
        }
        if (!hit && neg.before) {
          hit = neg.before.test(field.folded.slice(Math.max(0, h.fs - BEFORE_CONTEXT), h.fs));
        }
        if (hit) {
          h.keep = false;
          discarded[neg.label] = (discarded[neg.label] ?? 0) + 1;
          break;
        }
      }
    }
  }
}
