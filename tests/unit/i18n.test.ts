/**
 * The i18n check (scripts/check-i18n.ts): passes on the repository, and catches each kind of
 * mistake it is there for. Also: the core's wording follows the installed translator and
 * every message of every locale fills in without a stray placeholder.
 */
import { describe, expect, it, afterEach } from 'vitest';
import { runChecks, loadCatalogs } from '../../scripts/check-i18n';
import { checkCatalogs, hardCodedJsx, unusedKeys, type Catalog } from '../../scripts/lib/i18n-check';
import { formatEntry } from '../../src/core/i18n/format';
import { ENGLISH, setCoreTranslator, type CoreTranslator } from '../../src/core/i18n/translate';
import { describeReason } from '../../src/core/explain/reasons';

const entry = (message: string, ...ph: string[]) => ({ message, ...(ph.length ? { placeholders: Object.fromEntries(ph.map((n, i) => [n, { content: `$${i + 1}` }])) } : {}) });

describe('i18n check', () => {
  it('passes on the repository: en, ar, fr complete, every key used, no hard-coded JSX text', () => {
    expect(runChecks()).toEqual([]);
  });

  it('reports a key missing in a locale, an extra key, and differing placeholders', () => {
    const en: Catalog = { a: entry('Hello $NAME$', 'name'), b: entry('Bye') };
    const fr: Catalog = { a: entry('Bonjour $NOM$', 'nom'), c: entry('Salut') };
    const p = checkCatalogs({ en, fr });
    expect(p).toContain('fr: missing key "b"');
    expect(p).toContain('fr: key "c" is not in en');
    expect(p).toContain('fr: placeholders of "a" differ from en');
  });

  it('requires every plural category of the language (Arabic: zero, one, two, few, many, other)', () => {
    const en: Catalog = { n_one: entry('$COUNT$ day', 'count'), n_other: entry('$COUNT$ days', 'count') };
    const ar: Catalog = { n_one: entry('يوم واحد', 'count'), n_other: entry('$COUNT$ يوم', 'count') };
    const p = checkCatalogs({ en, ar });
    for (const c of ['zero', 'two', 'few', 'many']) expect(p).toContain(`ar: missing plural form "n_${c}"`);
    expect(p.some((x) => x.includes('n_one'))).toBe(false); // "one" may spell the count out
  });

  it('reports a placeholder used but not defined, and one defined but never used', () => {
    const en: Catalog = { a: entry('Hi $WHO$', 'who') };
    expect(checkCatalogs({ en, fr: { a: entry('Salut $QUI$', 'who') } })).toContain('fr: "a" uses undefined placeholder $QUI$');
    expect(checkCatalogs({ en, fr: { a: entry('Salut', 'who') } })).toContain('fr: "a" does not use placeholder $WHO$');
  });

  it('reports keys no source names, counting plural messages by their base and the manifest', () => {
    const cat: Catalog = { used: entry('x'), n_one: entry('x'), n_other: entry('x'), name: entry('x'), dead: entry('x') };
    expect(unusedKeys(cat, ["t('used'); tp(\"n\", 2)", '{"name": "__MSG_name__"}'])).toEqual(['dead']);
  });

  it('finds hard-coded text nodes, text attributes and literal branches in TSX, not translated ones', () => {
    const src = [
      'export const A = () => <p title="Close">Hello {x ? \'Yes\' : t(\'no\')}</p>;',
      'export const B = () => <input placeholder="https://example.org/pack.json" aria-label={t(\'addr\')} />;',
      'export const C = () => <p>{t(\'ok\')} · {n} ×{m}</p>;',
    ].join('\n');
    const found = hardCodedJsx('x.tsx', src);
    expect(found).toEqual(['x.tsx:1: "Close"', 'x.tsx:1: "Hello"', 'x.tsx:1: "Yes"']);
  });
});

describe('locales', () => {
  it('every message of every locale fills in with no placeholder left', () => {
    const catalogs = loadCatalogs();
    for (const [lang, cat] of Object.entries(catalogs)) {
      for (const [k, e] of Object.entries(cat)) {
        const out = formatEntry(e, ['1', '2', '3', '4', '5']);
        expect(out, `${lang} ${k}`).not.toMatch(/\$[A-Za-z_]+\$/);
        expect(out.trim(), `${lang} ${k}`).not.toBe('');
      }
    }
  });
});

describe('core wording follows the installed translator', () => {
  afterEach(() => setCoreTranslator(ENGLISH));
  const fr = loadCatalogs().fr;
  const french: CoreTranslator = {
    msg: (key, ...args) => formatEntry(fr[key], args),
    plural: (base, n, ...args) => formatEntry(fr[`${base}_${n === 1 ? 'one' : 'other'}`], [String(n), ...args]),
    num: String,
    data: (s) => s,
  };
  const report = { id: 'r', title: 'T', sourceId: 's' } as never;

  it('English by default (the CLI), French once installed', () => {
    expect(describeReason({ kind: 'close-date', details: ['3'] } as never, (id) => id, report)).toBe('Published 3 days apart');
    setCoreTranslator(french);
    expect(describeReason({ kind: 'close-date', details: ['3'] } as never, (id) => id, report)).toBe('Publiés à 3 jours d’écart');
    expect(describeReason({ kind: 'same-outlet', details: ['AFP'] } as never, (id) => id, report)).toBe('Même média (AFP)');
  });
});
