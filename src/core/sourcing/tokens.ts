/**
 * Word/punctuation tokens with offsets, for the attribution grammar. Words keep inner
 * hyphens, apostrophes and dots ("al-Zarari", "U.S.", "d'après"); a final dot is split
 * off unless the word is an abbreviation or initials.
 */

export interface Tok {
  /** Text as written. */
  raw: string;
  /** Lower-cased, typographic apostrophes unified. */
  low: string;
  start: number;
  end: number;
  /** True for punctuation tokens. */
  punct: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}'’.\u2010\u2011-]*|[^\s\p{L}\p{N}\p{M}]/gu;
const KEEP_DOT = /^(?:(?:\p{L}\.)+|\p{Lu}|mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|st|jr|sr|prof|rev|gov|sen|sens|rep|reps|del|amb|pres|atty|supt|cmdr|hon|brig|adm)\.?$/iu;

/** Tokenise `s`; offsets are relative to `s` plus `base`. At most `max` tokens. */
export function tokenize(s: string, base = 0, max = 400): Tok[] {
  const out: Tok[] = [];
  // The scanner below finds the same tokens as TOKEN, one character class look-up per
  // character instead of a Unicode-property regular expression per token; text with a
  // surrogate (a character outside the BMP) goes through TOKEN itself.
  const n = s.length;
  let i = 0;
  while (i < n && out.length < max) {
    const c = s.charCodeAt(i);
    const k = charKind(c);
    if (k === SPACE) {
      i++;
      continue;
    }
    if (k === SURROGATE) return tokenizeRe(s, base, max, out, i);
    if (k !== WORD) {
      // One character, through the same steps as a regular-expression match (a lone joiner
      // such as "-" gives an empty word token before it, as it always has).
      push(out, s[i], base + i);
      i++;
      continue;
    }
    let e = i + 1;
    for (; e < n; e++) {
      const ke = charKind(s.charCodeAt(e));
      if (ke === SURROGATE) return tokenizeRe(s, base, max, out, i); // an astral letter may go on the word
      if (ke !== WORD && ke !== JOINER) break;
    }
    push(out, s.slice(i, e), base + i);
    i = e;
  }
  return out;
}

/** The regular-expression tokenizer from offset `from` on (`out` holds the tokens before it). */
function tokenizeRe(s: string, base: number, max: number, out: Tok[], from: number): Tok[] {
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) && out.length < max) push(out, m[0], base + m.index);
  return out;
}

/** One match of TOKEN at `at`: the word, then any trailing characters split off it as punctuation. */
function push(out: Tok[], full: string, at: number): void {
  let raw = full;
  // Trailing dots / hyphens / apostrophes belong to the punctuation, not the word
  // (except abbreviations and initials: "U.S.", "Dr.", "J.").
  if (TRAILING.has(raw.charCodeAt(raw.length - 1)) && !(raw.endsWith('.') && KEEP_DOT.test(raw))) raw = raw.replace(/[.'’\u2010\u2011-]+$/, '');
  out.push(word(raw, at));
  for (let k = raw.length; k < full.length; k++) {
    const ch = full[k];
    out.push({ raw: ch, low: ch, start: at + k, end: at + k + 1, punct: true });
  }
}

/** Character kinds for the scanner: white space (\s), a letter/number/mark (starts and continues a word), a joiner that only continues one ('’.‐‑-), other (punctuation), a surrogate. */
const SPACE = 1;
const WORD = 2;
const JOINER = 3;
const OTHER = 4;
const SURROGATE = 5;
const KINDS = new Uint8Array(0x10000);
const LNM = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = /['’.\u2010\u2011-]/;
function charKind(c: number): number {
  const k = KINDS[c];
  if (k) return k;
  const ch = String.fromCharCode(c);
  const kind = c >= 0xd800 && c <= 0xdfff ? SURROGATE : /\s/.test(ch) ? SPACE : LNM.test(ch) ? WORD : JOINERS.test(ch) ? JOINER : OTHER;
  KINDS[c] = kind;
  return kind;
}

/** Last characters split off a word: . ' ’ ‐ ‑ - */
const TRAILING = new Set([0x2e, 0x27, 0x2019, 0x2010, 0x2011, 0x2d]);
/** Only Arabic-block characters: no case, no apostrophe (the common case of Arabic text, kept as it is). */
const ARABIC_ONLY = /^[\u0621-\u064a\u0660-\u0669\u066e\u066f\u0671-\u06d3]+$/;

/** ARABIC_ONLY.test(raw), without the regular expression. */
function arabicOnly(raw: string): boolean {
  if (!raw.length) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 0x0621 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669) || c === 0x066e || c === 0x066f || (c >= 0x0671 && c <= 0x06d3))) return false;
  }
  return true;
}

function word(raw: string, start: number): Tok {
  if (arabicOnly(raw)) return { raw, low: raw, start, end: start + raw.length, punct: false };
  const punct = !/[\p{L}\p{N}]/u.test(raw);
  return { raw, low: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, punct };
}

/** Opening / closing quotation marks and other clause punctuation. */
export const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', '„', '‟', '‹', '›']);
export const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '—', '–', '-', '،', '؛', '"', '“', '”', '«', '»', '„', '‹', '›', '.', '!', '?', '؟']);

export function isCap(raw: string): boolean {
  return /^\p{Lu}/u.test(raw);
}
