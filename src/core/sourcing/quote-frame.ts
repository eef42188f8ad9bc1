/**
 * Further readings of a sentence that holds a quotation but whose cue (if any) found no speaker,
 * tried after the clause-subject rules of quote-subject.ts:
 * - a possessive name before a word for something said ("Trump's recent assertion that
 *   “thousands” …", "Podliska’s main claim is that …", "Ryan’s language in the statement makes
 *   clear …") — the possessor speaks;
 * - "as X put it, “…”", "as X puts it: “…”" — X speaks;
 * - an indefinite pronoun opening the clause before a verb ("Another tweeted, “…”", "Several
 *   said they would rather …") — an unnamed source of its own;
 * - the subject of a later clause of the sentence, after a clause word or a comma ("… when Trump
 *   in his speech called …", "… that Sanders during a rally thanked …").
 */
import { clauseStart, quotedWords, verbLike } from './clause';
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Lang } from './grammar';
import { classifyLatin } from './latin-np';
import { BE_AUX, EN_ADV_AUX, EN_VERBS, SHORT_QUOTE_VERBS } from './lexicon';
import type { Sentence } from './sentences';
import { leadingName, quoteSubject as subjectRules } from './quote-subject';
import { isCap, QUOTE_CHARS, type Tok } from './tokens';

/** Words for something said, after a possessive ("Trump's claim", "Clinton’s campaign slogan"). */
const SAID_NOUNS = new Set(
  ('accusation accusations assertion assertions claim claims contention charge charges comment comments remark remarks statement ' +
    'words promise promises pledge pledges vow call calls slogan phrase answer response reply retort language broadside warning ' +
    'warnings description characterization insistence argument arguments suggestion declaration admission denial quip joke line ' +
    'lines refrain mantra motto message tweet tweets post posts criticism complaint boast threat prediction question demand ' +
    'label dismissal rhetoric insult insults attack attacks speech testimony explanation defense defence plea appeal').split(' '),
);

/** Clause words after which a new subject may start ("… when Trump called …"). */
const CLAUSE_OPEN = /^(?:that|when|after|as|while|because|and|but|though|although|since|until|before|so|if|once|where|whereas)$/;


const INDEFINITE = /^(?:Another|Several|Someone|Somebody|Others|One|Many|Some|Few|Most)$/;

/** quote-subject.ts's rules, then the readings of this module. Returns true when a statement was emitted. */
export function quoteSubject(x: ExtractorState, toks: Tok[], s: Sentence, lang: Lang, inQuote: boolean[]): boolean {
  const q = lang === 'en' ? firstQuote(toks, inQuote) : -1;
  // "As X put it" first: the idiom names the speaker outright, the clause rules would read the
  // apposition ("As X, the No. 2 in the party, put it: “…”") or the next clause's subject.
  if (q >= 0 && asPutIt(x, toks, q, lang, inQuote)) return true;
  if (subjectRules(x, toks, s, lang, inQuote)) return true;
  if (q < 0) return false;
  return colonClause(x, toks, q, lang, inQuote) || possessiveSaid(x, toks, q, lang, inQuote) || indefinite(x, toks, lang, inQuote) || laterClause(x, toks, q, lang, inQuote);
}

/** Index of the first token inside a quotation, or -1. */
function firstQuote(toks: Tok[], inQuote: boolean[]): number {
  for (let i = 0; i < toks.length; i++) if (inQuote[i] && !toks[i].punct) return i;
  return -1;
}

/** A capitalised name run ending on a possessive at `k` ("Donald Trump's"): its first index, else -1. */
function possessor(toks: Tok[], k: number, inQuote: boolean[]): number {
  if (!/^\p{Lu}.*(?:['’]s|s['’])$/u.test(toks[k].raw) || inQuote[k]) return -1;
  let b = k;
  while (b > 0 && k - b < 4 && !inQuote[b - 1] && isCap(toks[b - 1].raw) && !toks[b - 1].punct) b--;
  // A sentence-initial article or a clause word is not part of the name ("The", "But").
  while (b < k && /^(?:The|A|An|But|And|For|So|As|In|On|At)$/.test(toks[b].raw)) b++;
  return b;
}

