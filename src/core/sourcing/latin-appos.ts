/**
 * The appositive reading of the phrase left of a Latin-script speech verb (used by
 * latin-np.ts): "Name, a Kurdish defector, said", "Name, deputy security adviser, said",
 * "Name, chief executive of X, an aviation firm, said" give the name, the appositive as role.
 * Not an appositive: a parenthetical attribution inside another clause ("Mr. Obama, officials
 * said, has grown wary …": the officials speak) or a plural described source ("…, officials
 * said.").
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Cls } from './grammar';
import { isAppositiveStart, isLyAdverb } from './latin-words';
import { BE_AUX, EN_ADV_AUX, EN_VERBS, PLURAL_HEADS, SKIP_SEGMENT_START, VERBISH } from './lexicon';
import { isCap, QUOTE_CHARS, type Tok } from './tokens';

/** A comma segment left of the verb: toks[from, to), `sep` the punctuation after it. */
export interface Seg {
  from: number;
  to: number;
  sep: string;
}
type Classify = (x: ExtractorState, toks: Tok[], from: number, to: number) => Cls[];

/**
 * The verb whose subject ends at `end` is followed by a comma and a lower-case word that is
 * not a quotation: the attribution is a parenthesis inside another clause ("X, officials
 * said, has …"; "X is so reckless, the aide said, that …").
 */
export function parentheticalCue(toks: Tok[], end: number): boolean {
  let k = end;
  // Only the verb group may stand between: auxiliaries, adverbs, the verb ("officials have long said,").
  while (k < toks.length && k - end < 4 && !toks[k].punct && toks[k].raw === toks[k].low && (EN_VERBS.has(toks[k].low) || EN_ADV_AUX.has(toks[k].low) || BE_AUX.has(toks[k].low) || isLyAdverb(toks[k].raw))) k++;
  const c = toks[k];
  const n = toks[k + 1];
  return !!c && c.raw === ',' && !!n && !n.punct && n.raw === n.low && /^\p{L}/u.test(n.raw) && !QUOTE_CHARS.has(n.raw);
}

/**
 * "who" opens a relative clause whose own predicate follows ("…, a Democrat who voted for X and
 * Y, said", "…, the owner of Z who turned down calls to run, says", "who at the time was …"): a
 * name found in it is an object, never the speaker. Not "a man who police said was armed".
 */
export function relativePredicate(toks: Tok[], cut: number): boolean {
  const n = toks[cut + 1];
  if (toks[cut]?.low !== 'who' || !n || n.punct || n.raw !== n.low) return false;
  return VERBISH.has(n.low) || BE_AUX.has(n.low) || EN_ADV_AUX.has(n.low) || isLyAdverb(n.raw) || /^[a-z]{2,}ed$/.test(n.low) || /^(?:at|in|on|once|now|won|led|ran|took|gave|left|became|sought|spent|wrote|helps|works|runs|leads|serves|lives)$/.test(n.low);
}

/** The named person the appositive segment `segs[s]` describes, or null. `cls` = the segment read alone. */
export function appositiveSpeaker(x: ExtractorState, toks: Tok[], segs: Seg[], s: number, cls: Cls[], end: number, classify: Classify): Cls[] | null {
  const seg = segs[s];
  // A described source read alone in a parenthesis, or a plural one ("officials", "two aides"), speaks itself.
  if (cls.length && seg.to - seg.from <= 5 && parentheticalCue(toks, end)) return null;
  if (cls.length === 1 && cls[0].k === 'anonymous' && cls[0].plural && !/^(?:a|an|the)$/.test(toks[seg.from].low)) {
    let h = seg.from;
    while (h < seg.to && !PLURAL_HEADS.has(toks[h].low)) h++;
    if (h - seg.from <= 2) return null;
  }
  for (let b = s + 1; b < segs.length && b <= s + 4; b++) {
    const prevSeg = segs[b];
    if ([...segs[b - 1].sep].some((c) => QUOTE_CHARS.has(c))) break;
    // "Name, who at the time was …, a …, said": skip the relative clause.
    if (/^(?:who|whose)$/.test(toks[prevSeg.from]?.low ?? '') && prevSeg.sep.trim() === ',') continue;
    if (SKIP_SEGMENT_START.has(toks[prevSeg.from]?.low ?? '')) break;
    const inner = toks[segs[b - 1].from];
    if (b > s + 1 && !(isAppositiveStart(inner) && segs[b - 1].sep.trim() === ',') && !/^(?:who|whose)$/.test(inner?.low ?? '')) break;
    const pf = toks[prevSeg.from];
    const pc = pf && isCap(pf.raw) ? classify(x, toks, prevSeg.from, prevSeg.to) : [];
    if (pc.length === 1 && pc[0].k === 'person') {
      const role = joinRaw(toks, segs[b - 1].from, seg.to, x.sent.text, x.sent.start).replace(/\s+(?:who|which|qui)\b.*$/, '');
      return [{ ...pc[0], role: pc[0].role ?? role }];
    }
    if (!prevSeg || prevSeg.sep.trim() !== ',') break;
  }
  return null;
}
