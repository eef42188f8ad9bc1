/**
 * Word-level tests of the Latin-script speaker phrases (used by latin-np.ts): adverbs in -ly,
 * name tokens, the start of an appositive, a plural possessive's apostrophe, and the heads of
 * someone speaking for another ("a spokesman for X").
 */
import { ANON_HEADS, CAP_STOP, CLAUSE_WORDS, DETERMINERS, DOC_HEADS, LY_NOT_ADVERB, NON_PERSON, NOT_SURNAME, ORG_WORDS, PLACES, PLACES2, PRONOUNS_PL, PRONOUNS_SG, ROLE_WORDS, SKIP_SEGMENT_START, VERBISH } from './lexicon';
import type { ExtractorState } from './extractor-state';
import { isCap, type Tok } from './tokens';

export function isLyAdverb(raw: string): boolean {
  return /^[a-z]{4,}ly$/.test(raw) && !LY_NOT_ADVERB.has(raw);
}

export function stripElision(low: string): string {
  return low.replace(/^(?:l|d|qu)['’]/, '');
}

/** Leadership titles of a chamber ("House Minority Whip", "Senate Majority Leader"): never part of a name. */
const LEADERSHIP_TITLES = new Set(['Leader', 'Whip', 'Majority', 'Minority']);

/** A capitalised token that can be part of a person's name. */
export function isNameTok(t: Tok): boolean {
  if (t.punct) return false;
  const raw = t.raw.replace(/[’']s$/, '');
  if (CAP_STOP.has(raw) || ROLE_WORDS.has(raw) || ORG_WORDS.has(raw) || LEADERSHIP_TITLES.has(raw)) return false;
  // "I’ve", "We’re": contractions; "Frankly", "Significantly": sentence adverbs (not "Reilly", "Skelly").
  if (/[’'](?:ll|ve|re|d|m|t)$/i.test(raw) || (/^\p{Lu}[a-z]{3,}ly$/u.test(raw) && !/[eio]lly$/.test(raw) && !/^(?:Beverly|Kimberly|Connolly|Holly|Sully|Scully|Schlafly|Beverley)$/.test(raw)) || NOT_SURNAME.has(raw)) return false;
  const low = raw.toLowerCase();
  if (ANON_HEADS.has(low) || DOC_HEADS.has(low)) return false;
  // A party tag ("R-Texas", "D-Md."), not a name.
  if (/^[RDI]-\p{Lu}/u.test(raw)) return false;
  if (/^(?:al|el|Al|El|ad|as|ash|at|az|an|ar)[-‐]\p{Lu}[\p{L}\p{M}'’-]*$/u.test(raw)) return true;
  if (/^\p{Lu}\.?$/u.test(raw)) return true; // initial
  if (/^(?:II|III|IV)$/.test(raw)) return true; // a generational suffix ("Brent Bozell III")
  return /^\p{Lu}[\p{Ll}\p{M}'’-][\p{L}\p{M}'’.-]*$/u.test(raw) || /^Mc\p{Lu}/u.test(raw);
}

/** The apostrophe of a plural possessive ("Sanders' team"), split off by the tokenizer. */
export function isPossessiveMark(toks: Tok[], k: number): boolean {
  const t = toks[k];
  const p = toks[k - 1];
  return (t.raw === "'" || t.raw === '’') && !!p && p.end === t.start && /s$/.test(p.raw) && !!toks[k + 1] && toks[k + 1].start > t.end;
}

/** First word of an appositive: an article, or a lower-case role word ("deputy", "chief"). */
export function isAppositiveStart(t: Tok): boolean {
  if (/^(?:a|an|the|un|une|le|la)$/.test(t.low)) return true;
  // An age ("Marley Anderson, 21, a junior") or a party tag ("Chris Collins, R-N.Y.,").
  if (/^\d{1,3}$/.test(t.raw) || /^[RDI]-\p{Lu}/u.test(t.raw)) return true;
  // "Twitter’s director of political advertising", "Romney’s deputy national political director"
  if (/^\p{Lu}[\p{L}.-]*[’']s$/u.test(t.raw)) return true;
  // "Republican of South Carolina", "Democrat of Ohio", "Senior Adviser …"
  if (/^(?:Republican|Democrat|Democratic|Independent|Libertarian)$/.test(t.raw)) return true;
  return t.raw === t.low && /^\p{L}/u.test(t.raw) && !CLAUSE_WORDS.has(t.low) && !SKIP_SEGMENT_START.has(t.low) && !PRONOUNS_SG.has(t.low) && !PRONOUNS_PL.has(t.low) && !VERBISH.has(t.low);
}

/** Heads of someone speaking for another ("a spokesman for X", "friends of X"). */
export const FOR_HEADS = new Set(
  ('spokesman spokeswoman spokesperson spokespeople representative representatives aide aides adviser advisers advisor advisors ' +
    'friend friends ally allies staff staffer staffers lawyer lawyers attorney attorneys supporter supporters associate associates ' +
    'official officials source sources people person someone confidant confidants').split(' '),
);
/** Capitalised plural nouns naming a group of people. */
export const GROUP_NOUNS = new Set('Jews Muslims Christians Evangelicals Mormons Protestants Americans Europeans Mexicans Israelis Iraqis Pakistanis Millennials Progressives Liberals Conservatives Independents Voters Latinos Blacks Whites Asians'.split(' '));

/**
 * A role mention ("the president", "the spokesman") is given the person's name when that
 * person was met in this paragraph or the one before; further back, the mention as written is the source
 * (the reader sees what the article says, not a guess across paragraphs).
 */
export function inReach(x: ExtractorState, p: { last: number }): boolean {
  const ps = x.sents[p.last];
  return !!ps && x.sent.para - ps.para <= 1;
}

/** Words no role before a name opens on ("in its dealings with Central Asia", "Neither Maples nor …"). */
export const NOT_ROLE_START = /^(?:in|on|at|with|for|from|to|by|about|against|into|over|under|after|before|during|they|he|she|her|his|their|its|we|our|i|my|neither|nor|either|than|because|despite|unlike|among|between|without|through|toward|towards)$/;
/** Words no speaker phrase opens on ("of Democrats", "If the federal government"). */
export const PHRASE_NOT_START = /^(?:of|for|in|on|at|from|with|by|into|if|to|than)$/;

/**
 * "The judge", "the GOP speechwriter": "the" and up to three words ending on a singular common
 * noun that is no thing, no document and no abstract noun ("the opposition", "the inspection").
 */
export function isDescribedDefinite(toks: Tok[], from: number, to: number): boolean {
  return /^the$/.test(toks[from].low) && to - from >= 2 && to - from <= 4 && toks[to - 1].raw === toks[to - 1].low && toks[to - 1].low.length >= 4 && !/(?:s|tion|sion|ment|ness|ity|ance|ence|ing)$/.test(toks[to - 1].low) && !NON_PERSON.has(toks[to - 1].low) && toks.slice(from + 1, to).every((t) => !t.punct && !VERBISH.has(t.low) && !CLAUSE_WORDS.has(t.low) && !/^(?:of|for|in|on|at|to|with|by|from)$/.test(t.low));
}

/** Token `close` is ")" closing a short parenthesis after a word ("Cummings (D-Md.)"): the "(" at or after `floor`; else -1. */
export function parenOpen(toks: Tok[], close: number, floor = 0): number {
  if (toks[close]?.raw !== ')') return -1;
  let q = close - 1;
  while (q > floor && close - q <= 8 && toks[q].raw !== '(' && toks[q].raw !== ')') q--;
  return q > floor && toks[q].raw === '(' && !toks[q - 1].punct ? q : -1;
}

/** Titles that are common family names too. */
const SURNAME_TITLES = /^(?:King|Bishop|Judge|Major|Prince|Pope|Dean)$/;

/** Token `k` belongs to a name run ending before `to`: a name word, or a capitalised word before a generational suffix ("King Jr."). */
export function nameRunTok(toks: Tok[], k: number, to: number): boolean {
  if (isNameTok(toks[k])) return true;
  const nx = toks[k + 1];
  // Initials written without a space ("G.K. Butterfield", "J.R.R. Tolkien") before a name word; alone
  // ("U.S.", "U.N.") they are the abbreviation of a place or body.
  if (k + 1 < to && !!nx && /^(?:\p{Lu}\.){2,3}$/u.test(toks[k].raw) && !/^(?:U\.S\.|U\.N\.|U\.K\.|E\.U\.)$/.test(toks[k].raw) && isNameTok(nx) && nx.raw.length > 2) return true;
  // A title word that is also a family name, last in the phrase after a given name ("Charlie King",
  // "Peter T. King", "Sarah Bishop"): titles stand before a name, never after it.
  if (k === to - 1 && k > 0 && SURNAME_TITLES.test(toks[k].raw.replace(/[’']s$/, '')) && isNameTok(toks[k - 1]) && !ROLE_WORDS.has(toks[k - 1].raw)) return true;
  return k + 1 < to && !!nx && /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(nx.raw) && !toks[k].punct && /^\p{Lu}\p{Ll}/u.test(toks[k].raw);
}

/**
 * The phrase toks[from, to) is one capitalised word that reads as a title ("King", "Bishop") but is
 * the family name of someone already met ("Andre Luther King Jr." … "King said"): that person's name.
 */
export function metAlone(x: ExtractorState, toks: Tok[], from: number, to: number): string | null {
  if (to - from !== 1 || !/^\p{Lu}\p{Ll}+$/u.test(toks[from].raw)) return null;
  return x.findPerson(toks[from].raw)?.name ?? null;
}

/**
 * Segment `seg` is the state or country closing a hometown ("Harry Bond, 30, of Dayton, Ohio, said",
 * "of Flint, Mich., said") and `prev` (left of it) the "of/from/in City" before it, or a phrase
 * ending on it ("a delegate from Houston"): one appositive.
 */
export function stateAfterPlace(toks: Tok[], seg: { from: number; to: number }, prev: { from: number; to: number }): boolean {
  const n = seg.to - seg.from;
  const a = toks[seg.from].raw;
  const place = (n === 1 && (PLACES.has(a) || (/^\p{Lu}[\p{L}.]{1,5}$/u.test(a) && toks[seg.to]?.raw === '.'))) || (n === 2 && PLACES2.has(a + '_' + toks[seg.from + 1].raw));
  if (!place) return false;
  if (prev.to - prev.from <= 4 && /^(?:of|from|in)$/.test(toks[prev.from]?.low ?? '')) return true;
  // "Harry Bond, a delegate from Houston, Texas, said": the appositive ends on "from City".
  for (const q of [prev.to - 2, prev.to - 3]) {
    if (q > prev.from && /^(?:of|from|in)$/.test(toks[q].low) && toks.slice(q + 1, prev.to).every((t) => isCap(t.raw) && !t.punct)) return true;
  }
  return false;
}

/** "his campaign manager", "her nephew" before a full name: a possessive and lower-case role words only. */
export function possessedRole(roleToks: Tok[], runLen: number): boolean {
  if (runLen < 2 || roleToks.length < 2 || roleToks.length > 4 || !/^(?:his|her|their|its|our|my)$/.test(roleToks[0].raw)) return false;
  return roleToks.slice(1).every((t) => !t.punct && t.raw === t.low && /^\p{L}+$/u.test(t.raw) && !VERBISH.has(t.low) && !CLAUSE_WORDS.has(t.low) && !DETERMINERS.has(t.low) && !/^(?:of|for|in|on|at|to|with|by|from|and|or)$/.test(t.low));
}
