/**
 * The counted noun phrase after a figure: "more than 160 [Syrian soldiers] in 2014",
 * "dozens of [foreign IT experts] from …", "نحو 7000 [معتقل] من …", "des centaines de
 * [combattants étrangers]". "N of them" is resolved to the nearest plural noun phrase before.
 */
import { foldArabic } from '../text/normalize';
import type { QuantityHit } from './quantity';

const EN_STOP = new Set(
  ('the a an of in on at to from by for with into onto over under about after before during since until across through ' +
    'against among between within without near and or but who which that whose where when while as than is are was were ' +
    'be been being has have had will would can could should may might must do does did not no also have just still ' +
    'recently reportedly already now then there here this these those them they their its his her our your my it he she ' +
    'we you i said say says told according per each every more most less least such other another dans de des du la le les ' +
    'et ou qui que au aux en par pour sur avec sans sont ont est était a ont été selon près depuis entre leurs leur ses sa son')
    .split(' '),
);
/** Plural nouns that do not end in -s. */
const IRREGULAR_PLURAL = new Set('people men women children police personnel staff militia clergy youth troops cattle'.split(' '));

const AR_STOP = new Set(
  'من في الي علي عن مع خلال بعد قبل منذ حتي الذي التي الذين ان انه قد لقد كان كانت تم و او ثم كما بين عبر داخل نحو حوالي'.split(' '),
);

