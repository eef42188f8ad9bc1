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
 * same verb is left as it is. `pollFrame` reads a sentence framed by a poll ("In a CNN poll, …").
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

/** Heads of a poll phrase ("the latest CNN/ORC national poll"). */
const POLL_HEAD = /^(?:poll|polls|survey|surveys|polling)$/;
/** What may follow the head inside the phrase: when and by whom it was taken. */
const POLL_TAIL = /^(?:released|conducted|taken|published|out|of|from|by|in|last|this|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)$/;

/**
 * A sentence framed by a poll and nothing else ("In a CNN poll released Monday, the senator led
 * by six points"): the poll is the source of the whole sentence, as "the poll found" would make
 * it. Only when the sentence holds no other statement and opens with the poll phrase. (A closing
 * "… in the polls" is left out: as often a standing told by the writer, or "head to the polls".)
 */
export function pollFrame(x: ExtractorState, s: Sentence, toks: Tok[], inQuote: boolean[], lang: Lang): void {
  if (toks.length < 6 || inQuote.some(Boolean) || x.drafts.some((d) => d.sent === x.si)) return;
  const phrase = (from: number, stop: (k: number) => boolean): number => {
    // From a determiner or a capitalised word to the head, then its tail; -1 if no head.
    let head = -1;
    let of = false; // "a poll of 600 residents": who was asked, after "of"
    let k = from;
    for (; k < toks.length && k - from < 14 && !stop(k); k++) {
      const t = toks[k];
      if (t.raw === t.low && POLL_HEAD.test(t.low)) head = k;
      else if (head >= 0 && t.low === 'of') of = true;
      else if (head >= 0 && of && !t.punct && !(t.raw === t.low && (VERBISH.has(t.low) || EN_VERBS.has(t.low) || CLAUSE_WORDS.has(t.low)))) continue;
      else if (head >= 0 && !(POLL_TAIL.test(t.low) || isCap(t.raw) || /^\d/.test(t.raw) || /^[-–/]$/.test(t.raw))) return -1;
      else if (head < 0 && t.punct && !/^[-–/’']$/.test(t.raw)) return -1;
      else if (head < 0 && t.raw === t.low && (VERBISH.has(t.low) || EN_VERBS.has(t.low) || CLAUSE_WORDS.has(t.low))) return -1;
    }
    return head < 0 ? -1 : k;
  };
  // "In a … poll (released Monday), <clause>"
  if (toks[0].low === 'in' && (DETERMINERS.has(toks[1].low) || isCap(toks[1].raw) || /^(?:recent|new|national|latest)$/.test(toks[1].low))) {
    const e = phrase(1, (k) => toks[k].raw === ',');
    if (e > 1 && toks[e]?.raw === ',' && e + 3 < toks.length) {
      x.emit({ k: 'document', label: joinRaw(toks, 1, e, s.text, s.start) }, toks[0].raw, toks[0].start, lang);
    }
  }
}
