/**
 * Unicode-category tests (\p{L}, \p{N}, \p{M}, \p{P}) without compiling \p{…} classes when
 * the text allows it. A \p{…} class costs V8 about a millisecond to compile (ICU tables, then
 * native code), and the content script compiles every expression afresh on every page it
 * analyses (issue #14). Text made only of the characters of SIMPLE (ASCII, Latin-1 and Latin
 * Extended-A/B, combining diacritics, the Arabic block, general punctuation) — nearly every
 * page in English, French or Arabic — is tested with explicit character ranges instead; other
 * text falls back to the \p{…} expressions. Each helper returns exactly what the \p{…}
 * expression it replaces would (char-class.test.ts checks every character of SIMPLE against
 * the engine's own \p{…} classes).
 */

/** The characters whose categories the ranges below spell out. */
export const SIMPLE = '\\u0009-\\u000d\\u0020-\\u007e\\u00a0-\\u024f\\u0300-\\u036f\\u0600-\\u06ff\\u2000-\\u2064\\u2066-\\u206f';
/** \p{L} ∪ \p{N} inside SIMPLE. */
export const LN =
  '0-9A-Za-z\\u00aa\\u00b2\\u00b3\\u00b5\\u00b9\\u00ba\\u00bc-\\u00be\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0620-\\u064a\\u0660-\\u0669\\u066e\\u066f\\u0671-\\u06d3\\u06d5\\u06e5\\u06e6\\u06ee-\\u06fc\\u06ff';
/** \p{M} inside SIMPLE. */
export const M = '\\u0300-\\u036f\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06dc\\u06df-\\u06e4\\u06e7\\u06e8\\u06ea-\\u06ed';
/** \p{L} inside SIMPLE. */
export const L =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0620-\\u064a\\u066e\\u066f\\u0671-\\u06d3\\u06d5\\u06e5\\u06e6\\u06ee\\u06ef\\u06fa-\\u06fc\\u06ff';
/** Characters of SIMPLE outside \p{L}, \p{M}, \p{N}, \s and \p{P} (symbols, format characters). */
export const NOT_PROSE =
  '\\u0024\\u002b\\u003c-\\u003e\\u005e\\u0060\\u007c\\u007e\\u00a2-\\u00a6\\u00a8\\u00a9\\u00ac-\\u00b1\\u00b4\\u00b8\\u00d7\\u00f7\\u0600-\\u0608\\u060b\\u060e\\u060f\\u061c\\u06dd\\u06de\\u06e9\\u06fd\\u06fe\\u200b-\\u200f\\u202a-\\u202e\\u2044\\u2052\\u2060-\\u2064\\u2066-\\u206f';

const OUTSIDE = new RegExp(`[^${SIMPLE}]`);
/** Whether every character of `s` is in SIMPLE (then the explicit ranges apply). */
export function isSimple(s: string): boolean {
  return !OUTSIDE.test(s);
}

const NOT_PROSE_G = new RegExp(`[${NOT_PROSE}]`, 'g');
const PROSE_U = /[\p{L}\p{M}\p{N}\s\p{P}]/gu;
/** Number of matches of /[\p{L}\p{M}\p{N}\s\p{P}]/gu in `s` (letters, marks, digits, white space, punctuation). */
export function countProse(s: string): number {
  if (isSimple(s)) return s.length - (s.match(NOT_PROSE_G)?.length ?? 0);
  return s.match(PROSE_U)?.length ?? 0;
}

const WORD_G = new RegExp(`[${LN}][${LN}${M}'’-]*`, 'g');
const WORD_U = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
/** The words of `s`: matches of [\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]* (flags gu), as `tokenize` (core/text/normalize) finds them. */
export function wordRuns(s: string): string[] {
  return s.match(isSimple(s) ? WORD_G : WORD_U) ?? [];
}

/** Number of words (see wordRuns). */
export function countWordRuns(s: string): number {
  return wordRuns(s).length;
}

const LN_1 = new RegExp(`[${LN}]`);
const LN_U = /[\p{L}\p{N}]/u;
/** /[\p{L}\p{N}]/u.test(s): a letter or a digit anywhere. */
export function hasLetterOrDigit(s: string): boolean {
  return isSimple(s) ? LN_1.test(s) : LN_U.test(s);
}

const L_1 = new RegExp(`[${L}]`);
const L_U = /\p{L}/u;
/** /\p{L}/u.test(s): a letter anywhere. */
export function hasLetter(s: string): boolean {
  return isSimple(s) ? L_1.test(s) : L_U.test(s);
}

const L_RUNS = new RegExp(`[${L}]+`, 'g');
const L_RUNS_U = /\p{L}+/gu;
/** Number of matches of /\p{L}+/gu in `s` (runs of letters). */
export function countLetterRuns(s: string): number {
  const m = s.match(isSimple(s) ? L_RUNS : L_RUNS_U);
  return m ? m.length : 0;
}

const NOT_LN_G = new RegExp(`[^${LN}]+`, 'g');
const NOT_LN_U = /[^\p{L}\p{N}]+/gu;
/** s.replace(/[^\p{L}\p{N}]+/gu, ''): letters and digits only. */
export function lettersAndDigits(s: string): string {
  return s.replace(isSimple(s) ? NOT_LN_G : NOT_LN_U, '');
}
