/**
 * Scoring candidate places of a stored quote: the query and match shapes, the weights and
 * thresholds, quote and context similarity (edit distance) and the acceptance rule. The
 * weighted score follows the Hypothesis client's `matchQuote` (see match-quote.ts).
 * All offsets are clean-text offsets (see text-model.ts).
 */
import approxSearch from 'approx-string-match';

export interface QuoteQuery {
  /** Clean quote (non-empty). */
  quote: string;
  prefix: string;
  suffix: string;
  /** Expected clean-text offset of the quote's start, if known. */
  hint?: number;
  /** Second expected offset (e.g. the stored position before drift correction). */
  hint2?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
  /** 1 − edit errors / quote length at this place. */
  quoteScore: number;
  /** Mean similarity of prefix and suffix at this place (0..1). */
  contextScore: number;
  kind: 'exact' | 'position' | 'fuzzy';
}

/** Mutable progress shared between the search generator and whoever drives it. */
export interface MatchState {
  best: QuoteMatch | null;
  /** True once at least one approximate candidate was scored (for the orphan reason). */
  sawCandidates: boolean;
}

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POS = 2;
const W_TOTAL = W_QUOTE + W_PREFIX + W_SUFFIX + W_POS;

/**
 * Acceptance (see `acceptMatch`). Context similarity of unrelated 32-character snippets is
 * 0.28 on median and under 0.45 in 99 % of cases on our fixtures, so "about half the context
 * agrees" is real evidence of the place.
 */
export const MIN_CONTEXT = 0.5;
/** A candidate backed by its context must also reach this overall score… */
export const FUZZY_ACCEPT = 0.7;
/** …and keep at least this share of the quote (1 − errors / length). */
export const FUZZY_MIN_QUOTE = 0.4;
/** Verbatim quotes at least this long are accepted whatever their context (moved paragraph…). */
export const EXACT_LONG_QUOTE = 16;
/**
 * A quote of 24+ characters that survives this well is accepted whatever its context (the text
 * around it rewritten, an ad inserted next to it): chance matches that close do not happen in prose.
 */
export const FUZZY_STRONG_QUOTE = 0.75;
export const FUZZY_STRONG_MIN_LENGTH = 24;
/** Content inserted inside a quote (an ad between two paragraphs) may be this long. */
export const MAX_INSERTION = 600;
/** Stop looking further once a candidate scores this well. */
export const GOOD_ENOUGH = 0.85;

export const MAX_EXACT = 5000;
/** Largest quote × candidate size compared with `editDistance` in one unit of work (~5 ms). */
export const MAX_EDIT_CELLS = 4_000_000;
export const SEGMENT = 32768;
/** Half-width of the region around the expected position searched for verbatim text (the quote, its context, fragments). */
export const WIDE_REGION = 65536;
/**
 * Half-width of the region around the expected position searched approximately as a last
 * resort (step e): ~1500 words either side. Approximate search costs ~20 ms per MB warm and
 * several times that in code the JIT has not optimised yet (a fresh page).
 */
export const APPROX_REGION = 8192;

/** Largest number of edit errors allowed in the approximate search for a quote of `len` characters. */
export function maxErrorsFor(len: number): number {
  return Math.max(1, Math.min(32, Math.floor(len / 3)));
}

/** Similarity 0..1 of `pattern` to its best approximate occurrence in `text` (1 when pattern is empty). */
export function contextSimilarity(text: string, pattern: string): number {
  if (!pattern.length) return 1;
  if (!text.length) return 0;
  if (text === pattern) return 1;
  const m = approxSearch(text, pattern, pattern.length);
  if (!m.length) return 0;
  return Math.max(0, 1 - m[0].errors / pattern.length);
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

export function prefixScore(text: string, start: number, prefix: string): number {
  if (!prefix.length) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  return before === prefix ? 1 : contextSimilarity(before, prefix);
}

export function suffixScore(text: string, end: number, suffix: string): number {
  if (!suffix.length) return 1;
  const after = text.slice(end, end + suffix.length);
  return after === suffix ? 1 : contextSimilarity(after, suffix);
}

export function posScore(text: string, start: number, hint: number | undefined): number {
  if (hint === undefined || !text.length) return 1;
  return 1 - Math.min(1, Math.abs(start - hint) / text.length);
}

export function combine(q: number, p: number, s: number, pos: number): number {
  return (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POS * pos) / W_TOTAL;
}

/**
 * Whether a candidate may be used: a long quote found verbatim, or 24+ characters surviving at
 * ≥ 75 %, stand on their own; anything else needs about half its context to agree
 * (`MIN_CONTEXT`), an overall score of 0.7 and at least 40 % of the quote.
 */
export function acceptMatch(m: QuoteMatch, quoteLength: number): boolean {
  if (m.quoteScore >= 1 && quoteLength >= EXACT_LONG_QUOTE) return true;
  if (m.quoteScore >= FUZZY_STRONG_QUOTE && quoteLength >= FUZZY_STRONG_MIN_LENGTH) return true;
  return m.contextScore >= MIN_CONTEXT && m.score >= FUZZY_ACCEPT && m.quoteScore >= FUZZY_MIN_QUOTE;
}
