/**
 * The first pass's deep read (issue #17): an article may name the group only far into its
 * body (a trial report naming it once in the ninth paragraph). Beyond the slice the first
 * pass reads in full, the text up to QUICK_DEEP_CHARS is searched for the topic's NAMES
 * only, without folding it: the text is lower-cased (native), and one regex per script
 * made of the names' search strings (each letter a class of the raw characters that fold
 * to it, each space any run of white space and dashes) finds candidates; only a short
 * window around each is folded and checked with the whole-word rule, exactly as in the
 * slice. A page without a candidate pays one lower-casing and one regex scan (of its own
 * script's names only); nothing is folded or tested per word.
 * Before any of that, quick-prefilter.ts clears (natively) the pages where no name's root can be.
 * Raw-pattern names ("IS fighters", "l'EI") run their own regex on the deep text only when
 * their literal is there.
 * Not covered in the deep part: a name with a mark or tatweel INSIDE it (داعـش), and
 * related vocabulary (it only counts in the slice).
 */
import { charMap, quickFold } from './quick-fold';
import { findGroup, literalMayMatch, patternRegex, type QuickTerms } from './quick-match';
import { deepMayName } from './quick-prefilter';

/** How many candidates are checked at most (a page listing "crisis" a thousand times stays cheap). */
const MAX_CANDIDATES = 64;
/** Characters kept on each side of a candidate for the whole-word check (clitics, article, suffixes). */
const MARGIN = 24;

interface DeepSearch {
  /** Names in Arabic script, and all others (the two are searched only where their script occurs). */
  arabic: RegExp | null;
  other: RegExp | null;
  names: number[][];
}
const built = new WeakMap<QuickTerms, DeepSearch>();
const isArabicRoot = (r: string) => r.charCodeAt(0) >= 0x600 && r.charCodeAt(0) <= 0x6ff;
const HAS_ARABIC = /[\u0600-\u06ff]/;
const HAS_OTHER = /[^\s\u0600-\u06ff]/;

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\\-/]/g, '\\$&');

/** The raw characters that fold to each folded character (from the folding map). */
let rawFor: Map<string, string[]> | null = null;
function classOf(c: string): string {
  if (c === ' ') return '[\\s\\u2010-\\u2015-]+';
  if (!rawFor) {
    rawFor = new Map();
    for (const [raw, folded] of Object.entries(charMap())) if (folded) rawFor.set(folded, [...(rawFor.get(folded) ?? []), raw]);
  }
  const alts = rawFor.get(c);
  if (!alts) return escape(c);
  // Lower-case only: the text is lower-cased first.
  const chars = [...new Set([c, ...alts].map((a) => a.toLowerCase()))];
  return `[${chars.map((a) => '\\u' + a.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`;
}

/**
 * The name groups, and a regex of their roots per script: a root that contains another root
 * is left out (wherever it occurs, the shorter one does too).
 */
function deepSearch(q: QuickTerms): DeepSearch {
  let b = built.get(q);
  if (b) return b;
  const names = q.groups.filter((g) => q.terms[q.forms[g[0]][1]][1]);
  const roots = [...new Set(names.map((g) => q.forms[g[0]][0]))].sort((x, y) => x.length - y.length);
  const kept: string[] = [];
  for (const r of roots) if (!kept.some((k) => r.includes(k))) kept.push(r);
  const regex = (rs: string[]) => (rs.length ? new RegExp(rs.map((r) => [...r].map(classOf).join('')).join('|'), 'g') : null);
  b = { arabic: regex(kept.filter(isArabicRoot)), other: regex(kept.filter((r) => !isArabicRoot(r))), names };
  built.set(q, b);
  return b;
}

/** Whether a candidate of `re` in `text` is a whole-word name (checked on a folded window). */
function confirmed(text: string, re: RegExp, q: QuickTerms, names: number[][]): boolean {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_CANDIDATES && (m = re.exec(text)); n++) {
    const from = Math.max(0, m.index - MARGIN);
    const window = quickFold(text.slice(from, m.index + m[0].length + MARGIN)).text;
    for (const g of names) if (findGroup(window, g, q.forms, null)) return true;
    if (m[0].length === 0) re.lastIndex++;
  }
  return false;
}

/** Whether `deep` (raw text after the slice) names the topic, by the same whole-word rule as the slice. */
export function namedDeep(deep: string, q: QuickTerms): boolean {
  if (!deep) return false;
  // The prefilter (native folding, a part of each name's root looked up with indexOf) clears most pages
  // before the search below builds and runs its regexes of character classes.
  if (deepMayName(deep, q)) {
    const { arabic, other, names } = deepSearch(q);
    const lower = deep.toLowerCase();
    if (other && HAS_OTHER.test(lower) && confirmed(lower, other, q, names)) return true;
    if (arabic && HAS_ARABIC.test(lower) && confirmed(lower, arabic, q, names)) return true;
  }
  for (const [term, lit, cs, src, flags] of q.patterns) {
    // Case-sensitive literals only ("IS", "EI"): their regex runs on the raw text where the literal occurs.
    if (!q.terms[term][1] || !lit || !cs || !literalMayMatch(deep, lit)) continue;
    const pre = patternRegex(src, flags);
    pre.lastIndex = 0;
    if (pre.test(deep)) return true;
  }
  return false;
}
