/**
 * Speaker phrases of the Latin-script grammar: the phrase left of a verb (split at
 * punctuation and clause words, appositives as roles), the phrase right of a cue
 * ("according to X", inversions, passive agents) and the classification of a phrase as a
 * pronoun, an outlet, a document, a named person (with role) or an anonymous source.
 */
import { asideStart } from './latin-asides';
import type { ExtractorState } from './extractor-state';
import { joinRaw, type Cls, type Lang } from './grammar';
import { ANON_HEADS, BY_WORDS, CLAUSE_WORDS, DETERMINERS, DOC_HEADS, EN_ADV_AUX, KUNYA, NAME_PARTICLES, NON_PERSON, NOT_SURNAME, NP_LEADIN, PLACES,
  PLACES2, ORG_WORDS, PLURAL_HEADS, PRONOUNS_PL, PRONOUNS_SG, ROLE_HEADS, ROLE_WORDS, SKIP_SEGMENT_START, VERBISH } from './lexicon';
import { appositiveSpeaker, relativePredicate, type Seg } from './latin-appos';
import { groupMediaIn, isPollShare, orgPhrase } from './latin-org';
import { pollLeadIn } from './latin-poll';
import { fullNameAffiliation, inPhraseMark, prepObjectSource } from './latin-prep';
import { impersonal } from './latin-pron';
import { outletAtStart, words } from './outlets';
import { isCap, QUOTE_CHARS, type Tok } from './tokens';
import { FOR_HEADS, GROUP_NOUNS, inReach, parenOpen, possessedRole, isAppositiveStart, isDescribedDefinite, isLyAdverb, isNameTok, isPossessiveMark, metAlone, nameRunTok, stateAfterPlace, NOT_ROLE_START, PHRASE_NOT_START, stripElision } from './latin-words';

export { isLyAdverb } from './latin-words';

