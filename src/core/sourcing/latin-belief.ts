/**
 * Beliefs and intentions in English (issue #13): "Aides believe the bill will pass", "The
 * senator wants to run again", "Officials said the mayor plans to resign". Each becomes an
 * item of its own with `mode` 'belief' or 'intention', its source the holder (read by the
 * same speaker-phrase grammar as speech, latin-np.ts) and its quote only the clause held or
 * intended — so a belief reported inside someone's speech ("officials said [the mayor plans]
 * to resign") stands beside the speech item with its own, tighter span.
 *
 * Conservative: outside quotation marks only, a finite verb (or "is convinced / sure /
 * hoping …") with a subject before it and a clause or "to" after it; the writer's own "I
 * think" / "we hope" and passives ("is expected to") are left out. Not used for Arabic (the
 * Arabic gold leaves beliefs out) nor French.
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Cls, type Draft, type Lang } from './grammar';
import { classifyLatin, isLyAdverb, leftNP } from './latin-np';
import { timeBack } from './latin-verb';
import { BE_AUX, CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, EN_VERBS, VERBISH } from './lexicon';
import { participleSubject } from './latin-coord';
import { stanceCue } from './latin-stance';
import { findings, pollFrame } from './latin-findings';
import { isPossessiveMark } from './latin-words';
import type { Sentence } from './sentences';
import { isCap, type Tok } from './tokens';
import type { AttributionMode } from './types';

/** How a cue takes its content: a clause ("believes [that] …"), "to …", or either ("hopes"). */
type Takes = 'clause' | 'to' | 'clause-or-to' | 'want';

const CUES = new Map<string, Takes>();
const add = (words: string, t: Takes) => {
  for (const w of words.split(/\s+/)) CUES.set(w, t);
};
add('believe believes believed think thinks thought fear fears feared expect expects worry worries suspect suspects suspected doubt doubts doubted assume assumes assumed predict', 'clause');
add('plan plans planned planning intend intends intended intending seek seeks sought seeking aim aims aimed aiming', 'to');
add('hope hopes hoped hoping', 'clause-or-to');
add('want wants wanted wanting', 'want');
/** Knowledge and perception with "that": "aides realized that …", "the inquiry learned that …". */
const KNOW_THAT = new Set('realize realizes realized realise realises realised understand understands understood recognize recognizes recognized learn learns learned learnt discover discovers discovered notice notices noticed feel feels felt find finds found'.split(' '));
/** "found that": a finding of a person or a body ("the authors found that …"); evidence as subject is a document's (latin-findings.ts). */
const FIND = /^(?:find|finds|found)$/;
/** "sees the deal as a trap", "views him as weak": a view of something, the object and "as" held. */
const SEE_AS = new Set('see sees saw view views viewed regard regards regarded'.split(' '));
/** Refusals and preferences with "to": "he refused to resign", "she prefers to wait". ("decided to" is left out: an act told by the writer as often as a resolve.) */
add('refuse refuses refused prefer prefers preferred', 'to');
/** "declined to comment / to say whether …": a refusal, as "refused to" ("declined to be named" is the anonymity formula, left out). */
add('decline declines declined declining', 'to');
/** Adjectives of resolve after "is / are / was", with "to": "is determined to run". */
const RESOLVED = new Set(['determined', 'eager', 'reluctant', 'willing', 'unwilling', 'intent']);
/** Adjectives of conviction after "is / are / was": "is convinced that …". */
const CONVINCED = new Set(['convinced', 'confident', 'sure', 'certain', 'worried', 'hopeful', 'persuaded']);
/** "know" only with "that": "You know, …" and "know how to" are not attributions of a belief. */
const KNOW = new Set(['know', 'knows', 'knew']);
const QUANTIFIER = /^(?:many|most|some|few|both|others|several)$/;
const SUBJ_PRONOUN = /^(?:he|she|they|we|i|you|it|there)$/;
const NEGATED = /^(?:do|does|did|is|are|was|were|has|have|had|would|could|will|can|should|might|must)n[’']t$|^(?:won|can)[’']t$|^cannot$/;
const WRITER = new Set(['i', 'we', 'you', 'me', 'us', 'one']);
const CLAUSE_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'most', 'many', 'some', 'few', 'no', 'nobody', 'everyone', 'anyone', 'someone', 'all', 'both', 'each', 'every', 'none']);
const INTENTION_WORDS = /^(?:plan|plans|planned|planning|intend|intends|intended|intending|seek|seeks|sought|seeking|aim|aims|aimed|aiming|want|wants|wanted|wanting)$/;

