/**
 * The first pass without the profile's regexes: the content script runs it on every
 * page, so it must cost next to nothing cold (no profile to compile, no big regex to
 * build, compile or tier up, no per-character JavaScript loop).
 *
 * The profile's terms are folded ahead of time (`buildQuickTerms`, committed for the
 * built-in profile in `quick-terms.generated.ts`) into plain search strings. At run time
 * the bounded input is folded once by `quickFold` (native string operations: lower case,
 * the Latin accents the profile accepts stripped, Arabic folded and marks dropped as by
 * `foldForMatching`, apostrophes unified, runs of white space and dashes collapsed to one
 * space), each search string is looked up with `indexOf`, and the whole-word rule (Arabic
 * clitics and article included) is checked in code at the few places found. Terms defined
 * by a raw pattern ("IS fighters", "l'EI") get a small regex of their own, compiled only
 * when their literal ("IS", "EI") appears in the text at all.
 *
 * It is recall-oriented: whatever the full detector can match in the same text, this
 * finds too (case is ignored, hyphens and apostrophes are optional on both sides).
 */
import type { QuickCheckResult, QuickInput } from '../model';
import { AR_CLITICS, BOUND_AFTER, BOUND_BEFORE, isWordCode } from './word-chars';

/** Characters of the text slice that are looked at (the caller may pass more). */
export const QUICK_SLICE_CHARS = 4000;
/** Characters of the meta text that are looked at. */
export const QUICK_META_CHARS = 4000;
/** Related-vocabulary weight in the slice that makes a page worth a full look without a name. */
export const QUICK_VOCAB_WEIGHT = 2;

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
}

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

/**
 * Per-character replacements, applied by one native `replace` before lower-casing: the
 * accents the profile's regexes accept (either case), apostrophes, the characters
 * `foldForMatching` drops (soft hyphen, zero-width and bidi marks, Arabic diacritics and
 * tatweel) and the Arabic letter variants it folds; also the characters outside
 * WORD_RANGES that lower-case into word characters (Ω Kelvin Ångström signs, a few Latin
 * Extended-C/D letters), which would otherwise turn a word boundary into a word.
 */
const CHAR_MAP: Record<string, string> = (() => {
  const m: Record<string, string> = {};
  const base: [string, string][] = [
    ['a', 'àâäá'],
    ['e', 'éèêë'],
    ['i', 'îïí'],
    ['o', 'ôöó'],
    ['u', 'ùûüú'],
    ['c', 'ç'],
  ];
  for (const [b, accented] of base) for (const ch of accented) m[ch] = m[ch.toUpperCase()] = b;
  for (const ch of '\u2018\u2019\u02bc`') m[ch] = "'";
  for (const ch of '\u0622\u0623\u0625\u0671') m[ch] = '\u0627';
  for (const ch of '\u0649\u0626') m[ch] = '\u064a';
  m['\u0629'] = '\u0647';
  m['\u0624'] = '\u0648';
  // Symbols and letters outside WORD_RANGES whose lower case is inside (Ω K Å signs, Ɫ Ɽ Ɑ…).
  for (const c of [0x2126, 0x212a, 0x212b, 0x2c62, 0x2c64, 0x2c6d, 0x2c6e, 0x2c6f, 0x2c70, 0x2c7e, 0x2c7f, 0xa78d, 0xa7aa, 0xa7ab, 0xa7ac, 0xa7ad, 0xa7ae, 0xa7b0, 0xa7b1, 0xa7b2, 0xa7c5, 0xa7cb, 0xa7dc]) {
    m[String.fromCharCode(c)] = '\u001f';
  }
  const drop = (a: number, b = a) => {
    for (let c = a; c <= b; c++) m[String.fromCharCode(c)] = '';
  };
  drop(0xad);
  drop(0x610, 0x61a);
  drop(0x640);
  drop(0x64b, 0x65f);
  drop(0x670);
  drop(0x6d6, 0x6ed);
  drop(0x200b, 0x200f);
  drop(0x202a, 0x202e);
  drop(0x2066, 0x2069);
  drop(0xfeff);
  return m;
})();

