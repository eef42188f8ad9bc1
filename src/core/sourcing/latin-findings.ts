/**
 * Findings of polls, surveys and records (English): "Polls show that most voters …", "Exit
 * polling showed the mayor won every county", "Surveys suggest that …", "Records show …". The
 * document is the source, as for "the report said" (latin-np.ts reads a document head after a
 * determiner, lower-case); this module reads the phrases that reading leaves out — a bare plural
 * that opens the sentence capitalised ("Polls", "Data", "Surveys"), "polling" and "results",
 * "findings", "figures" — with a verb of showing or finding whose subject can only be evidence.
 *
 * Conservative: the head noun must end the subject phrase just before the verb (adverbs and a
 * time phrase aside), the phrase must open its clause, and a cue already read as speech at the
 * same verb is left as it is.
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Lang } from './grammar';
import { isLyAdverb } from './latin-np';
import { timeBack } from './latin-verb';
import { CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, EN_VERBS, VERBISH } from './lexicon';
import type { Sentence } from './sentences';
import { isCap, type Tok } from './tokens';

/** Verbs of showing and finding: with evidence as subject, what follows is its finding. */
const FIND_VERBS = new Set('show shows showed suggest suggests suggested indicate indicates indicated found find finds'.split(' '));
/** Nouns that name evidence: polls and their results, records and figures (never a person). */
const EVIDENCE = new Set('poll polls polling survey surveys study studies results findings data figures statistics numbers records research analysis analyses projections estimates returns tallies'.split(' '));

const OPENERS = /^(?:he|she|they|it|we|there|most|many|some|few|more|fewer|both|all|none|each|as)$/;

/** Findings of evidence in sentence `s` (`toks` its tokens, `inQuote` which are quoted words). */
export function findings(x: ExtractorState, s: Sentence, toks: Tok[], inQuote: boolean[], lang: Lang): void {
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.punct || inQuote[i] || t.raw !== t.low || !FIND_VERBS.has(t.low)) continue;
    const n1 = toks[i + 1];
    // A finding follows: "that …" or a phrase ("show Clinton up by ten"); not "showed up", "found to".
    if (!n1 || n1.punct || /^(?:up|off|to|out|no|how|why|what|in|on|at|by|with|for|from|during|among|after|before|since)$/.test(n1.low)) continue;
    // …and it opens like a clause: "that", a determiner, a pronoun, a number, a name or a plural
    // noun ("show voters trust her"). "The figures show part of the picture" tells what evidence
    // covers, not what it found.
    if (!(n1.low === 'that' || DETERMINERS.has(n1.low) || OPENERS.test(n1.low) || /^\d/.test(n1.raw) || isCap(n1.raw) || /[a-z]s$/.test(n1.raw))) continue;
    if (x.drafts.some((d) => d.sent === x.si && d.at === t.start)) continue;
    let j = i - 1;
    while (j >= 0 && !toks[j].punct && (EN_ADV_AUX.has(toks[j].low) || isLyAdverb(toks[j].raw))) j--;
    j = timeBack(toks, j);
    if (j < 0 || toks[j].punct || !EVIDENCE.has(toks[j].low)) continue;
    // The phrase: modifiers before the head ("exit", "the latest", "Tuesday's"), back to the clause start.
    let b = j;
    while (b > 0 && j - b < 6) {
      const p = toks[b - 1];
      if (p.punct || CLAUSE_WORDS.has(p.low) || /^(?:and|but|yet|so)$/.test(p.low)) break;
      if (p.raw === p.low && (VERBISH.has(p.low) || EN_VERBS.has(p.low) || /^(?:of|by|in|on|for|with|from|to|about|than)$/.test(p.low))) {
        b = -1;
        break;
      }
      b--;
    }
    if (b < 0) continue;
    const label = joinRaw(toks, b, j + 1, s.text, s.start);
    x.emit({ k: 'document', label }, t.raw, t.start, lang);
  }
}
