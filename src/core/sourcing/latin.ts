/**
 * Latin-script grammar (English, French), sentence by sentence on the raw text: speech
 * verbs with the speaker to their left ("Local sources confirmed that …") or, after a
 * quotation, to their right ("…,” said Zarari", "reconnaît l'officier"); "according to X",
 * "selon X"; outlets a speaker talked to ("told The Washington Post"); documents ("in a
 * video"); credit lines ("Originally published on X") and datelines ("BAGHDAD (Reuters) -").
 * The speaker phrases themselves are read in latin-np.ts.
 */
import { beliefs } from './latin-belief';
import { otherSense } from './latin-sense';
import { participleAside, reducedPassive } from './latin-asides';
import { creditLine, dateline } from './latin-credits';
import type { ExtractorState } from './extractor-state';
import { MAX_CUES, joinRaw, quoteBalance, quoteDepths, type Lang } from './grammar';
import { classifyLatin, isLyAdverb, leftNP } from './latin-np';
import { parenOpen } from './latin-words';
import { appositiveSubject, coordSubject, participleSubject } from './latin-coord';
import { rightNP } from './latin-right';
import { afterQuote, progressive, timeBack } from './latin-verb';
import { BE_AUX, CLAUSE_WORDS, DETERMINERS, DOC_HEADS, DOC_ONLY_VERBS, EN_ADV_AUX, EN_PHRASAL, EN_VERBS, FR_AUX, FR_PARTICIPLES, FR_VERBS, INVERTING, NP_LEADIN, QUOTE_VERBS, VERBISH } from './lexicon';
import { outletAtStart, words } from './outlets';
import { clauseStart, markFailedCue, quoteSubject, quoteText, subjectEnd } from './quote-link';
import type { Sentence } from './sentences';
import { isCap, QUOTE_CHARS, tokenize, type Tok } from './tokens';

/** Participles continuing the clause's subject ("X issued a statement, saying …", "…, calling him “a loser”"). */
const NOUN_BEFORE = /^(?:the|these|those|its|their|his|her|our|your|my|such|no|any|other|recent|repeated|renewed|growing|mounting|down|terror|terrorist|suicide|deadly|murderous|bomb|verbal|vicious|similar|earlier|latest|new|further|public|personal)$/;
const PARTICIPLE_CUES = new Set(
  ('saying adding arguing insisting noting warning calling telling explaining declaring writing tweeting describing claiming stating ' +
    'asking urging accusing predicting referring suggesting acknowledging promising vowing blaming dismissing lamenting complaining ' +
    'joking boasting admitting pointing stressing recalling charging labeling dubbing praising criticizing mocking thanking questioning ' +
    'contending asserting maintaining conceding emphasizing reiterating repeating announcing confirming denying citing ' +
    // Manner of speaking ("…, remarking that …", "…, replying, “…”"): speech whatever the clause's verb.
    'remarking quipping replying responding answering proclaiming pleading').split(' '),
);
/** Voice-only participles ("…, chanting “…”", "with Trump yelling: “…”"): cues only beside a quotation (a crowd "clapping and chanting" says nothing reportable). */
const VOICE_PARTICIPLES = new Set(['chanting', 'shouting', 'yelling', 'screaming']);

/** Lower-case words inside a subject phrase ("Secretary of State", "al-"). */
const NAME_LINK = new Set(['of', 'for', 'al', 'bin', 'de', 'van', 'von', 'and']);