/** Segments left of token `end` (exclusive), split at punctuation, nearest first. */
export function leftNP(x: ExtractorState, toks: Tok[], end: number): { cls: Cls[]; empty: boolean } {
  const poll = pollLeadIn(x, toks, end); // "In a … poll, 8 percent of Democrats said" (latin-poll.ts)
  if (poll) return { cls: [poll], empty: false };
  const segs: Seg[] = [];
  let to = end;
  const floor = Math.max(0, end - 80); // a speaker phrase and its appositives fit in 80 tokens
  while (segs.length < 6) {
    let k = to - 1;
    for (;;) {
      while (k >= floor && (!toks[k].punct || inPhraseMark(toks, k))) k--;
      // "Sen. Claire McCaskill (D-Mo.), who …": a short parenthesis stays in its segment.
      const q = k > floor ? parenOpen(toks, k, floor) : -1;
      if (q < 0) break;
      k = q - 1;
    }
    if (k < floor) {
      segs.push({ from: floor, to, sep: '' });
      break;
    }
    // "Rep. Tom Verdi (R-Ohio), said", "Sen. Mary Holt (D-Ore.), who …, said": a short
    // parenthesis before the separator belongs to the phrase before it and is left out.
    let p = k;
    let open = -1;
    while (p >= floor && toks[p].punct) {
      open = p < k ? parenOpen(toks, p, floor) : -1;
      if (open >= 0) break;
      p--;
    }
    segs.push({ from: k + 1, to, sep: toks.slice(p + 1, k + 1).map((t) => t.raw).join('') });
    if (p < floor) break;
    to = open >= 0 ? open : p + 1;
  }
  let emptyFirst = false;
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s];
    const hasQuote = [...seg.sep].some((c) => QUOTE_CHARS.has(c));
    if (seg.from >= seg.to) {
      // Verb right after punctuation: "…,” said X" (inversion) or "Name, who …, recalled".
      if (s === 0 && !hasQuote && segs.length > 1) {
        emptyFirst = true;
        continue;
      }
      return { cls: [], empty: s === 0 || emptyFirst };
    }
    const first = toks[seg.from];
    // "Mr. Sanders, who said …", "the bank, which says …": the relative pronoun's antecedent speaks.
    if (seg.from === seg.to - 1 && /^(?:who|which)$/.test(first.low) && seg.sep.trim() === ',' && s + 1 < segs.length) {
      const ante = segs[s + 1];
      let c2 = -1;
      for (let k = ante.to - 1; k >= ante.from; k--) {
        if (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low)) {
          c2 = k;
          break;
        }
      }
      // The noun phrase ending the antecedent segment ("… was steep for Mr. Sanders").
      for (let k = Math.max(c2 >= 0 ? c2 + 1 : ante.from, ante.to - 7); k < ante.to; k++) {
        if (k > ante.from && !/^(?:for|of|to|with|by|from|at|on|in|about|against|like|and|than)$/.test(toks[k - 1].low) && k !== c2 + 1) continue;
        const ac = classifyLatin(x, toks, k, ante.to);
        if (ac.length === 1 && ac[0].k !== 'pronoun' && ac[0].k !== 'document') return { cls: ac, empty: false };
      }
      // "Trump was out-brutalizing Ted Cruz, who said …": the name closing the segment.
      let nr = ante.to;
      while (nr > ante.from && ante.to - nr < 4 && isNameTok(toks[nr - 1])) nr--;
      if (nr < ante.to - 1 || (nr === ante.to - 1 && nr > ante.from && toks[nr - 1].raw === toks[nr - 1].low)) {
        const ac = classifyLatin(x, toks, nr, ante.to);
        if (ac.length === 1 && ac[0].k === 'person') return { cls: ac, empty: false };
      }
    }
    // "The storm, which forecasters said would weaken, …": words between the relative pronoun and
    // the verb are the relative clause's own subject; the speaker, not the antecedent.
    const ownSubject = s === 0 && seg.to - seg.from >= 2 && /^(?:who|which|whom)$/.test(first.low);
    if (s + 1 < segs.length && !hasQuote && !ownSubject && (SKIP_SEGMENT_START.has(first.low) || (asideStart(first, toks, seg.from) && asideBefore(x, toks, segs[s + 1])) || stateAfterPlace(toks, seg, segs[s + 1]))) continue;
    // Clause cut: the speaker follows the last "that"/"how"/… of the segment.
    let cut = -1;
    for (let k = seg.to - 1; k >= seg.from; k--) {
      // (A sentence's first word is capitalised: "When someone shouted …".)
      if ((toks[k].raw === toks[k].low || (k === 0 && k + 1 < seg.to)) && CLAUSE_WORDS.has(toks[k].low)) {
        cut = k;
        break;
      }
    }
    // "…, a Democrat who voted for X and Y, said": no speaker inside the relative clause's predicate (latin-appos.ts).
    const relPred = cut >= seg.from && relativePredicate(toks, cut);
    const inRel = cut >= 0 ? classifyLatin(x, toks, cut + 1, seg.to) : classifyLatin(x, toks, seg.from, seg.to);
    let cls = relPred ? [] : inRel;
    const ap0 = relPred && seg.sep.trim() === ',' && (cut === seg.from || (isAppositiveStart(first) && first.raw === first.low)) ? appositiveSpeaker(x, toks, segs, s, [], end, classifyLatin) : null;
    if (ap0) return { cls: ap0, empty: false };
    // "a resident who was there quoted …": the relative clause sits between speaker and verb.
    if (!cls.length && cut >= 0 && /^(?:who|which|qui|dont)$/.test(toks[cut].low)) {
      let c2 = -1;
      for (let k = cut - 1; k >= seg.from; k--) {
        if (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low)) {
          c2 = k;
          break;
        }
      }
      cls = classifyLatin(x, toks, c2 >= 0 ? c2 + 1 : seg.from, cut);
      if (!cls.length) cls = inRel; // "27 percent of those who named a candidate said": nothing better
    }
    // Appositive: "Name, a … defector, said", "Name, deputy security adviser, said", "Name, chief
    // executive of X, an aviation firm, said" → the name, with the appositive as role.
    if ((cut < 0 || (!cls.length && cut > seg.from && first.raw === first.low && !CLAUSE_WORDS.has(first.low))) && seg.sep.trim() === ',' && isAppositiveStart(first) && (!cls.length || first.raw === first.low || isCap(first.raw))) {
      const ap = appositiveSpeaker(x, toks, segs, s, cls, end, classifyLatin);
      if (ap) return { cls: ap, empty: false };
    }
    // After an empty first segment ("…, said X"), a clause that is no source means inversion.
    return { cls, empty: emptyFirst && !cls.length };
  }
  return { cls: [], empty: emptyFirst };
}

