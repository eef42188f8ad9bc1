/**
 * Text normalisation shared by detection, matching and anchoring.
 * Arabic folding: diacritics (tashkeel) and tatweel removed; alef variants → ا;
 * alef maqsura ى → ي; taa marbuta ة → ه; hamza carriers ؤ → و, ئ → ي.
 */

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;

/** Any character `foldArabic` changes (text without one is returned as it is, without seven passes). */
const FOLDS_SOMETHING = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u0622\u0623\u0625\u0671\u0649\u0629\u0624\u0626]/;

export function foldArabic(s: string): string {
  if (!FOLDS_SOMETHING.test(s)) return s;
  return s
    .replace(ARABIC_DIACRITICS, '')
    .replace(TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A');
}

/** Lower-case, fold Arabic, unify apostrophes/quotes/dashes and collapse white space. */
export function normalizeText(s: string): string {
  return foldArabic(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;

/** Word tokens of already-normalised text (letters/digits, inner apostrophes and hyphens kept). */
export function tokenize(normalized: string): string[] {
  return normalized.match(WORD) ?? [];
}

/** True when most letters of the string are Arabic script. */
export function isMostlyArabic(s: string): boolean {
  let ar = 0;
  let latin = 0;
  const n = Math.min(s.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return ar > latin;
}

/** Text folded for matching, with a map from folded offsets back to the original. */
export interface FoldedText {
  text: string;
  /** `map[i]` = offset in the original of folded char i; null when nothing changed. */
  map: Int32Array | null;
}

/** Folded replacement of U+0600..U+06FF: -1 = drop, 0 = keep, otherwise the new code. */
const AR_FOLD = (() => {
  const t = new Int32Array(256);
  for (let c = 0x0610; c <= 0x061a; c++) t[c - 0x600] = -1;
  for (let c = 0x064b; c <= 0x065f; c++) t[c - 0x600] = -1;
  for (let c = 0x06d6; c <= 0x06ed; c++) t[c - 0x600] = -1;
  t[0x70] = -1; // superscript alef
  t[0x40] = -1; // tatweel
  t[0x22] = t[0x23] = t[0x25] = t[0x71] = 0x0627;
  t[0x49] = t[0x26] = 0x064a;
  t[0x29] = 0x0647;
  t[0x24] = 0x0648;
  return t;
})();

/** Folded replacement of one UTF-16 unit: -1 = drop, 0 = keep, otherwise the new code. */
function foldCode(c: number): number {
  if (c < 0x00ad) return 0;
  if (c >= 0x0600 && c <= 0x06ff) return AR_FOLD[c - 0x600];
  if (c === 0x00ad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return -1;
  return 0;
}

/**
 * Fold text for term matching the way `foldArabic` does (alef/yaa/taa-marbuta/hamza
 * carriers folded, diacritics and tatweel removed) and also drop zero-width, bidi
 * and soft-hyphen characters. Unlike `normalizeText` it keeps case and length of
 * everything else, and returns an offset map (when `withMap`) so that matches can be
 * reported in original-text offsets. Returns the input unchanged (map null) when
 * there is nothing to fold.
 */
export function foldForMatching(s: string, withMap = true): FoldedText {
  // The claims fold one sentence several times in a row (figures, places, date): the last result is kept.
  if (!withMap) return foldUncached(s, false);
  if (s !== lastFold.s) lastFold = { s, r: foldUncached(s, true) };
  return lastFold.r;
}
let lastFold: { s: string; r: FoldedText } = { s: '', r: { text: '', map: null } };

function foldUncached(s: string, withMap: boolean): FoldedText {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) if (foldCode(s.charCodeAt(i)) !== 0) break;
  if (i === n) return { text: s, map: null };
  const buf = new Uint16Array(n);
  const map = withMap ? new Int32Array(n) : null;
  for (let j = 0; j < i; j++) buf[j] = s.charCodeAt(j);
  if (map) for (let j = 0; j < i; j++) map[j] = j;
  let k = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    if (f === -1) continue;
    buf[k] = f === 0 ? c : f;
    if (map) map[k] = i;
    k++;
  }
  return { text: utf16ToString(buf, k), map: map ? map.subarray(0, k) : null };
}

let utf16: TextDecoder | null | undefined;
function utf16ToString(buf: Uint16Array, len: number): string {
  if (utf16 === undefined) {
    try {
      utf16 = new TextDecoder('utf-16le');
    } catch {
      utf16 = null;
    }
  }
  // Little-endian platforms (all the ones we run on) can decode the buffer directly.
  if (utf16 && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return utf16.decode(buf.subarray(0, len));
  let out = '';
  for (let j = 0; j < len; j += 4096) out += String.fromCharCode(...buf.subarray(j, Math.min(len, j + 4096)));
  return out;
}
