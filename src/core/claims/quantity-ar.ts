/**
 * Arabic figures, matched on folded text: digits (also glued to their noun, "165دولارا"),
 * number words with teens, compounds and hundreds ("خمسة عشر", "تسعة وعشرين", "ثلاثمئة",
 * "ألفي"), a definite numeral after its noun ("القارات الثلاث", "الأشخاص الخمسة"), "واحد"
 * after its noun, fractions ("نصف", "ثلثي"), vague quantities ("عشرات", "عدة", "عدد من") and
 * qualifiers, also behind a clitic ("لنحو", "وأكثر من"). Dates, years, times, ages, durations,
 * law and article numbers ("رقم 40 لسنة 2015"), model numbers ("إف 16") and distances that
 * locate a place are left out.
 */
import type { ClaimQualifier } from '../packs/types';
import { foldArabic, foldForMatching } from '../text/normalize';
import type { QuantityHit } from './quantity-hit';
import { wordAlternation } from './alternation';

const AR_DIGIT = '[0-9\\u0660-\\u0669\\u06f0-\\u06f9]';
const AR_NUM = `${AR_DIGIT}{1,3}(?:[,\\u066c]${AR_DIGIT}{3})+|${AR_DIGIT}+(?:[.\\u066b]${AR_DIGIT}+)?`;

const UNITS: [string, number][] = [
  ['ثلاثة', 3], ['ثلاث', 3], ['أربعة', 4], ['أربع', 4], ['خمسة', 5], ['خمس', 5], ['ستة', 6], ['ست', 6], ['سبعة', 7], ['سبع', 7],
  ['ثمانية', 8], ['ثماني', 8], ['ثمان', 8], ['تسعة', 9], ['تسع', 9],
];
const TENS: [string, number][] = [
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40], ['خمسون', 50], ['خمسين', 50],
  ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70], ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
];
const AR_SCALE = '(?:\\s+(?:الاف|الف|الفا|مليون|ملايين|مليار))?';

/**
 * The number words, fractions and the figure pattern, built on first use (a worker that answers
 * a related-coverage query never reads figures; building them cost a restarted worker's start
 * ~5 ms).
 */
let tables: { WORDS: Record<string, number>; FRACTION: Record<string, number>; AR_RE: RegExp } | null = null;
function arTables() {
  return (tables ??= buildTables());
}

