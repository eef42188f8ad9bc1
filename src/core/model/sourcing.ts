/**
 * Sourcing: who a news text attributes its statements to. The one quoted is a *speaker*
 * (a named person, an anonymous source, another outlet, a document); the publication the
 * page belongs to is an *outlet* (outlet.ts). The field names `source` / `sourceId` are kept
 * for compatibility with stored data and messages.
 */
import type { AnalysisLang } from './lang';
import type { OutletName } from './outlet';

/**
 * Kinds of attribution, in the order the UI lists them.
 * - `organisation`: a body speaking as a body (a ministry, an army, a company, a state);
 * - `group-media`: the Islamic State's own media (Amaq, al-Naba, al-Furqan, …, a website the
 *   group uses): its claims are the group's own word, neither an outlet relayed nor a document.
 */
export const ATTRIBUTION_KINDS = ['named-person', 'anonymous', 'organisation', 'group-media', 'outlet', 'document', 'unattributed'] as const;
export type AttributionKind = (typeof ATTRIBUTION_KINDS)[number];

/**
 * What an attribution attributes, when it is not speech or writing (absent = speech, the
 * default, and every item stored before modes existed):
 * - `belief`: a view the source holds ("X believes / thinks / fears / expects that …");
 * - `intention`: what the source means to do ("X wants / plans / intends / hopes to …").
 * English only (the Arabic gold, and so the Arabic analysis, leaves them out).
 */
export const ATTRIBUTION_MODES = ['belief', 'intention'] as const;
export type AttributionMode = (typeof ATTRIBUTION_MODES)[number];

/** One attributed statement (or, for `unattributed`, one asserted figure without a source). */
export interface Attribution {
  kind: AttributionKind;
  /**
   * Who: the person's full name ("Raafat al-Zarari"), the anonymous source as described
   * ("a source close to ISIS", "مصدر أمني"), the outlet's name (the list's canonical name
   * when known: "RIA Novosti"), the document ("a video", "statement by the ministry");
   * '' for `unattributed`.
   */
  source: string;
  /** Role or affiliation given with a named person ("head of the Nineveh media center"). */
  role?: string;
  /** Belief or intention rather than speech (see `ATTRIBUTION_MODES`); absent = speech. */
  mode?: AttributionMode;
  /** The attributed sentence(s), as written (for a belief or intention: the clause held or intended). */
  quote: string;
  /** Offsets of `quote` in the text given to `extractAttributions`. */
  start: number;
  end: number;
  /** The cue as written ("said", "told", "according to", "قال", "selon", "Originally published on"). */
  cue: string;
  /** For people and anonymous sources: the outlet they spoke to ("The Washington Post"). */
  via?: string;
  viaSourceId?: string;
  /** Outlets (and `via`): the id in the outlet list when the outlet is known there. */
  sourceId?: string;
  /** Outlets credited as the origin of the whole text ("Originally published on X", "Source: X"). */
  republished?: boolean;
  lang: AnalysisLang;
  /**
   * A statement made jointly by a coordinated subject ("Clinton and the DNC rejected …",
   * "the mayor and the police chief said"): each speaker apart (the profile counts every one);
   * `kind` is then the first one's and `source` names them all ("Hillary Clinton and the DNC").
   */
  joint?: JointSpeaker[];
}

/** One of the speakers of a joint statement (`Attribution.joint`). */
export interface JointSpeaker {
  kind: AttributionKind;
  source: string;
  role?: string;
  via?: string;
  sourceId?: string;
}

export interface AttributionOptions {
  /** Page language hint ('en', 'ar', 'fr'); each sentence is also checked for Arabic script. */
  lang?: string | null;
  /** Known outlets (names and aliases), e.g. the default pack's sources. */
  outlets?: OutletName[];
  /**
   * The page's own outlet (an entry of `outlets`, or its name): statements given to it are
   * first-hand, so it is never listed as relayed and is not set as `via`.
   */
  self?: OutletName | string | null;
}

/** One distinct speaker with its statements counted. */
export interface Speaker {
  kind: AttributionKind;
  /** The speaker's name or description (see `Attribution.source`). */
  source: string;
  role?: string;
  via?: string;
  sourceId?: string;
  statements: number;
  /** Offset of the first statement. */
  first: number;
}

/** How a page relays another outlet. */
export const RELAYED_HOW = ['relays', 'republishes'] as const;
export type RelayedHow = (typeof RELAYED_HOW)[number];

export interface RelayedOutlet {
  name: string;
  sourceId: string | null;
  /** 'republishes' when the text is credited to it as a whole; else 'relays'. */
  how: RelayedHow;
  statements: number;
}

/** Who a text quotes and relays: the result of `sourcingProfile`. */
export interface SourcingProfile {
  /** Distinct sources per kind (`unattributed`: number of figures asserted without a source). */
  counts: Record<AttributionKind, number>;
  /** Attributed statements per kind. */
  statements: Record<AttributionKind, number>;
  /** Distinct speakers, most statements first. */
  sources: Speaker[];
  items: Attribution[];
  /** True when the core of the story comes from another outlet (see `secondHandReason`). */
  secondHand: boolean;
  secondHandReason: string | null;
  /** Names of the outlets relayed (not the page's own), in order of first appearance. */
  relays: string[];
  relayed: RelayedOutlet[];
  /** The outlet the text is republished from, if credited. */
  origin?: string;
  /** One plain-language line for the popup. */
  summary: string;
}
