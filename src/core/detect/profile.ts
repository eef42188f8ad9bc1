/**
 * Topic profiles: the data that tells the detector what a topic is called and what it
 * is talked about with, per language. A profile is plain JSON (see
 * `profiles/islamic-state.json`); `compileProfile` validates it and precompiles every
 * regular expression once, so detection itself never builds a RegExp.
 *
 * Matching runs on text folded by `foldForMatching` (Arabic letter variants folded as
 * in `foldArabic`: أ/إ/آ → ا, ة → ه, ى/ئ → ي, ؤ → و; diacritics, tatweel and zero-width
 * or bidi marks removed), with an offset map back to the original, so evidence
 * positions point into the text the user sees. Terms are folded the same way when
 * compiled; Arabic clitics (و ف ب ك ل, and the article ال / لل) are accepted before
 * terms, Latin vowels accept accented forms (Etat / État).
 */
import { buildQuickTerms, foldTerm } from './quick-terms';
import type { QuickTerms } from './quick-scan';
import { AR_CLITICS, BOUND_AFTER, BOUND_BEFORE } from './word-chars';

// ---------------------------------------------------------------------------
// JSON format
// ---------------------------------------------------------------------------

/** A term as written in a profile: a bare string, or an object with options. */
export type TermInput = string | TermSpec;

export interface TermSpec {
  /** Canonical form, shown in evidence. Also matched literally unless `pattern` is given. */
  term: string;
  /** Other literal spellings that count as this term. */
  variants?: string[];
  /**
   * Raw RegExp source used instead of the literal forms (advanced: contexts such as
   * "IS fighters"). It is wrapped in the usual word boundaries, matched against folded
   * text, and must use non-capturing groups. Avoid \\p{…}: it forces the slower Unicode
   * mode on the whole language's scanner.
   */
  pattern?: string;
  /** Match letter case exactly (ISIS, IS, EI). Default false. */
  caseSensitive?: boolean;
  /** Weight of one hit. Names default to 1, vocabulary to 0.5. */
  weight?: number;
  /** A name that also means something else (Isis the goddess, a historical "Islamic state"). */
  ambiguous?: boolean;
  /** Arabic inflection endings accepted after the term (e.g. ي، ية، يون، يين for داعش). */
  suffixes?: string[];
}

/** A rule that discards hits of some terms in a given context. */
export interface NegativeContext {
  id: string;
  /** Human-readable explanation used in verdict reasons ("the Egyptian goddess"). */
  label?: string;
  /** Canonical `term`s of the names/vocabulary this rule applies to. */
  appliesTo: string[];
  /** Context words (literal, matched like terms). */
  terms?: string[];
  /**
   * 'window': a context word within `window` characters of the hit discards it.
   * 'document': a context word anywhere in the same field discards every hit of the field.
   */
  scope?: 'window' | 'document';
  /** Characters either side of the hit, for scope 'window'. Default 250. */
  window?: number;
  /** Literal words that, right after the hit, discard it (Isis Pharmaceuticals). */
  followedBy?: string[];
  /** Literal words that, right before the hit, discard it (River Isis). */
  precededBy?: string[];
  /** RegExp source tested (sticky) right after the hit. */
  followedByPattern?: string;
  /** RegExp source tested at the end of the text before the hit (anchor it with `$`). */
  precededByPattern?: string;
  /** Case-sensitive context words / patterns. Default false. */
  caseSensitive?: boolean;
  /** Do not apply when the document corroborates the topic (unambiguous names or enough vocabulary). */
  unlessCorroborated?: boolean;
}

export interface LanguageProfile {
  names: TermInput[];
  vocabulary?: TermInput[];
  negativeContexts?: NegativeContext[];
}

/** Tunable numbers of the scoring model; every field is optional in JSON. */
export interface ProfileThresholds {
  /** Score at or above which a page is on-topic (0..1). */
  on: number;
  /** Points → score: score = points / (points + scale). `on` = 0.5 ⇔ points = scale. */
  scale: number;
  /** Points for a name in the headline. */
  title: number;
  /** Points for a name in the meta description/keywords. */
  meta: number;
  /** Points for a name in the lead (first paragraph(s) of the body). */
  lead: number;
  /** Points per log2(1 + weighted body name hits). */
  bodyLog: number;
  /** Points per body name hit per 1000 words, capped by `densityMax`. */
  density: number;
  densityMax: number;
  /** Points × share of paragraphs (or text segments) naming the topic. */
  spread: number;
  /** Points per unit of related-vocabulary weight, capped by `vocabMax`. */
  vocab: number;
  vocabMax: number;
  /** Penalty when the only body naming is a single passing mention in a long text. */
  passingPenalty: number;
  /** Words above which a single mention counts as "passing". */
  passingWords: number;
  /** Vocabulary weight that corroborates ambiguous names. */
  corroborationVocab: number;
  /** Weight factor of ambiguous-name hits that are not corroborated. */
  ambiguousFactor: number;
  /** Maximum score when the topic is never named (vocabulary alone). */
  vocabOnlyCap: number;
}