/** A character class of the map's keys, consecutive codes merged into ranges. */
const CHARS = (() => {
  const codes = Object.keys(CHAR_MAP)
    .map((k) => k.charCodeAt(0))
    .sort((a, b) => a - b);
  const hex = (c: number) => '\\u' + c.toString(16).padStart(4, '0');
  let src = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    src += j > i ? `${hex(codes[i])}-${hex(codes[j])}` : hex(codes[i]);
    i = j + 1;
  }
  return new RegExp(`[${src}]`, 'g');
})();
/** White space (as `\s`) and dashes: the profile's spaces and optional hyphens. */
const SPACES = /[\s\u2010-\u2015-]+/g;

export interface QuickFolded {
  text: string;
  /**
   * Whether `foldForMatching` would leave the input as it is (nothing dropped, no Arabic
   * letter variant folded): the profile's own patterns can then run on the input itself.
   */
  same: boolean;
  /** Whether a character `foldForMatching` drops was seen. */
  dropped: boolean;
}

/**
 * Fold text for the first pass: lower case, the Latin accents the profile accepts
 * stripped, Arabic folded and marks dropped as by `foldForMatching`, apostrophes unified,
 * runs of white space and dashes turned into one space. Three native string operations
 * (a per-character loop in JavaScript costs about 1 ms per 4,000 characters on a cold
 * page). Whatever the profile's case-insensitive, accent- and hyphen-tolerant regexes
 * treat as equal folds to the same text here, and word characters stay word characters,
 * so whole-word checks agree.
 */
export function quickFold(s: string): QuickFolded {
  let same = true;
  let dropped = false;
  const text = s
    .replace(CHARS, (ch) => {
      const r = CHAR_MAP[ch];
      if (!r) dropped = true;
      const c = ch.charCodeAt(0);
      if (!r || (c >= 0x600 && c <= 0x6ff)) same = false; // dropped, or an Arabic letter folded
      return r;
    })
    .toLowerCase()
    .replace(SPACES, ' ');
  return { text, same, dropped };
}

/** What `foldForMatching` drops or replaces, and with what. */
const MATCH_MAP: Record<string, string> = (() => {
  const m: Record<string, string> = {};
  for (const [k, v] of Object.entries(CHAR_MAP)) {
    const c = k.charCodeAt(0);
    if (v === '' || (c >= 0x600 && c <= 0x6ff)) m[k] = v;
  }
  return m;
})();
let matchChars: RegExp | null = null;

/**
 * `foldForMatching(s, false).text`, with one native replace instead of its per-character
 * loop (only needed on pages where the IS / EI patterns' literal may occur).
 */
