/**
 * Sourcing: who a news text attributes its statements to (named people, anonymous sources,
 * other outlets, documents), which outlets it relays and whether it is second-hand.
 */
export { extractAttributions, MAX_TEXT } from './attributions';
export { sourcingProfile, type ProfileOptions } from './profile';
export type { OutletName } from './outlet-name';
export { outletsFromSources, selfOutlet, sameOutlet } from './outlets';
export { splitSentences, type Sentence } from './sentences';
export {
  ATTRIBUTION_KINDS,
  ATTRIBUTION_MODES,
  type Attribution,
  type AttributionKind,
  type AttributionMode,
  type AttributionOptions,
  type RelayedOutlet,
  type SourceSummary,
  type SourcingProfile,
} from './types';
