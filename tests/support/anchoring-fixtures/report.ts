/**
 * Shapes of the re-anchoring fixture run (see ./index.ts for what the run does): the
 * page variants, one trial per highlight and variant, and the summary report.
 */
import type { AnchorResult } from '../../../src/core/anchoring';

export const PLACEMENT_VARIANTS = [
  'unchanged',
  'inserted-before',
  'edited-inside',
  'edited-around',
  'ads-comments',
  'markup',
  'late-content',
  'combined',
] as const;
export type PlacementVariant = (typeof PLACEMENT_VARIANTS)[number];
export type Variant = PlacementVariant | 'removed';

export interface Trial {
  id: string;
  variant: Variant;
  ok: boolean;
  /** Why the variant does not apply to this highlight (trial not counted). */
  skipped?: string;
  status: AnchorResult['status'] | 'n/a';
  score?: number;
  expected?: string;
  got?: string;
  iou?: number;
  ms: number;
  /** late-content only: the first attempt (before the content arrived) was an orphan. */
  failedFirst?: boolean;
}

export interface VariantSummary {
  trials: number;
  ok: number;
  skipped: number;
  failures: string[];
}

export interface FixtureReport {
  highlights: number;
  /** Placement trials (all variants but 'removed'). */
  placementTrials: number;
  placementOk: number;
  /** placementOk / placementTrials. */
  successRate: number;
  byVariant: Record<Variant, VariantSummary>;
  /** Placement trials that were placed on the wrong words (not orphaned: wrong). */
  wrongPlacements: number;
  /** 'removed' variant: orphan expected. */
  orphanTrials: number;
  orphanCorrect: number;
  statusCounts: Record<string, number>;
  trials: Trial[];
}
