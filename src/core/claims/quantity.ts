/**
 * Figures in running text: digits ("7,000", "160", "٧٠٠٠", "7 000"), number words ("six",
 * "سبعة آلاف", "trois") and vague quantities ("dozens", "hundreds", "عشرات", "des centaines"),
 * with their qualifier ("about", "more than", "at least", "نحو", "أكثر من", "ما لا يقل عن",
 * "environ", "plus de"). Dates, years, durations, distances, ordinals and identifiers
 * ("Kurdistan 24", "Resolution 2254") are left out. Precompiled, bounded patterns.
 */
import type { ClaimQualifier } from '../model';
import { arabicHits } from './quantity-ar';
import type { QuantityHit } from './quantity-hit';

export type { QuantityHit } from './quantity-hit';

const EN_QUAL: [RegExp, ClaimQualifier][] = [
  [/^(?:about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|environ|près de|quelque|quelques|approximativement|presque)$/i, 'about'],
  [/^(?:more than|over|upwards of|in excess of|just over|well over|plus de|au-delà de)$/i, 'more-than'],
  [/^(?:at least|no fewer than|no less than|not less than|a minimum of|au moins|pas moins de)$/i, 'at-least'],
  [/^(?:up to|as many as|as much as|jusqu'à|jusqu’à)$/i, 'up-to'],
  [/^(?:fewer than|less than|under|just under|moins de)$/i, 'fewer-than'],
  [/^(?:exactly|precisely|exactement)$/i, 'exact'],
];

const WORD_VALUES: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, 'a hundred': 100,
  'one hundred': 100, 'a thousand': 1000, 'one thousand': 1000, 'a dozen': 12,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, cent: 100, mille: 1000,
};
const UNITS_1_9: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, millions: 1e6, mille: 1000, milliard: 1e9, milliards: 1e9, m: 1e6, bn: 1e9 };

const VAGUE: [RegExp, ClaimQualifier][] = [
  [/^(?:hundreds of thousands|tens of thousands|thousands|millions|des milliers|milliers|des dizaines de milliers|des centaines de milliers)$/i, 'thousands'],
  [/^(?:hundreds|des centaines|centaines)$/i, 'hundreds'],
  [/^(?:dozens|scores|des dizaines|dizaines)$/i, 'dozens'],
  [/^(?:several|a number of|a handful of|a few|plusieurs|quelques)$/i, 'several'],
];

const LATIN_QUAL =
  "about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|more than|over|upwards of|in excess of|just over|well over|at least|no fewer than|no less than|not less than|a minimum of|up to|as many as|as much as|fewer than|less than|just under|under|exactly|precisely|environ|près de|approximativement|presque|plus de|au-delà de|au moins|pas moins de|jusqu['’]à|moins de|exactement";
const LATIN_WORDNUM =
  'half a (?:million|billion)|(?:two|three|four|five|six|seven|eight|nine|ten|half a) dozen|one(?=\\s+(?:point|percent|percentage))|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a thousand|one thousand|a dozen|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante';
/** Fractions before "of" ("half of", "three quarters of", "la moitié des"): read as shares. */
const FRACTIONS: Record<string, number> = {
  half: 50, 'one half': 50, 'a half': 50, 'a third': 100 / 3, 'one third': 100 / 3, 'two thirds': 200 / 3, 'two-thirds': 200 / 3,
  'a quarter': 25, 'one quarter': 25, 'three quarters': 75, 'three-quarters': 75, 'one-third': 100 / 3, 'one-quarter': 25,
  'la moitié': 50, moitié: 50, 'un tiers': 100 / 3, 'deux tiers': 200 / 3, 'un quart': 25, 'trois quarts': 75,
};
const LATIN_FRACTION = Object.keys(FRACTIONS).sort((a, b) => b.length - a.length).join('|');
const LATIN_VAGUE =
  'hundreds of thousands|tens of thousands|dozens|scores|hundreds|thousands|millions|several|a number of|a handful of|a few|des dizaines de milliers|des centaines de milliers|des dizaines|des centaines|des milliers|plusieurs';
