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
import { acceptMatch, combine, editDistance, GOOD_ENOUGH, type MatchState, MAX_EDIT_CELLS, MAX_INSERTION, maxErrorsFor, posScore, prefixScore, type QuoteMatch, type QuoteQuery, SEGMENT, suffixScore } from './match-scoring';
import { occurrences, occurrencesIn } from './match-exact';
export { type QuoteQuery, type QuoteMatch, type MatchState, MIN_CONTEXT, FUZZY_ACCEPT, FUZZY_MIN_QUOTE, EXACT_LONG_QUOTE, FUZZY_STRONG_QUOTE, FUZZY_STRONG_MIN_LENGTH, MAX_INSERTION, WIDE_REGION, APPROX_REGION, maxErrorsFor, contextSimilarity, editDistance, acceptMatch } from './match-scoring';
export { searchRegions, matchExact } from './match-exact';

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
