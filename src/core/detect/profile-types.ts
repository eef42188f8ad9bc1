/**
 * Types of topic profiles: the JSON format written by hand (TopicProfile, TermSpec,
 * NegativeContext, thresholds of the scoring model) and the compiled form the detector
 * runs on (CompiledProfile).
 */
import type { QuickTerms } from './quick-scan';

// ---------------------------------------------------------------------------
// JSON format
// ---------------------------------------------------------------------------

/** A term as written in a profile: a bare string, or an object with options. */
export type TermInput = string | TermSpec;

export interface TermSpec {
  /** Canonical form, shown in evidence. Also matched literally unless `pattern` is given. */
  term: string;
  /** Other literal spellings that count as this term. */
  variants?: string[];
  /**
   * Raw RegExp source used instead of the literal forms (advanced: contexts such as
   * "IS fighters"). It is wrapped in the usual word boundaries, matched against folded
   * text, and must use non-capturing groups. Avoid \\p{…}: it forces the slower Unicode
   * mode on the whole language's scanner.
   */
  pattern?: string;
  /** Match letter case exactly (ISIS, IS, EI). Default false. */
  caseSensitive?: boolean;
  /** Weight of one hit. Names default to 1, vocabulary to 0.5. */
  weight?: number;
  /** A name that also means something else (Isis the goddess, a historical "Islamic state"). */
  ambiguous?: boolean;
  /** Arabic inflection endings accepted after the term (e.g. ي، ية، يون، يين for داعش). */
  suffixes?: string[];
}

/** A rule that discards hits of some terms in a given context. */
export interface NegativeContext {
  id: string;
  /** Human-readable explanation used in verdict reasons ("the Egyptian goddess"). */
  label?: string;
  /** Canonical `term`s of the names/vocabulary this rule applies to. */
  appliesTo: string[];
  /** Context words (literal, matched like terms). */
  terms?: string[];
  /**
   * 'window': a context word within `window` characters of the hit discards it.
   * 'document': a context word anywhere in the same field discards every hit of the field.
   */
  scope?: 'window' | 'document';
  /** Characters either side of the hit, for scope 'window'. Default 250. */
  window?: number;
  /** Literal words that, right after the hit, discard it (Isis Pharmaceuticals). */
  followedBy?: string[];
  /** Literal words that, right before the hit, discard it (River Isis). */
  precededBy?: string[];
  /** RegExp source tested (sticky) right after the hit. */
  followedByPattern?: string;
  /** RegExp source tested at the end of the text before the hit (anchor it with `$`). */
  precededByPattern?: string;
  /** Case-sensitive context words / patterns. Default false. */
  caseSensitive?: boolean;
  /** Do not apply when the document corroborates the topic (unambiguous names or enough vocabulary). */
  unlessCorroborated?: boolean;
}

export interface LanguageProfile {
  names: TermInput[];
  vocabulary?: TermInput[];
  /**
   * Tie words, grouped under the label shown to the reader ("a trial", "an attack the group
   * claimed"): near a name they are the evidence that the page is partly about the topic.
   * They add nothing to the score by themselves and are not part of the first pass.
   * A group written `{ "loose": true, "terms": [...] }` (war vocabulary such as "airstrikes")
   * counts only for pages that name the topic repeatedly, not for a single mention.
   */
  ties?: Record<string, TermInput[] | { loose: true; terms: TermInput[] }>;
  negativeContexts?: NegativeContext[];
}

/** Tunable numbers of the scoring model; every field is optional in JSON. */
export interface ProfileThresholds {
  /** Score at or above which a page is on-topic (0..1). */
  on: number;
  /** Points → score: score = points / (points + scale). `on` = 0.5 ⇔ points = scale. */
  scale: number;
  /** Points for a name in the headline. */
  title: number;
  /** Points for a name in the meta description/keywords. */
  meta: number;
  /** Points for a name in the lead (first paragraph(s) of the body). */
  lead: number;
  /** Points per log2(1 + weighted body name hits). */
  bodyLog: number;
  /** Points per body name hit per 1000 words, capped by `densityMax`. */
  density: number;
  densityMax: number;
  /** Points × share of paragraphs (or text segments) naming the topic. */
  spread: number;
  /** Points per unit of related-vocabulary weight, capped by `vocabMax`. */
  vocab: number;
  vocabMax: number;
  /** Penalty when the only body naming is a single passing mention in a long text. */
  passingPenalty: number;
  /** Words above which a single mention counts as "passing". */
  passingWords: number;
  /** Vocabulary weight that corroborates ambiguous names. */
  corroborationVocab: number;
  /** Weight factor of ambiguous-name hits that are not corroborated. */
  ambiguousFactor: number;
  /** Maximum score when the topic is never named (vocabulary alone). */
  vocabOnlyCap: number;
  /** "Partly" when the body names the topic this many times or more … */
  partlyHits: number;
  /** … at this many hits per 1000 words or more, with this many of them tied (any tie word within `partlyWindow` characters). */
  partlyDensity: number;
  partlyTied: number;
  partlyWindow: number;
  /** … of which this many have a strong tie word within `tieWindow` characters. */
  partlyStrong: number;
  /** "Partly" when this many name hits have a strong tie word within `tieWindow` characters … */
  tiedHits: number;
  tieWindow: number;
  /** … and the body holds this many tie words per 1000 words. */
  tieDensity: number;
  /**
   * "Partly" needs a name in the headline, the description or the first `partlyReach`
   * characters of the text (the first pass reads no further; a first mention deeper in a
   * long article is a passing one).
   */
  partlyReach: number;
}

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

export interface TopicProfile {
  /** Stable id, kebab-case. */
  id: string;
  /** Display label ("Islamic State"). */
  label: string;
  version?: number;
  description?: string;
  /**
   * Per language (BCP 47 primary subtag). The key "*" holds terms shared by every
   * language (e.g. "ISIS", "Daesh").
   */
  languages: Record<string, LanguageProfile>;
  thresholds?: Partial<ProfileThresholds>;
}

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
