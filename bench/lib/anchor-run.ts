/**
 * bench:anchor in Node: re-anchoring the generated page's highlights on a linkedom document
 * (timed, in slices) and checking each placement against the expected text.
 */
import { anchorAll, buildTextModel, editDistance, rawToText, textOfRaw, type AnchorResult, type HighlightSelectors } from '../../src/core/anchoring';
import { parseHtml } from '../../src/core/extract/parse-html';
import type { Bench } from './anchor-page';

export const RUNS = Math.max(1, Number(process.env.BENCH_ANCHOR_RUNS ?? 7));
/** Time slice of `anchorAll`, ms. */
export const SLICE_MS = 8;

export interface RunStats {
  activeMs: number[];
  wallMs: number[];
  longestSliceMs: number[];
  modelMs: number[];
  slices: number[];
  /** From the last run: anchored clean text per highlight (null = orphan) and statuses. */
  texts: Array<string | null>;
  statuses: string[];
  longTasks?: number[];
}

export function checkPlacements(expected: Array<string | null>, texts: Array<string | null>): { right: number; wrong: number; missed: number; orphansRight: number; orphans: number } {
  let right = 0;
  let wrong = 0;
  let missed = 0;
  let orphansRight = 0;
  let orphans = 0;
  expected.forEach((exp, i) => {
    const got = texts[i];
    if (exp === null) {
      orphans++;
      if (got === null) orphansRight++;
      return;
    }
    if (got === null) missed++;
    else if (got === exp || 1 - editDistance(got, exp) / Math.max(got.length, exp.length) >= 0.8) right++;
    else wrong++;
  });
  return { right, wrong, missed, orphansRight, orphans };
}

export async function runNode(b: Bench, selectors: HighlightSelectors[]): Promise<RunStats> {
  const stats: RunStats = { activeMs: [], wallMs: [], longestSliceMs: [], modelMs: [], slices: [], texts: [], statuses: [] };
  for (let r = 0; r < RUNS; r++) {
    const doc = parseHtml(b.editedHtml);
    // Let the garbage of parsing be collected before timing (as a page would have settled).
    await new Promise((r) => setTimeout(r, 200));
    const out = await anchorAll(doc.body, selectors, { sliceMs: SLICE_MS, yield: () => new Promise<void>((res) => setImmediate(res)) });
    stats.activeMs.push(out.activeMs);
    stats.wallMs.push(out.totalMs);
    stats.longestSliceMs.push(out.longestSliceMs);
    stats.modelMs.push(out.modelMs);
    stats.slices.push(out.slices);
    if (r === RUNS - 1) {
      const model = buildTextModel(doc.body);
      stats.texts = out.results.map((x: AnchorResult) => (x.status === 'orphan' ? null : textOfRaw(model, x.start, x.end)));
      stats.statuses = out.results.map((x) => x.status);
    }
  }
  return stats;
}