/** The mode and where the content starts (token index), for a cue at `i` (len tokens); null when it is no belief cue here. */
function readCue(toks: Tok[], i: number): { mode: AttributionMode; len: number; from: number; bare?: boolean; stance?: boolean } | null {
  const w = toks[i].low;
  const n1 = toks[i + 1];
  const n2 = toks[i + 2];
  const clauseAt = (k: number) => {
    const t = toks[k];
    if (!t || t.punct) return -1;
    if (t.low === 'that') return toks[k + 1] && !toks[k + 1].punct ? k + 1 : -1;
    if (DETERMINERS.has(t.low) || CLAUSE_PRONOUNS.has(t.low) || /^\d/.test(t.raw) || (isCap(t.raw) && t.low !== 'i')) return k;
    return -1;
  };
  if (CONVINCED.has(w)) {
    const b = toks[i - 1];
    if (!b || !BE_AUX.has(b.low)) return null;
    const f = n1?.low === 'that' ? clauseAt(i + 1) : -1;
    return f < 0 ? null : { mode: 'belief', len: 1, from: f };
  }
  if (RESOLVED.has(w)) {
    const b = toks[i - 1];
    if (!b || !BE_AUX.has(b.low) || n1?.low !== 'to' || !n2 || n2.punct) return null;
    return { mode: 'intention', len: 1, from: i + 1 };
  }
  if (KNOW.has(w)) {
    // "know that …"; "knows they are losing" (present tense: a personal pronoun opening the clause, then a word; "knew he …" tells a past acquaintance as often).
    const f = n1?.low === 'that' ? clauseAt(i + 1) : w !== 'knew' && n1 && SUBJ_PRONOUN.test(n1.low) && n2 && !n2.punct ? i + 1 : -1;
    return f < 0 ? null : { mode: 'belief', len: 1, from: f };
  }
  if (KNOW_THAT.has(w)) {
    // ("feel like …" is a likeness; "felt that …" a belief; "learned that in 1990" a demonstrative:
    // the clause must open like one after "that".)
    const f = n1?.low === 'that' && clauseAt(i + 2) >= 0 ? clauseAt(i + 1) : -1;
    return f < 0 ? null : { mode: 'belief', len: 1, from: f };
  }
  if (SEE_AS.has(w)) {
    // The object must open like a noun phrase and "as" follow it within the phrase.
    if (clauseAt(i + 1) < 0 && !/^(?:him|her|them|it|himself|herself|themselves|itself)$/.test(n1?.low ?? '')) return null;
    for (let k = i + 2; k < toks.length && k <= i + 8; k++) {
      const t = toks[k];
      if (t.punct || (t.raw === t.low && (VERBISH.has(t.low) || CLAUSE_WORDS.has(t.low) && t.low !== 'as'))) return null;
      if (t.low === 'as') return toks[k + 1] && !toks[k + 1].punct ? { mode: 'belief', len: 1, from: i + 1 } : null;
    }
    return null;
  }
  // "would like to …"
  if (w === 'would' && n1?.low === 'like' && n2?.low === 'to') return { mode: 'intention', len: 2, from: i + 2 };
  const takes = CUES.get(w);
  // "backs the mayor", "opposed the tax", "prefers Smith": a side taken (latin-stance.ts).
  const stance = () => {
    const f = stanceCue(toks, i);
    return f < 0 ? null : { mode: 'belief' as const, len: 1, from: f, stance: true };
  };
  if (!takes) return stance();
  if (takes === 'to' || takes === 'clause-or-to' || takes === 'want') {
    if (n1?.low === 'to' && n2 && !n2.punct && !(/^declin/.test(w) && n2.low === 'be')) return { mode: 'intention', len: 1, from: i + 1 };
  }
  if (takes === 'want') {
    // "wants him to resign", "want the court to rule": an object, then "to". "wants a wall", a
    // thing wanted, is `bare`: as often the writer's gloss of a position as a stated intention.
    const f = n1 && !n1.punct && n1.low !== 'that' ? clauseAt(i + 1) : -1;
    let k = i + 2;
    while (k < toks.length && k <= i + 8 && !toks[k].punct && toks[k].low !== 'to') k++;
    return f < 0 ? null : { mode: 'intention', len: 1, from: f, bare: toks[k]?.low !== 'to' };
  }
  if (takes === 'clause' || takes === 'clause-or-to') {
    // "expects the court to rule", "believes (that) the bill will pass".
    const f = clauseAt(i + 1);
    return f < 0 ? null : { mode: 'belief', len: 1, from: f };
  }
  return stance();
}

