/**
 * A speech verb coordinated with an earlier verb of the same clause ("Sen. X, the ranking
 * member, met the families on Thursday and said …", "The company declined to comment but
 * said …", "Sanders’ campaign launched an ad buy and announced …"): the subject of the first
 * verb speaks. Used by latin.ts when the verb follows "and"/"but" and the phrase before it
 * holds no speaker. Looks only at the tokens of the sentence before the verb.
 */
import type { ExtractorState } from './extractor-state';
import type { Cls } from './grammar';
import { classifyLatin, leftNP } from './latin-np';
import { clauseStart, subjectEnd, verbLike } from './clause';
import { CLAUSE_WORDS } from './lexicon';
import { isCap, QUOTE_CHARS, type Tok } from './tokens';

/** How far back (tokens) the first verb's clause may start. */
const REACH = 60;

/**
 * The speaker of a verb whose coordinator ("and", "but") is at `j`, or none: the subject at
 * the start of the clause the coordinator continues (the parts of a coordinated subject, "X
 * and the union rejected …, saying", all speak).
 */
export function coordSubject(x: ExtractorState, toks: Tok[], j: number, docOnly: boolean): Cls[] {
  if (j < 2 || (toks[j - 1].punct && !/^[,—–-]$/.test(toks[j - 1].raw))) return [];
  // The clause the coordinator continues starts at the sentence start, after ";" or after a
  // clause word ("while Mike Huckabee … proposed … and said").
  let b = j - 1;
  for (; b >= 0 && j - b <= REACH; b--) {
    const t = toks[b];
    if (QUOTE_CHARS.has(t.raw) || t.raw === '(') return [];
    // A short parenthesis ("(R-Iowa)") or an aside between dashes ("— something that … —") is skipped.
    if (t.raw === ')' || t.raw === '—' || t.raw === '–') {
      const open = t.raw === ')' ? '(' : t.raw;
      let q = b - 1;
      while (q >= 0 && b - q <= 25 && toks[q].raw !== open) q--;
      if (q >= 0 && toks[q].raw === open) {
        b = q;
        continue;
      }
      if (t.raw === ')') return [];
      break;
    }
    if (t.raw === ';' || t.raw === ':') break;
    // ("compared X with that of dictators": a pronoun, not a clause.)
    if (t.low === 'that' && /^(?:of|in|for|from|at|on|,)$/.test(toks[b + 1]?.low ?? '')) continue;
    if (t.raw === t.low && CLAUSE_WORDS.has(t.low)) {
      // "… announced that Y would go and said": whose "and" it is cannot be told.
      if (/^(?:that|than|as|if|whether|what|how|so)$/.test(t.low)) return [];
      break;
    }
  }
  if (j - b > REACH) return [];
  const from = clauseStart(toks, b + 1, j);
  if (from >= j - 1) return [];
  for (const e of [subjectEnd(toks, from, j), appositiveEnd(toks, from, j), capitalRunEnd(toks, from, j)]) {
    if (e <= from) continue;
    const cls = classifyLatin(x, toks, from, e);
    if (cls.length !== 1 && !(cls.length > 1 && cls.every((c) => c.joint))) continue;
    if (cls.some((c) => (docOnly ? c.k !== 'document' && c.k !== 'organisation' : c.k === 'document'))) return [];
    return cls;
  }
  return [];
}

/**
 * "Mike Huckabee, the former Arkansas governor, proposed …": a capitalised subject, an
 * appositive between commas, then a lower-case verb. Returns the end of the subject, or -1.
 */
export function appositiveEnd(toks: Tok[], from: number, to: number): number {
  if (!isCap(toks[from].raw)) return -1;
  let c = from;
  while (c < to && c - from < 8 && !toks[c].punct) c++;
  if (c >= to || toks[c].raw !== ',') return -1;
  let c2 = c + 1;
  while (c2 < to && c2 - c < 14 && toks[c2].raw !== ',') {
    if (toks[c2].punct && toks[c2].raw !== '.' && toks[c2].raw !== '-') return -1;
    c2++;
  }
  if (c2 >= to - 1 || toks[c2].raw !== ',') return -1;
  const v = toks[c2 + 1];
  return v.raw === v.low && !v.punct && !CLAUSE_WORDS.has(v.low) ? c : -1;
}

/**
 * "President Barack Obama met …", "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed …",
 * "He shook hands …": the capitalised words (and a short parenthesis) before the first
 * lower-case word, or a pronoun. Returns the end of the subject, or -1.
 */
export function capitalRunEnd(toks: Tok[], from: number, to: number): number {
  if (PRONOUN.test(toks[from].low) && from + 1 < to && toks[from + 1].raw === toks[from + 1].low) return from + 1;
  let k = from;
  if (/^(?:the|a|an)$/.test(toks[k].low)) k++;
  const start = k;
  while (k < to && k - from < 10) {
    const t = toks[k];
    if (t.raw === '(') {
      let q = k + 1;
      while (q < to && q - k < 8 && toks[q].raw !== ')') q++;
      if (toks[q]?.raw !== ')') return -1;
      k = q + 1;
      continue;
    }
    if (t.punct && t.raw !== '.' && t.raw !== '’' && t.raw !== "'") break;
    if (!t.punct && !isCap(t.raw) && !/^(?:of|al|bin|de|van|von)$/.test(t.low)) break;
    k++;
  }
  if (k === start || k >= to || toks[k].punct) return -1;
  return k;
}
const PRONOUN = /^(?:he|she|they|it)$/;

/** The subject of the clause a participle cue at `i` hangs on ("X defended the plan, saying …"), or none. */
export function participleSubject(x: ExtractorState, toks: Tok[], i: number): Cls[] {
  return coordSubject(x, toks, i - 1, false);
}

/**
 * "The campaign’s Ohio director, Mike Rubino, reached out to the firm, writing …": a subject with
 * an appositive between two commas, then the clause's verb. The speaker phrase read as for
 * "…, Mike Rubino, said" (leftNP), or none. Looks at toks[from, to) only.
 */
export function appositiveSubject(x: ExtractorState, toks: Tok[], from: number, to: number): Cls[] {
  let commas = 0;
  for (let v = from + 1; v < to && v - from < 30; v++) {
    const t = toks[v];
    if (t.raw === ',') commas++;
    else if (t.punct && t.raw !== '.' && t.raw !== '’' && t.raw !== "'") return [];
    else if (commas === 2 && toks[v - 1].raw === ',') {
      if (!verbLike(toks, v, from)) return [];
      const cls = leftNP(x, toks, v).cls;
      return cls.length && cls.every((c) => c.k === 'person') ? cls : [];
    }
  }
  return [];
}
