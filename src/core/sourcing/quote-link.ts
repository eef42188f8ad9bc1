/**
 * Quote linking for Latin-script text: a sentence that holds a quotation but no cue of its own
 * is given the speaker a reader would give it —
 * - the subject of its own clause when a verb carries the quotation ("On Twitter, Bush called
 *   the plan “a disaster.”", "He blamed the ruling on “activist judges.”") — `quoteSubject`,
 *   run sentence by sentence from latin.ts;
 * - else the speaker of the nearest sentence of the same paragraph that has one;
 * - else, for a paragraph opening on a quotation, the speaker of the previous paragraph's last
 *   statement (a quotation continued over paragraphs, the speaker named once) — `linkQuotes`,
 *   run once after all sentences.
 * Typewriter double quotes written as two apostrophes (''…'') count as quotation marks.
 */
import type { ExtractorState } from './extractor-state';
import { HAS_ARABIC, quoteBalance, type Draft, type Lang } from './grammar';
import type { Attribution } from './types';
import { classifyLatin, isLyAdverb } from './latin-np';
import { ANON_HEADS, BE_AUX, CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, EN_VERBS, PLURAL_HEADS, ROLE_HEADS, VERBISH } from './lexicon';
import type { Sentence } from './sentences';
import { isCap, type Tok } from './tokens';

/** The text with '' read as ". Same length, so offsets hold. */
export function quoteText(s: string): string {
  return s.includes("''") ? s.replace(/''/g, ' "') : s;
}

/** A quotation of at least `min` words in the token list (a scare quote of one or two words is not a statement). */
function quotedWords(toks: Tok[], inQuote: boolean[]): number {
  let n = 0;
  for (let i = 0; i < toks.length; i++) if (inQuote[i] && !toks[i].punct) n++;
  return n;
}

