/**
 * Re-anchoring stored selectors on the current DOM: `anchor` (synchronous, time-bounded),
 * `anchorWithRetry` (tries again when told the DOM changed, e.g. by a MutationObserver) and
 * `anchorAll` (many highlights, in time slices that yield to the event loop).
 */
import { APPROX_REGION, acceptMatch, matchExact, matchFuzzy, searchRegions, type MatchState, type QuoteMatch, type QuoteQuery } from './match-quote';
import { TextModelBuilder, buildTextModel, cleanString, rawToText, textSpanToRaw, type TextModel } from './text-model';
import type { AnchorFound, AnchorResult, HighlightSelectors, OrphanReason, TextPositionSelector, TextQuoteSelector } from './types';

/** Default time budget of one `anchor` call, in milliseconds. */
export const DEFAULT_MAX_MS = 50;

/** Prefix and suffix are read up to this many characters next to the quote (describe stores 32; each candidate is scored against them). */
const MAX_CONTEXT_INPUT = 64;

/** A verbatim match scoring at least this is returned without looking for approximate ones. */
const CONFIDENT_EXACT = 0.78;

export interface AnchorOptions {
  /** Time budget in ms (default 50). When it runs out the best acceptable candidate so far is returned, else an orphan 'timeout'. */
  maxMs?: number;
  /** A text model of `root` for the current DOM state (saves a walk when anchoring several highlights). */
  model?: TextModel;
  /**
   * Clean-text offset correction for the stored position (the shift observed on highlights
   * anchored just before this one). `anchorAll` sets it; callers rarely need to.
   */
  hintDelta?: number;
}

/** Selectors as `describe` returns them, or a W3C selector array. */
export type SelectorsInput = HighlightSelectors | ReadonlyArray<TextQuoteSelector | TextPositionSelector | { type: string }>;

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

function toSelectors(input: SelectorsInput): HighlightSelectors | null {
  if (Array.isArray(input)) {
    const quote = input.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    const position = input.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
    return quote ? { quote, position } : null;
  }
  const sel = input as HighlightSelectors;
  return sel && sel.quote ? sel : null;
}

/** Selectors → the query the matcher takes (clean strings, clean-text hints). Null when the quote is empty. */
export function prepareQuery(model: TextModel, input: SelectorsInput, hintDelta = 0): QuoteQuery | null {
  const sel = toSelectors(input);
  if (!sel) return null;
  const quote = cleanString(String(sel.quote.exact ?? ''));
  if (!quote) return null;
  // `describe` stores 32 characters of context; longer ones (corrupt or hostile selectors) are
  // cut, since every candidate is scored against them (a 90 KB suffix took seconds).
  const prefix = cleanString(String(sel.quote.prefix ?? '').slice(-MAX_CONTEXT_INPUT), false).replace(/^ /, '');
  const suffix = cleanString(String(sel.quote.suffix ?? '').slice(0, MAX_CONTEXT_INPUT), false).replace(/ $/, '');
  let hint: number | undefined;
  let hint2: number | undefined;
  const pos = sel.position;
  if (pos && Number.isFinite(pos.start)) {
    const base = rawToText(model, Math.max(0, pos.start));
    hint = clampHint(base + hintDelta, model.text.length);
    if (hintDelta) hint2 = clampHint(base, model.text.length);
  }
  return { quote, prefix, suffix, hint, hint2 };
}

function clampHint(h: number, len: number): number {
  return Math.max(0, Math.min(len, Math.round(h)));
}

function found(model: TextModel, m: QuoteMatch): AnchorFound {
  const { start, end } = textSpanToRaw(model, m.start, m.end);
  return { status: m.kind, start, end, score: Math.round(m.score * 1000) / 1000 };
}

function orphan(reason: OrphanReason): AnchorResult {
  return { status: 'orphan', reason };
}

function settle(model: TextModel, q: QuoteQuery, state: MatchState, timedOut: boolean): AnchorResult {
  const b = state.best;
  if (b && acceptMatch(b, q.quote.length)) return found(model, b);
  if (timedOut) return orphan('timeout');
  return orphan(state.sawCandidates ? 'low-score' : 'not-found');
}

