/**
 * Step 1 of finding a stored quote: its verbatim occurrences (in the whole text or in given
 * regions), told apart by their context and the stored position.
 */
import { combine, MAX_EXACT, posScore, prefixScore, type QuoteMatch, type QuoteQuery, suffixScore, WIDE_REGION } from './match-scoring';

/** Length of the common run where `text` (ending at `end`) and `prefix` (ending) agree. */
export function commonBefore(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && end - n - 1 >= 0 && text.charCodeAt(end - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}
export function commonAfter(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text.charCodeAt(start + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** All occurrences of `needle` in text[from, to) (capped). */
export function occurrences(text: string, needle: string, from = 0, to = text.length, cap = MAX_EXACT): number[] {
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

export function hasPerfectContext(text: string, start: number, end: number, q: QuoteQuery): boolean {
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

export function occurrencesIn(text: string, needle: string, regions: ReadonlyArray<[number, number]> | undefined, cap: number): number[] {
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
