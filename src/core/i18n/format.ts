/**
 * Chrome/WebExtension `messages.json` entries and how they are filled in, without any
 * browser API: the core's English wording (en.ts), the i18n check and the unit tests use
 * this; in the browser `i18n.getMessage` does the same from `_locales/<lang>/messages.json`.
 */

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageCatalog = Record<string, MessageEntry>;

/** Fill a message's named placeholders ($NAME$ → its content, "$1" → the first substitution). */
export function formatEntry(entry: MessageEntry, subs: readonly (string | number)[] = []): string {
  const ph = entry.placeholders ?? {};
  const byName = new Map(Object.entries(ph).map(([k, v]) => [k.toLowerCase(), v.content]));
  const fill = (content: string) => content.replace(/\$(\d)/g, (_, d: string) => String(subs[Number(d) - 1] ?? ''));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (all, name: string) => {
      const c = byName.get(name.toLowerCase());
      return c === undefined ? all : fill(c);
    })
    .replace(/\$\$/g, '$');
}

/** The plural categories a plural message may carry, in the order translators expect them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** "reason_times_other" → "reason_times"; null for a key that is not a plural form. */
export function pluralBase(key: string): string | null {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? m[1] : null;
}
