/**
 * "it" and "they" as the subject of an English speech verb when no plural speaker was met just
 * before (used by latin-np.ts): "The campaign issued a statement. It said …" → the campaign;
 * "Senate Democrats blocked the bill because they said …" → Senate Democrats; "the email
 * read. It stated …" → the email. The antecedent is a body, a document, an outlet or a group:
 * a speaker of the last two sentences, else the subject of the clause before the pronoun in
 * its sentence or the previous one, else a document named in the previous sentence. Only the
 * current and the previous sentence are read.
 */
import type { ExtractorState } from './extractor-state';
import type { Cls } from './grammar';
import { orgPhrase } from './latin-org';
import { DOC_HEADS, PLURAL_HEADS } from './lexicon';
import { GROUP_NOUNS } from './latin-words';
import { isCap, tokenize, type Tok } from './tokens';

/** Sentences back a draft may be the antecedent. */
const BACK = 2;
const DOC_NP =
  /\b(?:the|a|an|this|that|its|his|her|their|[A-Z][\w’'-]*[’']s)\s+(?:[\w-]+\s+){0,3}?(statement|email|e-mail|letter|report|memo|memorandum|post|ad|advertisement|tweet|message|release|filing|lawsuit|complaint|ruling|order|bill|document|study|survey|poll|website|page|note|sign|editorial|op-ed|column|book|affidavit|indictment|brief|motion|petition|proposal|plan|platform|transcript|video|invitation|flyer|mailer|letter)\b/i;

/** The antecedent of "it" (plural = false) or "they" (plural = true) at token `at` of the sentence, or null. */
export function impersonal(x: ExtractorState, toks: Tok[], at: number, plural: boolean): Cls | null {
  // "what it described as": naming, not speech; "it said in a statement posted on X": the
  // sentence names the issuer itself (latin.ts reads it).
  if (toks[at - 1]?.low === 'what' || /\b(?:posted|published|released|issued)\s+(?:on|by|through|via)\b/.test(x.sent.text)) return null;
  // A plural speaker met just before: the usual back-reference (extractor-state) reads it.
  if (plural && x.last && x.last.plural && x.si - x.last.sent <= 8) return null;
  // The subject of the clause before, in this sentence ("Senate Democrats blocked it because they said").
  const here = subjectPhrase(x.text, toks, 0, at, plural);
  if (here) return here;
  for (let i = x.drafts.length - 1; i >= 0; i--) {
    const d = x.drafts[i];
    if (x.si - d.sent > BACK) break;
    if (d.kind === 'organisation' || d.kind === 'group-media') return { k: d.kind, label: d.source };
    if (d.kind === 'outlet' && !d.republished) return { k: 'outlet', name: d.source, sourceId: d.sourceId ?? null };
    if (d.kind === 'document' && !plural) return { k: 'document', label: d.source };
    if (d.kind === 'anonymous' && plural && d.anon?.plural) return { k: 'anonymous', label: d.anon.label, lemma: d.anon.lemma, plural: true, definite: true };
    if (d.kind === 'named-person' || d.kind === 'anonymous') break;
  }
  if (x.si === 0) return null;
  const prev = x.sents[x.si - 1];
  if (prev.para !== x.sent.para && x.sent.inPara !== 0) return null;
  const ptoks = tokenize(prev.text, prev.start, 60);
  const there = subjectPhrase(x.text, ptoks, 0, ptoks.length, plural);
  if (there) return there;
  if (!plural) {
    const m = DOC_NP.exec(prev.text);
    if (m) return { k: 'document', label: m[0] };
  }
  return null;
}

/** A body, group or document opening toks[from, to) as the subject of its clause ("The Trump campaign put out …"). */
function subjectPhrase(text: string, toks: Tok[], from: number, to: number, plural: boolean): Cls | null {
  // Skip a lead-in ("On Tuesday, …", "In a statement, …").
  let f = from;
  const comma = toks.findIndex((t, q) => q >= from && q < Math.min(to, from + 8) && t.raw === ',');
  if (comma > from && /^(?:on|in|at|after|before|later|earlier|meanwhile|but|and|however|still|yet|last|this)$/.test(toks[from].low)) f = comma + 1;
  let e = f;
  while (e < to && e - f < 8 && !toks[e].punct && (isCap(toks[e].raw) || /^(?:the|a|an|its|of|for|on|and)$/.test(toks[e].low) || (e > f && toks[e].raw === toks[e].low && !isVerbish(toks[e].low, plural)))) {
    // Stop at the first lower-case word that reads as a verb.
    e++;
  }
  if (e <= f || e >= to) return null;
  const label = text.slice(toks[f].start, toks[e - 1].end);
  const last = toks[e - 1];
  const org = orgPhrase(toks, f, e);
  if (org !== null) return { k: 'organisation', label };
  if (!plural && last.raw === last.low && DOC_HEADS.has(last.low) && !/s$/.test(last.low)) return { k: 'document', label };
  if (plural) {
    const raw = last.raw.replace(/[’']s$/, '');
    if (GROUP_NOUNS.has(raw) || /^(?:Republicans|Democrats|Conservatives|Liberals|Evangelicals)$/.test(raw)) return { k: 'anonymous', label, lemma: raw.toLowerCase().replace(/s$/, ''), plural: true, definite: false };
    if (last.raw === last.low && PLURAL_HEADS.has(last.low)) return { k: 'anonymous', label, lemma: last.low.replace(/s$/, ''), plural: true, definite: false };
  }
  return null;
}

/** A lower-case word that ends a subject: a verb form or a function word. */
function isVerbish(w: string, plural: boolean): boolean {
  // (For "it", a singular subject: "The report runs …".)
  if (!plural && /[^su]s$/.test(w)) return true;
  return /(?:ed|es|ing|ly)$/.test(w) || /^(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|should|must|said|says|told|put|got|made|sent|set|took|gave|ran|met|won|lost|held|kept|left|went|came|saw|found|became|began|quickly|also|then|not|never|who|which|that|to|in|at|by|with|from|as|after|before|because|while)$/.test(w);
}