/** Token index where the subject before the cue at `i` ends (exclusive), or -1. */
function subjectEnd(toks: Tok[], i: number, word: string): number {
  let j = i - 1;
  // "is convinced": the copula is part of the cue; "is hoping / was planning": a progressive.
  if (CONVINCED.has(word) || RESOLVED.has(word) || /ing$/.test(word)) {
    if (j < 0 || !BE_AUX.has(toks[j].low)) return -1;
    j--;
  } else if (j >= 0 && BE_AUX.has(toks[j].low)) return -1; // "is expected to", "were feared dead": passives
  while (j >= 0 && !toks[j].punct && (EN_ADV_AUX.has(toks[j].low) || NEGATED.test(toks[j].low) || isLyAdverb(toks[j].raw))) j--;
  j = timeBack(toks, j);
  if (j < 0 || toks[j].punct) return -1;
  const w = toks[j].low;
  // "his plans to", "the thought that", "to hope", "who want": nouns, infinitives; the writer's own view.
  // ("Many fear …", "Most believe …", "Both want …": a quantifier standing alone is the subject.)
  if (QUANTIFIER.test(w) && (j === 0 || toks[j - 1].punct || CLAUSE_WORDS.has(toks[j - 1].low) || /^(?:and|but|yet)$/.test(toks[j - 1].low))) return j + 1;
  if (DETERMINERS.has(w) || w === 'to' || WRITER.has(w) || /^(?:my|your|whose|what|which|there)$/.test(w)) return -1;
  return j + 1;
}

/**
 * Belief and intention cues of sentence `s` (English; `toks` its tokens, `inQuote` which of
 * them are someone's quoted words). A speech draft already made at the cue ("believes" is
 * also read as a speech verb) becomes the belief; otherwise the holder is read left of the cue.
 */