function possessiveSaid(x: ExtractorState, toks: Tok[], q: number, lang: Lang, inQuote: boolean[]): boolean {
  for (let k = 0; k < q; k++) {
    const b = possessor(toks, k, inQuote);
    if (b < 0) continue;
    // Up to three modifiers, then the noun ("recent evidence-free assertion", "catch phrase").
    let n = k + 1;
    while (n < q && n - k <= 4 && !toks[n].punct && toks[n].raw === toks[n].low && !SAID_NOUNS.has(toks[n].low)) n++;
    if (n >= toks.length || !SAID_NOUNS.has(toks[n].low) || inQuote[n]) continue;
    // The quotation follows within the same clause (no sentence-ending mark between).
    let ok = true;
    for (let m = n + 1; m < q; m++) if (/^[.;!?]$/.test(toks[m].raw)) ok = false;
    if (!ok && q > n) continue;
    return emitName(x, toks, b, k, toks[n].raw, toks[n].start, lang);
  }
  return false;
}

/** The name toks[b..k] (the last with its possessive cut): a known person, else as classified. */
function emitName(x: ExtractorState, toks: Tok[], b: number, k: number, cue: string, at: number, lang: Lang): boolean {
  const last = toks[k].raw.replace(/(?:['’]s|['’])$/, '');
  const name = [...toks.slice(b, k).map((t) => t.raw), last].join(' ');
  if (k === b) {
    const p = x.findPerson(last);
    const full = p ? null : x.fullName(last);
    if (!p && !full) return false;
    x.emit({ k: 'person', name: p ? p.name : full!.name, role: p ? p.role : full!.role }, cue, at, lang);
    return true;
  }
  const cls = k > b ? classifyLatin(x, toks, b, k + 1) : [];
  if (cls.length !== 1 || (cls[0].k !== 'person' && cls[0].k !== 'organisation' && cls[0].k !== 'outlet')) {
    if (cls.length) return false;
    x.emit({ k: 'person', name }, cue, at, lang);
    return true;
  }
  x.emit(cls[0].k === 'person' ? { k: 'person', name: cls[0].name.replace(/(?:['’]s|['’])$/, ''), role: cls[0].role } : cls[0], cue, at, lang);
  return true;
}

/** "As Vulture put it, “…”", "as the senator puts it: “…”". */
function asPutIt(x: ExtractorState, toks: Tok[], q: number, lang: Lang, inQuote: boolean[]): boolean {
  for (let i = 0; i + 3 < q; i++) {
    if (toks[i].low !== 'as' || inQuote[i]) continue;
    let p = i + 1;
    // "as John Cornyn, the No. 2 in the leadership, put it": the name before an apposition.
    let e = -1;
    // (The dot of "No. 2" or of an initial does not end the phrase.)
    while (p < q && p - i <= 18 && !/^puts?$/.test(toks[p].low) && !(/^[.;:!?]$/.test(toks[p].raw) && !(toks[p].raw === '.' && /^(?:No|\p{Lu})$/u.test(toks[p - 1].raw)))) {
      if (toks[p].punct && e < 0) e = p;
      p++;
    }
    if (e < 0) e = p;
    if (e - i < 2 || !/^puts?$/.test(toks[p]?.low ?? '') || toks[p + 1]?.low !== 'it') continue;
    // ("As Roe puts it, the plan is “dead on arrival”": the quotation may come later in the sentence.)
    if (!/^[,:]$/.test(toks[p + 2]?.raw ?? '') || p + 2 >= q) continue;
    const cls = classifyLatin(x, toks, i + 1, e);
    if (cls.length !== 1 || cls[0].k === 'document') return false;
    x.emit(cls[0], joinRaw(toks, p, p + 2, x.sent.text, x.sent.start), toks[p].start, lang);
    return true;
  }
  return false;
}

