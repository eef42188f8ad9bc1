/**
 * Dates and places mentioned in a claim's sentence. Places come from a small multilingual
 * gazetteer of the region the topic covers (canonical key → English, French, folded Arabic
 * names), so that claims in different languages can be compared.
 */
import { foldArabic, foldForMatching } from '../text/normalize';

const PLACES: Record<string, string> = {
  mosul: 'Mosul|Mossoul|الموصل',
  raqqa: 'Raqqa|Rakka|Raqa|الرقه',
  iraq: 'Iraq|Irak|العراق',
  syria: 'Syria|Syrie|سوريا|سوريه',
  baghdad: 'Baghdad|Bagdad|بغداد',
  nineveh: 'Nineveh|Ninawa|Ninive|نينوي',
  anbar: 'Anbar|الانبار',
  fallujah: 'Fallujah|Falluja|Fallouja|الفلوجه',
  ramadi: 'Ramadi|الرمادي',
  tikrit: 'Tikrit|تكريت',
  kirkuk: 'Kirkuk|Kirkouk|كركوك',
  erbil: 'Erbil|Irbil|اربيل',
  sinjar: 'Sinjar|سنجار',
  aleppo: 'Aleppo|Alep|حلب',
  damascus: 'Damascus|Damas|دمشق',
  deirezzor: 'Deir ez-Zor|Deir ez-Zour|Deir al-Zour|Deir Ezzor|دير الزور',
  palmyra: 'Palmyra|Palmyre|تدمر',
  kobani: 'Kobani|Kobane|عين العرب|كوباني',
  idlib: 'Idlib|ادلب',
  hasakah: 'Hasakah|Hasaka|Hassakeh|الحسكه',
  turkey: 'Turkey|Turquie|تركيا',
  libya: 'Libya|Libye|ليبيا',
  sirte: 'Sirte|Syrte|سرت',
  egypt: 'Egypt|Égypte|Egypte|مصر',
  sinai: 'Sinai|Sinaï|سيناء|سيناء',
  afghanistan: 'Afghanistan|افغانستان',
  nigeria: 'Nigeria|Nigéria|نيجيريا',
  yemen: 'Yemen|Yémen|اليمن',
  europe: 'Europe|اوروبا',
  morocco: 'Morocco|Maroc|المغرب',
  jordan: 'Jordan|Jordanie|الاردن',
  lebanon: 'Lebanon|Liban|لبنان',
  iran: 'Iran|ايران',
  kurdistan: 'Kurdistan|كردستان|كوردستان',
  belgium: 'Belgium|Belgique|بلجيكا',
  france: 'France|فرنسا',
  britain: 'Britain|United Kingdom|UK|Royaume-Uni|بريطانيا',
  'united-states': 'United States|US|U.S.|Etats-Unis|États-Unis|الولايات المتحده',
  russia: 'Russia|Russie|روسيا',
  germany: 'Germany|Allemagne|المانيا',
};

interface PlaceName {
  key: string;
  name: string;
}
const BY_FIRST = new Map<string, { words: string[]; key: string }[]>();
for (const [key, names] of Object.entries(PLACES)) {
  for (const n of names.split('|')) {
    const words = foldArabic(n).toLowerCase().split(/[\s-]+/);
    const list = BY_FIRST.get(words[0]) ?? [];
    list.push({ words, key });
    list.sort((a, b) => b.words.length - a.words.length);
    BY_FIRST.set(words[0], list);
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.]*/gu;

/** Lower case of a word; a word of Arabic-block characters only (no case) is returned as it is, without a call into the case tables. */
function lower(w: string): string {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 0x0600 || c > 0x06ff) return w.toLowerCase();
  }
  return w;
}

/** بال، وال، فال، كال (3 letters) or لل (2) at the start of a folded Arabic word: the length of that prefix, else 0. */
function articlePrefix(w: string): number {
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  if (a === 0x0644 && b === 0x0644) return 2; // لل
  if ((a === 0x0628 || a === 0x0648 || a === 0x0641 || a === 0x0643) && b === 0x0627 && w.charCodeAt(2) === 0x0644) return 3; // ب/و/ف/ك + ال
  return 0;
}
/** و، ب، ل، ف */
const isClitic = (c: number) => c === 0x0648 || c === 0x0628 || c === 0x0644 || c === 0x0641;