/** The segment before an aside holds a capitalised speaker (its last clause, as the loop reads it). */
function asideBefore(x: ExtractorState, toks: Tok[], seg: Seg): boolean {
  let k = seg.to - 1;
  while (k > seg.from && !(toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low))) k--;
  const from = toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low) ? k + 1 : seg.from;
  return from < seg.to && isCap(toks[from].raw) && classifyLatin(x, toks, from, seg.to).length > 0;
}

let jointSeq = 0; // ids tying the parts of one coordinated subject (`Cls.joint`)

/** Classify the phrase toks[from, to) as a source. */
export function classifyLatin(x: ExtractorState, toks: Tok[], from: number, to: number, split = true): Cls[] {
  while (from < to && !toks[from].punct && NP_LEADIN.has(toks[from].low)) from++;
  while (to > from && !toks[to - 1].punct && ((EN_ADV_AUX.has(toks[to - 1].low) && toks[to - 1].raw !== 'Will') || isLyAdverb(toks[to - 1].raw))) to--;
  // A short parenthesis closing the phrase ("Sen. Claire McCaskill (D-Mo.)") is left out.
  if (to - from > 2 && toks[to - 1].raw === ')') {
    let k = to - 2;
    while (k > from && to - k <= 8 && toks[k].raw !== '(') k--;
    if (toks[k].raw === '(' && k > from) to = k;
  }
  if (from >= to) return [];
  if (to - from > 14) return [];
  // "of Democrats", "for the EU", "If the federal government", "In video": no speaker opens on these.
  if (PHRASE_NOT_START.test(toks[from].low) && (toks[from].raw === toks[from].low || /^(?:If|In|Of|For|From|With|By|Into|Than)$/.test(toks[from].raw))) return [];
  // Punctuation ends a phrase, but for a plural possessive's apostrophe ("Sanders' team").
  for (let k = from; k < to; k++) if (toks[k].punct && !(inPhraseMark(toks, k) && k > from && k + 1 < to)) return [];
  if (split) {
    // Coordinated sources: "Mosul residents and Iraqi intelligence officials".
    const parts: [number, number][] = [];
    let a = from;
    for (let k = from; k < to; k++) {
      if (toks[k].low === 'and' || toks[k].low === 'et') {
        parts.push([a, k]);
        a = k + 1;
      }
    }
    if (parts.length) {
      parts.push([a, to]);
      const res = parts.map(([p0, p1]) => classifyLatin(x, toks, p0, p1, false));
      if (res.every((r) => r.length === 1 && r[0].k !== 'pronoun')) return ((joint) => res.map((r) => ({ ...r[0], joint })))(++jointSeq);
    }
  }
  const text = x.sent.text;
  const base = x.sent.start;
  if (to - from === 1) {
    // "he’s said", "they’ve argued": the pronoun of a contraction.
    const w = toks[from].low.replace(/^(he|she|it|they|we)[’'](?:s|ve|d|re)$/, '$1');
    if (PRONOUNS_SG.has(w) || w === 'him' || w === 'her' || w === 'lui') return [{ k: 'pronoun', plural: false, gender: /^(?:he|him|il|lui)$/.test(w) ? 'm' : 'f' }];
    // "It said in a statement", "they said" after a body or a group (latin-pron.ts).
    if (w === 'it' || w === 'they') {
      const c = impersonal(x, toks, from, w === 'they');
      if (c) return [c];
      if (w === 'it') return [];
    }
    if (PRONOUNS_PL.has(w) || w === 'them' || w === 'eux') return [{ k: 'pronoun', plural: true }];
  }
  // Poll shares ("74 percent", "About four in 10", "Nearly half") are the author's figures, not
  // sources (the claims analysis gives such a figure to the author; see scripts/eval-claims.ts).
  if (isPollShare(toks, from, to)) return [];
  // The group's own media: "Amaq", "the group's al-Naba weekly", "al-Hayat Media Center".
  const gmEnd = groupMediaIn(toks, from, to);
  if (gmEnd) return [{ k: 'group-media', label: joinRaw(toks, from, to, text, base) }];
  // An outlet ("The Washington Post reported", "the Russian news agency Novosti").
  const ws = words(toks, from, to);
  const o = outletAtStart(x.idx, ws, 0, true);
  if (o) return [{ k: 'outlet', name: o.name, sourceId: o.sourceId }];
  // A document ("the report", "a statement by the ministry", "a video released by …").
  for (let k = from; k < Math.min(to, from + 5); k++) {
    const w = toks[k].low;
    const lemma = DOC_HEADS.get(w);
    if (lemma && toks[k].raw === w) {
      const rest = k + 1;
      if (rest === to) return [{ k: 'document', label: joinRaw(toks, from, to, text, base) }];
      const r = toks[rest].low;
      // "a count by The Associated Press", "an analysis by the Pew Research Center", "a report issued by
      // X": the document is the source, its issuer named in it (a nested source).
      if (BY_WORDS.has(r) || /^(?:issued|released|published|posted|seen|obtained|shared|circulated)$/.test(r)) {
        return [{ k: 'document', label: joinRaw(toks, from, Math.min(to, from + 10), text, base) }];
      }
      break;
    }
    if (VERBISH.has(w)) break;
  }
  // A full name and its affiliation: "Stephen Vale of the University of Utah School of Law" (not the body).
  const aff = fullNameAffiliation(x, toks, from, to, (a, b) => classifyLatin(x, toks, a, b, false));
  if (aff) return [aff];
  // An organisation speaking as a body: "the Pentagon", "the State Department", "the company",
  // "Trump's campaign", "IG Ltd.", "Iran".
  const org = orgPhrase(toks, from, to);
  if (org !== null) return [{ k: 'organisation', label: joinRaw(toks, org, to, text, base) }];
  // The affiliation is not the speaker: "Charles B. Rangel of New York", "Mr. Morgan of the Sierra Club".
  {
    let q = to - 1;
    while (q > from && !/^(?:of|from|at|with)$/.test(toks[q].low)) q--;
    // ("Robert Antonacci of the New York delegation": a full name may take a lower-case affiliation.)
    const lowOk = q - from >= 2 && isNameTok(toks[q - 2]);
    if (q > from && q < to - 1 && isNameTok(toks[q - 1]) && toks.slice(q + 1, to).every((t) => isCap(t.raw) || DETERMINERS.has(t.low) || (lowOk && t.raw === t.low && !VERBISH.has(t.low) && !CLAUSE_WORDS.has(t.low)))) {
      const inner = classifyLatin(x, toks, from, q, false);
      if (inner.length === 1 && inner[0].k === 'person') {
        const aff = joinRaw(toks, q + 1, to, text, base);
        return [{ ...inner[0], role: inner[0].role ? `${inner[0].role}, of ${aff}` : aff }];
      }
    }
  }
  // A named person: a run of name tokens at the end, a role before it.
  let r = to;
  while (r > from && to - r < 5 && (nameRunTok(toks, r - 1, to) || (r < to && r - 1 > from && NAME_PARTICLES.has(toks[r - 1].raw)))) r--;
  while (r < to && NAME_PARTICLES.has(toks[r].raw)) r++;
  // "De Blasio", "Le Pen", "Van Hollen": a capitalised particle opening the name.
  if (r > from && r < to && /^(?:De|Du|La|Le|Van|Von|Di|Da|Del|Della|Des)$/.test(toks[r - 1].raw) && isNameTok(toks[r]) && (r - 1 === from || isCap(toks[r - 2].raw))) r--;
  if (r === to && metAlone(x, toks, from, to)) return [{ k: 'person', name: metAlone(x, toks, from, to)! }]; // "King said" (latin-words.ts)
  // "A spokesman for Hillary Clinton", "Legislative leaders in North Carolina": a described
  // source with its affiliation, not the person or place named after the preposition.
  if (r - 1 > from && r < to && /^(?:for|of|in|from|at|with|to)$/.test(toks[r - 1].low) && toks[r - 2].raw === toks[r - 2].low) {
    const hw = stripElision(toks[r - 2].low);
    const lemma = ANON_HEADS.get(hw) ?? (ROLE_HEADS.has(hw) ? hw : null);
    if (lemma && toks.slice(from, r - 2).every((t) => !VERBISH.has(t.low) && !t.punct)) {
      const label = joinRaw(toks, from, to, text, base);
      return [{ k: 'anonymous', label, lemma, plural: PLURAL_HEADS.has(hw), definite: false }];
    }
  }
  // "A representative for Mr. Pinchuk", "A spokesman for Democratic presidential candidate Hillary
  // Clinton", "Friends of Mr. Clinton's": someone speaking for the person named, not that person.
  if (r < to) {
    for (let k = from + 1; k < r && k <= from + 4; k++) {
      if (!/^(?:for|of|to|with)$/.test(toks[k].low)) continue;
      // ("a person close to the Clintons": the head before "close to".)
      const hi = toks[k].low === 'to' && toks[k - 1].low === 'close' && k - 2 >= from ? k - 2 : k - 1;
      const hw = toks[hi].low;
      if (!FOR_HEADS.has(hw) || (toks[hi].raw !== hw && hi !== from) || (hi === k - 1 && k > from + 3)) break;
      if (toks.slice(from, hi).some((t) => VERBISH.has(t.low) || t.punct)) break;
      const lemma = ANON_HEADS.get(hw) ?? hw;
      return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma, plural: PLURAL_HEADS.has(hw), definite: false }];
    }
  }
  // "People in Fort Pierce", "Voters in Iowa": a described source from a place.
  if (r - 1 > from && r < to && r - 2 === from && /^(?:in|from|at|across|around)$/.test(toks[r - 1].low) && ANON_HEADS.has(toks[from].low)) {
    const hw = toks[from].low;
    return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma: ANON_HEADS.get(hw)!, plural: PLURAL_HEADS.has(hw), definite: false }];
  }
  // "A producer for Yahoo Studios", "Chad's Ambassador to France": the affiliation is named (latin-prep.ts).
  const po = r > from && r < to ? prepObjectSource(toks, from, r, to, text, base) : null;
  if (po) return [po];
  // "a teacher from Hawija": one capitalised word after a preposition is a place, not a speaker.
  if (r > from && to - r === 1 && /^(?:in|of|from|at|near|for|de|du|à)$/.test(toks[r - 1].low)) return [];
  // "a council member in Tal Afar Salim Hadi": after a preposition, the first capitals are a place.
  if (r > from && to - r > 2 && /^(?:in|of|from|at|for|de|du|à)$/.test(toks[r - 1].low)) {
    const keep = KUNYA.has(toks[to - 3].low) || NAME_PARTICLES.has(toks[to - 2].raw) ? 3 : 2;
    r = to - keep;
  }
  if (r < to) {
    const run = toks.slice(r, to).map((t) => t.raw.replace(/[’']s$/, ''));
    // An organisation word right before the run ("Islamic State Mosul") → not a person.
    // ("Secretary of State Madeleine Albright" is a title.)
    if (r > from && ORG_WORDS.has(toks[r - 1].raw) && !ROLE_WORDS.has(toks[r - 1].raw) && !(r - 2 > from && toks[r - 2].low === 'of' && ROLE_WORDS.has(toks[r - 3].raw) && run.length >= 2)) return [];
    let roleFrom = from;
    while (roleFrom < r && /^(?:the|a|an|le|la|les|l'|un|une)$/.test(toks[roleFrom].low)) roleFrom++;
    const roleToks = toks.slice(roleFrom, r);
    if (roleToks.some((t) => VERBISH.has(t.low))) return [];
    // "in its dealings with Central Asia", "Neither Maples nor Trump", "As Rubio": a phrase opening on a
    // preposition, a pronoun or a conjunction is no speaker (the speaker is elsewhere, or after the verb).
    // ("his campaign manager Jeff Weaver", "her nephew Omar el Said": a relation or role of someone's, then the full name.)
    if (roleToks.length && NOT_ROLE_START.test(roleToks[0].low) && !possessedRole(roleToks, run.length)) return [];
    // "As Rubio has said", "while Clinton argued": the clause word is no role.
    if (roleToks.length === 1 && /^(?:as|while|when|if|because|like|including|than|although|though)$/.test(roleToks[0].low)) return classifyLatin(x, toks, r, to, false);
    // "The curators quote the novelist X": an article inside the role must follow a preposition.
    for (let q = 1; q < roleToks.length; q++) {
      if (/^(?:the|a|an|this|that|le|la|les|un|une)$/.test(roleToks[q].low) && !/^(?:of|for|at|in|from|on|with|to|by|de|du|des|à|au)$/.test(roleToks[q - 1].low)) return [];
    }
    const role = roleToks.length ? joinRaw(toks, roleFrom, r, text, base) : undefined;
    const roleHasNoun = roleToks.some((t) => (t.raw === t.low && !DETERMINERS.has(t.low)) || (ROLE_WORDS.has(t.raw) && !/^[A-Z][a-z]+(?:i|an|ish|ese)$/.test(t.raw)));
    const name = run.join(' ');
    // A place is not a person ("In Iowa, …", "a user in New York").
    if ((run.length === 1 && PLACES.has(name)) || (run.length === 2 && PLACES2.has(run.join('_')))) return [];
    // "Hispanics", "Catholics", "Syrians": a group described, not a person.
    if (run.length === 1 && r === from && (/^\p{Lu}\p{Ll}+(?:ians|ics|inos|anos|ites)$/u.test(name) || GROUP_NOUNS.has(name))) {
      return [{ k: 'anonymous', label: name, lemma: name.toLowerCase().replace(/s$/, ''), plural: true, definite: false }];
    }
    const known = x.findPerson(name);
    if (known) return [{ k: 'person', name: known.name, role }];
    if (run.length === 1) {
      if (role && roleHasNoun) return [{ k: 'person', name, role }];
      const full = x.fullName(name);
      if (full) return [{ k: 'person', name: full.name, role: role ?? full.role }];
      // A surname alone right at the cue ("Reid said", "said Reid"): a person.
      if (!role && r === from && to - from === 1 && !NOT_SURNAME.has(name)) return [{ k: 'person', name }];
      // A company or body by its one-word name ("Twitter said").
      if (!role && r === from && to - from === 1 && ORG_WORDS.has(name) && !NOT_SURNAME.has(name)) return [{ k: 'organisation', label: name }];
      return [];
    }
    if (run.length >= 2 && KUNYA.has(run[0].toLowerCase()) && run.length === 2) {
      const full = x.fullName(name);
      if (full) {
        const again = x.findPerson(full.name);
        return [{ k: 'person', name: again?.name ?? full.name, role: role ?? full.role }];
      }
    }
    if (role && !roleHasNoun && roleToks.every((t) => isCap(t.raw))) {
      // "Iraqi Kurdish Peshmerga": capitalised words only, no role noun → not clearly a person.
      if (run.length < 2) return [];
    }
    return [{ k: 'person', name, role }];
  }
  // Anonymous sources: [determiners/modifiers] HEAD [post-modifier].
  let h = -1;
  for (let k = from; k < to && k < from + 7; k++) {
    const w = stripElision(toks[k].low);
    if (ANON_HEADS.has(w) || (ROLE_HEADS.has(w) && k > from && /^(?:the|le|la|l'|this)$/.test(toks[from].low))) {
      // "a Republican National Committee member": a capitalised head before a capitalised word modifies a name.
      if (k > from && k + 1 < to && isCap(toks[k].raw) && isCap(toks[k + 1].raw) && !toks[k + 1].punct) continue;
      h = k;
      // Prefer a later head among consecutive heads ("security sources", "militaires")
      if (k + 1 < to && ANON_HEADS.has(stripElision(toks[k + 1].low))) continue;
      break;
    }
    if (VERBISH.has(w) || PRONOUNS_SG.has(w) || PRONOUNS_PL.has(w)) return [];
  }
  if (h < 0) {
    // "A farmer told …", "an aid worker said …": an indefinite person described by a common noun.
    const last = toks[to - 1];
    if (
      /^(?:a|an|one|another|two|three|four|five|six|several|some|many|un|une|deux|trois|plusieurs)$/.test(toks[from].low) &&
      // ("a prominent Republican National Committee member": capitalised modifiers lengthen the phrase.)
      to - from <= Math.min(7, 4 + toks.slice(from + 1, to - 1).filter((t) => isCap(t.raw)).length) &&
      last.raw === last.low &&
      last.low.length >= 3 &&
      !NON_PERSON.has(last.low) &&
      !DOC_HEADS.has(last.low) &&
      toks.slice(from + 1, to).every((t) => !VERBISH.has(t.low) && !CLAUSE_WORDS.has(t.low))
    ) {
      const plural = !/^(?:a|an|one|another|un|une)$/.test(toks[from].low);
      return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma: plural ? last.low.replace(/s$/, '') : last.low, plural, definite: false }];
    }
    // "The judge said", "the admiral added" (latin-words.ts): the one named with that role nearby when there is one.
    if (isDescribedDefinite(toks, from, to)) return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma: last.low, plural: false, definite: true }];
    return [];
  }
  const post = to - h - 1;
  if (post > 0) {
    const p0 = toks[h + 1].low;
    const pp = /^(?:close|familiar|in|at|from|of|with|inside|within|for|on|near|du|de|des|proche|proches|au|aux|en|based|loyal|linked|affiliated|involved|working|who)$/.test(p0);
    const adjs = toks.slice(h + 1, to).every((t) => t.raw === t.low && !VERBISH.has(t.low) && !/ed$/.test(t.low) && !/^(?:and|or|but)$/.test(t.low)) && post <= 3;
    if (!(pp && post <= 10) && !adjs) return [];
    for (let k = h + 1; k < to; k++) if (VERBISH.has(toks[k].low)) return [];
  }
  const head = stripElision(toks[h].low);
  const lemma = ANON_HEADS.get(head) ?? head;
  const definite = /^(?:the|this|that|le|la|les|ce|cet|cette)$/.test(toks[from].low) || /^l['’]/.test(toks[h].low);
  if (!ANON_HEADS.has(head)) {
    // A role head only ("the minister", "the mayor"): the person named with that role, else an unnamed source.
    const r2 = x.resolveBackref(lemma, false);
    if (r2?.person && inReach(x, r2.person)) return [{ k: 'person', name: r2.person.name, role: r2.person.role }];
    if (post > 0) return [];
    if (r2?.person) return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma, plural: false, definite: false }];
  }
  const label = joinRaw(toks, from, Math.min(to, from + 10), text, base);
  // "the spokesman" for someone named paragraphs before: the mention as written (see inReach).
  if (definite && !PLURAL_HEADS.has(head)) {
    const r3 = x.resolveBackref(lemma, false);
    if (r3?.person && !inReach(x, r3.person)) return [{ k: 'anonymous', label, lemma, plural: false, definite: false }];
  }
  return [{ k: 'anonymous', label, lemma, plural: PLURAL_HEADS.has(head), definite }];
}

