/**
 * Characters that continue a word, for the whole-word rule of term matching. One list,
 * used both by the profile's regular expressions (as a character class) and by the
 * regex-free first pass (as a numeric test), so the two agree on word boundaries.
 * Explicit ranges (letters of the scripts in use, digits, underscore) are about twice as
 * fast as \p{L}\p{N} in lookbehinds. Arabic punctuation (، ؛ ؟ ٪) is not part of a word.
 */

/** Inclusive [from, to] code ranges, sorted. */
export const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39], // 0-9
  [0x41, 0x5a], // A-Z
  [0x5f, 0x5f], // _
  [0x61, 0x7a], // a-z
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2af],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x590, 0x5ff],
  [0x621, 0x64a],
  [0x660, 0x669],
  [0x66e, 0x6d3],
  [0x6d5, 0x6d5],
  [0x6ee, 0x6ff],
  [0x750, 0x77f],
  [0x8a0, 0x8ff],
  [0x1e00, 0x1fff],
  [0x3040, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7af],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];

const hex = (c: number) => '\\u' + c.toString(16).toUpperCase().padStart(4, '0');

/** The same set as the body of a RegExp character class (no brackets). */
export const WORD_CHARS = WORD_RANGES.map(([a, b]) => {
  const one = (c: number) => (c < 0x80 ? String.fromCharCode(c) : hex(c));
  return a === b ? one(a) : `${one(a)}-${one(b)}`;
}).join('');

/** Whether a UTF-16 code unit continues a word (see WORD_RANGES). */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
  for (let i = 4; i < WORD_RANGES.length; i++) {
    const r = WORD_RANGES[i];
    if (c < r[0]) return false;
    if (c <= r[1]) return true;
  }
  return false;
}

/** Regex sources of the whole-word rule (run on text folded by `foldForMatching`). */
export const BOUND_BEFORE = `(?<![${WORD_CHARS}])`;
export const BOUND_AFTER = `(?![${WORD_CHARS}])`;
/** Arabic clitics accepted before every term: conjunction و/ف, then preposition ب/ك/ل. */
export const AR_CLITICS = '(?:[\\u0648\\u0641]?[\\u0628\\u0643\\u0644]?)';
