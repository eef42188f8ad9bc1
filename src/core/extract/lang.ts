/**
 * Language tags and a tiny script/stopword language guess.
 */
import type { TextDirection } from '../types';

const RTL_LANGS = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'yi', 'ckb', 'sd', 'ug', 'dv']);
/** Languages normally written in Arabic script. */
const ARABIC_SCRIPT_LANGS = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug', 'ku']);

/** 'en-US', 'en_GB', 'FR' → 'en', 'en', 'fr'. Null for anything that is not a language tag. */
export function primaryLang(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*(?:[,;].*)?$/.exec(String(raw));
  if (!m) return null;
  const p = m[1].toLowerCase();
  if (p === 'iw') return 'he';
  if (p === 'und' || p === 'mul' || p === 'zxx') return null;
  return p;
}

export function dirForLang(lang: string | null): TextDirection {
  return lang && RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
}

export type Script = 'arabic' | 'hebrew' | 'latin' | 'cyrillic' | 'cjk' | 'other' | null;

export interface ScriptCounts {
  arabic: number;
  persianLetters: number;
  hebrew: number;
  latin: number;
  cyrillic: number;
  cjk: number;
  total: number;
}

/*
 * Letters of each script, as complements (runs of everything else, removed natively: on a
 * page where this runs for the first time a per-character loop over 6,000 characters costs
 * milliseconds, six native replacements a fraction of one). Code units, as charCodeAt reads them.
 */
const NOT_LATIN = /[^A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
const NOT_ARABIC = /[^\u0620-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufeff]+/g;
/** پ چ ژ گ ک ی : letters Persian uses and Arabic does not. */
const NOT_PERSIAN = /[^\u067e\u0686\u0698\u06af\u06a9\u06cc]+/g;
const NOT_HEBREW = /[^\u05d0-\u05ea]+/g;
const NOT_CYRILLIC = /[^\u0400-\u04ff]+/g;
const NOT_CJK = /[^\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+/g;
const kept = (s: string, re: RegExp) => s.replace(re, '').length;

/** Count letters by script in (up to) the first `limit` characters. */
export function countScripts(s: string, limit = 6000): ScriptCounts {
  const t = s.length > limit ? s.slice(0, limit) : s;
  const arabic = kept(t, NOT_ARABIC);
  const c: ScriptCounts = {
    arabic,
    persianLetters: arabic ? kept(t, NOT_PERSIAN) : 0,
    hebrew: kept(t, NOT_HEBREW),
    latin: kept(t, NOT_LATIN),
    cyrillic: kept(t, NOT_CYRILLIC),
    cjk: kept(t, NOT_CJK),
    total: 0,
  };
  c.total = c.arabic + c.hebrew + c.latin + c.cyrillic + c.cjk;
  return c;
}

export function dominantScript(c: ScriptCounts): Script {
  if (c.total < 20) return null;
  const entries: [Exclude<Script, null | 'other'>, number][] = [
    ['arabic', c.arabic],
    ['hebrew', c.hebrew],
    ['latin', c.latin],
    ['cyrillic', c.cyrillic],
    ['cjk', c.cjk],
  ];
  entries.sort((a, b) => b[1] - a[1]);
  return entries[0][1] / c.total >= 0.6 ? entries[0][0] : 'other';
}

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the of and to in is that for on with as was by it are from at be this have has an which were said not but they their been who will its would after'.split(' ')),
  fr: new Set('le la les des de du et est un une en dans pour que qui sur au aux par pas ne se il elle ont sont avec été cette ces plus son sa ses'.split(' ')),
  es: new Set('el la los las de del y en que por con una para es lo como más pero sus fue se al no ha según'.split(' ')),
  pt: new Set('o a os as de do da dos das e em que não uma para com por mais ao foi se um são pelo pela'.split(' ')),
  it: new Set('il la di che della per non una sono del gli nel alla anche è le con si da lo ha dei'.split(' ')),
  de: new Set('der die und das ist nicht ein eine mit von zu den sich auf für dem im des auch wird sind bei'.split(' ')),
};

const GUESS_LANGS = Object.keys(STOPWORDS);
/** Each stopword → a bit per language whose list holds it (one lookup per word). */
const STOPWORD_BITS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  GUESS_LANGS.forEach((l, i) => {
    for (const w of STOPWORDS[l]) m.set(w, (m.get(w) ?? 0) | (1 << i));
  });
  return m;
})();

/** Stopword guess among en/fr/es/pt/it/de for Latin-script text; null when unsure. */
export function guessLatinLang(text: string): string | null {
  const words = text.slice(0, 8000).toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  if (words.length < 30) return null;
  const counts = GUESS_LANGS.map(() => 0);
  let any = 0;
  for (const w of words) {
    const bits = STOPWORD_BITS.get(w);
    if (!bits) continue;
    any++;
    for (let i = 0; i < counts.length; i++) if (bits & (1 << i)) counts[i]++;
  }
  if (any / words.length < 0.15) return null;
  const scores: [string, number][] = GUESS_LANGS.map((l, i) => [l, counts[i]]);
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] >= scores[1][1] * 1.4 ? scores[0][0] : null;
}

/** Guess the language of a text from its script, and for Latin script from stopwords. */
export function detectLang(text: string): string | null {
  const counts = countScripts(text);
  const script = dominantScript(counts);
  if (script === 'arabic') return counts.persianLetters / Math.max(1, counts.arabic) > 0.04 ? 'fa' : 'ar';
  if (script === 'hebrew') return 'he';
  if (script === 'latin') return guessLatinLang(text);
  return null;
}

/**
 * Whether a declared language is contradicted by the script of the text
 * (e.g. a template left at lang="en" on an Arabic page).
 */
export function conflictsWithScript(lang: string, counts: ScriptCounts): boolean {
  const script = dominantScript(counts);
  if (!script || counts.total < 200) return false;
  const arabicLang = ARABIC_SCRIPT_LANGS.has(lang);
  if (script === 'arabic') return !arabicLang;
  if (script === 'latin') return arabicLang || lang === 'he' || lang === 'ru' || lang === 'zh' || lang === 'ja' || lang === 'ko';
  return false;
}
