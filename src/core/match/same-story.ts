/**
 * Is a stored report the same story as the page? Either whole-text resemblance (a copy or
 * a lightly edited version: MinHash Jaccard ≥ 0.5) or containment of the shorter text in the
 * longer (an abridged or re-edited wire copy), estimated from the page's shingles and the
 * report's MinHash (see containment.ts).
 *
 * Thresholds were set on cross-newspaper pairs of the SaudiNewsNet development corpus
 * (wire copies with word 4-gram containment of the shorter text ≥ 0.5, and different
 * stories about the same event as negatives; scripts/eval-match.ts measures both): the
 * report-in-page estimate is a direct sample (64 slots) and is trusted alone; the
 * page-in-report estimate is noisier and needs some whole-text overlap as well.
 */
import { minhashSimilarity } from '../packs/fingerprint';
import { containment, type ShingleSketch } from './containment';

/** Estimated shingle overlap at or above which two texts are the same story (a copy, lightly edited). */
export const SAME_STORY_JACCARD = 0.5;
/** Share of the report's sampled shingles on the page at or above which the report is contained in it. */
export const REPORT_IN_PAGE = 0.3;
/** Below this many shingles a report must be mostly on the page (a one-line brief shares phrases easily). */
const SMALL_REPORT = 30;
const SMALL_REPORT_IN_PAGE = 0.6;
/** Below this Jaccard estimate (one equal slot) containment is not looked at. */
const MIN_JACCARD = 1 / 64;

export type SameStoryHow = 'copy' | 'page-abridged' | 'report-abridged' | 're-edited';

export interface SameStory {
  /** For MatchReason.details: [percent, how]. */
  details: [string, SameStoryHow];
  /** 0..1, added to the match score. */
  strength: number;
}

const pct = (x: number) => String(Math.round(Math.min(1, Math.max(0, x)) * 100));

export function sameStoryOf(pageMinhash: ArrayLike<number>, reportMinhash: ArrayLike<number>, sketch: () => ShingleSketch): SameStory | null {
  const jac = minhashSimilarity(pageMinhash as readonly number[], reportMinhash as readonly number[]);
  if (jac < MIN_JACCARD) return null;
  const page = sketch();
  const c = containment(page, reportMinhash);
  if (!c) return jac >= SAME_STORY_JACCARD ? { details: [pct(jac), 'copy'], strength: jac } : null;
  // Page in report: the direct estimate, and the one implied by Jaccard and the report's estimated size.
  const inter = (jac * (page.size + c.reportSize)) / (1 + jac);
  const pirJ = Math.min(1, inter / page.size);
  if (jac >= SAME_STORY_JACCARD) {
    // A copy; when one text is clearly the shorter and contained in the other, an abridged one.
    const pageShare = Math.max(c.pageInReport, pirJ);
    // (Asymmetric containment: more robust than the report's estimated size.)
    const how: SameStoryHow =
      c.reportInPage >= 0.75 && pageShare <= c.reportInPage - 0.15 ? 'report-abridged' : pageShare >= 0.75 && c.reportInPage <= pageShare - 0.15 ? 'page-abridged' : 'copy';
    return { details: [pct(how === 'report-abridged' ? c.reportInPage : how === 'page-abridged' ? pageShare : jac), how], strength: jac };
  }
  const reportIn = c.reportInPage >= (c.reportSize < SMALL_REPORT ? SMALL_REPORT_IN_PAGE : REPORT_IN_PAGE);
  const pageIn =
    (c.pageInReport >= 0.5 && jac >= 2 / 64) || (c.pageInReport >= 0.35 && jac >= 0.1) || ((c.pageInReport + pirJ) / 2 >= 0.35 && jac >= 0.08);
  if (!reportIn && !pageIn) return null;
  const pageShare = Math.max(c.pageInReport, pirJ);
  const how: SameStoryHow =
    c.reportSize < 0.8 * page.size && reportIn ? 'report-abridged' : page.size < 0.8 * c.reportSize && pageIn ? 'page-abridged' : 're-edited';
  const share = how === 'report-abridged' ? c.reportInPage : how === 'page-abridged' ? pageShare : Math.max(c.reportInPage, pageShare);
  return { details: [pct(share), how], strength: Math.min(1, share) };
}
