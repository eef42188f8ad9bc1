/**
 * The first pass's deep read (issue #17): an article may name the group only far into its
 * body (a trial report naming it once in the ninth paragraph). Beyond the slice the first
 * pass reads in full, the text up to QUICK_DEEP_CHARS is searched for the topic's NAMES
 * only, without folding it: one regex made of the names' search strings (each letter a
 * class of the raw characters that fold to it, each space any run of white space and
 * dashes; case ignored) finds candidates, and only a short window around each is folded
 * and checked with the whole-word rule, exactly as in the slice. A page without a
 * candidate pays one regex scan of native speed; nothing is folded or tested per word.
 * Raw-pattern names ("IS fighters", "l'EI") run their own regex on the deep text only when
 * their literal is there.
 * Not covered in the deep part: a name with a mark or tatweel INSIDE it (داعـش), and
 * related vocabulary (it only counts in the slice).
 */
import { CHAR_MAP, quickFold } from './quick-fold';
import { findGroup, patternRegex, type QuickTerms } from './quick-match';

/** How many candidates are checked at most (a page listing "crisis" a thousand times stays cheap). */
const MAX_CANDIDATES = 64;
/** Characters kept on each side of a candidate for the whole-word check (clitics, article, suffixes). */
const MARGIN = 24;

const built = new WeakMap<QuickTerms, { re: RegExp; names: number[][] }>();

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\\-/]/g, '\\$&');

/** The raw characters that fold to each folded character (from the folding map). */
let rawFor: Map<string, string[]> | null = null;
function classOf(c: string): string {
  if (c === ' ') return '[\\s\\u2010-\\u2015-]+';
  if (!rawFor) {
    rawFor = new Map();
    for (const [raw, folded] of Object.entries(CHAR_MAP)) if (folded) rawFor.set(folded, [...(rawFor.get(folded) ?? []), raw]);
  }
  const alts = rawFor.get(c);
  if (!alts) return escape(c);
  return `[${[c, ...alts].map((a) => '\\u' + a.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`;
}

/**
 * The name groups, and one regex of their roots: a root that contains another root is left
 * out (wherever it occurs, the shorter one does too).
 */
function deepSearch(q: QuickTerms): { re: RegExp; names: number[][] } {
  let b = built.get(q);
  if (b) return b;
  const names = q.groups.filter((g) => q.terms[q.forms[g[0]][1]][1]);
  const roots = [...new Set(names.map((g) => q.forms[g[0]][0]))].sort((x, y) => x.length - y.length);
  const kept: string[] = [];
  for (const r of roots) if (!kept.some((k) => r.includes(k))) kept.push(r);
  const source = kept.map((r) => [...r].map(classOf).join('')).join('|');
  b = { re: new RegExp(source || '(?!)', 'gi'), names };
  built.set(q, b);
  return b;
}

/** Whether `deep` (raw text after the slice) names the topic, by the same whole-word rule as the slice. */
export function namedDeep(deep: string, q: QuickTerms): boolean {
  if (!deep) return false;
  const { re, names } = deepSearch(q);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_CANDIDATES && (m = re.exec(deep)); n++) {
    const from = Math.max(0, m.index - MARGIN);
    const window = quickFold(deep.slice(from, m.index + m[0].length + MARGIN)).text;
    for (const g of names) if (findGroup(window, g, q.forms, null)) return true;
    if (m[0].length === 0) re.lastIndex++;
  }
  for (const [term, lit, cs, src, flags] of q.patterns) {
    // Case-sensitive literals only ("IS", "EI"): their regex runs on the raw text where the literal occurs.
    if (!q.terms[term][1] || !lit || !cs || deep.indexOf(lit) < 0) continue;
    const pre = patternRegex(src, flags);
    pre.lastIndex = 0;
    if (pre.test(deep)) return true;
  }
  return false;
}
