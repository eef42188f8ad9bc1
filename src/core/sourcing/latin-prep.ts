/**
 * A name after a preposition is not the speaker (used by latin-np.ts): "A producer for Yahoo
 * Studios", "Chad's ambassador to France", "a columnist for the news site Pando", "the former
 * top aide to President George Bush" are described sources whose affiliation is named, not the
 * company, country or person named. Also "&" inside a name ("Cushman & Wakefield"), and a full name
 * with its affiliation ("X of the University of Y"), the person.
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Cls } from './grammar';
import { isNameTok, isPossessiveMark, stripElision } from './latin-words';
import { ANON_HEADS, CLAUSE_WORDS, EN_VERBS, PLURAL_HEADS, ROLE_HEADS, VERBISH } from './lexicon';
import { isCap, type Tok } from './tokens';

const PREP = /^(?:for|to|at|on|from|in|of)$/;
/** People and bodies named by what they are, besides the described-source heads of the lexicon. */
const MORE_HEADS = new Set(
  ('producer producers editor editors writer writers correspondent correspondents founder founders co-founder wife husband ex-wife ' +
    'ex-husband son sons daughter daughters brother sister mother father widow chair chairs chairwoman president ceo ' +
    'city cities state states government county town village campaign team office').split(' '),
);
/** Titles between the preposition and the name ("aide to President George Bush"). */
const TITLE = /^(?:President|Sen\.|Senator|Rep\.|Representative|Gov\.|Governor|Mayor|Mr\.|Mrs\.|Ms\.|Dr\.|Gen\.|Vice|Former|former|Prime|Minister|Speaker|Judge|Justice|Chairman|Chairwoman)$/;

/** A possessive apostrophe, or "&" between capitalised words: punctuation inside a phrase. */
export function inPhraseMark(toks: Tok[], k: number): boolean {
  if (isPossessiveMark(toks, k)) return true;
  return toks[k].raw === '&' && k > 0 && isCap(toks[k - 1].raw) && !!toks[k + 1] && isCap(toks[k + 1].raw);
}

/**
 * toks[from, to) ends on a name run starting at `r` that is the object of a preposition after
 * a common noun or role ("producer for", "Ambassador to", "aide to President"): the phrase is a
 * described source, else null.
 */
export function prepObjectSource(toks: Tok[], from: number, r: number, to: number, text: string, base: number): Cls | null {
  let q = r - 1;
  while (q > from && TITLE.test(toks[q].raw)) q--;
  if (q - 1 < from || toks[q].raw !== toks[q].low || !PREP.test(toks[q].low)) return null;
  // "a council member in Tal Afar Salim Hadi": a place then the name (latin-np.ts reads it).
  if (to - r > 2 && /^(?:in|of|from|at)$/.test(toks[q].low)) return null;
  const n = toks[q - 1];
  const low = stripElision(n.low);
  if (!(ANON_HEADS.has(low) || ROLE_HEADS.has(low) || MORE_HEADS.has(low)) || (n.raw !== low && !ROLE_HEADS.has(low))) return null;
  // Up to four modifiers before the head ("the former top aide", "Chad's"), no verb among them.
  if (q - 1 - from > 4) return null;
  for (let k = from; k < q - 1; k++) if (toks[k].punct || VERBISH.has(toks[k].low) || EN_VERBS.has(toks[k].low) || (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low))) return null;
  return { k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma: ANON_HEADS.get(low) ?? low, plural: PLURAL_HEADS.has(low), definite: toks[from].low === 'the' };
}

/**
 * "Stephen Vale of the University of Utah School of Law", "Ann Poe at the Brookings Institution": a full name
 * (two name words) followed by its first "of/from/at/with" and a capitalised affiliation → the person, the
 * affiliation as role.
 */
export function fullNameAffiliation(x: ExtractorState, toks: Tok[], from: number, to: number, classify: (from: number, to: number) => Cls[]): Cls | null {
  for (let q = from + 2; q < to - 1 && q < from + 6; q++) {
    if (!/^(?:of|from|at|with)$/.test(toks[q].raw)) continue;
    if (!isNameTok(toks[q - 1]) || !isNameTok(toks[q - 2])) return null;
    if (!toks.slice(q + 1, to).every((t) => !t.punct && (isCap(t.raw) || /^(?:the|a|an)$/.test(t.low) || /^(?:of|for|and|on|de|du)$/.test(t.raw)))) return null;
    if (!isCap(toks[to - 1].raw)) return null;
    const inner = classify(from, q);
    if (inner.length !== 1 || inner[0].k !== 'person') return null;
    const aff = joinRaw(toks, q + 1, to, x.sent.text, x.sent.start);
    return { ...inner[0], role: inner[0].role ? `${inner[0].role}, of ${aff}` : aff };
  }
  return null;
}