export const DEFAULT_THRESHOLDS: ProfileThresholds = {
  on: 0.5,
  scale: 3,
  title: 3.6,
  meta: 0.6,
  lead: 2,
  bodyLog: 0.35,
  density: 0.09,
  densityMax: 1.8,
  spread: 0.65,
  vocab: 0.2,
  vocabMax: 1.2,
  passingPenalty: 0.55,
  passingWords: 0,
  corroborationVocab: 2,
  ambiguousFactor: 0.4,
  vocabOnlyCap: 0.3,
};

export interface TopicProfile {
  /** Stable id, kebab-case. */
  id: string;
  /** Display label ("Islamic State"). */
  label: string;
  version?: number;
  description?: string;
  /**
   * Per language (BCP 47 primary subtag). The key "*" holds terms shared by every
   * language (e.g. "ISIS", "Daesh").
   */
  languages: Record<string, LanguageProfile>;
  thresholds?: Partial<ProfileThresholds>;
}

// ---------------------------------------------------------------------------
// Compiled form
// ---------------------------------------------------------------------------

export interface CompiledTerm {
  /** Index in `CompiledProfile.terms`. */
  id: number;
  /** Canonical form as written in the profile. */
  term: string;
  kind: 'name' | 'vocab';
  weight: number;
  ambiguous: boolean;
  /** Language key the term came from ('*' for shared). */
  lang: string;
  /** Indexes into `CompiledProfile.negatives`. */
  negatives: number[];
  /**
   * For case-sensitive terms: a sticky regex that confirms, at a hit's start, the case
   * of what the case-insensitive scanner found.
   */
  verify: RegExp | null;
}

export interface CompiledNegative {
  id: string;
  label: string;
  scope: 'window' | 'document';
  window: number;
  unlessCorroborated: boolean;
  /** Global regex of context words, or null. */
  terms: RegExp | null;
  /** Sticky regex tested right after a hit, or null. */
  after: RegExp | null;
  /** Regex tested against the text just before a hit (ends with `$`), or null. */
  before: RegExp | null;
}

/** One scanning regex: capture group i+1 ⇔ `groupTerms[i]`. */
export interface CompiledScanner {
  re: RegExp;
  groupTerms: number[];
}

export interface CompiledLanguage {
  lang: string;
  /**
   * One case-insensitive regex for every term of the language (case-sensitive ones are
   * verified per hit). Built on first use: a page that is never analysed in a language
   * does not pay for compiling it.
   */
  readonly scanner: CompiledScanner;
  /** Ids of the language's case-sensitive terms (tried in turn when a verification fails). */
  caseSensitive: number[];
}

export interface CompiledProfile {
  id: string;
  label: string;
  thresholds: ProfileThresholds;
  terms: CompiledTerm[];
  negatives: CompiledNegative[];
  /** Per language key of the profile (shared terms merged in); '*' = union of all languages. */
  languages: Map<string, CompiledLanguage>;
  /** Languages the profile names explicitly (without '*'). */
  langs: string[];
  /**
   * For the quick pass: every name of every language, plus related terms of weight ≥ 1
   * (no case verification). Like the language scanners, built on first use.
   */
  readonly quick: CompiledScanner;
  /**
   * The same terms for the regex-free first pass (`quickCheck`, quick-scan.ts). Built on
   * first use; for the built-in profile it is also generated at build time
   * (quick-terms.generated.ts), so the content script needs no profile at all.
   */
  readonly quickTerms: QuickTerms;
}

export class ProfileError extends Error {
  override name = 'ProfileError';
}

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

interface NormalizedTerm {
  term: string;
  forms: string[];
  pattern?: string;
  caseSensitive: boolean;
  weight?: number;
  ambiguous: boolean;
  suffixes: string[];
}