/** Places of the gazetteer named in `s` (first mention each), in order. */
export function findPlaces(s: string): PlaceName[] {
  const { text: f, map } = foldForMatching(s);
  const o = (i: number) => (map ? (i < map.length ? map[i] : s.length) : i);
  const oe = (i: number) => (map ? (i <= 0 ? 0 : map[Math.min(i, map.length) - 1] + 1) : i);
  // Words as folded offsets only; case, raw text and original offsets are worked out for candidates.
  const ws: { w: string; fi: number; fe: number }[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(f)) && ws.length < 400) {
    const w = m[0].endsWith('.') ? m[0].slice(0, -1) : m[0];
    ws.push({ w: lower(w), fi: m.index, fe: m.index + w.length });
  }
  const out: PlaceName[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const wi = ws[i].w;
    // The word, then (Arabic) without a fused article-and-preposition ("بالموصل" → "الموصل"),
    // then without a leading clitic ("وسوريا" → "سوريا"). (A word never ends in "'s": WORD
    // takes no apostrophe.)
    const c0 = wi.charCodeAt(0);
    const arabic = c0 >= 0x0600 && c0 <= 0x06ff;
    const pre = arabic ? articlePrefix(wi) : 0;
    for (let vi = 0; vi < 3; vi++) {
      let v: string;
      if (vi === 0) v = wi;
      else if (vi === 1) {
        if (!pre) continue;
        v = 'ال' + wi.slice(pre);
      } else {
        if (!arabic || !isClitic(c0)) continue;
        v = wi.slice(1);
      }
      const cands = BY_FIRST.get(v);
      if (!cands) continue;
      const c = cands.find((x) => x.words.every((xw, k) => k === 0 || ws[i + k]?.w === xw));
      if (!c) continue;
      const start = o(ws[i].fi);
      const raw = s.slice(start, oe(ws[i].fe));
      // Latin place names must be capitalised ("us" the pronoun is not the US).
      if (/^[a-z]/.test(c.words[0]) && !/^\p{Lu}/u.test(raw)) continue;
      if (c.key === 'united-states' && raw === 'US' && /^[-‐]/.test(s.slice(oe(ws[i].fe), oe(ws[i].fe) + 1))) continue; // "US-led"
      if (!seen.has(c.key)) {
        seen.add(c.key);
        out.push({ key: c.key, name: s.slice(start, oe(ws[i + c.words.length - 1].fe)).replace(/[’']s$/, '') });
      }
      i += c.words.length - 1;
      break;
    }
  }
  return out;
}

/** Canonical keys of the gazetteer places named in a free-text place ("Mosul, Iraq", "from Syria to Iraq"). */
export function placeKeys(s: string | null | undefined): Set<string> {
  return new Set(s ? findPlaces(s).map((p) => p.key) : []);
}

const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTHS_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const DATE_LATIN = new RegExp(
  `\\b(?:\\d{1,2}\\s+(?:${MONTHS_EN}|${MONTHS_FR})(?:\\s+(?:19|20)\\d{2})?|(?:${MONTHS_EN})\\s+\\d{1,2}(?:,?\\s+(?:19|20)\\d{2})?|(?:${MONTHS_EN}|${MONTHS_FR})\\s+(?:19|20)\\d{2})\\b|(?<=\\b(?:in|since|during|by|from|until|en|depuis|of)\\s+)(?:19|20)\\d{2}\\b`,
  'u',
);
const MONTHS_AR =
  'يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين الاول|تشرين الثاني|كانون الاول';
const DATE_AR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[0-9\\u0660-\\u0669]{1,2}\\s+)?(?:${MONTHS_AR})(?![\\p{L}])(?:\\s+[0-9\\u0660-\\u0669]{4})?|(?<=(?:عام|العام|سنه)\\s+)[0-9\\u0660-\\u0669]{4}`,
  'u',
);

/** The first date expression of `s` as written ("9 June", "June 2014", "in 2014" → "2014"), or null. */
export function findDate(s: string): string | null {
  const m = DATE_LATIN.exec(s);
  if (m) return m[0];
  if (/[\u0600-\u06ff]/.test(s)) {
    const { text: f, map } = foldForMatching(s);
    const a = DATE_AR.exec(f);
    if (a && (a[0].length > 2 || /\d/.test(a[0]))) {
      const i = map ? map[a.index] : a.index;
      const e = map ? map[a.index + a[0].length - 1] + 1 : a.index + a[0].length;
      return s.slice(i, e).trim();
    }
  }
  return null;
}
