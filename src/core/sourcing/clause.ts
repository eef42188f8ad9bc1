/**
 * Clause reading shared by the Latin-script grammar and quote linking: where a clause's subject
 * starts (after leading adverbial segments), where it ends (the first verb-like word), whether a
 * word reads as a finite verb, and how many words of a sentence stand in quotation.
 */
import { isLyAdverb } from './latin-np';
import { ANON_HEADS, BE_AUX, CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, EN_VERBS, PLACES, PLACES2, PLURAL_HEADS, ROLE_HEADS, VERBISH } from './lexicon';
import { isCap, type Tok } from './tokens';

/** A quotation of at least `min` words in the token list (a scare quote of one or two words is not a statement). */
export function quotedWords(toks: Tok[], inQuote: boolean[]): number {
  let n = 0;
  for (let i = 0; i < toks.length; i++) if (inQuote[i] && !toks[i].punct) n++;
  return n;
}


/** Leading adverbial segments skipped before a subject ("On Twitter, …", "Later, …", "In an interview Monday, …"). */
const LEAD_SEGMENT = /^(?:on|in|at|during|after|before|later|earlier|then|still|yet|but|and|meanwhile|however|speaking|asked|writing|also|instead|separately|again|now|today|yesterday|last|this|when|while|as|with|without|from|for|by|under|since|despite|like|unlike|moreover|indeed|finally|first|second|third|tuesday|monday|wednesday|thursday|friday|saturday|sunday|here|there|hours|days|minutes|moments|weeks|shortly|soon|immediately|afterward|afterwards)$/;

/**
 * A dateline opening the sentence ("Washington (AFP) –", "NEW YORK, Nov. 19 (UPI) —", "Beirut –"):
 * capitalised words, numbers, commas and a short parenthesis, then a dash. Returns the index after
 * the dash, or 0.
 */
export function datelineEnd(toks: Tok[], to: number): number {
  if (!toks[0] || !isCap(toks[0].raw)) return 0;
  for (let k = 1; k < to && k < 12; k++) {
    const t = toks[k];
    if (/^[–—]$/.test(t.raw) || (t.raw === '-' && toks[k - 1].end < t.start)) return k + 1 < to ? k + 1 : 0;
    if (!(isCap(t.raw) || /^\d{1,4}$/.test(t.raw) || /^[,.()]$/.test(t.raw))) return 0;
  }
  return 0;
}

/** Start of the clause subject: after up to two leading adverbial segments ended by a comma. */
export function clauseStart(toks: Tok[], from: number, to: number, inQuote?: boolean[]): number {
  if (from === 0) from = datelineEnd(toks, to);
  for (let seg = 0; seg < 2; seg++) {
    let k = from;
    while (k < to && k - from < 14 && toks[k].raw !== ',' && !inQuote?.[k]) k++;
    // "Hours later, …", "Two days ago, …": a short time segment.
    if (!LEAD_SEGMENT.test(toks[from]?.low ?? '') && !(k - from <= 3 && /^(?:later|earlier|ago)$/.test(toks[k - 1]?.low ?? ''))) break;
    // The comma right before `to` ends the clause itself ("And then Trump went on the attack, saying …").
    if (toks[k]?.raw !== ',' || k + 1 >= to) break;
    from = k + 1;
    // "Speaking in Salem, New Hampshire, Trump …": the state or country after the place ends the segment.
    const p1 = toks[from]?.raw ?? '';
    const p2 = toks[from + 1]?.raw ?? '';
    if (PLACES.has(p1) && toks[from + 1]?.raw === ',') from += 2;
    else if (PLACES2.has(p1 + '_' + p2) && toks[from + 2]?.raw === ',') from += 3;
  }
  while (from < to && /^(?:and|but|so|yet|then|also)$/.test(toks[from].low)) from++;
  return from;
}

/** End (exclusive) of the subject starting at `from`: the first verb-like lower-case word, or -1. */
export function subjectEnd(toks: Tok[], from: number, to: number, inQuote?: boolean[]): number {
  let v = from;
  let paren = false;
  let found = false;
  while (v < to && v - from < 12) {
    const t = toks[v];
    if (inQuote?.[v]) return -1;
    if (t.raw === '(') paren = true;
    else if (t.raw === ')') paren = false;
    else if (!paren && t.punct && t.raw !== '.' && t.raw !== "'" && t.raw !== '’') return -1;
    if (!paren && !t.punct && v > from && !/\p{Lu}/u.test(t.raw)) {
      if (CLAUSE_WORDS.has(t.low)) return -1;
      if (EN_ADV_AUX.has(t.low) || BE_AUX.has(t.low) || isLyAdverb(t.raw) || verbLike(toks, v, from)) {
        found = true;
        break;
      }
    }
    v++;
  }
  if (!found || v === from) return -1;
  let vv = v;
  while (vv < to && (EN_ADV_AUX.has(toks[vv].low) || BE_AUX.has(toks[vv].low) || isLyAdverb(toks[vv].raw))) vv++;
  // "Sanders is releasing an ad that …": a progressive after the auxiliary.
  const ing = vv > v && vv < to && /^[a-z]{3,}ing$/.test(toks[vv].raw) && BE_AUX.has(toks[vv - 1].low);
  if (vv >= to || !(ing || verbLike(toks, vv, from))) return -1;
  let e = v;
  // Drop a trailing parenthesis ("Gov. Pat McCrory (R)").
  if (toks[e - 1]?.raw === ')') {
    let k = e - 1;
    while (k > from && toks[k].raw !== '(') k--;
    e = k;
  }
  return e;
}

/** A lower-case word that reads as a finite verb after a subject ("paused", "calls", "took"). */
export function verbLike(toks: Tok[], i: number, from: number): boolean {
  const t = toks[i];
  const w = t.low;
  if (/\p{Lu}/u.test(t.raw) || t.punct || CLAUSE_WORDS.has(w)) return false;
  if (EN_VERBS.has(w) || VERBISH.has(w) || IRREGULAR.test(w)) return true;
  const prev = toks[i - 1];
  // "a retired general", "the unnamed official": a participle after a determiner is an adjective.
  if (prev && DETERMINERS.has(prev.low)) return false;
  if (/^[a-z]{2,}ed$/.test(w)) return true;
  // "Trump calls", "the senator says" — not "Leaders from Sunni and Shia groups".
  if (/^[a-z]{2,}[^s]s$/.test(w) && !ANON_HEADS.has(w) && !PLURAL_HEADS.has(w)) {
    for (let k = from; k < i - 1; k++) if (/^(?:and|or|from|of|in|with)$/.test(toks[k].low)) return false;
    return !!prev && (isCap(prev.raw) || ANON_HEADS.has(prev.low) || ROLE_HEADS.has(prev.low) || /^(?:he|she|it)$/.test(prev.low));
  }
  return false;
}
const IRREGULAR = /^(?:took|went|made|gave|put|let|set|got|came|spoke|wrote|drew|threw|led|hit|cast|read|sang|began|kept|held|brought|sought|thought|felt|left|ran|fought|shot|fired|struck|stood|sent|told)$/;