function buildTables() {
  const WORDS: Record<string, number> = {};
  const add = (k: string, v: number) => (WORDS[foldArabic(k)] = v);
  for (const [k, v] of [...UNITS, ...TENS]) add(k, v);
  for (const [k, v] of [['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2], ['عشرة', 10], ['عشر', 10], ['أحد عشر', 11], ['إحدى عشرة', 11], ['اثنا عشر', 12], ['اثني عشر', 12], ['اثنتا عشرة', 12], ['اثنتي عشرة', 12], ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مئتي', 200], ['ألف', 1000], ['ألفا', 1000], ['ألفان', 2000], ['ألفين', 2000], ['ألفي', 2000], ['مليون', 1e6], ['مليونان', 2e6], ['مليونين', 2e6], ['مليوني', 2e6], ['مليار', 1e9], ['ملياران', 2e9], ['مليارين', 2e9], ['ملياري', 2e9], ['واحد', 1], ['واحدة', 1]] as [string, number][]) add(k, v);
  for (const [u, v] of UNITS) {
    add(`${u} عشر`, 10 + v);
    add(`${u} عشرة`, 10 + v);
    for (const [t, tv] of TENS) add(`${u} و${t}`, v + tv);
  }
  for (const [u, v] of [['ثلاث', 3], ['أربع', 4], ['خمس', 5], ['ست', 6], ['سبع', 7], ['ثماني', 8], ['تسع', 9]] as [string, number][]) {
    for (const h of ['مئة', 'مائة']) {
      add(`${u}${h}`, v * 100);
      add(`${u} ${h}`, v * 100);
    }
  }
  // Word lists as prefix trees (alternation.ts): the same matches as `a|b|…` longest first, found
  // without trying every word at every position.
  const AR_WORDNUM = wordAlternation(Object.keys(WORDS).sort((a, b) => b.length - a.length));
  const AR_VAGUE = wordAlternation(foldArabic('عشرات الالاف|مئات الالاف|العشرات|المئات|عشرات|مئات|الالاف|الاف|بضعه|بضع|عده|عددا من|عدد من').split('|'));
  const FRACTION: Record<string, number> = { [foldArabic('نصف')]: 50, [foldArabic('ثلث')]: 100 / 3, [foldArabic('ربع')]: 25, [foldArabic('ثلثي')]: 200 / 3, [foldArabic('ثلثا')]: 200 / 3, [foldArabic('ثلاثة أرباع')]: 75 };
  const AR_FRACTION = wordAlternation(Object.keys(FRACTION).sort((a, b) => b.length - a.length));
  const AR_QUAL = wordAlternation(
    foldArabic('ما لا يقل عن|لا يقل عن|ما يزيد عن|ما يزيد علي|يزيد عن|يزيد علي|ما يقرب من|ما يقارب|ما يصل الي|يصل الي|اكثر من|ازيد من|اقل من|نحو|حوالي|حوالى|قرابه|زهاء|يقارب|حتي').split('|'),
  );
  /** Groups: 1 qualifier; 2 digits (+scale); 3 "ال"; 4 number word (+scale); 5 vague; 6 fraction. */
  const AR_RE = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:[وفبل]{0,2}(${AR_QUAL})\\s+)?[وبلف]?(?:\\(\\s*|«\\s*)?(?:(${AR_NUM})(?:${AR_SCALE.slice(0, -1)}(?![\\p{L}\\p{N}]))?(?![\\p{N}a-zA-Z])|(ال)?(${AR_WORDNUM})${AR_SCALE}(?![\\p{L}\\p{N}])|(${AR_VAGUE})(?![\\p{L}\\p{N}])|(${AR_FRACTION})${AR_SCALE}(?![\\p{L}\\p{N}]))`,
    'gu',
  );
  return { WORDS, FRACTION, AR_RE };
}
const AR_QUAL_MAP: [RegExp, ClaimQualifier][] = [
  [/^(?:نحو|حوالي|قرابه|زهاء|يقارب|ما يقارب|ما يقرب من)$/, 'about'],
  [/^(?:اكثر من|ازيد من|ما يزيد عن|ما يزيد علي|يزيد عن|يزيد علي)$/, 'more-than'],
  [/^(?:ما لا يقل عن|لا يقل عن)$/, 'at-least'],
  [/^(?:حتي|ما يصل الي|يصل الي)$/, 'up-to'],
  [/^(?:اقل من)$/, 'fewer-than'],
];
const AR_SCALE_VALUES: Record<string, number> = { الاف: 1000, الف: 1000, الفا: 1000, مليون: 1e6, ملايين: 1e6, مليار: 1e9 };
const TIME_NOUN =
  'عام|عاما|اعوام|سنه|سنوات|سنين|شهر|شهرا|اشهر|شهور|اسبوع|اسابيع|يوم|يوما|ايام|ساعه|ساعات|دقيقه|دقايق|مره|مرات|قرن|قرنا|عقد|عقود|ليله|ليال|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين';
const AR_EXCLUDE_AFTER = new RegExp(`^\\s*(?:${TIME_NOUN}|من العمر|لسنه|لعام|بالتوقيت|تغ|صباحا|مساء|ظهرا|فجرا|هـ|ه(?![\\p{L}])|م(?![\\p{L}]))(?![\\p{L}])`, 'u');
const TIME_BEFORE = new RegExp(`(?:^|\\s)(?:ال)?(?:${TIME_NOUN})\\s*$`, 'u');
const DIST_AFTER = /^\s*(?:كيلومترا|كيلومتر|كلم|كم|مترا|متر|ميلا|ميل)(?![\p{L}])\s*(?:[(]|[وف]?(?:شمال|جنوب|شرق|غرب|من|عن|الي)(?![\p{L}]))/u;
const IDENT_BEFORE = /(?:^|\s)(?:رقم|الرقم|الماده|ماده|القانون|قانون|المرسوم|مرسوم|البند|بند|الفقره|فقره|الصفحه|صفحه|ص|الساعه|اف|إف|طراز|القرار|قرار|سن|عمر|العمر)\s*$/u;
const YEAR_BEFORE = /(?:^|\s)(?:منذ|عام|العام|سنه|لعام|في|حتي|الي|مطلع|نهايه|بدايه|صيف|شتاء|ربيع|خريف|اواخر|اوايل|منتصف|[/])\s*$/u;
const AR_STOPWORD = /^(?:من|في|الي|علي|عن|مع|كل|بين|او|و|ثم|قد|لقد|كان|كانت|هذه|هذا|تلك|ذلك)$/;
const PCT_AFTER = /^\s*(?:%|٪|بالميه|بالمايه|في الميه|في المايه)/u;

function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * Figures of recent sentences: sourcing (figures stated with no source) and the claims read
 * the same sentences one after the other. Bounded; hits are handed out as copies.
 */
const recent = new Map<string, QuantityHit[]>();
const RECENT_MAX = 512;

/** Arabic-script figures of `s`, pushed onto `out` (offsets in `s`). */
export function arabicHits(s: string, out: QuantityHit[]): void {
  let hits = recent.get(s);
  if (!hits) {
    hits = [];
    hitsOf(s, hits);
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(s, hits);
  }
  for (const h of hits) out.push({ ...h });
}

function hitsOf(s: string, out: QuantityHit[]): void {
  const { WORDS, FRACTION, AR_RE } = arTables();
  const { text: f, map } = foldForMatching(s);
  const orig = (i: number) => (map ? (i < map.length ? map[i] : s.length) : i);
  const origEnd = (i: number) => (map ? (i <= 0 ? 0 : i - 1 < map.length ? map[i - 1] + 1 : s.length) : i);
  AR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = AR_RE.exec(f)) && guard++ < 500) {
    const [whole, qual, digits, def, wordnum, vague, fraction] = m;
    const fEnd = m.index + whole.length;
    const after = f.slice(fEnd, fEnd + 40).replace(/^\s*[)»]/, '');
    const before = f.slice(Math.max(0, m.index - 30), m.index);
    let value: number | null = null;
    let qualifier: ClaimQualifier = 'exact';
    let unit: string | undefined;
    let bare = false;
    let nounF = fEnd + (/^\s*[)»]?\s*(?:من\s+)?/.exec(f.slice(fEnd))?.[0].length ?? 0);
    const sc = /\s+(الاف|الف|الفا|مليون|ملايين|مليار)$/.exec(whole);
    if (vague) {
      if (/^(?:عده|عدد من|عددا من)$/.test(vague) && !/^\s*[\u0600-\u06ff]/.test(after)) continue;
      qualifier = /الاف/.test(vague) ? 'thousands' : /ميات/.test(vague) ? 'hundreds' : /عشرات/.test(vague) ? 'dozens' : 'several';
      bare = qualifier !== 'several' && /^\s*(?:[،,.]|اخرين|اخرون|$)/.test(after);
    } else if (fraction) {
      if (AR_EXCLUDE_AFTER.test(after) && !sc) continue;
      value = FRACTION[fraction] ?? null;
      if (sc && value !== null) value = (value / 100) * AR_SCALE_VALUES[sc[1]];
      else unit = '%';
    } else {
      if (AR_EXCLUDE_AFTER.test(after) || DIST_AFTER.test(after)) continue;
      if (digits) {
        if (IDENT_BEFORE.test(before) || /[-\d/][,:.]?\s*$/.test(before) || /^\s*[-/]/.test(f.slice(fEnd))) continue;
        const d = toAsciiDigits(digits).replace(/[,\u066c]/g, '').replace('\u066b', '.');
        value = Number(d);
        if (/^\d{4}$/.test(d) && value >= 1800 && value <= 2100 && !qual && (YEAR_BEFORE.test(before) || !/^\s*[\u0600-\u06ff]{3,}(?:ين|ون|ات|ا)(?![\p{L}])/u.test(after))) continue;
        if (/^0\d/.test(d)) continue; // "0424": a time
        bare = true;
      } else if (wordnum) {
        value = WORDS[wordnum] ?? null;
        if (value === null) continue;
        const nextIsWord = /^\s+[\u0600-\u06ff]/.test(f.slice(fEnd, fEnd + 3));
        const isOne = value === 1;
        if (def || isOne) {
          // A numeral after its noun: "القارات الثلاث", "عملية واحدة"; the noun is the word before.
          if (def && /^اثن/.test(wordnum)) continue; // "الاثنين": Monday
          const pw = /([\u0600-\u06ff]+)\s+$/.exec(before);
          if (!sc) {
            if (!pw || AR_STOPWORD.test(pw[1]) || TIME_BEFORE.test(before)) continue;
            if (def && !/^(?:[وبلف]?ال)/.test(pw[1])) continue;
            nounF = m.index - pw[0].length;
          }
        } else if (!nextIsWord && !sc && !/^\s*[،,.]/.test(f.slice(fEnd))) continue;
        bare = !nextIsWord;
      }
      if (value !== null && sc && !fraction) value *= AR_SCALE_VALUES[sc[1]];
      if (value === null || !Number.isFinite(value)) continue;
      if (PCT_AFTER.test(f.slice(fEnd, fEnd + 12))) unit = '%';
    }
    if (qual) qualifier = AR_QUAL_MAP.find(([re]) => re.test(qual))?.[1] ?? qualifier;
    else if (value !== null && /^\s+\S+(?:\s+\S+)?\s+(?:تقريبا)/.test(after)) qualifier = 'about';
    else if (value !== null && /^\s*(?:\S+\s+){0,2}(?:علي الاقل)/.test(after)) qualifier = 'at-least';
    // A leading و/ب/ل/ف or a bracket glued to the figure is not part of it.
    let fStart = qual ? m.index + whole.indexOf(qual) : m.index;
    while (!qual && fStart < fEnd && /[وبلف(«\s]/.test(f[fStart]) && !(vague && f.startsWith(vague, fStart)) && !(wordnum && f.startsWith((def ?? '') + wordnum, fStart)) && !(fraction && f.startsWith(fraction, fStart))) fStart++;
    const start = orig(fStart);
    const end = origEnd(fEnd);
    out.push({ text: s.slice(start, end), start, end, quantity: value, qualifier, nounStart: orig(nounF), lang: 'ar', ...(unit ? { unit } : {}), ...(bare ? { bare } : {}) });
  }
}
