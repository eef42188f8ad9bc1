/**
 * Topic detection: profiles (data), the full detector and the cheap first pass.
 */
import islamicState from './profiles/islamic-state.json';
import { compileProfile, type CompiledProfile } from './profile';

export { compileProfile, ProfileError, DEFAULT_THRESHOLDS, literalPattern } from './profile';
export type {
  TopicProfile,
  LanguageProfile,
  TermInput,
  TermSpec,
  NegativeContext,
  ProfileThresholds,
  CompiledProfile,
  CompiledTerm,
} from './profile';
export { detectTopic, analyzeTopic, guessLang } from './detect';
export type { DetectInput, DetailedVerdict, TopicFeatures } from './detect';
export { quickCheck, QUICK_SLICE_CHARS } from './quick';

/** The built-in profile (Islamic State), compiled once at module load. */
export const DEFAULT_PROFILE: CompiledProfile = compileProfile(islamicState);