/**
 * The whole search as a generator: each `yield` marks a point where the caller may check
 * its clock (and stop, or continue in a later time slice).
 *
 * 1. verbatim occurrences near the stored position (±64K characters; the whole text when
 *    there is no position), chosen by context, then position;
 * 2. approximate matches near it (around the position, after the prefix, before the suffix,
 *    around verbatim fragments, first half + second half with something inserted between);
 * 3. unless 1–2 gave a confident answer: verbatim occurrences anywhere on the page (a moved
 *    paragraph);
 * 4. unless something acceptable was found: approximate search over ±8K characters of the
 *    stored position (the whole text when there is none).
 */
function* search(model: TextModel, q: QuoteQuery, state: MatchState): Generator<void, AnchorResult, void> {
  const text = model.text;
  const len = q.quote.length;
  const regions = searchRegions(text.length, q);
  const local = regions.length === 1 && regions[0][0] === 0 && regions[0][1] === text.length ? undefined : regions;
  const consider = (m: QuoteMatch | null) => {
    if (!m || !acceptMatch(m, len)) return;
    if (!state.best || !acceptMatch(state.best, len) || m.score > state.best.score) state.best = m;
  };
  const confident = () => !!state.best && acceptMatch(state.best, len) && state.best.score >= CONFIDENT_EXACT;

  consider(matchExact(text, q, local));
  if (confident() && state.best!.kind !== 'fuzzy') return found(model, state.best!);
  yield;
  yield* matchFuzzy(text, q, state, regions, 'local');
  if (local && !confident()) {
    yield;
    consider(matchExact(text, q));
  }
  if (!state.best || !acceptMatch(state.best, len)) yield* matchFuzzy(text, q, state, searchRegions(text.length, q, APPROX_REGION), 'wide');
  return settle(model, q, state, false);
}

/**
 * Re-anchor `selectors` in `root` (see the module comment of match-quote.ts for the steps).
 * Returns raw-text offsets for `rangeFromOffsets`, or an orphan with its reason.
 */
export function anchor(root: Element, selectors: SelectorsInput, opts: AnchorOptions = {}): AnchorResult {
  const t0 = now();
  const model = opts.model ?? buildTextModel(root);
  const q = prepareQuery(model, selectors, opts.hintDelta ?? 0);
  if (!q) return orphan('empty-quote');
  const deadline = t0 + (opts.maxMs ?? DEFAULT_MAX_MS);
  const state: MatchState = { best: null, sawCandidates: false };
  const gen = search(model, q, state);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    if (now() >= deadline) return settle(model, q, state, true);
  }
}

export interface RetryOptions {
  /** Give up (orphan 'timeout') after this many ms. */
  timeoutMs: number;
  /**
   * Subscribe to "the DOM may have changed" notifications (e.g. a MutationObserver on the
   * root, debounced by the caller). Returns the unsubscribe function.
   */
  observe: (notify: () => void) => () => void;
  /** Time budget of each attempt (default 50 ms). */
  maxMs?: number;
  /** At least this long between two attempts (default 100 ms); notifications in between are merged. */
  minIntervalMs?: number;
}

/**
 * Anchor now; if that fails, try again whenever `observe` notifies, until it succeeds or
 * `timeoutMs` elapses. Resolves with the first placement, or with the last orphan
 * ('timeout' when time ran out). Always unsubscribes.
 */
export function anchorWithRetry(root: Element, selectors: SelectorsInput, opts: RetryOptions): Promise<AnchorResult> {
  const first = anchor(root, selectors, { maxMs: opts.maxMs });
  if (first.status !== 'orphan') return Promise.resolve(first);
  if (first.reason === 'empty-quote') return Promise.resolve(first);
  const minInterval = opts.minIntervalMs ?? 100;
  return new Promise<AnchorResult>((resolve) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAttempt = now();
    let unsubscribe: (() => void) | null = null;
    const finish = (r: AnchorResult) => {
      if (done) return;
      done = true;
      if (timer !== null) clearTimeout(timer);
      clearTimeout(giveUp);
      unsubscribe?.();
      resolve(r);
    };
    const attempt = () => {
      timer = null;
      if (done) return;
      lastAttempt = now();
      const r = anchor(root, selectors, { maxMs: opts.maxMs });
      if (r.status !== 'orphan') finish(r);
    };
    const giveUp = setTimeout(() => {
      if (done) return;
      // One last look, in case a notification is still waiting for its turn.
      const r = anchor(root, selectors, { maxMs: opts.maxMs });
      finish(r.status === 'orphan' ? orphan('timeout') : r);
    }, opts.timeoutMs);
    unsubscribe = opts.observe(() => {
      if (done || timer !== null) return;
      timer = setTimeout(attempt, Math.max(0, lastAttempt + minInterval - now()));
    });
    if (done) unsubscribe();
  });
}

