/**
 * Organisation phrases, the Islamic State's own media and poll shares in Latin-script speaker
 * phrases (used by latin-np.ts): "the State Department", "Trump's campaign", "IG Ltd.",
 * "Amaq News Agency", "74 percent".
 */
import { ANON_HEADS, CLAUSE_WORDS, COUNTRIES, FIRST_NAMES_F, FIRST_NAMES_M, GROUP_MEDIA, NOT_SURNAME, NP_LEADIN, ORG_HEADS, ORG_NAME_END, ORG_WORDS, ROLE_HEADS, ROLE_WORDS, VERBISH } from './lexicon';
import { isCap, type Tok } from './tokens';

/** Start of an organisation phrase ending at `to`, or -1 → null. */
export function orgPhrase(toks: Tok[], from: number, to: number): number | null {
  const last = toks[to - 1];
  const raw = last.raw.replace(/[’']s$/, '').replace(/\.$/, '');
  const capEnd = ORG_NAME_END.has(raw) || COUNTRIES.has(raw) || (to - from === 1 && ORG_WORDS.has(raw) && !NOT_SURNAME.has(raw) && isCap(raw));
  const lowEnd = last.raw === last.low && ORG_HEADS.has(last.low);
  if (!capEnd && !lowEnd) {
    // "the ministry of transport", "the Department of Justice": the head before "of".
    const k = toks.findIndex((t, q) => q >= from && q < to - 1 && (ORG_HEADS.has(t.low) || ORG_NAME_END.has(t.raw)) && /^(?:of|for)$/.test(toks[q + 1].low));
    if (k >= 0 && properOrgName(toks, from, k, to)) return from;
    if (k < 0 || k === from || !/^(?:the|its|a)$/.test(toks[k - 1].low)) return null;
    for (let q = k + 2; q < to; q++) if (toks[q].punct || VERBISH.has(toks[q].low) || CLAUSE_WORDS.has(toks[q].low) || ANON_HEADS.has(toks[q].low)) return null;
    return to - from <= 8 ? from : null;
  }
  // A lower-case head needs a determiner or a possessive before it ("the company", "Trump's campaign").
  let f = from;
  while (f < to - 1 && NP_LEADIN.has(toks[f].low)) f++;
  // "police said", "local police said": a body named without an article.
  const bare = last.low === 'police';
  if (lowEnd && !bare) {
    const prev = toks[to - 2];
    if (!prev || to - 1 === from) return null;
    const det = toks.slice(f, to - 1).some((t) => /^(?:the|a|an|its|his|her|their|our|this|that)$/.test(t.low) || /[’']s$/.test(t.raw) || t.raw === "'" || t.raw === '’');
    if (!det) return null;
  }
  // The head is the last word: no source head or preposition before it ("a source close to the council").
  for (let k = f; k < to - 1; k++) {
    const w = toks[k].low;
    if (ANON_HEADS.has(w) || ROLE_HEADS.has(w) || (lowEnd && /^(?:of|for|to|in|at|from|with|close|near|by|on)$/.test(w))) return null;
  }
  // No verb or clause word inside; at most 8 words.
  if (to - f > 8) return null;
  for (let k = f; k < to; k++) if ((toks[k].punct && toks[k].raw !== "'" && toks[k].raw !== '’') || VERBISH.has(toks[k].low) || (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low))) return null;
  // Capitalised org ends: the words before are capitalised (or "the").
  if (capEnd) for (let k = f; k < to - 1; k++) if (!isCap(toks[k].raw) && !/^(?:the|of|for|and|on|de|du|des|la|le|al)$/.test(toks[k].low)) return null;
  return f;
}

const ORG_PRE = /^(?:the|state|federal|national|city|county|u\.s\.)$/;
const ORG_TAIL = /^(?:the|of|for|and|on|\d+(?:st|nd|rd|th))$/;

/**
 * toks[from, to) is an organisation's proper name built on the head at `k` and "of"/"for": "The
 * U.S. Court of Appeals for the 4th Circuit", "the state Division of Gaming Enforcement", "the
 * Roper Center for Public Opinion Research" (the whole name, not its last words). Not "University
 * of Ohio Professor Ann Lee" (a role or a given name in the tail is a person's).
 */
function properOrgName(toks: Tok[], from: number, k: number, to: number): boolean {
  if (to - from > 12 || k - from > 4 || !isCap(toks[to - 1].raw)) return false;
  // Before the head: capitalised words, or modifiers after a determiner ("the fiscally conservative Club for Growth").
  const det = /^(?:the|a|an)$/.test(toks[from].low);
  for (let q = from; q < k; q++) if (!isCap(toks[q].raw) && !ORG_PRE.test(toks[q].low) && !(det && !toks[q].punct && !VERBISH.has(toks[q].low) && !CLAUSE_WORDS.has(toks[q].low))) return false;
  for (let q = k + 2; q < to; q++) {
    const t = toks[q];
    if (t.punct || ROLE_WORDS.has(t.raw) || FIRST_NAMES_M.has(t.raw) || FIRST_NAMES_F.has(t.raw) || (!isCap(t.raw) && !ORG_TAIL.test(t.low))) return false;
  }
  return true;
}

/** End (exclusive) of the first name of the group's own media in toks[from, to), else 0. */
export function groupMediaIn(toks: Tok[], from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.punct) break;
    const w = t.low.replace(/^(?:al|el|a)[-‐]/, '').replace(/['’]/g, '');
    if (GROUP_MEDIA.has(w) && (isCap(t.raw) || /^(?:al|el)-\p{Lu}/u.test(t.raw))) {
      // "al-Hayat Media Center", "Amaq News Agency": take the descriptor words with it.
      let e = k + 1;
      while (e < to && e - k <= 3 && /^(?:news|media|center|centre|agency|foundation|weekly|magazine|radio|establishment|office)$/i.test(toks[e].raw)) e++;
      // "al-Hayat" alone is also a newspaper: only "al-Hayat Media Center" is the group's.
      if (w === 'hayat' && e === k + 1) return 0;
      return e;
    }
  }
  return 0;
}

const SHARE_WORDS = /^(?:percent|per|%|half|majority|majorities|third|thirds|quarter|quarters|plurality|two-thirds|three-quarters|one-third|one-quarter|three-in-five|two-in-three)$/;
const COUNT = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/;

/** "74 percent", "six in 10", "Nearly half", "a majority of Republicans": a share of a poll's respondents. */
export function isPollShare(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 4; k++) {
    const w = toks[k].low;
    // "Senate Majority Leader", "House Minority Whip": a capitalised share word before a capitalised word is a title.
    if (w === 'majority' && isCap(toks[k].raw) && toks[k + 1] && isCap(toks[k + 1].raw) && !toks[k + 1].punct) continue;
    if (SHARE_WORDS.test(w) || /^[\d.]+%$/.test(w) || /-in-(?:\d+|ten|five|four|three)$/.test(w)) return true;
    if (COUNT.test(w) && toks[k + 1]?.low === 'in' && /^(?:\d+|ten|five|four|three)$/.test(toks[k + 2]?.low ?? '')) return true;
    if (VERBISH.has(w) || CLAUSE_WORDS.has(w)) return false;
  }
  return false;
}

