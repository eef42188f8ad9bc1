/**
 * Quote linking for Latin-script text: a sentence that holds a quotation but no cue of its own
 * is given the speaker a reader would give it —
 * - the subject of its own clause and the like — `quoteSubject` (quote-subject.ts), run sentence
 *   by sentence from latin.ts;
 * - else the speaker of the nearest sentence of the same paragraph that has one, or of the
 *   sentence that closes a quotation still open at the end of it;
 * - else, for a paragraph opening on a quotation, the speaker of the previous paragraph's last
 *   statement (a quotation continued over paragraphs, the speaker named once) — `linkQuotes`,
 *   run once after all sentences.
 * Typewriter double quotes written as two apostrophes (''…'') count as quotation marks.
 */
import type { ExtractorState } from './extractor-state';
import { HAS_ARABIC, quoteBalance, type Draft } from './grammar';
import type { Sentence } from './sentences';
import type { Attribution } from './types';

export { clauseStart, subjectEnd } from './clause';
export { quoteSubject } from './quote-frame';

/** The text with '' read as ". Same length, so offsets hold. */
export function quoteText(s: string): string {
  return s.includes("''") ? s.replace(/''/g, ' "') : s;
}

const OPENS = /^\s*["“«]/;
const HAS_QUOTE_MARK = /["“”«»]/;

/** Sentences whose cue found no speaker: a quotation there is not linked to a neighbour. */
const failed = new WeakMap<ExtractorState, Set<number>>();
export function markFailedCue(x: ExtractorState, si: number): void {
  (failed.get(x) ?? failed.set(x, new Set()).get(x)!).add(si);
}

/** Rank of a draft as the speaker a quotation is linked to. */
function rank(d: Draft): number {
  switch (d.kind) {
    case 'named-person':
      return 5;
    case 'anonymous':
      return 4;
    case 'organisation':
    case 'group-media':
      return 3;
    case 'document':
      return 2;
    case 'outlet':
      return 1;
    default:
      return 0;
  }
}

function speakerOf(ds: Draft[] | undefined): Draft | null {
  if (!ds?.length) return null;
  let best: Draft | null = null;
  // Who believes or intends something nearby ("Aides believe …") has not said the quotation.
  for (const d of ds) if (rank(d) > 0 && d.mode !== 'belief' && d.mode !== 'intention' && (!best || rank(d) > rank(best))) best = d;
  return best;
}

/** Link cue-less quotations to a neighbouring speaker (see the module comment). */
export function linkQuotes(x: ExtractorState): void {
  const sents = x.sents;
  const by = new Map<number, Draft[]>();
  for (const d of x.drafts) (by.get(d.sent) ?? by.set(d.sent, []).get(d.sent)!).push(d);
  const add = (k: number, from: Draft) => {
    const d: Draft = { ...from, sent: k, cue: from.cue, at: sents[k].start, mode: undefined, span: undefined };
    x.drafts.push(d);
    by.set(k, [d]);
  };
  // Sentences finish.ts already joins to a statement (a quotation running on after it).
  const covered = new Set<number>();
  for (const si of by.keys()) {
    let open = quoteBalance(quoteText(sents[si].text)) > 0;
    for (let k = si + 1; k < sents.length && k - si < 8 && sents[k].para === sents[si].para && !by.has(k); k++) {
      const qt = quoteText(sents[k].text);
      if (!open && !OPENS.test(qt)) break;
      covered.add(k);
      open = (open ? 1 : 0) + quoteBalance(qt) > 0;
    }
  }
  for (let k = 0; k < sents.length; k++) {
    if (by.has(k) || covered.has(k) || failed.get(x)?.has(k)) continue;
    const s = sents[k];
    if (HAS_ARABIC.test(s.text)) continue;
    // A paragraph after one that ends on a colon ("Breitbart News responded:", "Wallnau wrote:"): the quoted passage.
    const intro = s.inPara === 0 ? colonIntro(sents, by, k) : null;
    if (intro) {
      add(k, intro);
      continue;
    }
    const qt = quoteText(s.text);
    if (!HAS_QUOTE_MARK.test(qt)) continue;
    const opens = OPENS.test(qt);
    // Words in quotation: at least three, unless the sentence opens a quotation.
    const words = qt.match(/["“”«»][^"“”«»]*["“”«»]?/g)?.join(' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length ?? 0;
    if (!opens && words < 4) continue;
    // finish.ts joins a quotation to the cue sentence right after it ("“… fail?” Whitfield asked.").
    const nx = sents[k + 1];
    if (nx && nx.para === s.para && by.has(k + 1)) {
      const nq = quoteText(nx.text);
      const first = /["“”«»]/.exec(nq)?.[0];
      const closes = first === '”' || first === '»' || (first === '"' && (nq.match(/"/g)?.length ?? 0) % 2 === 1);
      if (!/^\s*["“«'‘]/.test(nq) && (closes || /["”»’']\s*$/.test(qt) || quoteBalance(qt) > 0)) continue;
    }
    // Same paragraph: the nearest sentence before, else after, with a speaker.
    let src: Draft | null = null;
    for (let j = k - 1; j >= 0 && sents[j].para === s.para && !src; j--) src = speakerOf(by.get(j));
    // A quotation closed before the cue sentence is joined to it by finish.ts.
    if (!src && !/["”»’']\s*$/.test(qt)) for (let j = k + 1; j < sents.length && sents[j].para === s.para && !src && j - k <= 3; j++) src = speakerOf(by.get(j));
    // A quotation still open at the end of the sentence: the speaker of the sentence that closes it
    // ("“When he took the troops out. … It was the worst decision,” Trump said.").
    if (!src && quoteBalance(qt) > 0) src = closerOf(sents, by, k);
    // A paragraph opening on a quotation continues the previous paragraph's last speaker.
    if (!src && s.inPara === 0 && opens) {
      let j = k - 1;
      const prevPara = s.para - 1;
      while (j >= 0 && sents[j].para === prevPara && !by.has(j)) j--;
      if (j >= 0 && sents[j].para === prevPara) src = speakerOf(by.get(j));
    }
    // A quotation paragraph signed on the next line ("“…”" then "— Sanders.", "-Michelle Marks, Philadelphia.").
    if (!src && opens) src = signedBelow(x, sents, k);
    if (!src || (src.kind !== 'named-person' && src.kind !== 'anonymous' && src.kind !== 'organisation' && src.kind !== 'group-media')) continue;
    add(k, src);
  }
}

/** Speaker of the last sentence of the paragraph before sentence `k` when that sentence ends on a colon. */
function colonIntro(sents: Sentence[], by: Map<number, Draft[]>, k: number): Draft | null {
  const j = k - 1;
  if (j < 0 || sents[j].para !== sents[k].para - 1 || !/:\s*$/.test(sents[j].text)) return null;
  // Not an embedded post ("<tweet …>") nor a further introduction ("X also spoke out:").
  const t = sents[k].text;
  if (/^\s*</.test(t) || /:\s*$/.test(t)) return null;
  const d = speakerOf(by.get(j));
  if (!d || d.lang === 'ar') return null;
  // A document or an outlet introduces a quoted passage only.
  return d.kind === 'named-person' || d.kind === 'anonymous' || d.kind === 'organisation' || OPENS.test(quoteText(t)) ? d : null;
}

/** The paragraph after the one holding sentence `k` is a signature line ("— Sanders.", "-Michelle Marks, Philadelphia."): its person. */
function signedBelow(x: ExtractorState, sents: Sentence[], k: number): Draft | null {
  let m = k + 1;
  while (m < sents.length && sents[m].para === sents[k].para) m++;
  const t = sents[m];
  if (!t || t.para !== sents[k].para + 1 || (sents[m + 1] && sents[m + 1].para === t.para)) return null;
  const sig = /^\s*[-–—]\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s*(?:[,.(]|$)/u.exec(t.text);
  if (!sig || t.text.split(/\s+/).length > 10) return null;
  const name = sig[1].replace(/\.$/, '');
  const short = name.split(/\s+/);
  const known = x.findPerson(name) ?? (short.length === 1 ? x.findPerson(short[0]) : null);
  const full = known ? null : x.fullName(short[short.length - 1]);
  if (!known && !full && short.length < 2) return null;
  const p = known ?? x.addPerson(full ? full.name : name, full?.role);
  return { kind: 'named-person', source: p.name, role: p.role, person: p, sent: k, cue: '—', at: t.start, lang: 'en' };
}

/** Speaker of the sentence of the same paragraph that closes the quotation open after sentence `k` (at most 12 on). */
function closerOf(sents: Sentence[], by: Map<number, Draft[]>, k: number): Draft | null {
  let open = true;
  for (let j = k + 1; open && j < sents.length && j - k <= 12 && sents[j].para === sents[k].para; j++) {
    const qt = quoteText(sents[j].text);
    const first = /["“”«»]/.exec(qt)?.[0];
    // The first mark closes the quotation ("…,” Trump said.") unless it opens another.
    const closes = first === '”' || first === '»' || (first === '"' && (qt.match(/"/g)?.length ?? 0) % 2 === 1);
    if (closes) return speakerOf(by.get(j));
    if (first) open = quoteBalance(qt) === 0;
  }
  return null;
}

/**
 * Two attributions in one sentence ("Trump attacked the plan, and Clinton said it would
 * work"; "When a man shouted “Cruz,” Beck joked …"): each statement keeps the clause around
 * its own cue, the sentence cut between the two cues at the last comma, semicolon or dash, else
 * at the last clause word ("after", "while", "and", …). Latin-script sentences and speakers
 * (people, unnamed sources, organisations) only;
 * `out[i]` is the attribution made from `drafts[i]`.
 */
export function splitShared(text: string, sents: Sentence[], drafts: Draft[], out: Attribution[]): void {
  const bySent = new Map<number, number[]>();
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    // Speakers only: a medium or a relay ("in the video", "according to Amaq", "told the Post") frames the whole sentence.
    if (d.lang === 'ar' || (d.kind !== 'named-person' && d.kind !== 'anonymous' && d.kind !== 'organisation') || /^(?:according|citing|by|in|selon)\b/i.test(d.cue)) continue;
    (bySent.get(d.sent) ?? bySent.set(d.sent, []).get(d.sent)!).push(i);
  }
  for (const [si, idx] of bySent) {
    if (idx.length < 2 || idx.length > 4) continue;
    const s = sents[si];
    idx.sort((a, b) => drafts[a].at - drafts[b].at);
    const cuts: number[] = [];
    for (let k = 0; k + 1 < idx.length; k++) {
      const a = drafts[idx[k]];
      const b = drafts[idx[k + 1]];
      const from = Math.max(a.at + Math.max(1, a.cue.length), s.start);
      const to = Math.min(b.at, s.end);
      cuts.push(to - from >= 3 ? cutBetween(text, from, to) : -1);
    }
    for (let k = 0; k < idx.length; k++) {
      const o = out[idx[k]];
      const lo = k > 0 ? cuts[k - 1] : -1;
      const hi = k < cuts.length ? cuts[k] : -1;
      let st = o.start;
      let en = o.end;
      if (lo > 0 && lo > st && lo < en) st = lo;
      if (hi > 0 && hi < en && hi > st) en = hi;
      if (st === o.start && en === o.end) continue;
      while (st < en && /\s/.test(text[st])) st++;
      o.start = st;
      o.end = en;
      o.quote = text.slice(st, en);
    }
  }
}

/** Offset right after the last clause break in text[from, to), or -1. */
function cutBetween(text: string, from: number, to: number): number {
  const seg = text.slice(from, to);
  let best = -1;
  const re = /[,;:.?!]["”’']?\s|\s[—–-]\s/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) best = m.index + m[0].length;
  if (best < 0) {
    const w = /\s(?:and|but|while|after|before|when|as|because|although|though|whereas)\s/g;
    while ((m = w.exec(seg))) best = m.index + 1;
  }
  return best < 0 ? -1 : from + best;
}