function normalizeTerm(input: TermInput, where: string): NormalizedTerm {
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

interface ScannerEntry {
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

function buildScanner(entries: ScannerEntry[], baseFlags: string): CompiledScanner {
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

function compileNegative(n: NegativeContext, where: string): CompiledNegative {
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
export function compileProfile(json: unknown): CompiledProfile {
  const p = json as TopicProfile;
  if (!p || typeof p !== 'object') throw new ProfileError('profile: expected an object');
  if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) {
    throw new ProfileError('profile: "id" must be a kebab-case string');
  }
  if (typeof p.label !== 'string' || !p.label.trim()) throw new ProfileError(`profile ${p.id}: "label" is required`);
  if (!p.languages || typeof p.languages !== 'object' || !Object.keys(p.languages).length) {
    throw new ProfileError(`profile ${p.id}: "languages" must map language codes to term lists`);
  }
  const thresholds: ProfileThresholds = { ...DEFAULT_THRESHOLDS };
  if (p.thresholds) {
    for (const [k, v] of Object.entries(p.thresholds)) {
      if (!(k in DEFAULT_THRESHOLDS)) throw new ProfileError(`profile ${p.id}: unknown threshold "${k}"`);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProfileError(`profile ${p.id}: threshold "${k}" must be a number`);
      (thresholds as unknown as Record<string, number>)[k] = v;
    }
  }
  if (thresholds.on <= 0 || thresholds.on >= 1) throw new ProfileError(`profile ${p.id}: thresholds.on must be in (0, 1)`);

  const terms: CompiledTerm[] = [];
  const negatives: CompiledNegative[] = [];
  const sources: ScannerEntry[] = [];
  const byLang = new Map<string, number[]>();

  for (const [lang, lp] of Object.entries(p.languages)) {
    const where = `profile ${p.id} / ${lang}`;
    if (!lp || !Array.isArray(lp.names)) throw new ProfileError(`${where}: "names" must be an array`);
    if (lp.vocabulary !== undefined && !Array.isArray(lp.vocabulary)) {
      throw new ProfileError(`${where}: "vocabulary" must be an array`);
    }
    const ids: number[] = [];
    const add = (input: TermInput, kind: 'name' | 'vocab', i: number) => {
      const t = normalizeTerm(input, `${where} ${kind === 'name' ? 'names' : 'vocabulary'}[${i}]`);
      const id = terms.length;
      terms.push({
        id,
        term: t.term,
        kind,
        weight: t.weight ?? (kind === 'name' ? 1 : 0.5),
        ambiguous: t.ambiguous,
        lang,
        negatives: [],
        verify: null,
      });
      const entry: ScannerEntry = { id, seqs: null, norm: t, pattern: t.pattern };
      sources.push(entry);
      if (t.caseSensitive) terms[id].verify = buildScanner([entry], 'y').re;
      ids.push(id);
    };
    lp.names.forEach((n, i) => add(n, 'name', i));
    (lp.vocabulary ?? []).forEach((v, i) => add(v, 'vocab', i));
    for (const [i, n] of (lp.negativeContexts ?? []).entries()) {
      const neg = compileNegative(n, `${where} negativeContexts[${i}]`);
      const negIdx = negatives.length;
      negatives.push(neg);
      let applied = 0;
      for (const id of ids) {
        if (n.appliesTo.includes(terms[id].term)) {
          terms[id].negatives.push(negIdx);
          applied++;
        }
      }
      if (!applied) throw new ProfileError(`${where}: negative context "${n.id}" applies to no term of this language`);
    }
    byLang.set(lang, ids);
  }

  const shared = byLang.get('*') ?? [];
  const langs = [...byLang.keys()].filter((l) => l !== '*');
  const languages = new Map<string, CompiledLanguage>();
  if (!terms.some((t) => t.kind === 'name')) throw new ProfileError(`profile ${p.id}: at least one name is required`);
  const lazyScanner = (ids: number[]) => {
    let built: CompiledScanner | null = null;
    return () => {
      if (!built) {
        const set = new Set(ids);
        built = buildScanner(sources.filter((s) => set.has(s.id)), 'gi');
      }
      return built;
    };
  };
  const makeLang = (lang: string, ids: number[]): CompiledLanguage => {
    const get = lazyScanner(ids);
    return {
      lang,
      get scanner() {
        return get();
      },
      caseSensitive: ids.filter((id) => terms[id].verify),
    };
  };
  for (const l of langs) languages.set(l, makeLang(l, [...shared, ...(byLang.get(l) ?? [])]));
  languages.set('*', makeLang('*', terms.map((t) => t.id)));
  const quick = lazyScanner(terms.filter((t) => t.kind === 'name' || t.weight >= 1).map((t) => t.id));
  let quickTerms: QuickTerms | null = null;

  return {
    id: p.id,
    label: p.label,
    thresholds,
    terms,
    negatives,
    languages,
    langs,
    get quick() {
      return quick();
    },
    get quickTerms() {
      quickTerms ??= buildQuickTerms(
        p.id,
        p.label,
        sources.map((e) => ({
          term: e.norm.term,
          kind: terms[e.id].kind,
          weight: terms[e.id].weight,
          forms: e.norm.forms,
          suffixes: e.norm.suffixes,
          pattern: e.norm.pattern,
          caseSensitive: e.norm.caseSensitive,
        })),
      );
      return quickTerms;
    },
  };
}