const NUM = "\\d{1,3}(?:(?:,|\\u202f|\\u00a0|\\.(?=\\d{3}(?!\\d))|\\s(?=\\d{3}(?![\\d,.])))\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?";
const SCALE = '(?:[\\s-]+(?:hundred|thousand|million|billion|millions|mille|milliards?))?|(?:m|bn)(?![\\p{L}])';

/** Latin-script figures. Group 1: qualifier; 2: digits (+scale); 3: number word (+scale); 4: vague; 5: fraction. */
const LATIN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.,/:]|[\\p{L}\\p{N}]-)(?:(${LATIN_QUAL})\\s+)?(?:(\\$?(?:${NUM})(?:${SCALE})?)|((?:${LATIN_WORDNUM})(?:\\s+(?:hundred|thousand|million))?)(?![\\s-]+(?:quarters|thirds|quarts|tiers)\\b)|(${LATIN_VAGUE})|(${LATIN_FRACTION})(?=\\s+(?:of|de|des|du|d['’])\\b))(?![\\p{L}\\p{N}])`,
  'giu',
);

const EXCLUDE_AFTER =
  /^(?:[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|times|o'clock|a\.m\.|p\.m\.|am|pm|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|kg|kilograms?|tons?|tonnes?|ans?|mois|semaines?|jours?|heures?|minutes|fois|kilomètres?|mètres?)(?![\p{L}])|(?:st|nd|rd|th)\b|\s*(?:[:/]\d)|\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)/iu;
const MONTH_BEFORE = /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s+$/;
/** Ages: "ages of 18 and 29", "when they're 55", "She is 45", "Clinton, 35,". */
const AGE_BEFORE = /(?:['’]re\s+|\b(?:is|was|am|turned|turns)\s+|\p{Lu}[\p{L}’'.-]+,\s*)$/u;
const AGE_STRONG = /(?:\bages?\s+(?:of\s+)?(?:\d+\s+(?:and|to|or)\s+)?|\baged\s+(?:\d+\s+(?:and|to|or)\s+)?)$/u;
const IDENT_BEFORE = /(?:^|[^\p{L}])(?:\p{Lu}[\p{L}]*|No\.|no\.|number|Resolution|Article|article|page|Chapter|chapter|Route|route|phase|Phase|Flight|flight|channel|section|n°|numéro)\s+$/u;
/** Capitalised words before a figure that do not make it an identifier ("Another 11 were killed"). */
const FUNCTION_BEFORE = /(?:^|[^\p{L}])(?:Another|The|Some|About|Around|Only|Nearly|Almost|Over|And|But|At|In|On|Of|With|Those|These|All|Just|Roughly|Up|Another|While|When|After|Before|Since|Of|By|To|For|From|Some|Les|Des|Plus|Environ|Près|Au|Aux|Et|Mais)\s+$/u;
/** What may follow a count that has no noun after it. */
const BARE_AFTER = /^\s*(?:more\b|others?\b|were\b|are\b|was\b|have\b|had\b|died\b|wounded\b|injured\b|killed\b|to\b|in\b|on\b|at\b|and\b|or\b|with\b|based\b|[.,;:)\]’'"”]|$)/iu;

function parseDigits(s: string): number | null {
  let t = s.replace(/^\$/, '').trim();
  let scale = 1;
  const sm = /[\s-]*(hundred|thousand|million|billion|millions|mille|milliards?|m|bn)$/i.exec(t);
  if (sm) {
    scale = SCALES[sm[1].toLowerCase()] ?? 1;
    t = t.slice(0, sm.index);
  }
  // Thousands separators: "7,000", "7 000", "7.000" (European); decimal ".5" / ",5" otherwise.
  let v: number;
  if (/^\d{1,3}(?:[,\u202f\u00a0 .]\d{3})+$/.test(t)) v = Number(t.replace(/[,\u202f\u00a0 .]/g, ''));
  else v = Number(t.replace(',', '.'));
  return Number.isFinite(v) ? v * scale : null;
}

function parseWords(s: string): number | null {
  const t = s.toLowerCase().trim();
  const hm = /^half a (million|billion)$/.exec(t);
  if (hm) return SCALES[hm[1]] / 2;
  const dz = /^(.+) dozen$/.exec(t);
  if (dz) return dz[1] === 'half a' ? 6 : (UNITS_1_9[dz[1]] ?? WORD_VALUES[dz[1]] ?? NaN) * 12 || null;
  const m = /^(.*?)(?:\s+(hundred|thousand|million))?$/.exec(t)!;
  let base = WORD_VALUES[m[1]];
  if (base === undefined) {
    const parts = m[1].split(/[- ]/);
    if (parts.length === 2 && WORD_VALUES[parts[0]] !== undefined && UNITS_1_9[parts[1]] !== undefined) base = WORD_VALUES[parts[0]] + UNITS_1_9[parts[1]];
  }
  if (base === undefined) return null;
  return m[2] ? base * SCALES[m[2]] : base;
}

function qualifierOf(q: string | undefined): ClaimQualifier {
  if (!q) return 'exact';
  for (const [re, v] of EN_QUAL) if (re.test(q.trim())) return v;
  return 'exact';
}

/** Skip "of", "of the", "de", "d'" between a vague quantity and its noun. */
const OF_AFTER = /^\s*(?:of\s+(?:the\s+|these\s+|those\s+)?|de\s+|d['’]|des\s+)?/i;

function latinHits(s: string, out: QuantityHit[]): void {
  LATIN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = LATIN_RE.exec(s)) && guard++ < 500) {
    const [whole, qual, digits, wordnum, vague, fraction] = m;
    const start = m.index;
    const end = start + whole.length;
    const after = s.slice(end, end + 40);
    const before = s.slice(Math.max(0, start - 30), start);
    if (fraction) {
      // "the second half of July", "in the first half": time, not a share.
      if (/(?:first|second|last|latter|former|premi[eè]re|seconde|derni[eè]re)\s+$/i.test(before)) continue;
      const noun = end + (OF_AFTER.exec(after)?.[0].length ?? 0);
      if (EXCLUDE_AFTER.test(s.slice(noun, noun + 30)) || /^(?:the\s+)?(?:year|month|week|day|century|decade|season|term|hour)s?\b/i.test(s.slice(noun, noun + 30))) continue;
      out.push({ text: whole, start, end, quantity: FRACTIONS[fraction.toLowerCase()] ?? null, qualifier: qualifierOf(qual), nounStart: noun, lang: /^(?:la|moiti|un|deux|trois)/i.test(fraction) ? 'fr' : 'en', unit: '%' });
      continue;
    }
    if (vague) {
      // "a few" / "several" / "some" only count before a noun; "a number of" needs its "of".
      const q = VAGUE.find(([re]) => re.test(vague))![1];
      if (/^a number of$/i.test(vague) && !/^\s+\p{L}/u.test(after)) continue;
      const noun = end + (OF_AFTER.exec(after)?.[0].length ?? 0);
      if (/^\s*(?:of|de)\s+(?:years?|ans)\b/i.test(after)) continue;
      if (EXCLUDE_AFTER.test(s.slice(noun, noun + 30))) continue;
      out.push({ text: whole, start, end, quantity: null, qualifier: q, nounStart: noun, lang: /^(?:des|plusieurs|dizaines|centaines|milliers)/i.test(vague) ? 'fr' : 'en', bare: q !== 'several' && BARE_AFTER.test(after) });
      continue;
    }
    if (EXCLUDE_AFTER.test(after)) continue;
    // Inside a compound modifier ("two-term governor", "a three-way race", "12-year-old").
    if (/^-\p{L}/u.test(after) && !/^-(?:strong)\b/i.test(after)) continue;
    if (MONTH_BEFORE.test(before)) continue;
    // Digits in Arabic text are read by the Arabic pass (its units, qualifiers and nouns).
    if (digits && (/^\s*[\u0600-\u06ff]/.test(after) || /[\u0600-\u06ff]\s*$/.test(before))) continue;
    let value: number | null = null;
    if (digits) {
      const bare = digits.replace(/^\$/, '');
      // Years: 4 digits 1800–2100 without separators, unless a plural noun follows ("2000 fighters").
      if (/^\d{4}$/.test(bare) && +bare >= 1800 && +bare <= 2100 && !qual && !/^\s+\p{Ll}[\p{L}-]{2,}s\b/u.test(after)) continue;
      if (!qual && IDENT_BEFORE.test(before) && !/^\s*$/.test(before) && !FUNCTION_BEFORE.test(before)) continue;
      // A list number ("1. FIREWORKS FLY") or an age.
      if (!qual && /^\s*$/.test(before) && /^\.(?:\s|$)/.test(after)) continue;
      if (!qual && AGE_STRONG.test(before)) continue;
      if (!qual && AGE_BEFORE.test(before) && !/^\s*(?:%|per\s?cent|percent)/i.test(after) && (/^\s*(?:[,.;:)”"’]|and\b|or\b|to\b|$)/.test(after))) continue;
      // A decimal in a version/score ("3.5.1") or a time is not a figure.
      if (/^[.:]\d/.test(s.slice(end, end + 2))) continue;
      value = parseDigits(digits);
    } else if (wordnum) {
      value = parseWords(wordnum);
      // "ten" alone after a capital ("Downing Street ten") is rare; number words need a noun after them.
      if (!/^[\s-]+(?:of\s+)?\p{L}/u.test(after)) continue;
    }
    if (value === null) continue;
    const noun = end + (/^\s*(?:of\s+(?:the\s+|them\b|these\b|those\b)?|de\s+|d['’])?/i.exec(after)?.[0].length ?? 0);
    const pct = /^\s*(?:%|per\s?cent\b|percent\b|pour\s?cent\b|percentage points?\b)/i.exec(after);
    const unit = pct ? (/point/i.test(pct[0]) ? 'percentage points' : '%') : digits?.startsWith('$') ? 'USD' : undefined;
    const bare = !!digits ? !/^\s*(?:of\s+)?\p{L}/u.test(after) || BARE_AFTER.test(after) : BARE_AFTER.test(after) && /^(?:another|the other|other)\s+$/i.test(before.slice(-14));
    out.push({ unit, bare, text: whole, start, end, quantity: value, qualifier: qualifierOf(qual), nounStart: noun, lang: /^(?:environ|près|plus de|au moins|jusqu|moins de|pas moins|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante)/i.test(whole) ? 'fr' : 'en' });
  }
}

const HAS_ARABIC = /[\u0600-\u06ff]/;
const HAS_LATIN_FIGURE = /[0-9]|\b(?:one\s+(?:point|percent)|half|million|third|thirds|quarters?|moitié|tiers|quarts?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|scores|several|number of|handful|few|deux|trois|quatre|cinq|sept|huit|neuf|dix|vingt|cent|mille|dizaines|centaines|milliers|plusieurs|quelques|eighty|ninety|sixty|seventy|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|onze|douze|quinze|trente|quarante|cinquante)\b/i;

/** All figures in `s` (one sentence or a short passage), in text order. */
export function findQuantities(s: string): QuantityHit[] {
  const out: QuantityHit[] = [];
  if (HAS_LATIN_FIGURE.test(s)) latinHits(s, out);
  if (HAS_ARABIC.test(s)) arabicHits(s, out);
  // Arabic-script figures can overlap Latin digit hits: keep the first of overlapping hits.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const res: QuantityHit[] = [];
  for (const h of out) if (!res.length || h.start >= res[res.length - 1].end) res.push(h);
  return res;
}
