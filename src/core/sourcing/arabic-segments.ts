/**
 * Arabic sentences that give the floor to two speakers or more ("وقال الجيش إن …، بينما أفادت
 * مصادر محلية بأن …"): each statement runs from its cue to the next speaker's cue instead of
 * over the whole sentence, so that each source is shown with its own words. A sentence is cut
 * only when every piece holds a content after its cue (أن/إن، بأن، a colon or a quotation,
 * "إلى"/"على"); an outlet that only carried a speaker's words ("لوكالة …") takes the piece of
 * that speaker.
 */
import { foldArabic } from '../text/normalize';
import { quoteBalance, type Draft } from './grammar';
import { AR_PREPS } from './lexicon-ar';
import type { Sentence } from './sentences';

const CONTENT = /(?:^|[\s،,])(?:[وف]?[أإا]ن|[أإا]نه|[أإا]نها|[أإا]نهم|[أإا]نهما|ب[أا]نهما|ب[أا]ن|ب[أا]نه|ب[أا]نها|إلى|الى|على|من|عن)(?=[\s،,]|$)|[:«"“]/u;

const CLAUSE_START = /(?:[،,؛;:.]\s*|(?:^|\s)(?:بينما|فيما|في حين|كما|ثم)\s+)$/u;

/** Pieces [start, end) of the drafts of Arabic multi-speaker sentences. */
export function arabicPieces(drafts: Draft[], sents: Sentence[], text: string): Map<Draft, [number, number]> {
  const out = new Map<Draft, [number, number]>();
  const bySent = new Map<number, Draft[]>();
  for (const d of drafts) if (d.lang === 'ar') (bySent.get(d.sent) ?? bySent.set(d.sent, []).get(d.sent)!).push(d);
  for (const [si, ds] of bySent) {
    if (ds.length < 2) continue;
    const carrier = (d: Draft) => d.kind === 'outlet' && ds.some((o) => o !== d && o.via && (o.via.name === d.source || (!!d.sourceId && o.via.sourceId === d.sourceId)));
    const speakers = ds.filter((d) => !carrier(d)).sort((a, b) => a.at - b.at);
    if (speakers.length < 2 || new Set(speakers.map((d) => d.at)).size < speakers.length) continue;
    const s = sents[si];
    // A cue inside a quotation is the quoted speaker's own reporting ("إن «التقرير يؤكد أن …»"): the sentence stays whole.
    if (speakers.some((d) => insideQuote(text.slice(s.start, d.at)))) continue;
    // A later cue opens a clause of its own ("، بينما أفادت", "وقال"); one inside the content ("إلى أن تركيا أبلغت") is nested.
    if (speakers.some((d, m) => m > 0 && !/^[وف]/.test(d.cue) && !CLAUSE_START.test(text.slice(Math.max(s.start, d.at - 12), d.at)))) continue;
    const pieces: [number, number][] = speakers.map((d, m) => [m === 0 ? s.start : d.at, m === speakers.length - 1 ? s.end : speakers[m + 1].at]);
    // An "according to" cue that follows its content ("…، حسب ما أعلن البيت الأبيض، وجاء في بيان: …")
    // holds its content before the cue: the first piece is whole when three words or more precede it.
    const before = (a: number, m: number) => m === 0 && AR_PREPS.has(foldArabic(speakers[m].cue)) && words(text.slice(a, speakers[m].at)) >= 3;
    const ok = pieces.every(([a, b], m) => before(a, m) || CONTENT.test(text.slice(Math.max(a, speakers[m].at) + speakers[m].cue.length, b)));
    if (!ok) continue;
    speakers.forEach((d, m) => out.set(d, pieces[m]));
    for (const d of ds) if (carrier(d)) {
      const m = speakers.findIndex((o) => o.via && (o.via.name === d.source || (!!d.sourceId && o.via.sourceId === d.sourceId)));
      if (m >= 0) out.set(d, pieces[m]);
    }
  }
  return out;
}

/** Words (letters runs) in `s`. */
const words = (s: string): number => s.match(/\p{L}+/gu)?.length ?? 0;

/** Does a quotation opened in `s` stay open at its end? */
const insideQuote = (s: string): boolean => quoteBalance(s) > 0;
