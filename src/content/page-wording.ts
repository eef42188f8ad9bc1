/**
 * The translator the full pass words its topic reason with. When the extension's messages
 * are the English ones (the browser's UI language is not one of the other locales shipped in
 * public/_locales), the core's own English catalogue gives the same sentences as the
 * browser's `i18n.getMessage` (scripts/check-i18n.ts checks that src/core/i18n/en.ts equals
 * _locales/en) without the message-bundle fetch that a page's first getMessage costs
 * (several milliseconds of the full pass on every on-topic page, issue #14). Other languages
 * keep the translator the content script installed (src/shared/i18n.ts).
 */
import browser from 'webextension-polyfill';
import { ENGLISH, thousands, tr, type Arg, type CoreTranslator } from '../core/i18n/translate';

/** The locales shipped besides English (a unit test keeps this list in step with public/_locales). */
export const OTHER_LOCALES: readonly string[] = ['ar', 'fr'];

/** Numbers as src/shared/i18n.ts formats them in English: integers without Intl, the rest by the installed translator. */
const num = (n: number): string => (Number.isInteger(n) && n >= 0 ? thousands(n) : tr().num(n));
const subs = (args: Arg[]): Arg[] => args.map((a) => (typeof a === 'number' ? num(a) : a));

/** The core's English wording, with numbers formatted as the content script's translator does. */
export const ENGLISH_PAGE: CoreTranslator = {
  msg: (key, ...args) => ENGLISH.msg(key, ...subs(args)),
  plural: (base, n, ...args) => ENGLISH.plural(base, n, ...subs(args)),
  num,
  data: (s) => s,
};

/** Whether a UI language ("en-US", "fr", "ar-EG") gets the English messages. */
export function englishMessages(uiLanguage: string): boolean {
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0];
  return !!primary && !OTHER_LOCALES.includes(primary);
}

/** The translator for the full pass's wording on this page. */
export function pageWording(): CoreTranslator {
  try {
    return englishMessages(browser.i18n.getUILanguage() || '') ? ENGLISH_PAGE : tr();
  } catch {
    return tr();
  }
}