/** Sentence `s` (no Arabic script) of the text. */
export function latin(x: ExtractorState, s: Sentence): void {
  // Typewriter double quotes written as two apostrophes (''like this'') read as '"' (same length: offsets hold).
  // An opening mark typed as the closing one (“…,“ said X) reads as a closing mark (same length).
  const typed = s.text.includes("''") ? s.text.replace(/''/g, ' "') : s.text;
  const toks = tokenize(typed.includes('“') ? typed.replace(/(\p{L}[,.!?])“(?=\s+\p{Ll})/gu, '$1”') : typed, s.start, 300);
  if (!toks.length) return;
  if (creditLine(x, s)) return;
  dateline(x, s, toks);
  const lang: Lang = /\b(?:selon|a déclaré|d['’]après|habitants?|les|des|une?)\b/i.test(s.text) && !/\b(?:the|and|said)\b/i.test(s.text) ? 'fr' : 'en';
  const n = toks.length;
  let cues = 0;
  // Words inside quotation marks are someone's words: their "said" is not the article's attribution.
  const inQuote = quoteState(x, s, toks);
  const quoted = inQuote.includes(true); // manner-of-speaking verbs ("screamed", "whispered") only beside a quotation
  const drafts0 = x.drafts.length;
  for (let i = 0; i < n && cues < MAX_CUES; i++) {
    const t = toks[i];
    if (t.punct || inQuote[i]) continue;
    const w = t.low;
    const pcue = (PARTICIPLE_CUES.has(w) || (quoted && VOICE_PARTICIPLES.has(w))) && !otherSense(toks, i);
    const next = toks[i + 1];
    // "by his account", "in her words": the last speaker.
    if ((w === 'by' || w === 'in') && next && /^(?:his|her|their)$/.test(next.low) && toks[i + 2] && /^(?:account|words|telling|view)$/.test(toks[i + 2].low)) {
      cues++;
      x.emit({ k: 'pronoun', plural: next.low === 'their' }, joinRaw(toks, i, i + 3, s.text, s.start), t.start, lang);
      i += 2;
      continue;
    }
    // "according to X", "selon X", "d'après X"
    // ("…, citing X": the one citing speaks, a participle cue below.)
    if ((w === 'according' && next?.low === 'to') || w === 'selon' || w === "d'après") {
      const len = w === 'according' ? 2 : 1;
      cues++;
      rightNP(x, toks, i + len, joinRaw(toks, i, i + len, s.text, s.start), t.start, lang, true);
      i += len - 1;
      continue;
    }
    // "Said Jane Roe, a neighbour: “…”": a sentence opening on the verb, the speaker after it.
    if (i === 0 && (t.raw === 'Said' || t.raw === 'Says' || t.raw === 'Added' || t.raw === 'Asked') && next && isCap(next.raw)) {
      cues++;
      rightNP(x, toks, 1, t.raw, t.start, lang, false, true);
      continue;
    }
    if (t.raw !== w) continue; // verbs are written in lower case
    // "X issued a statement, saying …", "X wrote on Twitter, saying …": the subject of the clause speaks.
    // "with the campaign saying …": the noun phrase after "with" speaks.
    if (pcue && i > 1 && toks[i - 1].raw !== ',') {
      let k = i - 1;
      while (k > 0 && i - k <= 10 && !toks[k].punct && toks[k].low !== 'with') k--;
      if (toks[k]?.low === 'with' && k + 1 < i) {
        const c = classifyLatin(x, toks, k + 1, i);
        if (c.length && c.every((cc) => cc.k !== 'document')) {
          cues++;
          for (const cc of c) x.emit(cc, t.raw, t.start, lang);
          continue;
        }
      }
    }
    if (pcue && i > 1 && (toks[i - 1].raw === ',' || (DOC_HEADS.has(toks[i - 1].low) && /^(?:saying|adding|arguing|insisting|noting|warning)$/.test(w)))) {
      cues++;
      const cue = t.raw;
      const here = x.drafts.filter((d) => d.sent === x.si && d.kind !== 'document' && d.kind !== 'outlet');
      if (here.length) {
        // (Every part of a coordinated subject: "X and the union rejected …, saying".)
        const d = here[0];
        for (const p of d.joint ? here.filter((h) => h.joint === d.joint && h.at === d.at) : [d]) x.drafts.push({ ...p, cue, at: t.start });
        continue;
      }
      const from = clauseStart(toks, 0, i, inQuote);
      let k = subjectEnd(toks, from, i, inQuote);
      const appos = k < 0 ? appositiveSubject(x, toks, from, i) : [];
      if (appos.length) {
        for (const c of appos) x.emit(c, cue, t.start, lang);
        continue;
      }
      if (k < 0) {
        k = from;
        while (k < i && k - from < 12 && !toks[k].punct && !(!isCap(toks[k].raw) && !DETERMINERS.has(toks[k].low) && !NAME_LINK.has(toks[k].low) && k > from)) k++;
      }
      const cls = k > from && k < i ? classifyLatin(x, toks, from, k) : [];
      if (!cls.length) cls.push(...participleSubject(x, toks, i));
      for (const c of cls) x.emit(c, cue, t.start, lang);
      continue;
    }
    // "Rubio flipped his choice – saying …", "Bolton distanced himself by saying …".
    if (pcue && i > 1 && /^(?:[–—]|by|while|after|before|when|in)$/.test(toks[i - 1].low)) {
      const cls = participleSubject(x, toks, i);
      if (cls.length) {
        cues++;
        for (const c of cls) x.emit(c, t.raw, t.start, lang);
        continue;
      }
    }
    let len = 0;
    let participle = false;
    let frInverted = false;
    let docOnly = false;
    const ph = EN_PHRASAL.get(w);
    if (ph && next && ph.has(next.low)) len = 2;
    else if (progressive(toks, i)) len = 1;
    else if (EN_VERBS.has(w) || (QUOTE_VERBS.has(w) && quoted)) {
      len = 1;
      participle = EN_VERBS.get(w) ?? false;
    } else if (DOC_ONLY_VERBS.has(w)) {
      len = 1;
      docOnly = true;
    } else if (FR_VERBS.has(w)) len = 1;
    else if (FR_AUX.has(w) && next && FR_PARTICIPLES.has(next.low)) {
      len = 2;
      frInverted = w.includes('-t-') || /-(?:ils|elles)$/.test(w);
    }
    if (!len) continue;
    const prev = toks[i - 1];
    if (prev && !prev.punct && (prev.low === 'to' || prev.low === 'not' && w.endsWith('s'))) continue; // "to say", "declined to comment"
    if (prev && w.endsWith('ed') && /^(?:the|a|an|its|their|his|our)$/.test(prev.low)) continue; // "the disputed sea", "his stated aim": an adjective
    if (w.endsWith('ed') && participleAside(toks, i)) continue; // "The memo, first posted on a board, suggests …"
    // "a dozen states held", "both claims": after a number or quantifier, a present-tense cue is a plural noun.
    if (prev && /s$/.test(w) && /^(?:dozen|dozens|two|three|four|five|six|seven|eight|nine|ten|several|many|both|all|these|those|some|most|few|\d+)$/.test(prev.low)) continue;
    // "the Paris attacks", "terror attacks", "turned down calls to run", "his claims": a plural noun after a determiner, a place or a modifier.
    if (prev && /s$/.test(w) && (NOUN_BEFORE.test(prev.low) || (w === 'attacks' && isCap(prev.raw) && /^(?:the|of|after|since|before|during)$/.test(toks[i - 2]?.low ?? '')))) continue;
    if (w === 'asked' && next?.low === 'not' && toks[i + 2]?.low === 'to') continue; // "asked not to be named"
    if (otherSense(toks, i)) continue; // "swing states", "maintains a lead", "adding to her lead" (latin-sense.ts)
    // "A device said to weigh ten kilograms", "a cylinder reported to have leaked": a reduced passive
    // that describes a thing, not a speaker.
    if (reducedPassive(toks, i)) continue;
    // "a group called “X”", "an app dubbed X": naming, not speech.
    if (/^(?:called|dubbed|labeled|labelled|branded|titled|named)$/.test(w) && toks[i + 1] && (QUOTE_CHARS.has(toks[i + 1].raw) || isCap(toks[i + 1].raw))) {
      let k = i - 1;
      while (k >= 0 && i - k <= 4 && !toks[k].punct && !/^(?:a|an)$/.test(toks[k].low)) k--;
      if (k >= 0 && /^(?:a|an)$/.test(toks[k].low)) continue;
    }
    // "continued to trail", "went on to win": only "…,” he continued." / "continued: “…”" is speech.
    if ((w === 'continued' || w === 'continues' || w === 'went' || w === 'goes') && toks[i + len] && !toks[i + len].punct && !/^(?:by|in|on|at|during|after|later)$/.test(toks[i + len].low)) continue;
    cues++;
    const cue = joinRaw(toks, i, i + len, s.text, s.start);
    if (frInverted) {
      x.emit({ k: 'pronoun', plural: /-(?:ils|elles)$/.test(w) }, cue, t.start, 'fr');
      i += len - 1;
      continue;
    }
    verbCue(x, toks, i, len, participle, docOnly, cue, lang);
    // "told The Washington Post"
    if (w === 'told' || w === 'tells') {
      const o = outletAtStart(x.idx, words(toks, i + 1, Math.min(n, i + 12)), 0, false);
      if (o) x.via({ name: o.name, sourceId: o.sourceId }, cue, t.start, lang);
    }
    i += len - 1;
  }
  if (cues && x.drafts.length === drafts0) markFailedCue(x, x.si);
  if ((!cues || x.drafts.length === drafts0) && lang === 'en' && quoteSubject(x, toks, s, lang, inQuote)) cues++;
  if (cues) latinVia(x, toks, s, lang);
  if (cues) docMarker(x, s, lang);
  if (lang === 'en') beliefs(x, s, toks, inQuote, lang); // beliefs and intentions (latin-belief.ts)
}

/**
 * For each token: inside a quotation? A quotation left open by an earlier sentence of the
 * paragraph runs on to the first closing mark ("“We will win. I’ve said it before,” he said.").
 */
function quoteState(x: ExtractorState, s: Sentence, toks: Tok[]): boolean[] {
  let p = x.si;
  while (p > 0 && x.sents[p - 1].para === s.para && x.si - p < 8) p--;
  if (p === x.si || quoteBalance(quoteText(x.text.slice(x.sents[p].start, s.start))) === 0) return openRun(toks, quoteDepths(toks));
  let c = 0;
  while (c < toks.length && !/^["”»]$/.test(toks[c].raw)) c++;
  const out = new Array<boolean>(toks.length).fill(true);
  if (c < toks.length) {
    out[c] = false;
    const rest = quoteDepths(toks.slice(c + 1));
    for (let k = 0; k < rest.length; k++) out[c + 1 + k] = rest[k];
  }
  return out;
}

/**
 * A quotation opened in the sentence and not closed in it runs on into the next sentences
 * ("“We will win. …”"): its words are someone's words too.
 */
function openRun(toks: Tok[], depth: boolean[]): boolean[] {
  let open = -1;
  let straight = -1;
  for (let i = 0; i < toks.length; i++) {
    const r = toks[i].raw;
    if (r === '“') open = open < 0 ? i : open;
    else if (r === '”') open = -1;
    else if (r === '"' && open >= 0) open = -1; // “…" mixed marks
    else if (r === '"' && /^[“”]$/.test(toks[i + 1]?.raw ?? '')) continue; // a stray mark doubled ("“)
    else if (r === '"') straight = straight < 0 ? i : -1;
  }
  const from = open >= 0 ? open : straight;
  // A mark on the last word or two is the run's opening only when words follow it.
  if (from < 0 || toks.length - from < 3) return depth;
  for (let k = from + 1; k < toks.length; k++) depth[k] = true;
  return depth;
}

/** Speaker of a verb cue at token `i`. */
function verbCue(x: ExtractorState, toks: Tok[], i: number, len: number, participle: boolean, docOnly: boolean, cue: string, lang: Lang): void {
  const at = toks[i].start;
  // A short parenthesis between speaker and verb: "Rep. Elijah E. Cummings (D-Md.) said".
  let j = skipParen(toks, i - 1);
  let passive = false;
  while (j >= 0 && !toks[j].punct) {
    const w = toks[j].low;
    if (BE_AUX.has(w)) {
      passive = true;
      j--;
      continue;
    }
    // ("Will wrote": a capitalised "Will" before the verb is George Will, not the auxiliary.)
    if ((EN_ADV_AUX.has(w) && !(w === 'will' && toks[j].raw === 'Will')) || isLyAdverb(toks[j].raw)) {
      j--;
      continue;
    }
    break;
  }
  // "The committee this week announced", "Clinton on Tuesday said": a time phrase between subject and verb.
  const tj = timeBack(toks, j);
  if (tj !== j) {
    // "Rep. Joe Park (R-Iowa) last week said": the parenthesis before the time phrase too.
    j = skipParen(toks, tj);
    while (j >= 0 && !toks[j].punct && (EN_ADV_AUX.has(toks[j].low) || isLyAdverb(toks[j].raw))) j--;
  }
  const after = toks[i + len];
  if (passive && participle) {
    if (after && (after.low === 'by' || after.low === 'par')) rightNP(x, toks, i + len + 1, cue, at, lang, false);
    return;
  }
  // "X defended the route and said …": the subject of the first verb speaks.
  if (j > 2 && /^(?:and|but)$/.test(toks[j].low) && !toks[j - 1].punct) {
    let k = j - 1;
    while (k > 0 && !toks[k - 1].punct) k--;
    const from = clauseStart(toks, k, j);
    const e = subjectEnd(toks, from, j);
    const cls = e > from ? classifyLatin(x, toks, from, e) : [];
    if (cls.length === 1 && (!docOnly || cls[0].k === 'document')) {
      x.emit(cls[0], cue, at, lang);
      return;
    }
  }
  // "X met the families on Thursday and said …", "… declined to comment but said …".
  if (j > 1 && /^(?:and|but)$/.test(toks[j].low)) {
    const c = coordSubject(x, toks, j, docOnly);
    if (c.length) {
      for (const cc of c) x.emit(cc, cue, at, lang);
      return;
    }
  }
  // "X misjudged Y, having called him “a reformer”": a perfect participle's subject is the clause's.
  if (toks[j]?.low === 'having' && toks[j - 1]?.raw === ',') {
    const c = participleSubject(x, toks, j);
    if (c.length) return void c.forEach((cc) => x.emit(cc, cue, at, lang));
  }
  // "A senior official speaking to Reuters said": the phrase before the participle speaks (the outlet is a `via`, latinVia).
  let sp = j;
  while (sp > 0 && j - sp < 8 && !toks[sp].punct && !(/^(?:speaking|talking)$/.test(toks[sp].low) && /^(?:to|with)$/.test(toks[sp + 1].low))) sp--;
  const left = leftNP(x, toks, sp > 0 && /^(?:speaking|talking)$/.test(toks[sp].low) && sp < j ? sp : j + 1);
  if (left.cls.length) {
    for (const c of left.cls) {
      if (docOnly && c.k !== 'document') continue;
      x.emit(c, cue, at, lang);
    }
    return;
  }
  if (docOnly) return;
  if (after && (after.low === 'by' || after.low === 'par')) {
    rightNP(x, toks, i + len + 1, cue, at, lang, false);
    return;
  }
  // Inversion after a quotation or a clause: "…,” said Zarari." / "…, reconnaît l'officier."
  if (left.empty && (INVERTING.has(toks[i].low) || len === 2 || ((EN_VERBS.has(toks[i].low) || QUOTE_VERBS.has(toks[i].low)) && afterQuote(toks, i)))) {
    rightNP(x, toks, i + len, cue, at, lang, false, true);
    return;
  }
  // Present-tense cues ("say", "claims") and "said"/"told": a described, unnamed source.
  if (lang === 'en' && !left.empty && (!participle || /^(?:said|told)$/.test(toks[i].low))) describedSource(x, toks, j + 1, cue, at, lang);
}

/** Token `j` closes a short parenthesis after a word ("Cummings (D-Md.)"): the token before it; else `j`. */
function skipParen(toks: Tok[], j: number): number {
  const q = parenOpen(toks, j);
  return q > 0 ? q - 1 : j;
}

/**
 * A short noun phrase right before a present-tense speech verb that no rule above read
 * ("hacking specialists say", "While old Iowa political hands say", "Mourners say"): an
 * unnamed source described by that phrase.
 */
function describedSource(x: ExtractorState, toks: Tok[], end: number, cue: string, at: number, lang: Lang): void {
  let b = end;
  while (b > 0 && end - b < 7 && !toks[b - 1].punct && !(toks[b - 1].raw === toks[b - 1].low && CLAUSE_WORDS.has(toks[b - 1].low))) b--;
  while (b < end && (CLAUSE_WORDS.has(toks[b].low) || NP_LEADIN.has(toks[b].low))) b++;
  if (end - b < 1 || end - b > 6) return;
  if (b > 0 && !toks[b - 1].punct && !(toks[b - 1].raw === toks[b - 1].low && CLAUSE_WORDS.has(toks[b - 1].low))) return;
  const ph = toks.slice(b, end);
  if (ph.some((t) => VERBISH.has(t.low) || EN_VERBS.has(t.low) || PRONOUN_LIKE.test(t.low) || /^(?:in|on|at|for|to|from|with|by|of|as)$/.test(ph[0].low))) return;
  const last = ph[ph.length - 1];
  if (!(last.raw === last.low ? /s$/.test(last.low) && last.low.length > 3 : isCap(last.raw) && ph.length > 1)) return;
  const label = joinRaw(toks, b, end, x.sent.text, x.sent.start);
  x.emit({ k: 'anonymous', label, lemma: last.low.replace(/s$/, ''), plural: true, definite: false }, cue, at, lang);
}
const PRONOUN_LIKE = /^(?:i|you|we|it|this|that|these|those|what|who|which|there|here|one|nobody|everyone|someone|anyone)$/;

/** "speaking to X", "in an interview with X", "cited by X", "cités par le Wall Street Journal", "… to X". */
function latinVia(x: ExtractorState, toks: Tok[], s: Sentence, lang: Lang): void {
  let checks = 0;
  for (let i = 0; i + 1 < toks.length; i++) {
    const w = toks[i].low;
    let from = -1;
    if ((w === 'speaking' || w === 'talking' || w === 'spoke' || w === 'revealed' || w === 'said' || w === 'explained' || w === 'confirmed') && (toks[i + 1].low === 'to' || toks[i + 1].low === 'with')) from = i + 2;
    else if (w === 'interview' && (toks[i + 1].low === 'with' || toks[i + 1].low === 'to')) from = i + 2;
    else if (/^(?:cited|quoted|interviewed|contacted|reached|cité|cités|citée|citées|interrogé|interrogés|joint|joints)$/.test(w) && (toks[i + 1].low === 'by' || toks[i + 1].low === 'par')) from = i + 2;
    else if ((w === 'to' || w === 'à') && i > 0 && !toks[i - 1].punct) from = i + 1;
    if (from < 0 || from >= toks.length) continue;
    // Outlets are written with a capital (or in Arabic script), possibly after an article.
    const f0 = toks[from];
    const f1 = toks[from + 1];
    if (!/^[\p{Lu}\u0600-\u06ff]/u.test(f0.raw) && !(DETERMINERS.has(f0.low) && f1 && /^[\p{Lu}]/u.test(f1.raw)) && !/^l['’]\p{L}/u.test(f0.raw)) continue;
    if (++checks > 8) break;
    const o = outletAtStart(x.idx, words(toks, from, Math.min(toks.length, from + 12)), 0, false);
    if (!o) continue;
    const cue = joinRaw(toks, i, from, s.text, s.start);
    x.via({ name: o.name, sourceId: o.sourceId }, cue, toks[i].start, lang);
  }
}

/** "… in a video", "dans un communiqué", "in a statement" in a sentence that has a cue. */
function docMarker(x: ExtractorState, s: Sentence, lang: Lang): void {
  const re = /\b(?:in|on|via|through|dans)\s+(?:a|an|the|its|their|his|her|un|une|son|sa|leur)\s+(?:(?:new|recent|latest|leaked|brief|short|written|joint|online|televised|recorded|nouvelle?|récente?)\s+)?(statement|report|video|recording|audio message|audio recording|message|communiqu[eé]|post|tweet|letter|study|vidéo|rapport|enregistrement|lettre)\b/giu;
  // "a statement posted on a website used by the group": the group's own media.
  const gm = /\b(?:posted|published|released|issued|circulated|shared)\s+(?:on|by|through|via)\s+(?:an?|the|its)\s+(?:\w+\s+){0,2}(?:website|site|channel|account|forum|outlet|news agency|agency)s?\s+(?:used|run|operated|linked|affiliated|associated|connected|close)\s+(?:by|with|to)\s+(?:the|its)\s+(?:group|militants|jihadists|militant group|extremists|Islamic State|IS|ISIS|ISIL)\b/iu.exec(s.text);
  if (gm) {
    x.emit({ k: 'group-media', label: gm[0].replace(/^\w+\s+(?:on|by|through|via)\s+/i, '') }, gm[0].split(/\s+/)[0], s.start + gm.index, lang);
    return;
  }
  // "The ministry said in a statement": the medium is not the speaker when the sentence has one.
  if (x.drafts.some((d) => d.sent === x.si && (d.kind === 'organisation' || d.kind === 'group-media'))) return;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(s.text)) && guard++ < 5) {
    const at = s.start + m.index;
    // "X said in a statement", "Y says Sunday in a letter": the medium of a speaker's verb is not a speaker.
    if (x.drafts.some((d) => d.sent === x.si && d.kind !== 'document' && d.kind !== 'outlet' && d.at <= at && at - (d.at + d.cue.length) <= 24 && !/[.;:"“”]/.test(x.text.slice(d.at + d.cue.length, at)))) continue;
    const label = m[0].replace(/^(?:in|on|via|through|dans)\s+/i, '');
    x.emit({ k: 'document', label }, m[0].split(/\s+/)[0], at, lang);
  }
}
