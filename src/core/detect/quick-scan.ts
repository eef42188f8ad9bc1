/**
 * The first pass without the profile's regexes: the content script runs it on every
 * page, so it must cost next to nothing cold (no profile to compile, no big regex to
 * build, compile or tier up, no per-character JavaScript loop).
 *
 * The profile's terms are folded ahead of time (`buildQuickTerms`, committed for the
 * built-in profile in `quick-terms.generated.ts`) into plain search strings. At run time
 * the bounded input is folded once by `quickFold` (native string operations: lower case,
 * the Latin accents the profile accepts stripped, Arabic folded and marks dropped as by
 * `foldForMatching`, apostrophes unified, runs of white space and dashes collapsed to one
 * space), each search string is looked up with `indexOf`, and the whole-word rule (Arabic
 * clitics and article included) is checked in code at the few places found. Terms defined
 * by a raw pattern ("IS fighters", "l'EI") get a small regex of their own, compiled only
 * when their literal ("IS", "EI") appears in the text at all.
 *
 * It is recall-oriented: whatever the full detector can match in the same text, this
 * finds too (case is ignored, hyphens and apostrophes are optional on both sides).
 *
 * Before all of that, quick-prefilter.ts folds the text with native operations only and
 * looks for the roots as plain substrings at word starts: on a page that holds none (most
 * pages) the folding and the whole-word checks above never run. It is a superset of them, so
 * the answers are the same.
 */
import type { QuickCheckResult, QuickInput } from '../model';
import { foldLikeMatching, quickFold } from './quick-fold';
import { findGroup, patternHit, type QuickTerms } from './quick-match';
import { namedDeep } from './quick-deep';
import { headMayMatch } from './quick-prefilter';
import { hasContext } from './quick-context';
import type { QuickFolded } from './quick-fold';

export { quickFold, foldLikeMatching, type QuickFolded } from './quick-fold';
export type { QuickTerms } from './quick-match';

/** Characters of the text slice that are read in full: names, raw-pattern names and related vocabulary. */
export const QUICK_SLICE_CHARS = 4000;
/**
 * Characters of text read at most: after the slice, up to here, the text is searched for
 * the names only (quick-deep.ts). The caller may pass more; the rest is not looked at.
 */
export const QUICK_DEEP_CHARS = 60_000;
/** Characters of the meta text that are looked at. */
export const QUICK_META_CHARS = 4000;
/** Related-vocabulary weight in the slice that makes a page worth a full look without a name. */
export const QUICK_VOCAB_WEIGHT = 2;

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

const SEP = '\u0001';
/** Characters of the slice's end searched again with the deep part. */
const DEEP_OVERLAP = 64;
/** Arabic letters (after folding), and Latin ones (folded to lower case). */
const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[a-z]/;

/**
 * Whether a page is worth the full extraction + detection. Reads the title, the meta text
 * (first QUICK_META_CHARS) and the text slice (first QUICK_SLICE_CHARS); when the page has
 * not passed on those, the text after the slice (up to QUICK_DEEP_CHARS) for names only.
 */
export function quickScan(input: QuickInput, q: QuickTerms): QuickCheckResult {
  const slice = input.textSlice.length > QUICK_SLICE_CHARS ? input.textSlice.slice(0, QUICK_SLICE_CHARS) : input.textSlice;
  const meta = input.meta.length > QUICK_META_CHARS ? input.meta.slice(0, QUICK_META_CHARS) : input.meta;
  // One string; the separator is not white space and not part of a word, so nothing matches across parts.
  const raw = (input.title || '') + SEP + meta + SEP + slice;
  // Most pages hold no root of any term: the prefilter proves it with native operations, and
  // then only the case-sensitive patterns (whose literal is rare) are looked at.
  const cleared = headMayMatch(raw, q);
  if (cleared) return patternsOnly(input, slice, raw, q, cleared.text, cleared.arabic, cleared.dropped);
  return scanFolded(input, slice, raw, q);
}

/**
 * The exact scan of the head (title, meta, slice; `raw`), on a page the prefilter did not clear
 * (its own function: the common path above stays small to compile).
 */