export interface SubjectResult {
  subject: string;
  /** The head noun as written (the last word of the subject). */
  head: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/uy;

function latinWords(s: string, from: number, max: number): { w: string; start: number; end: number; gapBefore: string }[] {
  const out: { w: string; start: number; end: number; gapBefore: string }[] = [];
  let i = from;
  while (out.length < max && i < s.length) {
    let j = i;
    while (j < s.length && (s[j] === ' ' || s[j] === '\u00a0' || s[j] === '-' && out.length === 0)) j++;
    WORD.lastIndex = j;
    const m = WORD.exec(s);
    if (!m) break;
    const gap = s.slice(i, j);
    let w = m[0].replace(/[.'’-]+$/, '');
    out.push({ w, start: j, end: j + w.length, gapBefore: gap });
    i = j + w.length;
    if (w.length !== m[0].length) break; // a sentence-final dot or apostrophe ends the phrase
  }
  return out;
}

function isPlural(w: string): boolean {
  const l = w.toLowerCase();
  if (IRREGULAR_PLURAL.has(l)) return true;
  return /^[\p{L}-]{3,}s$/u.test(l) && !/(?:ss|us|is)$/.test(l) && !/^[A-Z]{2,}$/.test(w);
}

/** Latin-script subject starting at `at` in `s`. */
export function latinSubject(s: string, at: number, pronounOf?: boolean, french = false): SubjectResult | null {
  const ws = latinWords(s, at, 6);
  const picked: string[] = [];
  let head = '';
  for (let k = 0; k < ws.length; k++) {
    const { w, gapBefore } = ws[k];
    if (k > 0 && /[,;:()"“”]/.test(gapBefore)) break;
    const l = w.toLowerCase();
    if (l === 'and' && picked.length && k + 1 < ws.length && !EN_STOP.has(ws[k + 1].w.toLowerCase())) {
      picked.push(w);
      continue;
    }
    // "several other instances", "nine of the 13 delegates": the noun comes after.
    if (k === 0 && (l === 'other' || (/^\d/.test(w) && ws.length > 1))) continue;
    if (EN_STOP.has(l) && !/^\p{Lu}{2,}$/u.test(w)) break;
    if (/^\d/.test(w)) break;
    picked.push(w);
    if (isPlural(w)) {
      head = w;
      // French adjectives follow the noun: "soldats syriens", "combattants étrangers", "comptes Twitter".
      if (french) {
        for (let q = k + 1; q < ws.length && q <= k + 2; q++) {
          const a = ws[q].w;
          if (EN_STOP.has(a.toLowerCase()) || !(/[sx]$/.test(a) || /^\p{Lu}/u.test(a))) break;
          picked.push(a);
        }
      }
      break;
    }
    if (picked.length >= 4) break;
  }
  if (!picked.length) return null;
  if (!head) {
    // No plural head: keep a short phrase only when it ends in a noun-like word (not "and").
    while (picked.length && picked[picked.length - 1].toLowerCase() === 'and') picked.pop();
    if (!picked.length || picked.length > 3) return null;
    head = picked[picked.length - 1];
    if (/(?:ed|ing|ly)$/i.test(head) && !pronounOf) return null;
  }
  return { subject: picked.join(' '), head };
}

/** Nearest plural noun phrase ending before `before` (for "six of them"). */
export function antecedent(s: string, before: number): SubjectResult | null {
  const text = s.slice(Math.max(0, before - 600), before);
  const re = /((?:[\p{L}][\p{L}'’-]*\s+){0,2})([\p{L}][\p{L}'’-]*s)(?![\p{L}])/gu;
  let m: RegExpExecArray | null;
  let best: SubjectResult | null = null;
  const heads: { head: string; phrase: string }[] = [];
  let guard = 0;
  while ((m = re.exec(text)) && guard++ < 400) {
    const head = m[2];
    if (!isPlural(head) || EN_STOP.has(head.toLowerCase())) continue;
    const mods = m[1].trim().split(/\s+/).filter((w) => w && !EN_STOP.has(w.toLowerCase()) && !/(?:ed|ly|ing)$/i.test(w));
    heads.push({ head, phrase: [...mods.slice(-2), head].join(' ') });
  }
  if (!heads.length) return null;
  const last = heads[heads.length - 1];
  // Prefer the fullest earlier mention of the same head ("the accounts" → "Twitter accounts").
  let phrase = last.phrase;
  for (const h of heads) if (h.head.toLowerCase() === last.head.toLowerCase() && h.phrase.split(' ').length > phrase.split(' ').length) phrase = h.phrase;
  best = { subject: phrase, head: last.head };
  return best;
}

/** Arabic subject starting at `at` (up to three words: the noun and its adjectives / complement). */
export function arabicSubject(s: string, at: number): SubjectResult | null {
  const re = /[\u0600-\u06ff\p{L}][\u0600-\u06ff\p{L}\p{M}]*/uy;
  const picked: string[] = [];
  let i = at;
  while (picked.length < 3 && i < s.length) {
    let j = i;
    while (j < s.length && /[\s\u00a0«»"]/.test(s[j])) j++;
    if (j > i && /[،,.:؛]/.test(s.slice(i, j))) break;
    if (j < s.length && /[،,.:؛()]/.test(s[j])) break;
    re.lastIndex = j;
    const m = re.exec(s);
    if (!m) break;
    // The Arabic comma, semicolon and question mark sit in the Arabic block: they end the phrase.
    const word = m[0].replace(/[\u060c\u061b\u061f][\s\S]*$/, '');
    if (!word) break;
    const f = foldArabic(word);
    if (AR_STOP.has(f) || /^(?:و|ف)?(?:قال|اكد|افاد|اضاف|ذكر|يقول|ان)$/.test(f)) break;
    // After the noun, only adjectives (definite or nisba) or a construct complement continue the phrase.
    if (picked.length >= 1 && !/^ال|ي$|يه$|يين$|يون$|يا$/.test(f)) break;
    picked.push(word);
    if (word.length !== m[0].length) break;
    i = j + m[0].length;
  }
  if (!picked.length) return null;
  return { subject: picked.join(' '), head: picked[0] };
}


/**
 * The subject counted by a figure found in `s` (offsets of `h` relative to `s`): the noun
 * phrase after it, the antecedent for "six of them", the "of …" phrase after a percentage.
 */
export function subjectFor(s: string, h: QuantityHit): (SubjectResult & { unit?: string }) | null {
  if (h.lang === 'ar') {
    const pct = /^\s*(?:%|٪|في الميه|في المايه|بالميه|بالمايه)/.exec(foldArabic(s.slice(h.end, h.end + 20)));
    if (pct) {
      const sub = arabicSubject(s, h.end + pct[0].length);
      return sub ? { ...sub, unit: '%' } : null;
    }
    return arabicSubject(s, h.nounStart);
  }
  const after = s.slice(h.end, h.end + 40);
  const pct = /^\s*(?:%|per\s?cent|percent|pour\s?cent)(?:\s+(?:of|de|des|du)\s+(?:the\s+|la\s+|les\s+|l['’])?)?/i.exec(after);
  if (pct) {
    if (/^\s*(?:them|these|those|eux)\b/i.test(s.slice(h.end + pct[0].length))) {
      const a = antecedent(s, h.start);
      return a ? { ...a, unit: '%' } : null;
    }
    const sub = latinSubject(s, h.end + pct[0].length);
    return sub ? { ...sub, unit: '%' } : null;
  }
  if (/\b(?:them|these|those|eux|elles)\s*$/i.test(s.slice(h.end, h.nounStart)) || /^\s*of\s+(?:them|these|those)\b/i.test(after)) {
    return antecedent(s, h.start);
  }
  return latinSubject(s, h.nounStart, false, h.lang === 'fr');
}
