/**
 * The character scanner of `tokenize` gives exactly the tokens of the regular expression it
 * replaces, on Arabic, English and French text, odd punctuation, joiners, abbreviations,
 * characters outside the BMP (words and symbols) and a token limit.
 */
import { describe, expect, it } from 'vitest';
import { tokenize, type Tok } from './tokens';

const TOKEN = /[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}'’.\u2010\u2011-]*|[^\s\p{L}\p{N}\p{M}]/gu;
const KEEP_DOT = /^(?:(?:\p{L}\.)+|\p{Lu}|mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|st|jr|sr|prof|rev|gov|sen|sens|rep|reps|del|amb|pres|atty|supt|cmdr|hon|brig|adm)\.?$/iu;
const TRAILING = new Set([0x2e, 0x27, 0x2019, 0x2010, 0x2011, 0x2d]);
const ARABIC_ONLY = /^[\u0621-\u064a\u0660-\u0669\u066e\u066f\u0671-\u06d3]+$/;

/** The regular-expression tokenizer, as it was written before the scanner. */
function reference(s: string, base = 0, max = 400): Tok[] {
  const out: Tok[] = [];
  const word = (raw: string, start: number): Tok => {
    if (ARABIC_ONLY.test(raw)) return { raw, low: raw, start, end: start + raw.length, punct: false };
    const punct = !/[\p{L}\p{N}]/u.test(raw);
    return { raw, low: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, punct };
  };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) && out.length < max) {
    const full = m[0];
    let raw = full;
    if (TRAILING.has(raw.charCodeAt(raw.length - 1)) && !(raw.endsWith('.') && KEEP_DOT.test(raw))) raw = raw.replace(/[.'’\u2010\u2011-]+$/, '');
    out.push(word(raw, base + m.index));
    for (let k = raw.length; k < full.length; k++) out.push({ raw: full[k], low: full[k], start: base + m.index + k, end: base + m.index + k + 1, punct: true });
  }
  return out;
}

const SAMPLES = [
  'وقال مصدر أمني، في تصريح لـ«الشرق الأوسط»: إن ٣٠٠ عنصرٍ من «داعش» فرّوا.',
  'U.S. officials said on Monday that Dr. Smith\'s team—about 7,000 people—left al-Raqqa… "We\'re done," he said.',
  "D'après l'AFP, l’armée a tué 12 combattants à Mossoul - selon Mr. Dupont.",
  'Tabs\tand\u00a0no-break\u2009thin\u3000ideographic spaces; zero\u200bwidth joiner\u200d here.',
  'Trailing dots... and dashes-- and ’quotes’ and J. R. R. Tolkien and e.g. and -5 and 3.5.',
  'Astral letters 𝐀𝐁𝐂 and 𝒜bc and an emoji 😀 and a lone \ud800 surrogate, then words after.',
  'ــــتطويل وتشكيل: مُحَمَّد، ١٢٣٤٥، ۱۲۳ ، ؟ ؛ ٪ «» — – ‐‑',
];

describe('tokenize', () => {
  it('gives the tokens of the regular expression', () => {
    for (const s of SAMPLES) {
      expect(tokenize(s)).toEqual(reference(s));
      expect(tokenize(s, 17, 5)).toEqual(reference(s, 17, 5));
    }
  });

  it('agrees on random mixtures of characters', () => {
    const chars = [...'ab Z.\'’-‐‑,;:!?()«»"“”۰٠٣قالوأةـًّ \t\n\u00a0\u200bé', '𝐀', '😀', '\ud800', '\udc00'];
    let seed = 7;
    const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = 0; k < 24; k++) s += chars[Math.floor(r() * chars.length)];
      expect(tokenize(s, n, 12)).toEqual(reference(s, n, 12));
    }
  });
});
