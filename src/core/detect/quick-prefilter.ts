/**
 * The first pass's prefilter: a few native string operations that prove "no topic term can
 * be here" for the great majority of pages, which have none, before the exact scan
 * (quick-scan.ts, quick-deep.ts) folds the text and checks the whole-word rule.
 *
 * The content script runs once per page, so its code is always cold: a JavaScript loop
 * over the text's characters, or a regex callback per character, is what costs. Here the
 * text is folded by `prefold` with native operations only (lower case, canonical
 * decomposition with the combining marks dropped, the characters `quickFold` drops
 * dropped, the three Arabic letters NFD leaves alone mapped, apostrophes unified, runs of
 * white space and dashes collapsed to one space), and the terms' roots are looked for as
 * plain substrings (`indexOf`; in the deep text, each name's longest part between spaces).
 *
 * It is a superset by construction: every character that `quickFold` turns into a
 * character of a search string, or drops, `prefold` turns into the same (a unit test checks
 * it for every UTF-16 code unit), so wherever the folded text holds a root, the prefolded
 * text holds it too. `prefold` folds MORE than `quickFold` (every accent, every combining
 * mark), which can only let more pages through to the exact scan, never fewer. The exact
 * scan then decides, so the first pass's answers are the same as without the prefilter.
 */
import type { QuickTerms } from './quick-match';
import { quickFold } from './quick-fold';

/** Combining marks (after NFD) and the characters `quickFold` drops (the '' entries of quick-fold's charMap). */
const DROP = /[\u0300-\u036f\u00ad\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const APOS = /[\u2018\u2019\u02bc]/g;
/** Combining marks in the text itself (not from a decomposition): `quickFold` keeps them, as non-word characters. */
const MARKS = /[\u0300-\u036f]/g;
/** Characters `quickFold` maps to U+001F (outside WORD_RANGES, but lower-casing into word characters: Ω K Å signs…). */
const NON_WORD = /[\u2126\u212a\u212b\u2c62\u2c64\u2c6d-\u2c70\u2c7e\u2c7f\ua78d\ua7aa-\ua7ae\ua7b0-\ua7b2\ua7c5\ua7cb\ua7dc]/g;
/**
 * As quickFold's SPACES: replacing its matches with one space turns every run of white space and
 * dashes into one space. A single space is left alone (not matched: replacing it would change
 * nothing), so a text whose runs are mostly single spaces has few matches to replace (on a cold page,
 * about half the cost of matching every space).
 */
const SPACES = /[\s\u2010-\u2015-]{2,}|[^\S ]|[\u2010-\u2015-]/g;
/**
 * Any character outside the plain set: ASCII, Latin-1 symbols (no letters, no soft hyphen),
 * the general punctuation without the format characters, currency signs and ™. On the plain
 * set, the folding steps below other than lower-casing, apostrophes and spaces change nothing
 * (no case, no decomposition, nothing dropped; a unit test checks every code unit), so text
 * made of it (most English pages: curly quotes, dashes, no-break spaces) skips them.
 */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[^\u0000-\u00ac\u00ae-\u00bf\u2002-\u200a\u2010-\u2029\u202f-\u205f\u20a0-\u20bf\u2122]/;

/**
 * Fold text at least as far as `quickFold` does, with native operations only (no callback):
 * a search string found in `quickFold(s).text` is found in `prefold(s)`. With `spaces` false,
 * runs of white space and dashes are left as they are (collapsing them costs more than the
 * rest on a long text; the deep search matches them in its regex instead).
 */
export function prefold(s: string, spaces = true): string {
  return prefoldDropped(s, spaces).text;
}

/** `prefold` by every step, plain text or not (the unit tests compare the two). */
export function prefoldAllSteps(s: string): string {
  return prefoldDropped(s, true, true).text;
}

/**
 * A prefolded text, with whether the raw text held a character `quickFold` (and
 * `foldForMatching`) drops, and whether it was plain. (An object read by property: an array
 * taken apart would go through the iterator protocol on this cold code.)
 */
interface Prefolded { text: string; dropped: boolean; plain: boolean }

/** `prefold`, with what it saw. */
function prefoldDropped(s: string, spaces: boolean, allSteps = false, keepApostrophes = false): Prefolded {
  let t: string;
  let dropped = false;
  let plain = !allSteps;
  // Plain text: one regex test, then native string operations only (no regex to compile).
  // With `keepApostrophes`, plain text is only lower-cased (the caller looks for every apostrophe).
  if (plain && !NOT_PLAIN.test(s)) {
    t = s.toLowerCase();
    if (keepApostrophes) return { text: spaces ? t.replace(SPACES, ' ') : t, dropped: false, plain: true };
    t = t.replaceAll('\u2019', "'").replaceAll('\u2018', "'");
  } else {
    plain = false;
    t = s.replace(NON_WORD, '\u001f').toLowerCase().replace(MARKS, '\u0001');
    const n = t.length;
    t = t.replace(DROP, '');
    dropped = t.length !== n;
    // NFD splits accented letters (and أ إ آ ؤ ئ) into a letter and marks, dropped in turn.
    t = t
      .normalize('NFD')
      .replace(DROP, '')
      .replaceAll('\u0671', '\u0627')
      .replaceAll('\u0649', '\u064a')
      .replaceAll('\u0629', '\u0647')
      .replace(APOS, "'");
  }
  t = t.replaceAll('`', "'");
  return { text: spaces ? t.replace(SPACES, ' ') : t, dropped, plain };
}

/**
 * Characters that, just before a root, prove it is not the start of a word: in the prefolded text
 * they come only from word characters of the folded text that are not Arabic clitics (و ف ب ك ل),
 * where the exact scan's whole-word rule fails (a unit test checks it for every code unit):
 * 0-9 _ a-z, and the Arabic letters but those five.
 */
export function insideWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
  return c >= 0x621 && c <= 0x64a && c !== 0x628 && c !== 0x641 && c !== 0x643 && c !== 0x644 && c !== 0x648 && (c <= 0x63a || c >= 0x641);
}

