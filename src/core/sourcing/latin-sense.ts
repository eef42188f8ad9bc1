/**
 * English speech verbs read in another sense (latin.ts skips the cue): words of the cue list
 * that are as often a plural noun ("swing states", "the stress of the job") or a verb of
 * another meaning with a noun object ("maintains a wide lead", "charged a $50 fee", "adding to
 * her lead", "reported from Ohio", a reporter's location). In their speech sense these verbs
 * take a clause, a quotation or a colon, or close an inverted quotation ("…,” she maintains.");
 * with a noun phrase after them they are left out.
 */
import type { Tok } from './tokens';

/** Verbs that are speech only before a clause, a quotation, a colon or a comma, or at the end. */
const CLAUSE_ONLY = new Set(['states', 'stress', 'maintain', 'maintains', 'maintained', 'charged', 'charges']);
/** What may follow them in the speech sense: "that", a subject pronoun opening a clause, a time or place phrase. */
const SPEECH_NEXT = /^(?:that|he|she|they|it|we|i|there|in|on|at|during|after|before|while|when|repeatedly|again)$/;

/** Whether the cue word at `i` is here not a verb of speech. */
export function otherSense(toks: Tok[], i: number): boolean {
  const w = toks[i].low;
  const n1 = toks[i + 1];
  if (CLAUSE_ONLY.has(w)) return !!n1 && !n1.punct && !SPEECH_NEXT.test(n1.low);
  // "adding to his lead", "added to the tally": an amount grown, not words added.
  if (/^(?:add|adds|added|adding)$/.test(w)) return n1?.low === 'to' && /^(?:his|her|their|its|the|a|an|our)$/.test(toks[i + 2]?.low ?? '');
  // "Lerer reported from Los Angeles": where a reporter worked (a credit line), not what was reported.
  if (/^(?:reported|reports|reporting)$/.test(w)) return n1?.low === 'from';
  return false;
}
