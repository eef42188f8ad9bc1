/**
 * Stances in English: "The union backs the mayor", "Most Republicans oppose the tax", "The
 * governor endorsed Smith on Friday", "Voters who favor a ban …". Taking a side on a person or
 * a measure is a position its holder is reported as holding — a view, like a belief — so these
 * are read by the belief grammar (latin-belief.ts: the holder left of the verb, passives and the
 * writer's own "I support" left out) as `mode` 'belief', the object and what follows it held.
 * Only named holders, bodies and pronouns are kept: an unnamed group taking a side ("the voters
 * backed …") is most often a poll share told by the writer (latin-belief.ts).
 *
 * This module only says whether a verb of support or opposition stands here as a verb with an
 * object. Several of these words are also nouns ("strong support for", "the back of the
 * room") or particles ("came back"), so the verb must be inflected or follow a subject it can
 * only be the verb of, and the object must open like a noun phrase.
 */
import { BE_AUX, CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, VERBISH } from './lexicon';
import { isCap, type Tok } from './tokens';

/** Verbs of taking a side, by form: 'base' forms are also nouns (or, for "back", a particle). */
const STANCE = new Map<string, 'base' | 'finite' | 'ing'>();
for (const w of 'support oppose endorse back favor favour embrace prefer'.split(' ')) STANCE.set(w, 'base');
for (const w of 'supports supported opposes opposed endorses endorsed backs backed favors favored favours favoured embraces embraced prefers preferred'.split(' ')) STANCE.set(w, 'finite');
for (const w of 'supporting opposing endorsing backing favoring favouring embracing'.split(' ')) STANCE.set(w, 'ing');

/** Pronouns that can only be a subject: a base form right after one is a verb ("they support"). */
const SUBJECT_PRONOUNS = /^(?:they|he|she|who|which|that|both|most|many|some|few|others|all)$/;
/** Object pronouns and possessives that open the object ("backs him", "opposed their plan"). */
const OBJECT_OPEN = /^(?:him|her|them|it|his|their|its|our|this|these|those|both|each|either|neither|any|all|whoever|whichever)$/;
/** Words after the verb that show it is no transitive verb here ("backed by", "came back to", "support for"). */
const NOT_OBJECT = /^(?:by|for|from|of|to|in|on|at|up|down|off|out|away|into|onto|over|with|among|between|behind|as|than|and|or|but|so|then|there|here|again|too|now|yet|later|also|only|even|still|not|never|is|are|was|were)$/;

/** Whether token `k` opens an object noun phrase: a determiner, a name, a pronoun, a number or a plain noun. */
function objectAt(toks: Tok[], k: number): boolean {
  const t = toks[k];
  if (!t || t.punct) return false;
  if (DETERMINERS.has(t.low) || OBJECT_OPEN.test(t.low) || /^\d/.test(t.raw)) return true;
  if (isCap(t.raw)) return t.low !== 'i';
  if (NOT_OBJECT.test(t.low) || VERBISH.has(t.low) || BE_AUX.has(t.low) || CLAUSE_WORDS.has(t.low) || EN_ADV_AUX.has(t.low)) return false;
  // A plain noun or a gerund ("oppose abortion", "supported banning …"), not an adverb.
  return /^[a-z][a-z-]+$/.test(t.raw) && !/ly$/.test(t.low);
}

/**
 * A stance verb at `i` with its object: where the held content starts (the object), or -1.
 * The subject itself is checked by the caller (latin-belief.ts `subjectEnd`, `holder`).
 */
export function stanceCue(toks: Tok[], i: number): number {
  const form = STANCE.get(toks[i].low);
  if (!form || !objectAt(toks, i + 1)) return -1;
  // "the least favored", "widely supported", "more preferred": an adjective of degree.
  if (/^(?:most|least|more|less|well|widely|highly|much|broadly|best)$/.test(toks[i - 1]?.low ?? '')) return -1;
  if (form === 'base') {
    // "they support", "would back", "did not endorse", "voters who oppose": a subject pronoun or
    // an auxiliary right before (adverbs aside); a plural noun ("Democrats favor") too, but not
    // an adjective or a noun modifier ("strong support", "party support").
    let j = i - 1;
    while (j >= 0 && !toks[j].punct && /ly$/.test(toks[j].low) && toks[j].raw === toks[j].low) j--;
    const p = toks[j];
    if (!p || p.punct) return -1;
    const aux = EN_ADV_AUX.has(p.low) && !/^(?:also|then|later|further|previously|earlier|meanwhile|recently|again|once|however|too|only|even|still|already|now|separately)$/.test(p.low);
    // A plural naming people: "Republicans", "voters", "economists", "residents".
    const people = /^(?:[A-Z][a-z]+s|[a-z]+(?:ers|ans|ists|ents|ors|ats))$/.test(p.raw);
    if (!aux && !SUBJECT_PRONOUNS.test(p.low) && !people) return -1;
  }
  // "backed that up", "backs him up": to confirm or help, not to take a side.
  if (/^back/.test(toks[i].low) && [2, 3, 4].some((k) => toks[i + k]?.low === 'up')) return -1;
  return i + 1;
}
