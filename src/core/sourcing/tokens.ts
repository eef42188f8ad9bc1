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
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) && out.length < max) {
    const full = m[0];
    let raw = full;
    // Trailing dots / hyphens / apostrophes belong to the punctuation, not the word
    // (except abbreviations and initials: "U.S.", "Dr.", "J.").
    if (TRAILING.has(raw.charCodeAt(raw.length - 1)) && !(raw.endsWith('.') && KEEP_DOT.test(raw))) raw = raw.replace(/[.'’\u2010\u2011-]+$/, '');
    out.push(word(raw, base + m.index));
    for (let k = raw.length; k < full.length; k++) {
      const ch = full[k];
      out.push({ raw: ch, low: ch, start: base + m.index + k, end: base + m.index + k + 1, punct: true });
    }
  }
  return out;
}

/** Last characters split off a word: . ' ’ ‐ ‑ - */
const TRAILING = new Set([0x2e, 0x27, 0x2019, 0x2010, 0x2011, 0x2d]);
/** Only Arabic-block characters: no case, no apostrophe (the common case of Arabic text, kept as it is). */
const ARABIC_ONLY = /^[\u0621-\u064a\u0660-\u0669\u066e\u066f\u0671-\u06d3]+$/;

function word(raw: string, start: number): Tok {
  if (ARABIC_ONLY.test(raw)) return { raw, low: raw, start, end: start + raw.length, punct: false };
  const punct = !/[\p{L}\p{N}]/u.test(raw);
  return { raw, low: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, punct };
}

/** Opening / closing quotation marks and other clause punctuation. */
export const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', '„', '‟', '‹', '›']);
export const BOUNDARY_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '—', '–', '-', '،', '؛', '"', '“', '”', '«', '»', '„', '‹', '›', '.', '!', '?', '؟']);

export function isCap(raw: string): boolean {
  return /^\p{Lu}/u.test(raw);
}
