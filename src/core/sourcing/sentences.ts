/**
 * Sentence splitting with offsets, for attribution and claim extraction.
 * One linear pass over the text; no regex backtracking. Paragraphs are separated by
 * blank lines (single line breaks also end a sentence: credit lines, datelines).
 */

export interface Sentence {
  /** Offsets in the original text (trimmed of surrounding white space). */
  start: number;
  end: number;
  text: string;
  /** Paragraph index (0-based). */
  para: number;
  /** Index of the sentence within its paragraph. */
  inPara: number;
}

/** Hard cap on one sentence: longer runs are cut (at white space when possible). */
export const MAX_SENTENCE = 1200;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sgt', 'capt', 'maj', 'st', 'jr', 'sr', 'prof', 'rev', 'gov',
  'sen', 'rep', 'no', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'inc', 'co', 'corp', 'ltd', 'brig', 'adm', 'cmdr', 'mt', 'ft', 'approx',
  'dept', 'govt', 'mme', 'mlle', 'cf', 'del', 'amb', 'pres', 'atty', 'sens', 'reps', 'supt', 'hon',
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isClosing(c: number): boolean {
  // " ' ) ] ” ’ » ›
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a;
}

function isUpperStart(c: number): boolean {
  if (c >= 65 && c <= 90) return true; // A-Z
  if (c >= 48 && c <= 57) return true; // digits
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return true; // Latin-1 capitals
  if (c >= 0x0600 && c <= 0x06ff) return true; // Arabic: no case
  if (c >= 0x0660 && c <= 0x0669) return true;
  // Opening quotes/brackets: “ " ' ‘ « ( [
  return c === 0x201c || c === 34 || c === 39 || c === 0x2018 || c === 0xab || c === 40 || c === 91 || c === 0x2039;
}

/** The word ending just before `i` (exclusive), for abbreviation checks. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && i - j < 12) {
    const c = text.charCodeAt(j - 1);
    if (isSpace(c) || c === 40 || c === 34 || c === 0x201c) break;
    j--;
  }
  return text.slice(j, i);
}

/** Split `text` into sentences with offsets. Bounded: O(n). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let para = 0;
  let inPara = 0;
  let segStart = 0;

  const push = (s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    // Cut overlong runs.
    while (e - s > MAX_SENTENCE) {
      let cut = s + MAX_SENTENCE;
      let k = cut;
      while (k > s + MAX_SENTENCE / 2 && !isSpace(text.charCodeAt(k))) k--;
      if (k > s + MAX_SENTENCE / 2) cut = k;
      out.push({ start: s, end: cut, text: text.slice(s, cut), para, inPara: inPara++ });
      s = cut;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
    }
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), para, inPara: inPara++ });
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      push(segStart, i);
      // Blank line → new paragraph.
      let j = i + 1;
      let blank = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10) blank = true;
        else if (!isSpace(d)) break;
        j++;
      }
      if (blank) {
        para++;
        inPara = 0;
      }
      segStart = j;
      i = j - 1;
      continue;
    }
    // . ! ? ؟ … ۔
    if (c === 46 || c === 33 || c === 63 || c === 0x061f || c === 0x2026 || c === 0x06d4) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || text.charCodeAt(j) === 0x061f)) j++;
      while (j < n && isClosing(text.charCodeAt(j))) j++;
      if (j < n && !isSpace(text.charCodeAt(j))) {
        i = j - 1;
        continue;
      }
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== 10) k++;
      if (k < n && text.charCodeAt(k) !== 10 && !isUpperStart(text.charCodeAt(k))) {
        i = j - 1;
        continue;
      }
      if (c === 46 && j === i + 1) {
        const w = wordBefore(text, i);
        // Abbreviations and initials ("U.S.", "J. Smith") do not end a sentence.
        if (ABBREVIATIONS.has(w.toLowerCase()) || /^\p{Lu}$/u.test(w) || /^(?:\p{L}\.)+\p{L}$/u.test(w)) {
          i = j - 1;
          continue;
        }
      }
      push(segStart, j);
      segStart = j;
      i = j - 1;
    }
  }
  push(segStart, n);
  return out;
}
