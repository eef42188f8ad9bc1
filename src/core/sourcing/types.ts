/**
 * Types of the sourcing profile: who a news text attributes its statements to. The
 * definitions live in the domain model (../model/sourcing.ts); the old names stay here.
 */
export { ATTRIBUTION_KINDS, ATTRIBUTION_MODES } from '../model';
export type { AttributionKind, AttributionMode, Attribution, AttributionOptions, JointSpeaker, RelayedOutlet, SourcingProfile, Speaker } from '../model';
import type { Speaker } from '../model';

/** Old name of `Speaker`: one distinct source (person, anonymous source, outlet, document) with its statements counted. */
export type SourceSummary = Speaker;
