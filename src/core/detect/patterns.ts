/**
 * Regular-expression building for topic profiles: literal terms → folded, accent- and
 * clitic-tolerant patterns; many terms → one trie-shaped scanner; negative contexts.
 */
import { foldTerm } from './quick-terms';
import { AR_CLITICS, BOUND_AFTER, BOUND_BEFORE } from './word-chars';
import { ProfileError, type CompiledNegative, type CompiledScanner, type NegativeContext, type TermInput } from './profile-types';

// ---------------------------------------------------------------------------
// Pattern building
// ---------------------------------------------------------------------------

const LATIN_CI: Record<string, string> = {
  a: '[aàâäá]',
  e: '[eéèêë]',
  i: '[iîïí]',
  o: '[oôöó]',
  u: '[uùûüú]',
  c: '[cç]',
};
const LATIN_FOLD: Record<string, string> = {
  à: 'a', â: 'a', ä: 'a', á: 'a', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i',
  ô: 'o', ö: 'o', ó: 'o', ù: 'u', û: 'u', ü: 'u', ú: 'u', ç: 'c',
};
const SPACE = '[\\s\\u00A0]+';
const HYPHEN = '[-\\u2010-\\u2015\\s\\u00A0]?';
const APOS = "['\\u2019\\u02BC\\u2018`]?";
/** The article ال, or the ل of لل (ل + ال with the alef dropped). */
const AR_ARTICLE_SRC = '(?:\\u0627\\u0644|(?<=\\u0644)\\u0644)';
const AR_ARTICLE = '\u0627\u0644';

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

function isArabicChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
}

function latinClass(c: string, caseSensitive: boolean): string {
  const lower = c.toLowerCase();
  const base = LATIN_FOLD[lower] ?? lower;
  const cls = LATIN_CI[base];
  if (!cls) return escapeChar(c);
  if (!caseSensitive) return cls;
  const upper = c !== lower; // the term's own case
  return upper ? cls.toUpperCase() : cls;
}


function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Regex units (one per character, white-space runs merged) of a literal phrase. */
function literalUnits(text: string, caseSensitive: boolean): string[] {
  const folded = foldTerm(text);
  const out: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const c = folded[i];
    if (isSpaceCode(code)) {
      if (out[out.length - 1] !== SPACE) out.push(SPACE);
    } else if (c === '-' || (code >= 0x2010 && code <= 0x2015)) out.push(HYPHEN);
    else if (c === "'" || code === 0x2019 || code === 0x02bc || code === 0x2018) out.push(APOS);
    else if (code >= 0x0600 && code <= 0x06ff) out.push(c);
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code >= 0xc0) out.push(latinClass(c, caseSensitive));
    else out.push(escapeChar(c));
  }
  return out;
}

/**
 * Regex source for a literal phrase, run on text folded by `foldForMatching` (Arabic
 * letters folded, diacritics/tatweel/zero-width marks removed). Latin vowels accept
 * accents, spaces accept any white-space run, hyphens and apostrophes are optional.
 */
export function literalPattern(text: string, caseSensitive = false): string {
  return literalUnits(text, caseSensitive).join('');
}

export interface NormalizedTerm {
  term: string;
  forms: string[];
  pattern?: string;
  caseSensitive: boolean;
  weight?: number;
  ambiguous: boolean;
  suffixes: string[];
}