const OPENS = /^\s*["“«]/;
const HAS_QUOTE_MARK = /["“”«»]/;

/** Leading adverbial segments skipped before a subject ("On Twitter, …", "Later, …", "In an interview Monday, …"). */
const LEAD_SEGMENT = /^(?:on|in|at|during|after|before|later|earlier|then|still|yet|but|and|meanwhile|however|speaking|asked|writing|also|instead|separately|again|now|today|yesterday|last|this|when|while|as|with|without|from|for|by|under|since|despite|like|unlike|moreover|indeed|finally|first|second|third|tuesday|monday|wednesday|thursday|friday|saturday|sunday)$/;

/** Sentences whose cue found no speaker: a quotation there is not linked to a neighbour. */
const failed = new WeakMap<ExtractorState, Set<number>>();
export function markFailedCue(x: ExtractorState, si: number): void {
  (failed.get(x) ?? failed.set(x, new Set()).get(x)!).add(si);
}

/** Start of the clause subject: after up to two leading adverbial segments ended by a comma. */
export function clauseStart(toks: Tok[], from: number, to: number, inQuote?: boolean[]): number {
  for (let seg = 0; seg < 2; seg++) {
    if (!LEAD_SEGMENT.test(toks[from]?.low ?? '')) break;
    let k = from;
    while (k < to && k - from < 14 && toks[k].raw !== ',' && !inQuote?.[k]) k++;
    if (toks[k]?.raw !== ',') break;
    from = k + 1;
  }
  while (from < to && /^(?:and|but|so|yet|then|also)$/.test(toks[from].low)) from++;
  return from;
}

/** End (exclusive) of the subject starting at `from`: the first verb-like lower-case word, or -1. */
export function subjectEnd(toks: Tok[], from: number, to: number, inQuote?: boolean[]): number {
  let v = from;
  let paren = false;
  let found = false;
  while (v < to && v - from < 12) {
    const t = toks[v];
    if (inQuote?.[v]) return -1;
    if (t.raw === '(') paren = true;
    else if (t.raw === ')') paren = false;
    else if (!paren && t.punct && t.raw !== '.' && t.raw !== "'" && t.raw !== '’') return -1;
    if (!paren && !t.punct && v > from && !/\p{Lu}/u.test(t.raw)) {
      if (CLAUSE_WORDS.has(t.low)) return -1;
      if (EN_ADV_AUX.has(t.low) || BE_AUX.has(t.low) || isLyAdverb(t.raw) || verbLike(toks, v, from)) {
        found = true;
        break;
      }
    }
    v++;
  }
  if (!found || v === from) return -1;
  let vv = v;
  while (vv < to && (EN_ADV_AUX.has(toks[vv].low) || BE_AUX.has(toks[vv].low) || isLyAdverb(toks[vv].raw))) vv++;
  if (vv >= to || !verbLike(toks, vv, from)) return -1;
  let e = v;
  // Drop a trailing parenthesis ("Gov. Pat McCrory (R)").
  if (toks[e - 1]?.raw === ')') {
    let k = e - 1;
    while (k > from && toks[k].raw !== '(') k--;
    e = k;
  }
  return e;
}

/** A lower-case word that reads as a finite verb after a subject ("paused", "calls", "took"). */
function verbLike(toks: Tok[], i: number, from: number): boolean {
  const t = toks[i];
  const w = t.low;
  if (/\p{Lu}/u.test(t.raw) || t.punct || CLAUSE_WORDS.has(w)) return false;
  if (EN_VERBS.has(w) || VERBISH.has(w) || IRREGULAR.test(w)) return true;
  const prev = toks[i - 1];
  // "a retired general", "the unnamed official": a participle after a determiner is an adjective.
  if (prev && DETERMINERS.has(prev.low)) return false;
  if (/^[a-z]{2,}ed$/.test(w)) return true;
  // "Trump calls", "the senator says" — not "Leaders from Sunni and Shia groups".
  if (/^[a-z]{2,}[^s]s$/.test(w) && !ANON_HEADS.has(w) && !PLURAL_HEADS.has(w)) {
    for (let k = from; k < i - 1; k++) if (/^(?:and|or|from|of|in|with)$/.test(toks[k].low)) return false;
    return !!prev && (isCap(prev.raw) || ANON_HEADS.has(prev.low) || ROLE_HEADS.has(prev.low) || /^(?:he|she|it)$/.test(prev.low));
  }
  return false;
}
const IRREGULAR = /^(?:took|went|made|gave|put|let|set|got|came|spoke|wrote|drew|threw|led|hit|cast|read|sang|began|kept|held|brought|sought|thought|felt|left|ran|fought|shot|fired|struck|stood|sent|told)$/;

/**
 * A cue-less sentence holding a quotation of three words or more: its clause subject speaks
 * when the first word after it is a verb ("Trump called Cruz “a liar”"). Returns true when a
 * statement was emitted.
 */
export function quoteSubject(x: ExtractorState, toks: Tok[], s: Sentence, lang: Lang, inQuote: boolean[]): boolean {
  const qw = quotedWords(toks, inQuote);
  if (qw < 1) return false;
  if (colonSpeaker(x, toks, lang, inQuote)) return true;
  const from = clauseStart(toks, 0, toks.length, inQuote);
  if (/^["“]$/.test(toks[from]?.raw ?? '') && inQuote[from + 1]) return afterQuotation(x, toks, from, lang, inQuote);
  if (from >= toks.length || toks[from].punct || inQuote[from]) return false;
  const e = subjectEnd(toks, from, toks.length, inQuote);
  if (e <= from) return leadingName(x, toks, from, lang, inQuote);
  let v = e;
  while (v < toks.length && toks[v].punct) v++;
  // "An app called “X”": naming, not speech.
  if (/^(?:a|an)$/.test(toks[from].low) && /^(?:called|dubbed|labeled|labelled|branded|titled|named|known)$/.test(toks[v]?.low ?? '')) return false;
  // A scare quote of a word or two needs a speech verb ("called it “a disgrace”", not "are subjected to “brainwashing”").
  if (qw < 3 && !speechVerbAt(toks, v)) return false;
  const cls = classifyLatin(x, toks, from, e);
  if (cls.length !== 1 || cls[0].k === 'document') return leadingName(x, toks, from, lang, inQuote);
  x.emit(cls[0], toks[v]?.raw ?? '', toks[v]?.start ?? s.start, lang);
  return true;
}

/** Time phrases and adverbs between a subject and its verb ("Trump last week invited", "Cruz himself said"). */
const BETWEEN = /^(?:last|this|that|next|week|month|year|night|morning|afternoon|evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|on|at|the|time|earlier|later|also|then|himself|herself|itself|themselves|first|again|once|twice|finally|quickly|often|still|now|even|however|instead|recently|previously|publicly|privately|yesterday|today|tonight)$/;
const PARTICIPLE_LIKE = /^(?:called|calls|dubbed|labeled|labelled|branded|described|describes|urged|urges|thanked|praised|blasted|slammed|mocked|accused|accuses|warned|warns|vowed|pledged|promised|insisted)$/;
/**
 * The verb at `v` (after auxiliaries and adverbs) can carry a short quotation: not a passive
 * ("are subjected to “brainwashing”") nor "has"/"have" as a main verb ("has some “tips”").
 */
function speechVerbAt(toks: Tok[], v: number): boolean {
  let k = v;
  let be = false;
  while (k < toks.length && k - v < 4 && (EN_ADV_AUX.has(toks[k].low) || BE_AUX.has(toks[k].low) || isLyAdverb(toks[k].raw))) {
    if (BE_AUX.has(toks[k].low)) be = true;
    k++;
  }
  const w = toks[k]?.low ?? '';
  if (EN_VERBS.has(w) || PARTICIPLE_LIKE.test(w)) return !be || /ing$/.test(w);
  if (be || k >= toks.length || toks[k].punct) return false;
  // "has some", "have no": the auxiliary was the main verb.
  return !/^(?:has|have|had)$/.test(toks[k - 1]?.low ?? '') || /(?:ed|en|wn|ne|lt|nt|ght)$/.test(w);
}
const POSSESSIVE = /(?:'s|’s|s'|s’)$/i;

/**
 * A sentence holding a quotation whose subject rule found no verb right after the subject: a
 * name (or he/she) opening the clause speaks when a verb follows it, after a short time phrase
 * ("Trump last week invited Russia to find the “missing” emails") or after an apposition set
 * off by commas ("Clinton, during a town hall in Ohio, said she would put “a lot of …”").
 */
function leadingName(x: ExtractorState, toks: Tok[], from: number, lang: Lang, inQuote: boolean[]): boolean {
  const n = toks.length;
  let k = from;
  while (k < n && k - from < 6 && !inQuote[k] && !toks[k].punct && (isCap(toks[k].raw) || (k > from && /^(?:of|al|bin|de|van|von)$/.test(toks[k].raw) && isCap(toks[k + 1]?.raw ?? '')))) k++;
  const pronoun = k === from && /^(?:he|she)$/i.test(toks[from].raw);
  if (pronoun) k = from + 1;
  if (k === from || DETERMINERS.has(toks[from].low)) return false;
  if (POSSESSIVE.test(toks[k - 1].raw)) return possessorColon(x, toks, from, k, lang, inQuote);
  let v = k;
  if (toks[v]?.raw === ',' && !pronoun) {
    // An apposition or an aside closed by a comma, then the verb.
    let c = v + 1;
    while (c < n && c - v < 30 && !(toks[c].raw === ',' && !inQuote[c] && c + 1 < n && !toks[c + 1].punct && !isCap(toks[c + 1].raw))) {
      if (/^[.;:!?]$/.test(toks[c].raw) && !inQuote[c]) return false;
      c++;
    }
    if (c >= n || c - v >= 30) return false;
    v = c + 1;
  }
  let aux = false;
  for (let m = 0; v < n && m < 6 && !toks[v].punct && !inQuote[v] && (BETWEEN.test(toks[v].low) || EN_ADV_AUX.has(toks[v].low) || isLyAdverb(toks[v].raw)); m++) {
    if (/^(?:did|does|do|will|would|could|might|may)$/.test(toks[v].low)) aux = true;
    v++;
  }
  // After an auxiliary any lower-case word is the verb ("did not mention", "will post").
  if (v >= n || inQuote[v] || !(verbLike(toks, v, v) || (aux && !toks[v].punct && toks[v].raw === toks[v].low && !CLAUSE_WORDS.has(toks[v].low)))) return false;
  // A scare quote of a word or two needs a speech verb ("called it “a disgrace”", not "has some “tips”").
  if (quotedWords(toks, inQuote) < 3 && !speechVerbAt(toks, v)) return false;
  const cls = classifyLatin(x, toks, from, k);
  if (cls.length !== 1) return false;
  const c = cls[0];
  if (c.k !== 'person' && c.k !== 'organisation' && c.k !== 'outlet' && !(c.k === 'pronoun' && pronoun)) return false;
  if (c.k === 'person' && k - from === 1) return loneName(x, toks[from].raw, toks[v].raw, toks[v].start, lang);
  x.emit(c, toks[v].raw, toks[v].start, lang);
  return true;
}

/**
 * A sentence opening on a quotation whose cue found no speaker: the name after the closing
 * mark, an apposition and the verb ("“Yes, I back him,” Brent Bozell III, founder of the
 * Media Research Center, tells the paper.").
 */
function afterQuotation(x: ExtractorState, toks: Tok[], from: number, lang: Lang, inQuote: boolean[]): boolean {
  let k = from + 1;
  while (k < toks.length && inQuote[k]) k++;
  while (k < toks.length && toks[k].punct && !inQuote[k]) k++;
  if (k >= toks.length || inQuote[k] || !isCap(toks[k].raw)) return false;
  return leadingName(x, toks, k, lang, inQuote);
}

/**
 * A lone capitalised word is a name only when it names someone met before or written in full
 * elsewhere in the text ("Trump", "Cruz" — not "Congress").
 */
function loneName(x: ExtractorState, w: string, cue: string, at: number, lang: Lang): boolean {
  const p = x.findPerson(w);
  const full = p ? null : x.fullName(w);
  if (!p && !full) return false;
  x.emit({ k: 'person', name: p ? p.name : full!.name, role: p ? p.role : full!.role }, cue, at, lang);
  return true;
}

/**
 * "Clinton’s response was: “…”", "Hoff’s letter makes the case: “…”": a possessive name opening
 * a sentence whose quotation is introduced by a colon speaks.
 */
function possessorColon(x: ExtractorState, toks: Tok[], from: number, k: number, lang: Lang, inQuote: boolean[]): boolean {
  let c = k;
  while (c + 1 < toks.length && c - k < 14 && !(toks[c].raw === ':' && !inQuote[c] && /^["“]$/.test(toks[c + 1].raw))) c++;
  if (c + 1 >= toks.length || toks[c].raw !== ':') return false;
  const last = toks[k - 1].raw.replace(/['’]s?$/i, '');
  if (k - from === 1) return loneName(x, last, ':', toks[c].start, lang);
  const name = [...toks.slice(from, k - 1).map((t) => t.raw), last].join(' ');
  const cls = classifyLatin(x, toks, from, k - 1);
  if (cls.length !== 1 || (cls[0].k !== 'person' && cls[0].k !== 'organisation')) return false;
  x.emit(cls[0].k === 'person' ? { k: 'person', name } : cls[0], ':', toks[c].start, lang);
  return true;
}

/** "Republican pollster Daron Shaw: “…”": the name right before a colon that opens a quotation. */
function colonSpeaker(x: ExtractorState, toks: Tok[], lang: Lang, inQuote: boolean[]): boolean {
  for (let c = 1; c + 1 < toks.length; c++) {
    if (toks[c].raw !== ':' || inQuote[c] || !/^["“«]$/.test(toks[c + 1].raw)) continue;
    let b = c;
    while (b > 0 && c - b < 8 && !toks[b - 1].punct && (isCap(toks[b - 1].raw) || ROLE_HEADS.has(toks[b - 1].low) || ANON_HEADS.has(toks[b - 1].low))) b--;
    if (b === c || !isCap(toks[c - 1].raw)) return false;
    const cls = classifyLatin(x, toks, b, c);
    if (cls.length !== 1 || cls[0].k === 'document' || cls[0].k === 'pronoun') return false;
    x.emit(cls[0], ':', toks[c].start, lang);
    return true;
  }
  return false;
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
  for (const d of ds) if (rank(d) > 0 && (!best || rank(d) > rank(best))) best = d;
  return best;
}

/** Link cue-less quotations to a neighbouring speaker (see the module comment). */
export function linkQuotes(x: ExtractorState): void {
  const sents = x.sents;
  const by = new Map<number, Draft[]>();
  for (const d of x.drafts) (by.get(d.sent) ?? by.set(d.sent, []).get(d.sent)!).push(d);
  const add = (k: number, from: Draft) => {
    const d: Draft = { ...from, sent: k, cue: from.cue, at: sents[k].start };
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
    if (!src || (src.kind !== 'named-person' && src.kind !== 'anonymous' && src.kind !== 'organisation' && src.kind !== 'group-media')) continue;
    add(k, src);
  }
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
