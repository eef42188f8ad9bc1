/** The detector's input and its measured features (own module so that lang/reason need not import detect.ts). */
import type { TieFeatures } from './level';

export interface DetectInput {
  title: string;
  /** First paragraph(s); when it is the start of `text` it is located there, not counted twice. */
  lead?: string;
  text: string;
  /** Description, keywords and similar page metadata. */
  meta?: string;
  /** BCP 47 language of the page, when known. */
  lang?: string | null;
}

/** Numbers behind a verdict (for evaluation and debugging). */
export interface TopicFeatures extends TieFeatures {
  lang: string;
  words: number;
  /** Weighted name hits per field (after negative contexts and ambiguity weighting). */
  titleNames: number;
  metaNames: number;
  leadNames: number;
  bodyNames: number;
  /** Raw count of body name hits (lead zone included). */
  bodyHits: number;
  density: number;
  segments: number;
  segmentsNamed: number;
  vocab: number;
  /** Hits discarded by negative contexts, by rule label. */
  discarded: Record<string, number>;
  corroborated: boolean;
  points: number;
}
