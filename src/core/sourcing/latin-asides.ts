/**
 * Words between a subject and its verb that are not a speaker's: asides set off by commas
 * ("X, when contacted by Reuters, said", "The memo, first posted on a board, suggests") and
 * reduced passives ("a device said to weigh …"). Used by latin.ts and latin-np.ts.
 */
import { CLAUSE_WORDS } from './lexicon';
import type { Tok } from './tokens';

/**
 * An aside between the speaker and the verb: "X, contradicting Trump, said", "X, when contacted
 * by Reuters, said", "The report, released on Monday by the auditor, says", "The memo, first
 * posted on a message board, suggests" (a past participle and its preposition).
 */
export function asideStart(t: Tok, toks?: Tok[], at = -1): boolean {
  if (t.raw !== t.low) return false;
  if (/^(?:when|while|once|unlike|later|earlier)$/.test(t.low) || (/^[a-z]{3,}ing$/.test(t.low) && !/^(?:nothing|something|anything|everything|thing|king|meeting|morning|evening|being)$/.test(t.low))) return true;
  if (!toks || at < 0) return false;
  let k = at;
  if (/^(?:first|originally|later|also|recently|jointly)$/.test(toks[k].low)) k++;
  const v = toks[k];
  const p = toks[k + 1];
  return !!v && !!p && v.raw === v.low && /^(?:[a-z]{3,}ed|written|taken|seen|shown|given|drawn|sent|made|held|built)$/.test(v.low) && /^(?:by|on|in|at|from|to|last|this|earlier|after|before|during|under|with)$/.test(p.low);
}

/**
 * The -ed form at `i` opens an aside set off by commas ("The memo, first posted on a message
 * board, suggests …"): a comma (and "first", "originally" …) before it, a preposition after
 * it, and a closing comma with no clause word before it. A participle describing the subject,
 * not a cue.
 */
export function participleAside(toks: Tok[], i: number): boolean {
  let b = i - 1;
  if (b > 0 && /^(?:first|originally|later|also|recently|jointly)$/.test(toks[b].low)) b--;
  if (b < 1 || toks[b].raw !== ',' || !/^(?:by|on|in|at|from|last|during|under)$/.test(toks[i + 1]?.low ?? '')) return false;
  for (let k = i + 2; k < toks.length && k - i <= 12; k++) {
    if (toks[k].raw === ',') return !!toks[k + 1] && !toks[k + 1].punct && toks[k + 1].raw === toks[k + 1].low;
    if (toks[k].punct || CLAUSE_WORDS.has(toks[k].low)) return false;
  }
  return false;
}

/** Infinitives after "said to" that make it a reduced passive ("said to be", "reported to have"). */
const REDUCED_PASSIVE_VERB = /^(?:be|have|weigh|contain|number|total|hold|carry|include|involve|cost|date|belong|originate|stem|lie|live|own|control)$/;

/** "A device said to weigh …", "a cylinder reported to have leaked": the cue at `i` is a reduced passive describing a thing. */
export function reducedPassive(toks: Tok[], i: number): boolean {
  return /^(?:said|reported|rumou?red|alleged)$/.test(toks[i].low) && toks[i + 1]?.low === 'to' && REDUCED_PASSIVE_VERB.test(toks[i + 2]?.raw ?? '');
}
