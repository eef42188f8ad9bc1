/**
 * Shared pieces of the attribution grammar: the draft and source shapes the Latin and
 * Arabic grammars hand to the extractor state, and small token helpers.
 */
import type { AttributionKind, AttributionMode } from './types';
import type { Tok } from './tokens';

/** Cues looked at per sentence (real sentences have one to three). */
export const MAX_CUES = 12;

export const HAS_ARABIC = /[\u0600-\u06ff]/;

export type Lang = 'en' | 'fr' | 'ar';

/**
 * What a speaker phrase was classified as. `joint` ties the parts of one coordinated subject
 * ("Clinton and the DNC said"): finish.ts makes them one statement made jointly.
 */
export type Cls = ClsBase & { joint?: number };
type ClsBase =
  | { k: 'pronoun'; plural: boolean; gender?: 'm' | 'f' }
  | { k: 'outlet'; name: string; sourceId: string | null }
  | { k: 'document'; label: string }
  | { k: 'organisation'; label: string }
  | { k: 'group-media'; label: string }
  | { k: 'anonymous'; label: string; lemma: string; plural: boolean; definite: boolean }
  | { k: 'person'; name: string; role?: string };

export interface Via {
  name: string;
  sourceId: string | null;
}

/** A named person met in the text (for short references and back-references). */
export interface Person {
  name: string;
  role?: string;
  /** From an honorific or a gendered role word ("Mr.", "Mrs.", "spokeswoman"). */
  gender?: 'm' | 'f';
  keys: string[];
  via?: Via;
  last: number;
  para: number;
}
/** An anonymous source met in the text ("a security source", later "the source"). */
export interface Anon {
  label: string;
  key: string;
  lemma: string;
  plural: boolean;
  via?: Via;
  last: number;
}

/** One attribution before merging and span extension (see finish.ts). */
export interface Draft {
  kind: AttributionKind;
  source: string;
  role?: string;
  sent: number;
  cue: string;
  /** Absolute offset of the cue (to pick the speaker nearest to a "told X"). */
  at: number;
  via?: Via;
  sourceId?: string | null;
  republished?: boolean;
  lang: Lang;
  person?: Person;
  anon?: Anon;
  /** Part of a coordinated subject (`Cls.joint`): merged with its other parts in finish.ts. */
  joint?: number;
  /** A statement made jointly: its speakers' drafts (the merged draft has no person of its own). */
  parts?: Draft[];
  /** A belief or an intention (latin-belief.ts), with the offsets of the clause held or intended. */
  mode?: AttributionMode;
  span?: [number, number];
}

export function joinRaw(toks: Tok[], from: number, to: number, text: string, base: number): string {
  if (from >= to) return '';
  return text.slice(toks[from].start - base, toks[to - 1].end - base);
}

/** For each token: inside a quotation (“…”, «…», "…")? Unclosed quotes at the end do not count. */
export function quoteDepths(toks: Tok[]): boolean[] {
  const out = new Array<boolean>(toks.length).fill(false);
  let open = -1;
  let straight = -1;
  for (let i = 0; i < toks.length; i++) {
    const r = toks[i].raw;
    if (r === '“' || r === '«' || r === '„') {
      if (open < 0) open = i;
    } else if (r === '”' || r === '»') {
      if (open >= 0) for (let k = open + 1; k < i; k++) out[k] = true;
      open = -1;
    } else if (r === '"') {
      if (straight < 0) straight = i;
      else {
        for (let k = straight + 1; k < i; k++) out[k] = true;
        straight = -1;
      }
    }
  }
  return out;
}

export function quoteBalance(s: string): number {
  let open = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '“' || ch === '«') open++;
    else if (ch === '”' || ch === '»') open = Math.max(0, open - 1);
    else if (ch === '"') straight++;
  }
  return open + (straight % 2);
}