export function foldLikeMatching(s: string): string {
  matchChars ??= new RegExp(`[${Object.keys(MATCH_MAP).map((k) => '\\u' + k.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`, 'g');
  return s.replace(matchChars, (ch) => MATCH_MAP[ch]);
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

type Form = QuickTerms['forms'][number];

/** Whether `form` occurs at `i` as a whole word (Arabic clitics and article as the profile allows). */
function formAt(s: string, i: number, form: Form): boolean {
  const [needle, , article, suffixes] = form;
  return (article ? startsArabic(s, i, article) : startsWord(s, i)) && endsWord(s, i + needle.length, suffixes);
}

/**
 * Whole-word hits of a group's forms: pushes [start, end, form index] triples to `out`, or
 * with `out` null returns at the first hit.
 */
function findGroup(s: string, group: number[], forms: Form[], out: number[] | null): boolean {
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

/** Whether `lit` has a letter that `foldForMatching` produces from another one (ا ي ه و). */
function hasFoldTarget(lit: string): boolean {
  for (let i = 0; i < lit.length; i++) {
    const c = lit.charCodeAt(i);
    if (c === 0x627 || c === 0x64a || c === 0x647 || c === 0x648) return true;
  }
  return false;
}

/**
 * Whether a pattern term matches. `raw` is the input; `matchText` gives it folded by
 * `foldForMatching`, which is what the pattern runs on.
 */
function patternHit(p: QuickTerms['patterns'][number], raw: string, folded: QuickFolded, matchText: () => string): boolean {
  const [, lit, cs, src, flags] = p;
  if (lit) {
    // Every match contains the literal: most pages are let go without folding or compiling anything.
    if (cs) {
      if (raw.indexOf(lit) < 0 && !folded.dropped && !hasFoldTarget(lit)) return false;
      if (matchText().indexOf(lit) < 0) return false;
    } else if (folded.text.indexOf(quickFold(lit).text) < 0) return false;
  }
  let re = patternCache.get(src + '/' + flags);
  if (!re) {
    re = new RegExp(`${BOUND_BEFORE}${AR_CLITICS}(?:${src})${BOUND_AFTER}`, flags);
    patternCache.set(src + '/' + flags, re);
  }
  re.lastIndex = 0;
  return re.test(matchText());
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

const SEP = '\u0001';
/** Arabic letters (after folding), and Latin ones (folded to lower case). */
const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[a-z]/;

/**
 * Whether a page is worth the full extraction + detection. Reads the title, the meta text
 * (first QUICK_META_CHARS) and the text slice (first QUICK_SLICE_CHARS).
 */
export function quickScan(input: QuickInput, q: QuickTerms): QuickCheckResult {
  const slice = input.textSlice.length > QUICK_SLICE_CHARS ? input.textSlice.slice(0, QUICK_SLICE_CHARS) : input.textSlice;
  const meta = input.meta.length > QUICK_META_CHARS ? input.meta.slice(0, QUICK_META_CHARS) : input.meta;
  // One string; the separator is not white space and not part of a word, so nothing matches across parts.
  const raw = (input.title || '') + SEP + meta + SEP + slice;
  const folded = quickFold(raw);
  const s = folded.text;
  const { forms, groups, terms } = q;
  // A root can only occur where its script does: on a page without Arabic letters the
  // Arabic roots are not searched at all, and the Latin ones not on a page without Latin letters.
  const hasArabic = ARABIC.test(s);
  const hasLatin = LATIN.test(s);
  const searchable = (group: number[]) => {
    const c = forms[group[0]][0].charCodeAt(0);
    return c >= 0x600 && c <= 0x6ff ? hasArabic : c >= 0x61 && c <= 0x7a ? hasLatin : true;
  };

  // Names: one is enough.
  let g = 0;
  for (; g < groups.length; g++) {
    const group = groups[g];
    if (!terms[forms[group[0]][1]][1]) break; // names come first
    if (searchable(group) && findGroup(s, group, forms, null)) return { worth: true, reason: 'topic-named', hits: 1 };
  }
  let matchText: string | null = null;
  const forMatching = () => (matchText ??= folded.same ? raw : foldLikeMatching(raw));
  for (const p of q.patterns) {
    if (terms[p[0]][1] && patternHit(p, raw, folded, forMatching)) return { worth: true, reason: 'topic-named', hits: 1 };
  }

  // Related vocabulary: weight of non-overlapping hits (the longest first at a position).
  const at: number[] = [];
  for (; g < groups.length; g++) if (searchable(groups[g])) findGroup(s, groups[g], forms, at);
  let hits = 0;
  let vocab = 0;
  for (const p of q.patterns) {
    // Vocabulary given by a pattern: one hit at most (its position is in another folding).
    if (!terms[p[0]][1] && patternHit(p, raw, folded, forMatching)) {
      hits++;
      vocab += terms[p[0]][2];
    }
  }
  if (at.length) {
    const n = at.length / 3;
    const order: number[] = [];
    for (let i = 0; i < n; i++) order.push(i);
    order.sort((a, b) => at[3 * a] - at[3 * b] || at[3 * b + 1] - at[3 * a + 1]);
    let end = -1;
    for (const i of order) {
      if (at[3 * i] < end) continue;
      end = at[3 * i + 1];
      hits++;
      vocab += terms[forms[at[3 * i + 2]][1]][2];
    }
  }
  if (vocab >= QUICK_VOCAB_WEIGHT && (input.articleSignals > 0 || slice.length >= 1500)) {
    return { worth: true, reason: 'related-terms', hits };
  }
  if (vocab >= QUICK_VOCAB_WEIGHT) return { worth: false, reason: 'not-article', hits };
  return { worth: false, reason: hits ? 'too-few-topic-terms' : 'no-topic-terms', hits };
}
