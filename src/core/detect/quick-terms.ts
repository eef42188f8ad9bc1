/**
 * Building a profile's first-pass terms (`QuickTerms`, see quick-scan.ts): every name and
 * every related term of weight ≥ 1, folded the way `quickFold` folds page text, with the
 * matching rules of the profile's regexes turned into plain strings (optional hyphens and
 * apostrophes expanded, the Arabic article split off). Used lazily by `compileProfile`
 * for any profile, and at build time for the built-in one (scripts/gen-profile.ts →
 * quick-terms.generated.ts, imported by the content script without the profile).
 */
import { foldForMatching } from '../text/normalize';
import { quickFold, type QuickTerms } from './quick-scan';
import { isWordCode } from './word-chars';
import { chooseAnchors } from './quick-anchors';

/** What the builder needs of one profile term. */
export interface QuickSourceTerm {
  term: string;
  kind: 'name' | 'vocab';
  weight: number;
  /** Literal forms (term + variants), as written. */
  forms: string[];
  suffixes: string[];
  pattern?: string;
  caseSensitive: boolean;
}

/** Fold a profile term the way page text is folded for matching (see `foldForMatching`). */
export function foldTerm(text: string): string {
  // eslint-disable-next-line no-control-regex
  const t = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
  return foldForMatching(t, false).text.trim();
}

const AR_ARTICLE = '\u0627\u0644';
const isHyphen = (c: number) => c === 0x2d || (c >= 0x2010 && c <= 0x2015);
const isApos = (c: number) => c === 0x27 || c === 0x2019 || c === 0x02bc || c === 0x2018 || c === 0x60;

/**
 * Spellings a term's hyphens and apostrophes stand for (each optional in the profile's
 * regexes: al-Baghdadi = al Baghdadi = alBaghdadi; Da'esh = Daesh). Page text has its
 * hyphens folded to spaces and its apostrophes unified, so a hyphen expands to ' ' or '',
 * an apostrophe to "'" or ''.
 */
function expandOptional(s: string): string[] {
  let out = [''];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const opts = isHyphen(c) ? [' ', ''] : isApos(c) ? ["'", ''] : [s[i]];
    if (out.length * opts.length > 64) throw new Error(`quick terms: too many hyphens/apostrophes in "${s}"`);
    const next: string[] = [];
    for (const o of out) for (const x of opts) next.push(o + x);
    out = next;
  }
  return out;
}

/**
 * Characters the first pass can match: its folding lower-cases ASCII and Latin-1 only, so a
 * term letter with case forms elsewhere (Greek, Cyrillic, Latin Extended) could be missed.
 */
function checkChars(s: string, term: string): void {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x100 || (c >= 0x600 && c <= 0x6ff)) continue;
    if (ch.toLowerCase() !== ch || ch.toUpperCase() !== ch) {
      throw new Error(`quick terms: "${term}" has a character (${ch}) the first pass cannot fold; use Latin-1, Arabic or caseless letters`);
    }
  }
}

/** Split a regex source at its top-level '|'. */
function splitTop(src: string): string[] | null {
  const alts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(src, i);
      if (i < 0) return null;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alts.push(src.slice(from, i));
      from = i + 1;
    }
  }
  alts.push(src.slice(from));
  return depth === 0 ? alts : null;
}

/** Index of the ']' closing the class opened at `i`, or -1. */
function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']' && j > i + 1) return j;
  }
  return -1;
}

/** Index just after the ')' closing the group opened at `i`, or -1. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j = classEnd(src, j);
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * The literal every match of a pattern contains, when each alternative is only lookaround
 * assertions around one and the same literal ("(?<=so-called\s+)IS|IS(?=\s+fighters)" →
 * "IS"); '' otherwise (the first pass then always runs the pattern).
 */