/** "Another tweeted, “…”", "Several said they would rather …": an unnamed source. */
function indefinite(x: ExtractorState, toks: Tok[], lang: Lang, inQuote: boolean[]): boolean {
  const t = toks[0];
  const v = toks[1];
  if (!t || !v || !INDEFINITE.test(t.raw) || inQuote[1] || v.punct || v.raw !== v.low) return false;
  if (!/^(?:said|says|say|told|tells|tweeted|wrote|writes|added|adds|noted|notes|asked|asks|called|calls|chanted|shouted|yelled|posted|replied|responded|argued|argue|argues|complained|joked|insisted|warned|explained)$/.test(v.low)) return false;
  const plural = !/^(?:Another|Someone|Somebody|One)$/.test(t.raw);
  x.emit({ k: 'anonymous', label: t.raw, lemma: t.low, plural, definite: false }, v.raw, v.start, lang);
  return true;
}

/** The subject of a clause opened after a clause word or a comma before the quotation. */
function laterClause(x: ExtractorState, toks: Tok[], q: number, lang: Lang, inQuote: boolean[]): boolean {
  const qw = quotedWords(toks, inQuote);
  if (qw < 1) return false;
  // The verb carries the quotation: a speech verb, or any verb before a quotation of four words or more;
  // not "is", "can", "has been" ("Hannity is “not a journalist”").
  const accept = (v: number) => {
    const w = toks[v].low;
    if (BE_AUX.has(w) || /^(?:can|could|has|have|had|it)$/.test(w)) return false;
    // "As Blumenthal spoke, the NRA was …": the quotation belongs to a later clause.
    for (let m = v + 1; m < q; m++) if (toks[m].raw === ',' && !inQuote[m] && (isCap(toks[m + 1]?.raw ?? '') || /^(?:the|a|an)$/.test(toks[m + 1]?.low ?? ''))) return false;
    return qw >= 4 || EN_VERBS.has(w) || SHORT_QUOTE_VERBS.has(w);
  };
  for (let c = q - 1; c > 0; c--) {
    const t = toks[c - 1];
    if (inQuote[c - 1] || !(CLAUSE_OPEN.test(t.low) || t.raw === ',' || t.raw === '–' || t.raw === '—')) continue;
    if (!isCap(toks[c].raw) || inQuote[c]) continue;
    if (leadingName(x, toks, c, lang, inQuote, accept)) return true;
  }
  return false;
}

/**
 * A clause whose colon opens a quotation of four words or more ("Clinton has since apologized for
 * what happened: “…”", "a spokesman for the campaign could only quip: “…”", "Article 33 affirms:
 * “…”"): its subject, read up to the first auxiliary or verb, speaks.
 */
function colonClause(x: ExtractorState, toks: Tok[], q: number, lang: Lang, inQuote: boolean[]): boolean {
  const c = q - 2;
  if (c < 1 || toks[c].raw !== ':' || inQuote[c] || !QUOTE_CHARS.has(toks[c + 1].raw)) return false;
  if (quotedWords(toks, inQuote) < 4) return false;
  let from = clauseStart(toks, 0, c, inQuote);
  // "Here’s Clinton in 1992: “…”".
  if (/^(?:here['’]s|here|there['’]s)$/i.test(toks[from]?.raw ?? '')) from++;
  let e = from;
  while (e < c && e - from < 10 && !toks[e].punct && !(e > from && toks[e].raw === toks[e].low && (EN_ADV_AUX.has(toks[e].low) || BE_AUX.has(toks[e].low) || verbLike(toks, e, from) || /^(?:in|could|would|had)$/.test(toks[e].low)))) e++;
  if (e <= from || e >= c || toks[e].punct) return false;
  if (!isCap(toks[from].raw) && !/^(?:a|an|the|her|his|their|its)$/.test(toks[from].low)) return false;
  const cls = classifyLatin(x, toks, from, e);
  if (cls.length !== 1 || cls[0].k === 'pronoun') return false;
  x.emit(cls[0], ':', toks[c].start, lang);
  return true;
}
