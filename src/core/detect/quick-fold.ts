/**
 * The first pass's folding (split from quick-scan.ts): one native pass that makes text
 * compare the way the profile's case-, accent- and hyphen-tolerant regexes do, and the
 * cheaper `foldForMatching` equivalent the raw-pattern terms run on.
 *
 * The tables below are built on first use, not when the content script loads: on most pages
 * the prefilter (quick-prefilter.ts) clears the text with its own native operations and
 * nothing here runs, so building them at load was paid on every page for nothing.
 */
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
export function charMap(): Record<string, string> {
  return (charMapMemo ??= buildCharMap());
}
let charMapMemo: Record<string, string> | null = null;

function buildCharMap(): Record<string, string> {
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
}

/** A character class of the map's keys, consecutive codes merged into ranges (built on first use). */
let charsMemo: RegExp | null = null;
function chars(): RegExp {
  return (charsMemo ??= buildChars());
}
function buildChars(): RegExp {
  const codes = Object.keys(charMap())
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
}
/**
 * Runs of white space (as `\s`) and dashes, the profile's spaces and optional hyphens, that are
 * not a single space already (each is replaced by one space; a single space is not matched: fewer
 * replacements, same text).
 */
const SPACES = /[\s\u2010-\u2015-]{2,}|[^\S ]|[\u2010-\u2015-]/g;

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
  const map = charMap();
  const text = s
    .replace(chars(), (ch) => {
      const r = map[ch];
      if (!r) dropped = true;
      const c = ch.charCodeAt(0);
      if (!r || (c >= 0x600 && c <= 0x6ff)) same = false; // dropped, or an Arabic letter folded
      return r;
    })
    .toLowerCase()
    .replace(SPACES, ' ');
  return { text, same, dropped };
}

/** What `foldForMatching` drops or replaces, and with what (built on first use). */
let matchMap: Record<string, string> | null = null;
let matchChars: RegExp | null = null;

/**
 * `foldForMatching(s, false).text`, with one native replace instead of its per-character
 * loop (only needed on pages where the IS / EI patterns' literal may occur).
 */
export function foldLikeMatching(s: string): string {
  if (!matchMap) {
    const m: Record<string, string> = {};
    for (const [k, v] of Object.entries(charMap())) {
      const c = k.charCodeAt(0);
      if (v === '' || (c >= 0x600 && c <= 0x6ff)) m[k] = v;
    }
    matchMap = m;
  }
  const map = matchMap;
  matchChars ??= new RegExp(`[${Object.keys(map).map((k) => '\\u' + k.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`, 'g');
  return s.replace(matchChars, (ch) => map[ch]);
}