export function normalizeTerm(input: TermInput, where: string): NormalizedTerm {
  if (typeof input === 'string') {
    if (!input.trim()) throw new ProfileError(`${where}: empty term`);
    return { term: input, forms: [input], caseSensitive: false, ambiguous: false, suffixes: [] };
  }
  if (!input || typeof input !== 'object' || typeof input.term !== 'string' || !input.term.trim()) {
    throw new ProfileError(`${where}: a term needs a non-empty "term" string`);
  }
  if (input.variants !== undefined && !Array.isArray(input.variants)) {
    throw new ProfileError(`${where} (${input.term}): "variants" must be an array of strings`);
  }
  if (input.weight !== undefined && (typeof input.weight !== 'number' || !(input.weight >= 0))) {
    throw new ProfileError(`${where} (${input.term}): "weight" must be a number ≥ 0`);
  }
  if (input.pattern !== undefined) {
    let groups = 0;
    try {
      // Validated in the mode it will run in (see scannerFlags).
      const mode = /\\[pPu]\{/.test(input.pattern) ? 'u' : '';
      groups = (new RegExp(`(?:${input.pattern})|`, mode).exec('') ?? []).length - 1;
    } catch (e) {
      throw new ProfileError(`${where} (${input.term}): invalid pattern: ${(e as Error).message}`);
    }
    if (groups > 0) throw new ProfileError(`${where} (${input.term}): use non-capturing groups (?:…) in patterns`);
  }
  if (input.suffixes !== undefined && !Array.isArray(input.suffixes)) {
    throw new ProfileError(`${where} (${input.term}): "suffixes" must be an array of strings`);
  }
  const forms = [input.term, ...(input.variants ?? [])].filter((f) => typeof f === 'string' && f.trim());
  return {
    term: input.term,
    forms,
    pattern: input.pattern,
    caseSensitive: input.caseSensitive === true,
    weight: input.weight,
    ambiguous: input.ambiguous === true,
    suffixes: input.suffixes ?? [],
  };
}

/** Unit sequences of a term's literal forms (Arabic article and suffixes expanded). */
function termUnitSeqs(t: NormalizedTerm): string[][] {
  const seqs: string[][] = [];
  const suffixes = ['', ...t.suffixes];
  for (const form of t.forms) {
    const folded = foldTerm(form);
    for (const suf of suffixes) {
      if (isArabicChar(folded.charAt(0))) {
        // A term written with the article requires it (الدولة → also للدولة, بالدولة);
        // a term written without it accepts it optionally (داعش → الداعشي).
        const art = folded.startsWith(AR_ARTICLE) && folded.length > 3;
        const rest = literalUnits((art ? folded.slice(2) : folded) + suf, t.caseSensitive);
        seqs.push([art ? AR_ARTICLE_SRC : AR_ARTICLE_SRC + '?', ...rest]);
      } else {
        seqs.push(literalUnits(folded + suf, t.caseSensitive));
      }
    }
  }
  return seqs;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Term id ending here (first one wins). */
  term: number;
  depth: number;
}

export interface ScannerEntry {
  id: number;
  /** Unit sequences of the literal forms; computed on first use (see `entrySeqs`). */
  seqs: string[][] | null;
  norm: NormalizedTerm;
  pattern?: string;
}

function entrySeqs(e: ScannerEntry): string[][] {
  if (!e.seqs) e.seqs = e.pattern ? [] : termUnitSeqs(e.norm);
  return e.seqs;
}

/**
 * One scanning regex for many terms: literal forms are merged into a trie (so the
 * engine tests each distinct first character once per position, not every term), and
 * each form ends in an empty capture group that identifies its term. Raw patterns
 * follow as plain alternatives. Clitics and word boundaries wrap the whole.
 */
/** Scanner flags: 'u' only when a raw pattern needs it (\\p{…}); it makes compiling about twice as slow. */
function scannerFlags(entries: ScannerEntry[], base: string): string {
  return entries.some((e) => e.pattern && /\\[pPu]\{/.test(e.pattern)) ? base + 'u' : base;
}

export function buildScanner(entries: ScannerEntry[], baseFlags: string): CompiledScanner {
  const flags = scannerFlags(entries, baseFlags);
  const root: TrieNode = { children: new Map(), term: -1, depth: 0 };
  for (const e of entries) {
    for (const seq of entrySeqs(e)) {
      let node = root;
      for (const u of seq) {
        let next = node.children.get(u);
        if (!next) {
          next = { children: new Map(), term: -1, depth: 0 };
          node.children.set(u, next);
        }
        node = next;
      }
      if (node.term < 0) node.term = e.id;
    }
  }
  const depth = (n: TrieNode): number => {
    let d = 0;
    for (const c of n.children.values()) d = Math.max(d, 1 + depth(c));
    n.depth = d;
    return d;
  };
  depth(root);
  const groupTerms: number[] = [];
  const emit = (n: TrieNode): string => {
    const alts: string[] = [];
    // Deeper branches first; the node's own end last, so longer spellings are preferred.
    const kids = [...n.children.entries()].sort((a, b) => b[1].depth - a[1].depth);
    for (const [u, c] of kids) alts.push(u + emit(c));
    if (n.term >= 0) {
      groupTerms.push(n.term);
      alts.push('()');
    }
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  const parts: string[] = [];
  if (root.children.size) parts.push(emit(root));
  for (const e of entries) {
    if (!e.pattern) continue;
    parts.push(`(?:${e.pattern})()`);
    groupTerms.push(e.id);
  }
  return {
    re: new RegExp(`${BOUND_BEFORE}${AR_CLITICS}(?:${parts.join('|')})${BOUND_AFTER}`, flags),
    groupTerms,
  };
}

export function compileNegative(n: NegativeContext, where: string): CompiledNegative {
  if (!n || typeof n.id !== 'string' || !Array.isArray(n.appliesTo)) {
    throw new ProfileError(`${where}: a negative context needs "id" and "appliesTo"`);
  }
  const cs = n.caseSensitive === true;
  const flags = cs ? 'gu' : 'giu';
  const words = (list: string[] | undefined) =>
    list && list.length
      ? list
          .filter((w) => w.trim())
          .sort((a, b) => b.length - a.length)
          .map((w) => literalPattern(w, cs))
          .join('|')
      : '';
  const terms = words(n.terms);
  let afterSrc = '';
  const fb = words(n.followedBy);
  if (fb) afterSrc = `${SPACE}(?:${fb})${BOUND_AFTER}`;
  const fbp = n.followedByPattern?.replace(/^\^/, '');
  if (fbp) afterSrc = afterSrc ? `(?:${afterSrc}|${fbp})` : fbp;
  let beforeSrc = '';
  const pb = words(n.precededBy);
  if (pb) beforeSrc = `${BOUND_BEFORE}(?:${pb})${APOS}[\\s\\u00A0]*$`;
  if (n.precededByPattern) beforeSrc = beforeSrc ? `(?:${beforeSrc})|(?:${n.precededByPattern})` : n.precededByPattern;
  try {
    return {
      id: n.id,
      label: n.label ?? n.id,
      scope: n.scope === 'document' ? 'document' : 'window',
      window: typeof n.window === 'number' && n.window > 0 ? n.window : 250,
      unlessCorroborated: n.unlessCorroborated === true,
      terms: terms ? new RegExp(`${BOUND_BEFORE}(?:${terms})${BOUND_AFTER}`, flags) : null,
      after: afterSrc ? new RegExp(afterSrc, cs ? 'yu' : 'yiu') : null,
      before: beforeSrc ? new RegExp(beforeSrc, cs ? 'u' : 'iu') : null,
    };
  } catch (e) {
    throw new ProfileError(`${where} (${n.id}): invalid pattern: ${(e as Error).message}`);
  }
}

/**
 * Validate a profile (parsed JSON) and precompile its regular expressions.
 * Throws `ProfileError` with a readable message when the profile is malformed.
 */
