/**
 * The speaker of a sentence that holds a quotation but whose cue (if any) found no speaker: the
 * subject of its own clause when a verb carries the quotation ("On Twitter, Bush called the plan
 * “a disaster.”", "He blamed the ruling on “activist judges.”"), a name opening the clause before
 * an aside or a time phrase ("Clinton, during a town hall in Ohio, said …", "Trump last week
 * invited …"), the name after a closing quotation mark, a name before a colon that opens a
 * quotation ("Republican pollster Daron Shaw: “…”", "Clinton’s response was: “…”"). Run sentence
 * by sentence from latin.ts (`quoteSubject`).
 */
import { clauseStart, quotedWords, subjectEnd, verbLike } from './clause';
import type { ExtractorState } from './extractor-state';
import type { Lang } from './grammar';
import { appositiveEnd, capitalRunEnd } from './latin-coord';
import { classifyLatin, isLyAdverb } from './latin-np';
import { parenOpen } from './latin-words';
import { ANON_HEADS, BE_AUX, CLAUSE_WORDS, DETERMINERS, EN_ADV_AUX, EN_VERBS, ROLE_HEADS } from './lexicon';
import type { Sentence } from './sentences';
import { isCap, type Tok } from './tokens';

/**
 * A cue-less sentence holding a quotation of three words or more: its clause subject speaks
 * when the first word after it is a verb ("Trump called Cruz “a liar”"). Returns true when a
 * statement was emitted.
 */
export function quoteSubject(x: ExtractorState, toks: Tok[], s: Sentence, lang: Lang, inQuote: boolean[]): boolean {
  // A sentence ending on a colon before a paragraph or sentence that opens a quotation
  // ("Frank quotes the adviser Alfred Kahn:" then "“I’d love …”") counts as quoting.
  const nx = x.sents[x.si + 1];
  const intro = /:\s*$/.test(s.text) && !!nx && /^\s*["“]/.test(nx.text);
  const qw = intro ? 3 : quotedWords(toks, inQuote);
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
  // The cue is the verb itself, past auxiliaries ("is releasing", "has called").
  let c = v;
  while (c + 1 < toks.length && c - v < 3 && (BE_AUX.has(toks[c].low) || EN_ADV_AUX.has(toks[c].low)) && !toks[c + 1].punct && !inQuote[c + 1]) c++;
  x.emit(cls[0], toks[c]?.raw ?? '', toks[c]?.start ?? s.start, lang);
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
export function leadingName(x: ExtractorState, toks: Tok[], from: number, lang: Lang, inQuote: boolean[], accept?: (v: number) => boolean): boolean {
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
  // "Harlan in his opening speech called …", "Okafor during a rally thanked …": a short phrase on a preposition.
  if (/^(?:in|during|at)$/.test(toks[v]?.raw ?? '')) {
    let q = v + 2;
    while (q < n && q - v <= 6 && !toks[q].punct && !inQuote[q] && !CLAUSE_WORDS.has(toks[q].low) && !verbLike(toks, q, q)) q++;
    if (q < n && q - v <= 6 && verbLike(toks, q, q) && !inQuote[q]) v = q;
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
  if (accept && !accept(v)) return false;
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
// ("More from Jones: “…”", "an interview with X: “…”": "from" and "with" name the speaker; they stay out of this list.)
const COLON_NOT_AFTER = /^(?:to|at|for|about|against|in|into|on|onto|over|toward|towards)$/;
function colonSpeaker(x: ExtractorState, toks: Tok[], lang: Lang, inQuote: boolean[]): boolean {
  for (let c = 1; c + 1 < toks.length; c++) {
    if (toks[c].raw !== ':' || inQuote[c] || !/^["“«]$/.test(toks[c + 1].raw)) continue;
    // "Rep. Trey Gowdy (R-S.C.): “…”": a short parenthesis before the colon is left out.
    const open = parenOpen(toks, c - 1);
    const e = open > 0 ? open : c;
    let b = e;
    while (b > 0 && e - b < 8 && !toks[b - 1].punct && (isCap(toks[b - 1].raw) || ROLE_HEADS.has(toks[b - 1].low) || ANON_HEADS.has(toks[b - 1].low))) b--;
    if (b === e || !isCap(toks[e - 1].raw)) return false;
    // "delivered a blunt message to Trump: “…”", "quoted da Vinci in Italian: “…”": the object of a
    // preposition is whom or how the words went, not who spoke them (the clause subject is read below).
    if (b > 0 && COLON_NOT_AFTER.test(toks[b - 1].raw)) {
      const from = clauseStart(toks, 0, b, inQuote);
      const ends = from < b - 1 && !toks[from].punct ? [subjectEnd(toks, from, b, inQuote), appositiveEnd(toks, from, b), capitalRunEnd(toks, from, b)] : [];
      for (const se of ends) {
        const subj = se > from ? classifyLatin(x, toks, from, se) : [];
        if (subj.length === 1 && subj[0].k !== 'document' && subj[0].k !== 'pronoun') {
          x.emit(subj[0], ':', toks[c].start, lang);
          return true;
        }
      }
    }
    const cls = classifyLatin(x, toks, b, e);
    if (cls.length !== 1 || cls[0].k === 'document' || cls[0].k === 'pronoun') return false;
    x.emit(cls[0], ':', toks[c].start, lang);
    return true;
  }
  return false;
}

