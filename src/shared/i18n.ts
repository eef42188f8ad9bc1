/**
 * The interface language: every user-facing string of the extension's pages, the in-page
 * button and legend, the context menu and the badge title goes through `t` / `tp`, with the
 * messages in public/_locales/{en,ar,fr}/messages.json (keys typed from the English file).
 * Plurals are chosen with Intl.PluralRules, numbers and dates formatted with Intl, all in the
 * browser's UI language (`i18n.getUILanguage`). `coreTranslator` hands the same to the
 * analysis core (core/i18n), which stays browser-free.
 */
import browser from 'webextension-polyfill';
import type { CoreTranslator } from '../core/i18n/translate';
import { thousands } from '../core/i18n/translate';

type Catalog = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = keyof Catalog & string;
/** `x` for every plural message `x_one` / `x_other` / … */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
export type Sub = string | number;

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb']);

let lang: string | null = null;
/** The browser's UI language, as the extension's messages follow it ("ar", "fr", "en-US"). */
export function uiLanguage(): string {
  if (lang === null) {
    try {
      // The locale the messages actually come from: each messages.json names its own language
      // (getUILanguage and @@ui_locale can disagree with it, e.g. in a service worker).
      const served = browser.i18n.getMessage('locale_code') || 'en';
      const ui = browser.i18n.getUILanguage() || '';
      lang = ui.toLowerCase().split(/[-_]/)[0] === served ? ui : served;
    } catch {
      lang = 'en';
    }
  }
  return lang;
}

const isEnglish = () => /^en\b/i.test(uiLanguage());

/** 'rtl' for Arabic (and other right-to-left languages), else 'ltr'. */
export function uiDir(): 'rtl' | 'ltr' {
  return RTL.has(uiLanguage().toLowerCase().split(/[-_]/)[0]) ? 'rtl' : 'ltr';
}

/** Set `lang` and `dir` on the document root from the UI language (extension pages). */
export function applyDocumentLocale(doc: Document = document): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = uiDir();
}

let numberFormat: Intl.NumberFormat | null = null;
/** A number in the reader's locale (English integers: no Intl, whose first use loads ICU data). */
export function num(n: number, opts?: Intl.NumberFormatOptions): string {
  if (opts) return new Intl.NumberFormat(uiLanguage(), opts).format(n);
  if (isEnglish() && Number.isInteger(n) && n >= 0) return thousands(n);
  numberFormat ??= new Intl.NumberFormat(uiLanguage());
  return numberFormat.format(n);
}

/**
 * A country (ISO 3166 code) or language (BCP 47 code) named in the reader's language
 * ("IQ" → "Iraq" / "العراق" / "Irak"); the code itself when the browser cannot name it.
 */
const displayNames = new Map<'region' | 'language', Intl.DisplayNames>();
export function displayName(type: 'region' | 'language', code: string): string {
  try {
    let names = displayNames.get(type);
    if (!names) displayNames.set(type, (names = new Intl.DisplayNames([uiLanguage()], { type, fallback: 'code' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date (ISO string or epoch ms) in the reader's locale; an unreadable date is returned as given. */
export function formatDate(value: string | number, opts: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(uiLanguage(), opts).format(d);
}

function get(key: string, subs: readonly Sub[]): string {
  const out = browser.i18n.getMessage(key, subs.map((s) => (typeof s === 'number' ? num(s) : s)));
  return out || key;
}

/** The message `key` with its substitutions (numbers formatted in the reader's locale). */
export function t(key: MessageKey, ...subs: Sub[]): string {
  return get(key, subs);
}

let pluralRules: Intl.PluralRules | null = null;
/** The plural form of `base` for `n`; the count is the first substitution. */
export function tp(base: PluralKey, n: number, ...subs: Sub[]): string {
  let cat: string;
  if (isEnglish()) cat = n === 1 ? 'one' : 'other';
  else {
    pluralRules ??= new Intl.PluralRules(uiLanguage());
    cat = pluralRules.select(n);
  }
  const out = browser.i18n.getMessage(`${base}_${cat}`, [num(n), ...subs.map((s) => (typeof s === 'number' ? num(s) : s))]);
  return out || get(`${base}_other`, [n, ...subs]);
}

/** The analysis core's wording in the reader's language (installed with core/i18n's setCoreTranslator). */
export const coreTranslator: CoreTranslator = {
  msg: (key, ...args) => get(key, args),
  plural: (base, n, ...args) => tp(base as PluralKey, n, ...args),
  num,
  data: (s) => (isEnglish() || !s ? s : `\u2068${s}\u2069`),
};
