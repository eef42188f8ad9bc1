/**
 * Polls as the source of their respondents' answers (used by latin-np.ts and latin-right.ts):
 * "In a Washington Post-ABC News poll released Sunday, 8 percent of Democrats said …" is the
 * poll's finding, not the respondents' statement; "according to an ABC News-Washington Post
 * poll" names the poll, not the outlet that ran it.
 */
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Cls } from './grammar';
import { isPollShare } from './latin-org';
import { PLURAL_HEADS } from './lexicon';
import type { Tok } from './tokens';

const POLL = /^(?:poll|polls|survey|surveys)$/;

/** A poll named in a sentence-opening "In a … poll," whose respondents are the subject ending at `end`. */
export function pollLeadIn(x: ExtractorState, toks: Tok[], end: number): Cls | null {
  if (toks[0]?.low !== 'in' || !/^(?:a|an|the|its|their)$/.test(toks[1]?.low ?? '')) return null;
  let c = 2;
  let head = -1;
  while (c < toks.length && c < 16 && toks[c].raw !== ',') {
    if (POLL.test(toks[c].low)) head = c;
    c++;
  }
  if (head < 0 || toks[c]?.raw !== ',' || c + 1 >= end) return null;
  // The subject is the respondents: a share ("79 percent of Democrats") or a plural ("voters").
  const subj = toks.slice(c + 1, end);
  if (!isPollShare(toks, c + 1, end) && !subj.some((t) => PLURAL_HEADS.has(t.low) || /^(?:Democrats|Republicans|Americans|independents)$/i.test(t.raw))) return null;
  return { k: 'document', label: joinRaw(toks, 1, c, x.sent.text, x.sent.start) };
}

/** "according to an ABC News-Washington Post poll": the poll or report named after an outlet, read from `from`. */
export function outletDocument(x: ExtractorState, toks: Tok[], from: number): Cls | null {
  let k = from;
  while (k < toks.length && k - from < 9 && (!toks[k].punct || /^[-–/]$/.test(toks[k].raw))) {
    if (k > from + 1 && toks[k].raw === toks[k].low && /^(?:poll|polls|survey|count|tally|report|analysis|study|review|projection)$/.test(toks[k].low)) {
      return { k: 'document', label: joinRaw(toks, from, k + 1, x.sent.text, x.sent.start) };
    }
    if (k > from && toks[k].raw === toks[k].low && !/^(?:the|a|an|new|latest|recent|national|weekly|daily|exit|state|statewide|released)$/.test(toks[k].low) && !/^[-–/]$/.test(toks[k].raw)) return null;
    k++;
  }
  return null;
}