export function patternLiteral(src: string): string {
  const alts = splitTop(src);
  if (!alts) return '';
  let lit: string | null = null;
  for (const alt of alts) {
    let rest = '';
    for (let i = 0; i < alt.length; ) {
      const c = alt[i];
      if (c === '(') {
        if (!/^\(\?(?:=|!|<=|<!)/.test(alt.slice(i, i + 4))) return '';
        const end = groupEnd(alt, i);
        if (end < 0) return '';
        if (end < alt.length && '*+?{'.includes(alt[end])) return '';
        i = end;
      } else if (c === '\\') {
        const n = alt[i + 1];
        if (!n || /[A-Za-z0-9]/.test(n)) return '';
        rest += n;
        i += 2;
      } else if ('.*+?^$[]{}|)'.includes(c)) return '';
      else {
        rest += c;
        i++;
      }
    }
    if (!rest || (lit !== null && lit !== rest)) return '';
    lit = rest;
  }
  return lit ?? '';
}

/** First-pass terms of a profile (names first, then vocabulary of weight ≥ 1). */
export function buildQuickTerms(id: string, label: string, source: QuickSourceTerm[]): QuickTerms {
  const out: QuickTerms = { id, label, terms: [], forms: [], groups: [], patterns: [] };
  const nameForms: QuickTerms['forms'] = [];
  const vocabForms: QuickTerms['forms'] = [];
  // A spelling shared by two terms (Raqqa in English and French) is searched once: the first term wins.
  const seen = new Map<string, QuickTerms['forms'][number]>();
  for (const t of source) {
    if (t.kind !== 'name' && !(t.weight >= 1)) continue;
    const ti = out.terms.push([t.term, t.kind === 'name' ? 1 : 0, t.weight]) - 1;
    if (t.pattern) {
      const flags = (t.caseSensitive ? '' : 'i') + (/\\[pPu]\{/.test(t.pattern) ? 'u' : '');
      out.patterns.push([ti, patternLiteral(t.pattern), t.caseSensitive ? 1 : 0, t.pattern, flags]);
      continue;
    }
    const list = t.kind === 'name' ? nameForms : vocabForms;
    const suffixes = [...new Set(t.suffixes.map((x) => quickFold(foldTerm(x)).text).filter(Boolean))];
    for (const form of t.forms) {
      const folded = foldTerm(form);
      if (!folded) continue;
      const code = folded.charCodeAt(0);
      const arabic = code >= 0x600 && code <= 0x6ff;
      // As in the profile's regexes: a term written with the article requires one.
      const art = arabic && folded.startsWith(AR_ARTICLE) && folded.length > 3;
      const stem = art ? folded.slice(2) : folded;
      for (const spelled of expandOptional(stem)) {
        const s = quickFold(spelled).text.trim();
        if (!s) continue;
        checkChars(s, t.term);
        const article: 0 | 1 | 2 = arabic ? (art ? 2 : 1) : 0;
        const key = `${t.kind}|${s}|${suffixes.join(',')}`;
        const prev = seen.get(key);
        if (prev) {
          // The same spelling with and without the article (دواعش, الدواعش): the article is optional.
          if (article < prev[2]) prev[2] = article;
          continue;
        }
        const form: QuickTerms['forms'][number] = suffixes.length ? [s, ti, article, suffixes] : [s, ti, article];
        seen.set(key, form);
        list.push(form);
      }
    }
  }
  const names = pruneNames(nameForms);
  out.forms = [...names, ...vocabForms];
  out.groups = [...groupForms(out.forms, 0, names.length), ...groupForms(out.forms, names.length, out.forms.length)];
  out.anchors = chooseAnchors(out.groups.map((g) => out.forms[g[0]][0]));
  return out;
}

/**
 * Groups of forms[from..to) under a root each: a form whose text starts with another's
 * occurs wherever that one does, so only the shortest (the root) is searched for.
 */
function groupForms(forms: QuickTerms['forms'], from: number, to: number): number[][] {
  const groups: number[][] = [];
  const idx: number[] = [];
  for (let i = from; i < to; i++) idx.push(i);
  // Shortest first, so that a form's root is already placed when the form comes.
  idx.sort((a, b) => forms[a][0].length - forms[b][0].length || a - b);
  for (const i of idx) {
    const root = groups.find((g) => forms[i][0].startsWith(forms[g[0]][0]));
    if (root) root.push(i);
    else {
      const g = [i];
      groups.push(g);
    }
  }
  // Search order: as the forms came (names by language, then vocabulary).
  return groups.sort((a, b) => a[0] - b[0]).map((g) => [g[0], ...g.slice(1).sort((a, b) => a - b)]);
}

/**
 * For names only their presence matters: a name spelling that starts with a shorter one
 * followed by a separator (islamic state group → islamic state, تنظيم الدوله الاسلاميه →
 * تنظيم الدوله) cannot match where the shorter one does not, so it is dropped.
 */
function pruneNames(forms: QuickTerms['forms']): QuickTerms['forms'] {
  return forms.filter(
    ([s, , article]) =>
      !forms.some(([a, , aArticle, aSuffixes]) => {
        if (a.length >= s.length || !s.startsWith(a) || aArticle > article) return false;
        if (article === 0 ? aArticle !== 0 : aArticle === 0) return false;
        return !isWordCode(s.charCodeAt(a.length)) || !!aSuffixes?.some((x) => s.startsWith(x, a.length) && !isWordCode(s.charCodeAt(a.length + x.length)));
      }),
  );
}

/** Source of quick-terms.generated.ts for a profile's terms. */
export function renderQuickTermsModule(q: QuickTerms, profileFile: string): string {
  const lines = [
    '// Generated by scripts/gen-profile.ts from ' + profileFile + ': do not edit.',
    '// Run `npx tsx scripts/gen-profile.ts` after changing the profile or the way it is compiled (a unit test checks it is fresh).',
    "import type { QuickTerms } from './quick-scan';",
    '',
    'export const QUICK_TERMS: QuickTerms = {',
    `  id: ${JSON.stringify(q.id)},`,
    `  label: ${JSON.stringify(q.label)},`,
    '  terms: [',
    ...q.terms.map((t) => `    ${JSON.stringify(t)},`),
    '  ],',
    '  forms: [',
    ...q.forms.map((f) => `    ${JSON.stringify(f)},`),
    '  ],',
    '  groups: [',
    ...q.groups.map((g) => `    ${JSON.stringify(g)},`),
    '  ],',
    '  patterns: [',
    ...q.patterns.map((p) => `    ${JSON.stringify(p)},`),
    '  ],',
    ...(q.anchors ? ['  anchors: [', ...q.anchors.map((a) => `    ${JSON.stringify(a)},`), '  ],'] : []),
    '};',
    '',
  ];
  return lines.join('\n');
}
