/**
 * Cheap first pass, run on every page before any extraction: the profile's names (every
 * language) and its related terms of weight ≥ 1, looked up in the title, the meta text
 * and a bounded slice of visible text (see quick-scan.ts: one folding pass and plain
 * substring searches, no profile regex). It is recall-oriented: anything the full
 * detector could call on-topic must pass, so it lets through every page that names the
 * topic anywhere in what it sees, and pages dense in related vocabulary (the name may
 * come later in a long article).
 */
import type { QuickCheckResult, QuickInput } from '../model';
import type { CompiledProfile } from './profile';
import { quickScan } from './quick-scan';

export { QUICK_SLICE_CHARS, QUICK_DEEP_CHARS, QUICK_META_CHARS, QUICK_VOCAB_WEIGHT, quickScan, quickFold } from './quick-scan';
export type { QuickTerms } from './quick-scan';

export function quickCheck(input: QuickInput, profile: CompiledProfile): QuickCheckResult {
  return quickScan(input, profile.quickTerms);
}
