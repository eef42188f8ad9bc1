/**
 * Which claims of a page are a claim a fact-checker reviewed (schema.org ClaimReview), with
 * the reason for each match. Conservative rule, see README.md. Pure.
 */
import { normalizeText, tokenize } from '../text/normalize';
import { isStopword, stem } from '../match/terms';

/** A claim on the page (the fields of core/claims' PageClaim this needs). */
export interface ClaimLike {
  text: string;
  subject?: string;
  quantity?: number | null;
}

/** A reviewed claim (ClaimReview fields this needs, plus anything the caller carries). */
export interface ReviewedLike {
  claimReviewed: string;
}

export interface FactCheckMatch<R extends ReviewedLike> {
  claimIndex: number;
  review: R;
  rule: 'figure-and-subject' | 'word-overlap';
  reason: string;
  /** Shared content words (stems) and figures. */
  sharedWords: string[];
  sharedFigures: number[];
}

export const MIN_FIGURE = 10;
export const FIGURE_MIN_WORDS = 3;
export const OVERLAP_MIN_WORDS = 5;
export const OVERLAP_MIN_SHARE = 0.6;

/** Content words (stemmed, stop words and numbers out). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(normalizeText(text))) {
    if (/^\d/.test(t) || t.length < 3 || isStopword(t)) continue;
    out.add(stem(t));
  }
  return out;
}

/** Figures written in the text ("1,200" → 1200, "3.5" → 3.5); years 1900–2100 left out. */
export function figuresIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const raw = m[0].replace(/[,\u00a0\u202f ]/g, '');
    const n = Number(raw);
    if (!Number.isFinite(n)) continue;
    if (/^\d{4}$/.test(raw) && n >= 1900 && n <= 2100) continue;
    out.add(n);
  }
  return out;
}

/** A reviewed claim's words and figures, computed once (callers may keep these between pages). */
export interface PreparedReview<R> {
  review: R;
  words: Set<string>;
  figures: Set<number>;
}
type Prepared<R> = PreparedReview<R>;

export function prepareReview<R extends ReviewedLike>(review: R): PreparedReview<R> {
  return { review, words: contentWords(review.claimReviewed), figures: figuresIn(review.claimReviewed) };
}

function intersect<T>(a: Set<T>, b: Set<T>): T[] {
  const out: T[] = [];
  for (const x of a) if (b.has(x)) out.push(x);
  return out;
}

interface PreparedClaim {
  words: Set<string>;
  figures: Set<number>;
  subject: Set<string>;
}

function prepareClaim(claim: ClaimLike): PreparedClaim {
  const figures = figuresIn(claim.text);
  if (typeof claim.quantity === 'number' && Number.isFinite(claim.quantity)) figures.add(claim.quantity);
  return { words: contentWords(claim.text), figures, subject: claim.subject ? contentWords(claim.subject) : new Set<string>() };
}

/** One claim against one reviewed claim: the match, or null. */
function matchOne<R extends ReviewedLike>({ words, figures, subject }: PreparedClaim, i: number, r: Prepared<R>): FactCheckMatch<R> | null {
  // Cheap exit: too few shared words for either rule.
  let shared = 0;
  for (const w of words) if (r.words.has(w) && ++shared >= FIGURE_MIN_WORDS) break;
  if (shared < FIGURE_MIN_WORDS) return null;
  const sharedWords = intersect(words, r.words);
  const sharedFigures = intersect(figures, r.figures);
  const bigShared = sharedFigures.filter((n) => n >= MIN_FIGURE);
  if (bigShared.length && sharedWords.length >= FIGURE_MIN_WORDS && (subject.size === 0 || sharedWords.some((w) => subject.has(w)))) {
    return {
      claimIndex: i, review: r.review, rule: 'figure-and-subject', sharedWords, sharedFigures,
      reason: `same figure ${bigShared.map((n) => n.toLocaleString('en-US')).join(', ')} and words: ${sharedWords.slice(0, 6).join(', ')}`,
    };
  }
  const figuresDisagree = figures.size > 0 && r.figures.size > 0 && sharedFigures.length === 0;
  const smaller = Math.min(words.size, r.words.size);
  if (!figuresDisagree && smaller > 0 && sharedWords.length >= OVERLAP_MIN_WORDS && sharedWords.length / smaller >= OVERLAP_MIN_SHARE) {
    return {
      claimIndex: i, review: r.review, rule: 'word-overlap', sharedWords, sharedFigures,
      reason: `${sharedWords.length} of ${smaller} words shared with the reviewed claim`,
    };
  }
  return null;
}

/** Every (claim, reviewed claim) match; at most `perClaim` per claim, best first (figure rule, then more shared words). */
export function matchFactChecks<R extends ReviewedLike>(claims: ClaimLike[], reviewed: R[], perClaim = 3): FactCheckMatch<R>[] {
  return matchPrepared(claims, reviewed.map(prepareReview), perClaim);
}

/** The same, on reviews prepared beforehand (prepareReview). */
export function matchPrepared<R extends ReviewedLike>(claims: ClaimLike[], prepared: PreparedReview<R>[], perClaim = 3): FactCheckMatch<R>[] {
  const out: FactCheckMatch<R>[] = [];
  claims.forEach((claim, i) => {
    const c = prepareClaim(claim);
    if (!c.words.size) return;
    const found = prepared.map((r) => matchOne(c, i, r)).filter((m): m is FactCheckMatch<R> => m !== null);
    found.sort((a, b) => (a.rule === b.rule ? b.sharedWords.length - a.sharedWords.length : a.rule === 'figure-and-subject' ? -1 : 1));
    out.push(...found.slice(0, perClaim));
  });
  return out;
}
