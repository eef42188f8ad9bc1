/**
 * Topics: the JSON definition of a topic (names and vocabulary per language, the negative
 * contexts that rule out false hits, the scoring thresholds) and the detector's verdict.
 * The definition is what `compileProfile` (detect/profile.ts) validates and compiles; a
 * pack's `topics` hold these.
 */

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

/** Terms of a topic in one language. */
export interface TopicLanguage {
  names: TermInput[];
  vocabulary?: TermInput[];
  /**
   * Tie words grouped under the label shown to the reader ("a trial"): near a name they are the
   * evidence that a page is partly about the topic. `{ loose: true, terms }` groups (war
   * vocabulary) count only for pages that name the topic repeatedly.
   */
  ties?: Record<string, TermInput[] | { loose: true; terms: TermInput[] }>;
  negativeContexts?: NegativeContext[];
}

/** Tunable numbers of the scoring model; every field is optional in JSON. */
export interface TopicThresholds {
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

/** A topic definition ("topic profile" in the pack format and in detect/). */
export interface TopicDefinition {
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
  languages: Record<string, TopicLanguage>;
  thresholds?: Partial<TopicThresholds>;
}

/** Where on the page a topic term was found. */
export const EVIDENCE_PLACES = ['title', 'meta', 'lead', 'body'] as const;
export type EvidenceWhere = (typeof EVIDENCE_PLACES)[number];

/** 'name' for names/aliases of the topic, 'vocab' for related vocabulary. */
export const TERM_KINDS = ['name', 'vocab'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface TopicEvidence {
  /** The alias or vocabulary term as written in the profile. */
  term: string;
  kind: TermKind;
  where: EvidenceWhere;
  count: number;
  /** Character offsets of the first few hits within that field (title, lead or body text). */
  positions: number[];
}

export interface TopicVerdict {
  topicId: string;
  topicLabel: string;
  /** 0..1 */
  score: number;
  onTopic: boolean;
  /** One plain sentence for the popup, e.g. "Named in the headline and 9 times in the body". */
  reason: string;
  evidence: TopicEvidence[];
  /** Language the profile matched with ('en', 'ar', 'fr'). */
  lang: string | null;
  /**
   * 'about': the page's subject; 'partly': a side topic that matters (named repeatedly, or
   * tied to the group's attacks, trials, fighters, …); 'none': not named or in passing.
   * `onTopic` is true for 'about' and 'partly'. Absent in verdicts made before it existed.
   */
  level?: TopicLevel;
}

/** The three answers of the detector, declared once. */
export const TOPIC_LEVELS = ['about', 'partly', 'none'] as const;
export type TopicLevel = (typeof TOPIC_LEVELS)[number];

/** Result of the cheap first pass run on every page. */
export interface QuickCheckResult {
  /** Whether the full extraction + detection is worth running. */
  worth: boolean;
  /** Why not (for debugging / benchmarks): 'not-article' | 'no-topic-terms' | … */
  reason: string;
  hits: number;
}

/** Input to the quick pass: cheap things a content script can read without layout. */
export interface QuickInput {
  title: string;
  /** og:title, description, keywords, og:type, JSON-LD @type etc. concatenated. */
  meta: string;
  /** A bounded slice of visible-ish text (first N characters of paragraphs). */
  textSlice: string;
  /**
   * The text that follows `textSlice` (more paragraphs, up to the first pass's deep bound), read
   * when first asked for: the first pass reads past its slice only on some pages. Absent: all of
   * it is in `textSlice`.
   */
  more?: () => string;
  lang: string | null;
  /** Whether the page looks like an article (og:type=article, <article>, NewsArticle JSON-LD, many <p>). */
  articleSignals: number;
}
