/**
 * The first pass's term lookups (split from quick-scan.ts): the terms' data shape, the
 * whole-word rule checked in code at the places `indexOf` finds a root (Arabic clitics and
 * article included), and the few raw-pattern terms.
 */
import { AR_CLITICS, BOUND_AFTER, BOUND_BEFORE, isWordCode } from './word-chars';
import { quickFold, type QuickFolded } from './quick-fold';
import type { QuickAnchor } from './quick-anchors';

/**
 * A profile's terms for the first pass: every name, and related vocabulary of weight ≥ 1.
 * Plain data (JSON-compatible), so it can be generated at build time.
 */
export interface QuickTerms {
  id: string;
  label: string;
  /** [canonical term, 1 = name / 0 = vocabulary, weight]. */
  terms: [string, 0 | 1, number][];
  /**
   * Literal search strings, names first: [quick-folded text, term index, Arabic article
   * (0 = not an Arabic form, 1 = optional, 2 = required), accepted suffixes (quick-folded)].
   */
  forms: [string, number, 0 | 1 | 2, string[]?][];
  /**
   * The forms as searched: [root, ...forms that start with the root's text]. Only roots
   * are looked up with `indexOf`; the others are checked where their root occurs. Name
   * groups come first.
   */
  groups: number[][];
  /**
   * Terms given by a raw pattern: [term index, literal every match contains ('' = unknown:
   * always run the regex), case-sensitive (1/0), the profile's pattern, flags]. The pattern
   * runs with the whole-word rule, on the input folded by `foldForMatching`, like the full
   * detector's scanners.
   */
  patterns: [number, string, 0 | 1, string, string][];
  /**
   * Every group's root under one anchor, a substring of it (quick-anchors.ts): the prefilter
   * looks up the anchors, then only the roots under those found. Absent: every root is looked up.
   */
  anchors?: QuickAnchor[];
}

// ---------------------------------------------------------------------------
// Whole-word checks
// ---------------------------------------------------------------------------

const isBKL = (c: number) => c === 0x628 || c === 0x643 || c === 0x644; // ب ك ل
const isWF = (c: number) => c === 0x648 || c === 0x641; // و ف

/** A word may start at `i`: nothing of a word before it, or only Arabic clitics ([وف]?[بكل]?). */
function startsWord(s: string, i: number): boolean {
  if (i === 0 || !isWordCode(s.charCodeAt(i - 1))) return true;
  let c = s.charCodeAt(i - 1);
  let j = i - 1;
  if (isBKL(c)) {
    if (j === 0 || !isWordCode(s.charCodeAt(j - 1))) return true;
    c = s.charCodeAt(j - 1);
    if (!isWF(c)) return false;
    j--;
  } else if (!isWF(c)) return false;
  return j === 0 || !isWordCode(s.charCodeAt(j - 1));
}

/** Arabic forms: clitics, then the article ال (or the ل of لل), optional or required. */
function startsArabic(s: string, i: number, article: number): boolean {
  if (article === 1 && startsWord(s, i)) return true;
  if (i >= 2 && s.charCodeAt(i - 1) === 0x644) {
    const p = s.charCodeAt(i - 2);
    if (p === 0x627 && startsWord(s, i - 2)) return true; // ال
    if (p === 0x644 && startsWord(s, i - 1)) return true; // لل: the first ل is a clitic
  }
  return false;
}

function endsWord(s: string, e: number, suffixes: string[] | undefined): boolean {
  if (e >= s.length || !isWordCode(s.charCodeAt(e))) return true;
  if (suffixes) {
    for (const x of suffixes) {
      if (s.startsWith(x, e) && (e + x.length >= s.length || !isWordCode(s.charCodeAt(e + x.length)))) return true;
    }
  }
  return false;
}

export type Form = QuickTerms['forms'][number];

/** Whether `form` occurs at `i` as a whole word (Arabic clitics and article as the profile allows). */
function formAt(s: string, i: number, form: Form): boolean {
  const [needle, , article, suffixes] = form;
  return (article ? startsArabic(s, i, article) : startsWord(s, i)) && endsWord(s, i + needle.length, suffixes);
}

/**
 * Whole-word hits of a group's forms: pushes [start, end, form index] triples to `out`, or
 * with `out` null returns at the first hit.
 */
export function findGroup(s: string, group: number[], forms: Form[], out: number[] | null): boolean {
  const root = forms[group[0]][0];
  let found = false;
  for (let i = s.indexOf(root); i >= 0; i = s.indexOf(root, i + 1)) {
    for (let g = 0; g < group.length; g++) {
      const form = forms[group[g]];
      if (g > 0 && !s.startsWith(form[0], i)) continue;
      if (!formAt(s, i, form)) continue;
      if (!out) return true;
      found = true;
      out.push(i, i + form[0].length, group[g]);
    }
  }
  return found;
}

const patternCache = new Map<string, RegExp>();

/** A raw-pattern term's regex with the whole-word rule, compiled once. */
export function patternRegex(src: string, flags: string): RegExp {
  let re = patternCache.get(src + '/' + flags);
  if (!re) {
    re = new RegExp(`${BOUND_BEFORE}${AR_CLITICS}(?:${src})${BOUND_AFTER}`, flags);
    patternCache.set(src + '/' + flags, re);
  }
  return re;
}

/** Whether `lit` has a letter that `foldForMatching` produces from another one (ا ي ه و). */
function hasFoldTarget(lit: string): boolean {
  for (let i = 0; i < lit.length; i++) {
    const c = lit.charCodeAt(i);
    if (c === 0x627 || c === 0x64a || c === 0x647 || c === 0x648) return true;
  }
  return false;
}

/**
 * Whether a pattern's literal (see `patternLiteral`: every match of the pattern is the literal
 * alone, after Arabic clitics) occurs in `s` where the whole-word rule around the pattern allows:
 * not followed by a word character, and not preceded by one other than an Arabic letter (a clitic,
 * or a letter that folds into one). False proves the pattern does not match `s`.
 */
export function literalMayMatch(s: string, lit: string): boolean {
  for (let i = s.indexOf(lit); i >= 0; i = s.indexOf(lit, i + 1)) {
    const e = i + lit.length;
    if (e < s.length && isWordCode(s.charCodeAt(e))) continue;
    if (i === 0) return true;
    const c = s.charCodeAt(i - 1);
    if (!isWordCode(c) || (c >= 0x600 && c <= 0x6ff)) return true;
  }
  return false;
}

/**
 * Whether a pattern term matches. `raw` is the input; `matchText` gives it folded by
 * `foldForMatching`, which is what the pattern runs on.
 */
export function patternHit(p: QuickTerms['patterns'][number], raw: string, folded: QuickFolded, matchText: () => string): boolean {
  // (Indexed reads: an array pattern would go through the iterator protocol on this cold code.)
  const lit = p[1];
  if (lit) {
    // Every match contains the literal: most pages are let go without folding or compiling anything.
    if (p[2]) {
      // Without a dropped character and with no letter folded into the literal, the text the
      // pattern runs on holds the literal where the input does, with the same neighbours as far as
      // the whole-word rule can tell: no whole-word place there, no match (and no regex to compile).
      if (!folded.dropped && !hasFoldTarget(lit) && !literalMayMatch(raw, lit)) return false;
      if (matchText().indexOf(lit) < 0) return false;
    } else if (folded.text.indexOf(quickFold(lit).text) < 0) return false;
  }
  const re = patternRegex(p[3], p[4]);
  re.lastIndex = 0;
  return re.test(matchText());
}