/** Per terms object: the search strings of the names' roots, one segment each (built on first use). */
const namesCache = new WeakMap<QuickTerms, string[]>();
/** Per terms object: each name part written with each raw apostrophe plain text may hold (looked up in plain text that is only lower-cased). */
const rawPartsCache = new WeakMap<QuickTerms, string[]>();
/** The characters the plain way of `prefold` turns into an apostrophe, and the apostrophe. */
const PLAIN_APOSTROPHES = ["'", '\u2019', '\u2018', '`'];

/**
 * The name parts with their apostrophes written every way plain text may write them: wherever
 * `prefold` (plain text) holds a part, the lower-cased text holds one of these at the same place
 * (the replacements are one character for one, and none of the four is inside a word).
 */
function rawNameParts(q: QuickTerms): string[] {
  let out = rawPartsCache.get(q);
  if (out) return out;
  out = [];
  for (const part of nameParts(q)) {
    let forms = [''];
    for (const c of part) forms = c === "'" ? forms.flatMap((f) => PLAIN_APOSTROPHES.map((a) => f + a)) : forms.map((f) => f + c);
    for (const f of forms) if (!out.includes(f)) out.push(f);
  }
  rawPartsCache.set(q, out);
  return out;
}

/**
 * For each name's root, its longest part between spaces ("islamic state" → "islamic"), once.
 * Wherever the root occurs at a word start in the folded text, this part occurs in the
 * prefolded text (white space left as it is) at a word start too: it is the root's start, or
 * follows a space, which stands for white space or dashes, none of them a word character.
 * Plain `indexOf` lookups, no regex to compile on the page.
 */
function nameParts(q: QuickTerms): string[] {
  let parts = namesCache.get(q);
  if (parts) return parts;
  parts = [];
  for (const g of q.groups) {
    const form = q.forms[g[0]];
    if (!q.terms[form[1]][1]) break; // names come first
    let best = '';
    for (const part of form[0].split(' ')) if (part.length > best.length) best = part;
    if (best && !parts.includes(best)) parts.push(best);
  }
  namesCache.set(q, parts);
  return parts;
}

