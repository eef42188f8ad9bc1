/**
 * The analysis's own wording (topic reasons, the sourcing line, match reasons, where a
 * story comes from) goes through a translator, so that the popup shows it in the reader's
 * language. The core stays browser-free: it holds the English messages (en.ts, identical to
 * `_locales/en/messages.json`, checked by scripts/check-i18n.mjs) and uses them unless an
 * extension context installs the browser's translator with `setCoreTranslator` (the CLI
 * never does, so it keeps English output).
 */
import { EN_CORE, type CoreKey, type CorePluralBase } from './en';
import { formatEntry } from './format';

export type Arg = string | number;

export interface CoreTranslator {
  /** The message `key` with its substitutions. */
  msg(key: CoreKey, ...args: Arg[]): string;
  /** The plural form of `base` for `n` (`base_one`, `base_other`, …); the count is the first substitution, formatted. */
  plural(base: CorePluralBase, n: number, ...args: Arg[]): string;
  /** A number in the reader's locale. */
  num(n: number): string;
  /**
   * Text from the page or the store set into a sentence (a name, a title, a term): the
   * browser's translator isolates it (U+2068 … U+2069) so that a Latin name keeps its
   * order inside an Arabic sentence; English leaves it as it is.
   */
  data(s: string): string;
}

/** 12345 → "12,345" (integers; no Intl: its first call loads ICU data, 15–60 ms in a fresh page). */
export function thousands(n: number): string {
  if (!Number.isInteger(n) || n < 0) return n.toLocaleString('en-US');
  const d = String(n);
  let out = '';
  for (let i = 0; i < d.length; i++) {
    if (i > 0 && (d.length - i) % 3 === 0) out += ',';
    out += d[i];
  }
  return out;
}

export const ENGLISH: CoreTranslator = {
  msg: (key, ...args) => formatEntry(EN_CORE[key], args),
  plural: (base, n, ...args) => {
    const key = `${base}_${n === 1 ? 'one' : 'other'}` as CoreKey;
    return formatEntry(EN_CORE[key], [thousands(n), ...args]);
  },
  num: thousands,
  data: (s) => s,
};

let current: CoreTranslator = ENGLISH;

/** Install the translator the core's wording goes through (extension contexts: the browser's UI language). */
export function setCoreTranslator(t: CoreTranslator): void {
  current = t;
}

/** The translator in use (English unless an extension context installed another). */
export function tr(): CoreTranslator {
  return current;
}

/** ["a", "b", "c"] → "a, b and c" in the reader's language. */
export function joinAnd(xs: readonly string[], t: CoreTranslator = current): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return t.msg('list_and', joinList(xs.slice(0, -1), t), xs[xs.length - 1]);
}

/** ["a", "b"] → "a, b" (the reader's list separator). */
export function joinList(xs: readonly string[], t: CoreTranslator = current): string {
  return xs.reduce((acc, x, i) => (i === 0 ? x : t.msg('list_join', acc, x)), '');
}
