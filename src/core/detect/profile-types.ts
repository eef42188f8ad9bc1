/**
 * Types of topic profiles: the JSON format written by hand (TopicProfile, TermSpec,
 * NegativeContext, thresholds of the scoring model) and the compiled form the detector
 * runs on (CompiledProfile).
 */
import type { QuickTerms } from './quick-scan';
import type { NegativeContext, TermInput, TermSpec, TopicDefinition, TopicLanguage, TopicThresholds } from '../model';

// The JSON format is the domain model's topic definition (src/core/model/topic.ts), under the
// names this folder has always used.
export type { NegativeContext, TermInput, TermSpec };
export type LanguageProfile = TopicLanguage;
export type ProfileThresholds = TopicThresholds;
export type TopicProfile = TopicDefinition;

// ---------------------------------------------------------------------------
// JSON format
// ---------------------------------------------------------------------------






export const DEFAULT_THRESHOLDS: ProfileThresholds = {
  on: 0.5,
  scale: 3,
  title: 3.6,
  meta: 0.6,
  lead: 2,
  bodyLog: 0.35,
  density: 0.09,
  densityMax: 1.8,
  spread: 0.65,
  vocab: 0.2,
  vocabMax: 1.2,
  passingPenalty: 0.55,
  passingWords: 0,
  corroborationVocab: 2,
  ambiguousFactor: 0.4,
  vocabOnlyCap: 0.3,
  partlyHits: 3,
  partlyDensity: 4,
  partlyTied: 3,
  partlyWindow: 150,
  partlyStrong: 1,
  tiedHits: 1,
  tieWindow: 60,
  tieDensity: 30,
  partlyReach: 4000,
};


// ---------------------------------------------------------------------------
// Compiled form
// ---------------------------------------------------------------------------

export interface CompiledTerm {
  /** Index in `CompiledProfile.terms`. */
  id: number;
  /** Canonical form as written in the profile. */
  term: string;
  kind: 'name' | 'vocab' | 'tie';
  weight: number;
  ambiguous: boolean;
  /** For tie words: the label of their group, shown in reasons (weight 1 = strong, 0.5 = loose). */
  tie?: string;
  /** Language key the term came from ('*' for shared). */
  lang: string;
  /** Indexes into `CompiledProfile.negatives`. */
  negatives: number[];
  /**
   * For case-sensitive terms: a sticky regex that confirms, at a hit's start, the case
   * of what the case-insensitive scanner found.
   */
  verify: RegExp | null;
}

export interface CompiledNegative {
  id: string;
  label: string;
  scope: 'window' | 'document';
  window: number;
  unlessCorroborated: boolean;
  /** Global regex of context words, or null. */
  terms: RegExp | null;
  /** Sticky regex tested right after a hit, or null. */
  after: RegExp | null;
  /** Regex tested against the text just before a hit (ends with `$`), or null. */
  before: RegExp | null;
}

/** One scanning regex: capture group i+1 ⇔ `groupTerms[i]`. */
export interface CompiledScanner {
  re: RegExp;
  groupTerms: number[];
}

export interface CompiledLanguage {
  lang: string;
  /**
   * One case-insensitive regex for every term of the language (case-sensitive ones are
   * verified per hit). Built on first use: a page that is never analysed in a language
   * does not pay for compiling it.
   */
  readonly scanner: CompiledScanner;
  /** Ids of the language's case-sensitive terms (tried in turn when a verification fails). */
  caseSensitive: number[];
  /**
   * The language's tie words, scanned apart and only on pages that name the topic without
   * being about it (most pages never pay for it); null when the language has none.
   */
  readonly tieScanner: CompiledScanner | null;
}

export interface CompiledProfile {
  id: string;
  label: string;
  thresholds: ProfileThresholds;
  terms: CompiledTerm[];
  negatives: CompiledNegative[];
  /** Per language key of the profile (shared terms merged in); '*' = union of all languages. */
  languages: Map<string, CompiledLanguage>;
  /** Languages the profile names explicitly (without '*'). */
  langs: string[];
  /**
   * For the quick pass: every name of every language, plus related terms of weight ≥ 1
   * (no case verification). Like the language scanners, built on first use.
   */
  readonly quick: CompiledScanner;
  /**
   * The same terms for the regex-free first pass (`quickCheck`, quick-scan.ts). Built on
   * first use; for the built-in profile it is also generated at build time
   * (quick-terms.generated.ts), so the content script needs no profile at all.
   */
  readonly quickTerms: QuickTerms;
}

export class ProfileError extends Error {
  override name = 'ProfileError';
}