const ARABIC = /[\u0600-\u06ff]/;

let enabled = true;
/** Turn the prefilter off (tests and benchmarks compare the first pass with and without it). */
export function usePrefilter(on: boolean): void {
  enabled = on;
}
let useAnchors = true;
/** Look up every root instead of the anchors first (tests and benchmarks compare the two). */
export function usePrefilterAnchors(on: boolean): void {
  useAnchors = on;
}

/**
 * Whether the head text (title, meta, slice; raw) may hold a group's root at a word start, or
 * a case-insensitive pattern's literal: null when it may, else whether the text holds a
 * character `foldForMatching` drops (what the case-sensitive patterns' check needs) and the
 * prefolded text (where quick-context.ts looks for its words), and whether that holds an Arabic letter. Not null
 * proves that the exact scan finds no group and no case-insensitive pattern there. One pass
 * over the groups, each root looked up with `indexOf`.
 */
export function headMayMatch(raw: string, q: QuickTerms): { dropped: boolean; text: string; arabic: boolean } | null {
  if (!enabled) return null;
  const folded = prefoldDropped(raw, true);
  const p = folded.text;
  const dropped = folded.dropped;
  // (Plain text has no Arabic letter.)
  const arabic = !folded.plain && ARABIC.test(p);
  const { groups, forms, anchors } = q;
  if (anchors && useAnchors) {
    // Each root contains its anchor: a root whose anchor is not there is not there either.
    // (Indexed reads, no destructuring: this code runs cold, where an array pattern goes through
    // the iterator protocol. The Arabic anchors come last.)
    for (let a = 0; a < anchors.length; a++) {
      const entry = anchors[a];
      if (entry[1] && !arabic) break;
      if (p.indexOf(entry[0]) < 0) continue;
      const under = entry[2];
      for (let i = 0; i < under.length; i++) if (rootAtWordStart(p, forms[groups[under[i]][0]][0])) return null;
    }
  } else {
    for (let g = 0; g < groups.length; g++) {
      const root = forms[groups[g][0]][0];
      const c = root.charCodeAt(0);
      if (!arabic && c >= 0x600 && c <= 0x6ff) continue;
      if (rootAtWordStart(p, root)) return null;
    }
  }
  // Case-insensitive patterns' literals, anywhere (their regex runs on the folded text).
  const patterns = q.patterns;
  for (let i = 0; i < patterns.length; i++) {
    const lit = patterns[i][1];
    if (!patterns[i][2] && (!lit || p.indexOf(quickFold(lit).text) >= 0)) return null;
  }
  return { dropped, text: p, arabic };
}

/** Whether `root` occurs in the prefolded text `p` at a word start. */
function rootAtWordStart(p: string, root: string): boolean {
  for (let at = p.indexOf(root); at >= 0; at = p.indexOf(root, at + 1)) {
    if (at === 0 || !insideWord(p.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** Whether the deep text (raw) may hold a name's root at a word start. False proves the deep names search finds nothing. */
export function deepMayName(deep: string, q: QuickTerms): boolean {
  if (!enabled) return true;
  if (!nameParts(q).length) return false;
  // Plain text (most English pages) is only lower-cased: the three replacements of its
  // apostrophes would each copy the long text, where looking up the few parts with an
  // apostrophe in each of its raw forms costs next to nothing.
  const folded = prefoldDropped(deep, false, false, true);
  const p = folded.text;
  const parts = folded.plain ? rawNameParts(q) : nameParts(q);
  // A part inside a word ("crisis") is no name: the next one is looked at.
  for (const part of parts) {
    for (let at = p.indexOf(part); at >= 0; at = p.indexOf(part, at + 1)) {
      if (at === 0 || !insideWord(p.charCodeAt(at - 1))) return true;
    }
  }
  return false;
}