export function beliefs(x: ExtractorState, s: Sentence, toks: Tok[], inQuote: boolean[], lang: Lang): void {
  const here = x.drafts.filter((d) => d.sent === x.si);
  let found = 0;
  for (let i = 1; i < toks.length && found < 4; i++) {
    const t = toks[i];
    if (t.punct || inQuote[i] || t.raw !== t.low) continue;
    const c = readCue(toks, i);
    if (!c) continue;
    // A thing wanted is kept when someone reports it ("the union said its members want a
    // guarantee", "a survey found most residents want a library"), not as the writer's gloss.
    if (c.bare && !here.some((d) => !d.mode && d.at < t.start)) continue;
    // "…, hoping to win the state": the subject of the clause before holds the intention.
    const participial = /ing$/.test(t.low) && toks[i - 1]?.raw === ',' && c.mode === 'intention';
    const end = participial ? i : subjectEnd(toks, i, t.low);
    if (end < 0) continue;
    const span = contentSpan(s, toks, c.from, here);
    if (!span) continue;
    if (c.stance) {
      // "supports the contract, she wants …": the side taken ends where a new clause opens.
      for (let k = c.from + 1; k < toks.length && toks[k].start < span[1]; k++) {
        if (toks[k].raw === ',' && /^(?:he|she|they|we|i|it)$/.test(toks[k + 1]?.low ?? '')) {
          span[1] = toks[k - 1].end;
          break;
        }
      }
    }
    const cue = joinRaw(toks, CONVINCED.has(t.low) || RESOLVED.has(t.low) || /ing$/.test(t.low) ? i - 1 : i, i + c.len, s.text, s.start);
    const mode: AttributionMode = INTENTION_WORDS.test(t.low) && c.mode === 'belief' ? 'intention' : c.mode;
    if (FIND.test(t.low) && x.drafts.some((d) => d.sent === x.si && d.at === t.start)) continue;
    const made = here.filter((d) => d.at === t.start && !d.mode);
    if (made.length) {
      for (const d of made) (d.mode = mode), (d.span = span);
    } else {
      // "Ford’s plans to …": a possessive before the cue makes it a noun.
      if (!participial && (isPossessiveMark(toks, end - 1) || /[’']s$/.test(toks[end - 1].raw))) continue;
      for (const cl of participial ? participleSubject(x, toks, i) : holder(x, toks, end)) {
        if (cl.k === 'outlet' || !cleanHolder(cl)) continue;
        // A side taken by an unnamed group ("the voters backed …") is as often a share of a poll
        // told by the writer, whose holder is the share ("nearly half"), not the group.
        if (c.stance && cl.k === 'anonymous') continue;
        const d = x.emit(cl, cue, t.start, lang);
        if (d) (d.mode = mode), (d.span = span);
        // A holder already quoted in the sentence ("Ortiz backed the plan, citing …") is one statement.
        if (d && c.stance && here.some((h) => !h.mode && h.source === d.source) && x.drafts.includes(d)) x.drafts.splice(x.drafts.indexOf(d), 1);
      }
    }
    found++;
    i += c.len - 1;
  }
  findings(x, s, toks, inQuote, lang); // what polls, surveys and records show (latin-findings.ts)
  pollFrame(x, s, toks, inQuote, lang); // "In a CNN poll, …", "… in the latest polls." (latin-findings.ts)
}

/**
 * The holder phrase ending at `end`: inside reported speech ("officials said [the governor]
 * believes …", "told reporters that [the mayor] plans …") the phrase after the outer cue;
 * else the speaker phrase left of the cue, as for speech (latin-np.ts).
 */
function holder(x: ExtractorState, toks: Tok[], end: number): Cls[] {
  let b = end;
  while (b > 0 && end - b < 8) {
    const t = toks[b - 1];
    if (t.punct || (t.raw === t.low && (CLAUSE_WORDS.has(t.low) || VERBISH.has(t.low) || EN_VERBS.has(t.low)))) break;
    b--;
  }
  const p = toks[b - 1];
  if (b < end && p && !p.punct && p.raw === p.low && (p.low === 'that' || VERBISH.has(p.low) || EN_VERBS.has(p.low) || /^(?:reporters|aides|them|him|her|us)$/.test(p.low))) {
    return classifyLatin(x, toks, b, end);
  }
  const cls = leftNP(x, toks, end).cls;
  return cls.length ? cls : plainSubject(x, toks, end);
}

/** Singular nouns that name a body of people holding a view as one. */
const COLLECTIVE = new Set(['leadership', 'establishment', 'electorate', 'public', 'majority', 'minority', 'base']);
/** Words that may open a plain subject phrase ("her allies", "the party leadership", "many economists"). */
const SUBJ_OPEN = /^(?:the|his|her|their|its|our|many|most|some|few|both|several|other|these|those|all)$/;
/**
 * A plain subject the speaker grammar does not read ("her allies fear …", "The party leadership
 * fears …", "Most believe …"): the phrase as written, an unnamed holder. Only a short phrase of
 * nouns and modifiers opened by a determiner, a possessive or a quantifier (or a plural noun
 * alone), standing at the start of its clause: after punctuation, a conjunction or "that".
 */
function plainSubject(x: ExtractorState, toks: Tok[], end: number): Cls[] {
  let b = end;
  while (b > 0 && end - b < 6) {
    const t = toks[b - 1];
    if (t.punct || CLAUSE_WORDS.has(t.low) || /^(?:and|or|but|yet|so|nor|then|now|also)$/.test(t.low)) break;
    if (t.raw === t.low && (VERBISH.has(t.low) || EN_VERBS.has(t.low) || BE_AUX.has(t.low) || /^(?:to|by|with|for|on|at|about|against|than|like|not)$/.test(t.low))) return [];
    b--;
  }
  if (b === end) return [];
  const p = toks[b - 1];
  if (p && !p.punct && !CLAUSE_WORDS.has(p.low) && !/^(?:and|but|yet|so|now|also)$/.test(p.low)) return [];
  const first = toks[b].low;
  const last = toks[end - 1];
  const single = end - b === 1;
  if (!(SUBJ_OPEN.test(first) && (!single || QUANTIFIER.test(first))) && !(single && /[a-z]s$/.test(last.raw) && !/[’']s$/.test(last.raw))) return [];
  // The head is a noun: not a number, a pronoun, an adverb or a possessive.
  if (/^\d/.test(last.raw) || isLyAdverb(last.raw) || /[’']s?$/.test(last.raw) || (!single && (CLAUSE_PRONOUNS.has(last.low) || SUBJ_OPEN.test(last.low)))) return [];
  // A plural head ("her allies", "many economists") or a body of people ("the party leadership"):
  // a singular common noun is as often a thing ("the ballot question seeks to …").
  const plural = (/[a-z]s$/.test(last.raw) && !/ss$/.test(last.low)) || QUANTIFIER.test(last.low);
  if (!plural && !COLLECTIVE.has(last.low)) return [];
  const label = joinRaw(toks, b, end, x.sent.text, x.sent.start);
  return [{ k: 'anonymous', label, lemma: last.low.replace(/s$/, ''), plural, definite: false }];
}

/**
 * A holder phrase read cleanly: a pronoun, or a short phrase with no verb in it ("appealed to
 * white voters believed", "attitudes reflect fears" are a clause read as a phrase).
 */
function cleanHolder(cl: Cls): boolean {
  if (cl.k === 'pronoun') return true;
  const label = cl.k === 'person' ? cl.name : cl.k === 'outlet' ? cl.name : cl.label;
  const ws = label.split(/\s+/);
  if (ws.length > 6) return false;
  return !ws.some((w) => w === w.toLowerCase() && (VERBISH.has(w) || EN_VERBS.has(w) || /^(?:to|they|he|she|it|we)$/.test(w) || (/(?:ed|ing)$/.test(w) && w.length > 4 && !ROLE_OK.test(w))));
}
const ROLE_OK = /^(?:retired|elected|unnamed|unidentified|united|acting|leading|ruling|governing|founding|visiting|outgoing|incoming|ranking|sitting|polling|voting|striking)$/;

/** Offsets of the content from token `from` to the sentence end, cut before a later speech cue ("…, officials said."). */
function contentSpan(s: Sentence, toks: Tok[], from: number, here: Draft[]): [number, number] | null {
  const start = toks[from].start;
  let endTok = toks.length - 1;
  const later = here.filter((d) => !d.mode && d.at > start).sort((a, b) => a.at - b.at)[0];
  if (later) {
    let k = from;
    while (k < toks.length && toks[k].start < later.at) k++;
    let cut = k - 1;
    for (let q = k - 1; q > from; q--) {
      if (/^[,;:—–-]$/.test(toks[q].raw)) {
        cut = q - 1;
        break;
      }
    }
    endTok = cut;
  }
  // A second clause of the writer's ("…, while 95 members favoured Y", "…; others disagree") is not held.
  for (let q = from + 1; q < endTok; q++) {
    if (toks[q].raw === ';' || (toks[q].raw === ',' && /^(?:while|but|whereas|although|though)$/.test(toks[q + 1]?.low ?? ''))) {
      endTok = q - 1;
      break;
    }
  }
  // (…and a conjunction left before the cut: "declined to comment but [said …]".)
  while (endTok > from && ((toks[endTok].punct && !/^[”"’)]$/.test(toks[endTok].raw)) || /^(?:and|but|or)$/.test(toks[endTok].low))) endTok--;
  if (endTok < from) return null;
  const end = toks[endTok].end;
  if (end - start < 3 || end > s.end) return null;
  return [start, end];
}
