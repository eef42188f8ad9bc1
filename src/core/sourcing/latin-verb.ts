/**
 * Word-level tests around a Latin-script speech verb (used by latin.ts): the progressive
 * ("is saying"), a time phrase between subject and verb ("Clinton on Tuesday said"), and a
 * verb right after a closing quotation ("…,” declares X").
 */
import { EN_ADV_AUX, EN_VERBS } from './lexicon';
import { isLyAdverb } from './latin-words';
import { isCap, type Tok } from './tokens';

/** "is saying", "was promising", "are urging": a speech verb in the progressive after "be". */
export function progressive(toks: Tok[], i: number): boolean {
  const w = toks[i].low;
  if (!w.endsWith('ing') || w.length < 6) return false;
  let b = i - 1;
  while (b >= 0 && !toks[b].punct && (EN_ADV_AUX.has(toks[b].low) || isLyAdverb(toks[b].raw))) b--;
  if (b < 0 || !/^(?:is|are|was|were|been|'s)$/.test(toks[b].low)) return false;
  const stem = w.slice(0, -3);
  return EN_VERBS.has(stem) || EN_VERBS.has(`${stem}ed`) || EN_VERBS.has(`${stem}d`) || EN_VERBS.has(`${stem}s`) || EN_VERBS.has(`${stem}es`);
}

const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const PERIOD = /^(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)$/;

/** The count of "N weeks ago". */
const AGO_COUNT = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|\d{1,3})$/;

/** Index before a time phrase ending at `j` ("on Tuesday", "this week", "Monday night", "earlier this month", "two weeks ago"), else `j`. */
export function timeBack(toks: Tok[], j: number): number {
  let k = j;
  const at = (q: number) => (q >= 0 && !toks[q].punct ? toks[q].low : '');
  if (PERIOD.test(at(k)) && WEEKDAY.test(at(k - 1))) k -= 1;
  if (WEEKDAY.test(at(k)) && isCap(toks[k].raw)) {
    k--;
    if (/^(?:on|late|early|last|this)$/.test(at(k))) k--;
  } else if (PERIOD.test(at(k)) && /^(?:this|last|that)$/.test(at(k - 1))) {
    k -= 2;
    if (/^(?:earlier|later)$/.test(at(k))) k--;
  } else if (/^(?:yesterday|today|tonight)$/.test(at(k))) k--;
  else if (at(k) === 'twitter' && at(k - 1) === 'on') k -= 2;
  else if (at(k) === 'ago' && /^(?:days?|weeks?|months?|years?|hours?|decades?)$/.test(at(k - 1)) && AGO_COUNT.test(at(k - 2))) {
    // "The State Department less than two weeks ago said", "Clinton a year ago wrote".
    k -= 3;
    if (at(k) === 'than' && /^(?:less|more)$/.test(at(k - 1))) k -= 2;
    else if (/^(?:about|nearly|almost|just|only|some|barely)$/.test(at(k))) k--;
  }
  // Something must remain before it: the subject.
  // (A short parenthesis may close it: "Rep. Joe Park (R-Iowa) last week said".)
  return k < j && k >= 0 && (!toks[k].punct || toks[k].raw === ')') ? k : j;
}

/** The verb at `i` follows a closing quotation (“…,” declares X). */
export function afterQuote(toks: Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 3 && toks[k].punct; k--) if (toks[k].raw === '”' || toks[k].raw === '"') return true;
  return false;
}