function scanFolded(input: QuickInput, slice: string, raw: string, q: QuickTerms): QuickCheckResult {
  const folded = quickFold(raw);
  const s = folded.text;
  const { forms, groups, terms } = q;
  // A root can only occur where its script does: on a page without Arabic letters the
  // Arabic roots are not searched at all, and the Latin ones not on a page without Latin letters.
  const hasArabic = ARABIC.test(s);
  const hasLatin = LATIN.test(s);
  const searchable = (group: number[]) => {
    const c = forms[group[0]][0].charCodeAt(0);
    return c >= 0x600 && c <= 0x6ff ? hasArabic : c >= 0x61 && c <= 0x7a ? hasLatin : true;
  };

  // Names: one is enough.
  let g = 0;
  for (; g < groups.length; g++) {
    const group = groups[g];
    if (!terms[forms[group[0]][1]][1]) break; // names come first
    if (searchable(group) && findGroup(s, group, forms, null)) return { worth: true, reason: 'topic-named', hits: 1 };
  }
  let matchText: string | null = null;
  const forMatching = () => (matchText ??= folded.same ? raw : foldLikeMatching(raw));
  for (const p of q.patterns) {
    if (terms[p[0]][1] && patternHit(p, raw, folded, forMatching)) return { worth: true, reason: 'topic-named', hits: 1 };
  }

  // Related vocabulary: weight of non-overlapping hits (the longest first at a position).
  const at: number[] = [];
  for (; g < groups.length; g++) if (searchable(groups[g])) findGroup(s, groups[g], forms, at);
  let hits = 0;
  let vocab = 0;
  for (const p of q.patterns) {
    // Vocabulary given by a pattern: one hit at most (its position is in another folding).
    if (!terms[p[0]][1] && patternHit(p, raw, folded, forMatching)) {
      hits++;
      vocab += terms[p[0]][2];
    }
  }
  if (at.length) {
    const n = at.length / 3;
    const order: number[] = [];
    for (let i = 0; i < n; i++) order.push(i);
    order.sort((a, b) => at[3 * a] - at[3 * b] || at[3 * b + 1] - at[3 * a + 1]);
    let end = -1;
    for (const i of order) {
      if (at[3 * i] < end) continue;
      end = at[3 * i + 1];
      hits++;
      vocab += terms[forms[at[3 * i + 2]][1]][2];
    }
  }
  return afterHead(input, slice, q, s, hasArabic, hits, vocab);
}

/**
 * The pattern terms alone, on a head the prefilter cleared (`head`: its prefolded text, `arabic`:
 * whether that holds an Arabic letter), then the end of the check.
 */
function patternsOnly(input: QuickInput, slice: string, raw: string, q: QuickTerms, head: string, arabic: boolean, dropped: boolean): QuickCheckResult {
  let hits = 0;
  let vocab = 0;
  let matchText: string | null = null;
  const forMatching = () => (matchText ??= foldLikeMatching(raw));
  // No group root and no case-insensitive literal is there (the folded text is not needed):
  // a case-sensitive literal is looked for in the raw text, and in the text `foldForMatching`
  // gives only where a character it drops was seen.
  const folded: QuickFolded = { text: '', same: false, dropped };
  const patterns = q.patterns;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i];
    if (!patternHit(p, raw, folded, forMatching)) continue;
    if (q.terms[p[0]][1]) return { worth: true, reason: 'topic-named', hits: 1 };
    hits++;
    vocab += q.terms[p[0]][2];
  }
  return afterHead(input, slice, q, head, arabic, hits, vocab);
}

/** The end of the check, once the head (title, meta, slice; `head` folded, `arabic`: whether it holds an Arabic letter) is counted. */
function afterHead(input: QuickInput, slice: string, q: QuickTerms, head: string, arabic: boolean, hits: number, vocab: number): QuickCheckResult {
  if (vocab >= QUICK_VOCAB_WEIGHT && (input.articleSignals > 0 || slice.length >= 1500)) {
    return { worth: true, reason: 'related-terms', hits };
  }
  // A name deep in the body (after the slice), on a page whose head has a topic term or a word of
  // the topic's context (quick-context.ts); other pages are not read further.
  // (It overlaps the slice a little, so that a name cut by the slice's end is found whole.)
  if ((input.more || input.textSlice.length > QUICK_SLICE_CHARS) && (hits > 0 || hasContext(head, arabic))) {
    const text = input.more ? input.textSlice + input.more() : input.textSlice;
    if (text.length > QUICK_SLICE_CHARS && namedDeep(text.slice(QUICK_SLICE_CHARS - DEEP_OVERLAP, QUICK_DEEP_CHARS), q)) {
      return { worth: true, reason: 'topic-named', hits: hits + 1 };
    }
  }
  if (vocab >= QUICK_VOCAB_WEIGHT) return { worth: false, reason: 'not-article', hits };
  return { worth: false, reason: hits ? 'too-few-topic-terms' : 'no-topic-terms', hits };
}

