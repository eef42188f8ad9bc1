/**
 * The speaker phrase to the right of a Latin-script cue: "according to X", inversions after a
 * quotation ("…,” said X"), passive agents ("was told by X"). Phrases are classified by
 * latin-np.ts.
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Lang } from './grammar';
import { classifyLatin } from './latin-np';
import { groupMediaIn } from './latin-org';
import { outletDocument } from './latin-poll';
import { FOR_HEADS, isLyAdverb } from './latin-words';
import { CLAUSE_WORDS, DETERMINERS, DOC_HEADS, EN_ADV_AUX, EN_VERBS, FR_VERBS, INVERSION_TAIL } from './lexicon';
import { outletAtStart, words } from './outlets';
import { isCap, type Tok } from './tokens';

/** Phrase to the right of a cue ("according to X", inversions, passive agents). */
export function rightNP(x: ExtractorState, toks: Tok[], from: number, cue: string, at: number, lang: Lang, according: boolean, inversion = false): void {
  let i = from;
  while (i < toks.length && !toks[i].punct && (EN_ADV_AUX.has(toks[i].low) || isLyAdverb(toks[i].raw))) i++;
  // The group's own media ("according to Amaq", "said Amaq") before any outlet.
  const gm = groupMediaIn(toks, i, Math.min(toks.length, i + 8));
  if (gm) {
    x.emit({ k: 'group-media', label: joinRaw(toks, i, gm, x.sent.text, x.sent.start) }, cue, at, lang);
    return;
  }
  if (according) {
    const doc = outletDocument(x, toks, i);
    if (doc) {
      x.emit(doc, cue, at, lang);
      return;
    }
    const o = outletAtStart(x.idx, words(toks, i, Math.min(toks.length, i + 14)), 0, false);
    if (o) {
      x.via({ name: o.name, sourceId: o.sourceId }, cue, at, lang);
      return;
    }
  }
  let j = i;
  while (j < toks.length && j - i < 12) {
    const t = toks[j];
    if (t.punct) break;
    // ("according to a report Tuesday": after a determiner, "report" is a noun.)
    const noun = j > i && DETERMINERS.has(toks[j - 1].low);
    // "according to complete but unofficial returns": a coordinated modifier.
    if (according && t.low === 'but' && j > i && toks[j + 1] && !toks[j + 1].punct && toks[j + 1].raw === toks[j + 1].low) {
      j++;
      continue;
    }
    // "said a longtime adviser to Trump": someone speaking for another keeps the "to".
    // ("said a person close to the family": the closeness is part of the description.)
    if (t.low === 'to' && j > i && (FOR_HEADS.has(toks[j - 1].low) || toks[j - 1].low === 'close')) {
      j++;
      continue;
    }
    if (t.raw === t.low && (CLAUSE_WORDS.has(t.low) || t.low === 'to' || t.low === 'à' || (!noun && (EN_VERBS.has(t.low) || FR_VERBS.has(t.low))))) break;
    // "…,” said Trump in an interview / during a rally": the circumstance is not the speaker.
    if (inversion && j > i && t.raw === t.low && INVERSION_TAIL.has(t.low) && isCap(toks[j - 1].raw)) break;
    j++;
  }
  if (j === i) return;
  // An inverted speaker closes the clause: "…, said a resident." (not "describe a wing that …"),
  // or is followed by a clause about the speaking ("…,” said Trump as he dined").
  if (inversion && j < toks.length && !toks[j].punct && !(toks[j].raw === toks[j].low && (INVERSION_TAIL.has(toks[j].low) || CLAUSE_WORDS.has(toks[j].low)) && isCap(toks[j - 1].raw)) && !/^(?:who|whose|who's)$/.test(toks[j].low)) return;
  const cls = classifyLatin(x, toks, i, j);
  for (const c of cls) x.emit(c, cue, at, lang);
  // "according to FEC filings", "according to a count by The Associated Press", "according to the poll".
  if (!cls.length && according && lang === 'en') {
    const label = joinRaw(toks, i, j, x.sent.text, x.sent.start);
    if (toks.slice(i, j).some((t) => DOC_HEADS.has(t.low) || DOC_WORDS.test(t.low))) x.emit({ k: 'document', label }, cue, at, lang);
    // Anything else "according to" names is the source as written: a body when it ends on a
    // capitalised word ("the Florida Department of State", "the F.A.A"), else a document or record
    // ("state law", "complete but unofficial returns", "Axelrod’s memoir").
    else if (toks.slice(i, j).some((t) => !t.punct && !DETERMINERS.has(t.low) && t.low !== 'according') && !/^(?:him|her|them|it|me|us|you|this|that|these|those)$/i.test(label)) {
      const last = toks[j - 1];
      x.emit(isCap(last.raw) ? { k: 'organisation', label } : { k: 'document', label }, cue, at, lang);
    }
  }
}
const DOC_WORDS = /^(?:polls?|figures|records|website|data|estimates?|calculations?|analysis|transcripts?|filings?|projections?|tally|count|documents?)$/;
