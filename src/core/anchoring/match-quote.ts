/**
 * Finding a stored quote in the clean text of a page: verbatim occurrences disambiguated by
 * context and position, then approximate matches (approx-string-match, Myers' bit-parallel
 * algorithm) in a few small windows, then in a wide region around the old position. The order
 * of the steps is in anchor.ts (`search`).
 *
 * The candidate score follows the idea of the Hypothesis client's `matchQuote`
 * (hypothesis/client, src/annotator/anchoring/match-quote.ts, BSD-2-Clause, © Hypothes.is
 * Project and contributors): a weighted sum of quote similarity (50), prefix similarity (20),
 * suffix similarity (20) and proximity to the expected position (2), normalised to 0..1.
 * Unlike Hypothesis we do not search the whole page with a large error budget: approximate
 * search costs ~20 ms per MB, so we look where the quote is likely to be (around the stored
 * position, after its prefix, before its suffix, around verbatim fragments of it) and widen to
 * ±64K characters of the old position only when that fails, in segments so that callers can
 * time-slice. We also add an acceptance rule (`acceptMatch`), where Hypothesis takes the best
 * candidate whatever its score, and a step for content inserted inside a quote.
 *
 * All offsets here are clean-text offsets (see text-model.ts).
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
const GOOD_ENOUGH = 0.85;

const MAX_EXACT = 5000;
/** Largest quote × candidate size compared with `editDistance` in one unit of work (~5 ms). */
const MAX_EDIT_CELLS = 4_000_000;
const SEGMENT = 32768;
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

function prefixScore(text: string, start: number, prefix: string): number {
  if (!prefix.length) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  return before === prefix ? 1 : contextSimilarity(before, prefix);
}

function suffixScore(text: string, end: number, suffix: string): number {
  if (!suffix.length) return 1;
  const after = text.slice(end, end + suffix.length);
  return after === suffix ? 1 : contextSimilarity(after, suffix);
}

function posScore(text: string, start: number, hint: number | undefined): number {
  if (hint === undefined || !text.length) return 1;
  return 1 - Math.min(1, Math.abs(start - hint) / text.length);
}

function combine(q: number, p: number, s: number, pos: number): number {
  return (W_QUOTE * q + W_PREFIX * p + W_SUFFIX * s + W_POS * pos) / W_TOTAL;
}