export interface AnchorAllOptions {
  /** Yield to the event loop once a slice has run this long (default 8 ms). */
  sliceMs?: number;
  /** How to yield (e.g. `() => new Promise(r => setTimeout(r, 0))`, or `scheduler.yield()`). */
  yield: () => Promise<void>;
  /** Total active time budget per highlight (default 50 ms), spread over slices. */
  maxMs?: number;
  model?: TextModel;
}

export interface AnchorAllResult {
  /** One result per item, in the order of `items`. */
  results: AnchorResult[];
  /** Number of synchronous slices run. */
  slices: number;
  /** Longest synchronous slice in ms. */
  longestSliceMs: number;
  /** Wall time from the call to the end, in ms (includes the time spent yielded). */
  totalMs: number;
  /** Time spent running (sum of the slices), in ms. */
  activeMs: number;
  /** Time from the call until the text model was built, in ms (includes yields when it was built in slices). */
  modelMs: number;
}

/**
 * Anchor many highlights, yielding between slices of about `sliceMs` so the main thread is
 * never blocked for long (a slice ends after the first unit of work that crosses `sliceMs`;
 * the longest unit is one approximate search over a 64 KB segment, ~1–2 ms).
 * Highlights are processed in order of their stored position, and the shift found on one is
 * used as a hint for the next, so an insertion early in the page costs one search, not 200.
 */
export async function anchorAll(root: Element, items: ReadonlyArray<SelectorsInput>, opts: AnchorAllOptions): Promise<AnchorAllResult> {
  const sliceMs = opts.sliceMs ?? 8;
  const budget = opts.maxMs ?? DEFAULT_MAX_MS;
  const t0 = now();
  let sliceStart = t0;
  let longest = 0;
  let slices = 1;
  let active = 0;
  const maybeYield = async () => {
    const t = now();
    if (t - sliceStart < sliceMs) return;
    longest = Math.max(longest, t - sliceStart);
    active += t - sliceStart;
    await opts.yield();
    sliceStart = now();
    slices++;
  };

  let model = opts.model;
  if (!model) {
    const builder = new TextModelBuilder(root);
    while (!(model = builder.step() ?? undefined)) await maybeYield();
  }
  const modelMs = now() - t0;
  await maybeYield();

  const results: AnchorResult[] = new Array(items.length);
  const posOf = (i: number) => {
    const sel = toSelectors(items[i]);
    const p = sel?.position?.start;
    return typeof p === 'number' && Number.isFinite(p) ? p : Number.POSITIVE_INFINITY;
  };
  const order = items.map((_, i) => i).sort((a, b) => posOf(a) - posOf(b));
  let delta = 0;
  for (const i of order) {
    const q = prepareQuery(model, items[i], delta);
    if (!q) {
      results[i] = orphan('empty-quote');
      continue;
    }
    const state: MatchState = { best: null, sawCandidates: false };
    const gen = search(model, q, state);
    let spent = 0;
    let result: AnchorResult | null = null;
    for (;;) {
      const t = now();
      const r = gen.next();
      spent += now() - t;
      if (r.done) {
        result = r.value;
        break;
      }
      if (spent >= budget) {
        result = settle(model, q, state, true);
        break;
      }
      await maybeYield();
    }
    results[i] = result;
    if (result.status !== 'orphan' && q.hint !== undefined) {
      const base = q.hint2 ?? q.hint; // hint2 is the uncorrected one when a delta was applied
      delta = rawToText(model, result.start) - base;
    }
    await maybeYield();
  }
  const tEnd = now();
  longest = Math.max(longest, tEnd - sliceStart);
  active += tEnd - sliceStart;
  return { results, slices, longestSliceMs: longest, totalMs: tEnd - t0, activeMs: active, modelMs };
}
