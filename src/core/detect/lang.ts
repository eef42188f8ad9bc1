/**
 * Language of a page for topic detection: the page's own lang attribute when usable,
 * otherwise a cheap guess (Arabic script, then English vs French function words).
 */
import type { CompiledLanguage, CompiledProfile } from './profile';
import type { DetectInput } from './detect-types';

const EN_MARKERS = /\b(?:the|and|of|that|with|for|was|were|is|are|has|have|from|by|which|said)\b/gi;
const FR_MARKERS = /\b(?:le|la|les|des|du|une|est|sont|dans|pour|avec|qui|que|sur|par|aux|été|selon)\b/gi;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Cheap language guess for pages without a usable lang attribute (ar / fr / en). */
export function guessLang(sample: string): string {
  const s = sample.length > 3000 ? sample.slice(0, 3000) : sample;
  if (mostlyArabic(s)) return 'ar';
  const en = countMatches(EN_MARKERS, s);
  const fr = countMatches(FR_MARKERS, s);
  return fr > en * 1.2 && fr >= 3 ? 'fr' : 'en';
}

const ARABIC = /[\u0600-\u06ff]/g;
const LATIN = /[A-Za-z]/g;

/** "en-GB" / "en_GB" → "en" (as `.split(/[-_]/)[0]`). */
function primarySubtag(tag: string): string {
  const a = tag.indexOf('-');
  const b = tag.indexOf('_');
  const cut = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  return cut < 0 ? tag : tag.slice(0, cut);
}

/** `isMostlyArabic` (more Arabic than Latin letters in the first 4000 characters), natively. */
export function mostlyArabic(s: string): boolean {
  const h = s.length > 4000 ? s.slice(0, 4000) : s;
  const ar = h.length - h.replace(ARABIC, '').length;
  return ar > 0 && ar > h.length - h.replace(LATIN, '').length;
}

export function pickLanguage(profile: CompiledProfile, input: DetectInput): CompiledLanguage {
  let lang = primarySubtag((input.lang ?? '').toLowerCase());
  if (!lang || lang === 'und') lang = guessLang(input.text || input.title);
  // A page claiming a Latin-script language but written in Arabic (or vice versa) follows its text.
  if (lang !== 'ar' && mostlyArabic((input.title + ' ' + input.text.slice(0, 2000)).trim())) lang = 'ar';
  return profile.languages.get(lang) ?? profile.languages.get('*')!;
}
