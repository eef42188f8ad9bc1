/**
 * Topic detection — the public entry of this folder: profiles (data), the full detector
 * with its three answers (about / partly / none) and the cheap first pass.
 */
import { QUICK_TERMS } from './quick-terms.generated';

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
export type { TieFeatures } from './level';
export type { TopicLevel } from '../types';
export { quickCheck, QUICK_SLICE_CHARS, QUICK_DEEP_CHARS } from './quick';
export { QUICK_TERMS };
export { DEFAULT_PROFILE } from './default-profile';