/** Length of the common run where `text` (ending at `end`) and `prefix` (ending) agree. */
function commonBefore(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && end - n - 1 >= 0 && text.charCodeAt(end - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}
function commonAfter(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text.charCodeAt(start + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** All occurrences of `needle` in text[from, to) (capped). */
function occurrences(text: string, needle: string, from = 0, to = text.length, cap = MAX_EXACT): number[] {
  const out: number[] = [];
  if (!needle.length) return out;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  // Search a slice when the range is bounded: indexOf on the whole text would run to its end.
  const hay = from === 0 && to === text.length ? text : text.slice(from, to);
  let p = hay.indexOf(needle);
  while (p !== -1 && out.length < cap) {
    out.push(from + p);
    p = hay.indexOf(needle, p + 1);
  }
  return out;
}

function hasPerfectContext(text: string, start: number, end: number, q: QuoteQuery): boolean {
  const ps = start - q.prefix.length;
  return ps >= 0 && text.startsWith(q.prefix, ps) && text.startsWith(q.suffix, end);
}

/**
 * The parts of the text searched first: ±WIDE_REGION around the expected position(s), merged;
 * the whole text when there is no position.
 */
export function searchRegions(textLength: number, q: QuoteQuery, halfWidth = WIDE_REGION): Array<[number, number]> {
  const hints = [q.hint, q.hint2].filter((h): h is number => h !== undefined).sort((a, b) => a - b);
  if (!hints.length) return [[0, textLength]];
  const regions: Array<[number, number]> = [];
  for (const h of hints) {
    const a = Math.max(0, h - halfWidth);
    const b = Math.min(textLength, h + q.quote.length + halfWidth);
    const last = regions[regions.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else regions.push([a, b]);
  }
  return regions;
}

function occurrencesIn(text: string, needle: string, regions: ReadonlyArray<[number, number]> | undefined, cap: number): number[] {
  if (!regions) return occurrences(text, needle, 0, text.length, cap);
  const out: number[] = [];
  for (const [a, b] of regions) {
    if (out.length >= cap) break;
    out.push(...occurrences(text, needle, a, b, cap - out.length));
  }
  return out;
}

/**
 * Step 1 — verbatim occurrences (within `regions` when given, else anywhere). Returns the best one (kind 'exact', or 'position' when the
 * hint broke a tie between equally good contexts), or null when the quote does not occur.
 */
export function matchExact(text: string, q: QuoteQuery, regions?: ReadonlyArray<[number, number]>): QuoteMatch | null {
  const len = q.quote.length;
  // Fast path: the quote with its whole context at or near the expected place. Several such
  // occurrences close by (repeated boilerplate) are a tie the position decides.
  for (const h of [q.hint, q.hint2]) {
    if (h === undefined) continue;
    const R = 2048;
    const perfect = occurrences(text, q.quote, h - R, h + R + len, 64).filter((p) => hasPerfectContext(text, p, p + len, q));
    if (!perfect.length) continue;
    const p = perfect.reduce((a, b) => (Math.abs(b - h) < Math.abs(a - h) ? b : a));
    return { start: p, end: p + len, score: 1, quoteScore: 1, contextScore: 1, kind: perfect.length > 1 ? 'position' : 'exact' };
  }
  const occ = occurrencesIn(text, q.quote, regions, MAX_EXACT);
  if (!occ.length) return null;
  const hint = q.hint;
  if (occ.length === 1) {
    const p = occ[0];
    const ps = prefixScore(text, p, q.prefix);
    const ss = suffixScore(text, p + len, q.suffix);
    return { start: p, end: p + len, score: combine(1, ps, ss, posScore(text, p, hint)), quoteScore: 1, contextScore: (ps + ss) / 2, kind: 'exact' };
  }
  // Rank by the cheap exact-run context first, then score the most promising ones properly.
  const ctxLen = q.prefix.length + q.suffix.length || 1;
  let pool = occ;
  if (occ.length > 64) {
    const byRun = occ
      .map((p) => ({ p, r: (commonBefore(text, p, q.prefix) + commonAfter(text, p + len, q.suffix)) / ctxLen }))
      .sort((a, b) => b.r - a.r)
      .slice(0, 32)
      .map((x) => x.p);
    const near = hint === undefined ? [] : [...occ].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, 16);
    pool = [...new Set([...byRun, ...near])];
  }
  let best: { p: number; ctx: number; score: number } | null = null;
  let tie = false;
  for (const p of pool) {
    const ps = prefixScore(text, p, q.prefix);
    const ss = suffixScore(text, p + len, q.suffix);
    const ctx = (ps + ss) / 2;
    const score = combine(1, ps, ss, posScore(text, p, hint));
    if (!best || ctx > best.ctx + 1e-9) {
      best = { p, ctx, score };
      tie = false;
    } else if (Math.abs(ctx - best.ctx) <= 1e-9) {
      tie = true;
      // Equal context: the one nearer the expected position wins.
      if (hint !== undefined && Math.abs(p - hint) < Math.abs(best.p - hint)) best = { p, ctx, score };
    }
  }
  if (!best) return null;
  return { start: best.p, end: best.p + len, score: best.score, quoteScore: 1, contextScore: best.ctx, kind: tie && hint !== undefined ? 'position' : 'exact' };
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

/**
 * Step 2 — approximate search, as a generator that yields between units of work (a window,
 * a whole-text segment) so that the caller can stop on a deadline or resume in the next slice.
 * The best candidate so far is kept in `state.best`.
 */
export function* matchFuzzy(
  text: string,
  q: QuoteQuery,
  state: MatchState,
  regions: ReadonlyArray<[number, number]>,
  phase: 'local' | 'wide',
): Generator<void, void, void> {
  const quote = q.quote;
  const len = quote.length;
  const k = maxErrorsFor(len);
  // A quote of k characters or fewer matches "approximately" at every position of the text (and
  // each match is scored): only its verbatim occurrences mean anything, and step 1 had those.
  if (len <= k) return;
  const seen = new Set<string>();

  const consider = (start: number, end: number, quoteScore: number) => {
    // Keep whole characters and no white space at the edges.
    if (start > 0 && isLow(text.charCodeAt(start))) start--;
    if (end < text.length && isHigh(text.charCodeAt(end - 1))) end++;
    while (start < end && text.charCodeAt(start) === 0x20) start++;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    if (end <= start) return;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    state.sawCandidates = true;
    const ps = prefixScore(text, start, q.prefix);
    const ss = suffixScore(text, end, q.suffix);
    const m: QuoteMatch = { start, end, score: combine(quoteScore, ps, ss, posScore(text, start, q.hint)), quoteScore, contextScore: (ps + ss) / 2, kind: 'fuzzy' };
    // Acceptable candidates beat unacceptable ones; then the higher score wins.
    const ok = acceptMatch(m, len);
    const bestOk = !!state.best && acceptMatch(state.best, len);
    if (!state.best || (ok && !bestOk) || (ok === bestOk && m.score > state.best.score)) state.best = m;
  };

  const searchWindow = (from: number, to: number) => {
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    if (to - from < Math.max(1, len - k)) return;
    const found = approxSearch(text.slice(from, to), quote, k);
    for (let i = 0; i < found.length && i < 50; i++) {
      const m = found[i];
      consider(from + m.start, from + m.end, 1 - m.errors / len);
    }
  };

  const good = () => !!state.best && state.best.score >= GOOD_ENOUGH && acceptMatch(state.best, len);

  // Fragments (context, pieces of the quote) are looked for in `regions` only: scanning a large
  // page for every fragment would cost ~0.3–0.5 ms per MB and per fragment.
  const find = (needle: string, cap: number): number[] => occurrencesIn(text, needle, regions, cap);

  if (phase === 'wide') {
    // (e) Approximate search over the whole of `regions`, segment by segment (~20 ms per MB).
    const overlap = len + k;
    for (const [a, b] of regions) {
      for (let from = a; from < b; from += SEGMENT) {
        searchWindow(from, Math.min(b, from + SEGMENT) + overlap);
        yield;
      }
    }
    return;
  }

  // (a) Around the expected position: first tightly (the usual case once the drift of the
  // page is known), then ±max(1024, 3 × length).
  const span = Math.max(1024, 3 * len);
  const hints = [q.hint, q.hint2].filter((h): h is number => h !== undefined);
  for (const h of hints) {
    searchWindow(h - 64 - k, h + len + 64 + k);
    if (good()) return;
  }
  yield;
  for (const h of hints) {
    searchWindow(h - span, h + len + span);
    yield;
  }
  if (good()) return;

  // (b) Right after the prefix / right before the suffix, and between the two.
  const slack = k + 16;
  const pTail = q.prefix.length >= 6 ? q.prefix.slice(-Math.min(16, q.prefix.length)) : '';
  const sHead = q.suffix.length >= 6 ? q.suffix.slice(0, Math.min(16, q.suffix.length)) : '';
  const pEnds = pTail ? find(pTail, 24).map((p) => p + pTail.length) : [];
  const sStarts = sHead ? find(sHead, 24) : [];
  // One window per unit of work (a long quote's window costs milliseconds): the caller's clock is checked in between.
  for (const pe of pEnds) {
    searchWindow(pe - 4, pe + len + slack);
    yield;
  }
  for (const ss of sStarts) {
    searchWindow(ss - len - slack, ss + 4);
    yield;
  }
  for (const pe of pEnds) {
    for (const ss of sStarts) {
      const gap = ss - pe;
      if (gap <= 0 || gap > 2 * len + 32) continue;
      // Levenshtein costs quote × candidate steps: past MAX_EDIT_CELLS (a quote of ~2,000 characters) the
      // windows searched after the prefix and before the suffix above stand in for it.
      if (len * gap > MAX_EDIT_CELLS) continue;
      const cand = text.slice(pe, ss);
      const d = editDistance(cand.trim(), quote);
      consider(pe, ss, Math.max(0, 1 - d / Math.max(len, cand.length)));
      yield;
    }
  }
  yield;
  if (good()) return;

  // (c) Around verbatim fragments of the quote (start, middle, end).
  if (len >= 12) {
    const piece = Math.min(16, Math.max(8, Math.floor(len / 4)));
    const offsets = [...new Set([0, Math.max(0, Math.floor((len - piece) / 2)), Math.max(0, len - piece)])];
    for (const o of offsets) {
      const frag = quote.slice(o, o + piece);
      if (frag.trim().length < 6) continue;
      for (const p of find(frag, 12)) {
        searchWindow(p - o - slack, p - o + len + slack);
        yield;
      }
    }
  }
  if (state.best && acceptMatch(state.best, len)) return;

  // (d) Content inserted inside the quote (an ad or a new paragraph between two of its
  // paragraphs): find its first half, then its second half within MAX_INSERTION characters.
  if (len >= 20) {
    let cut = quote.lastIndexOf(' ', len >> 1);
    if (cut < 6) cut = quote.indexOf(' ', len >> 1);
    if (cut >= 6 && len - cut > 6) {
      const head = quote.slice(0, cut);
      const tail = quote.slice(cut + 1);
      const kh = maxErrorsFor(head.length);
      const kt = maxErrorsFor(tail.length);
      const heads: Array<{ start: number; end: number; errors: number }> = find(head, 8).map((p) => ({ start: p, end: p + head.length, errors: 0 }));
      if (!heads.length) {
        const wins: Array<[number, number]> = [];
        for (const h of [q.hint, q.hint2]) if (h !== undefined) wins.push([h - span, h + head.length + span]);
        for (const pe of pEnds.slice(0, 8)) wins.push([pe - 4, pe + head.length + kh + 16]);
        for (const [a, b] of wins) {
          const from = Math.max(0, a);
          for (const m of approxSearch(text.slice(from, Math.min(text.length, b)), head, kh).slice(0, 4)) heads.push({ start: from + m.start, end: from + m.end, errors: m.errors });
          yield;
        }
      }
      for (const h of heads.slice(0, 8)) {
        const from = h.end;
        const to = Math.min(text.length, h.end + MAX_INSERTION + tail.length + kt);
        const tails = approxSearch(text.slice(from, to), tail, kt);
        if (!tails.length) continue;
        const t = tails[0]; // the nearest of the best
        const errors = h.errors + t.errors + 1; // + 1 for the break
        consider(h.start, from + t.end, Math.max(0, 1 - errors / len));
        yield;
      }
      yield;
    }
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
