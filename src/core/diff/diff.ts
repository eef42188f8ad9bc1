/**
 * Small diffs for "this article changed since you saved it": an LCS over sequences (words
 * of a paragraph, fingerprints of paragraphs), the word-level diff of two paragraphs, and
 * the paragraph-level comparison of two versions of a page (edited, added, removed, headline
 * and date line). Pure. A maintained library such as `diff` (jsdiff) could replace wordDiff.
 */
import { fnv1a } from '../packs/fingerprint';

export type DiffOp = { op: 'same' | 'del' | 'ins'; text: string };

/** Above this many LCS cells the diff gives up on alignment (whole delete + insert). */
export const MAX_CELLS = 4_000_000;

/** Index pairs [i, j] of a longest common subsequence of a and b (in order). */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = (x, y) => x === y): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (!n || !m || n * m > MAX_CELLS) return [];
  // dp[i][j] = LCS length of a[i:], b[j:]; one flat array of (n+1)(m+1) small integers.
  const w = m + 1;
  const dp = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = eq(a[i], b[j]) ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (eq(a[i], b[j])) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return out;
}

/** Words and the white space after each ("a b" → ["a ", "b"]). */
function wordTokens(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? [];
}

/** Word-level diff of two texts: runs of unchanged, deleted and inserted words (white space kept). */
export function wordDiff(a: string, b: string): DiffOp[] {
  const A = wordTokens(a);
  const B = wordTokens(b);
  const pairs = lcsPairs(A, B, (x, y) => x.trim() === y.trim());
  const out: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [A.length, B.length] as [number, number]]) {
    push('del', A.slice(i, pi).join(''));
    push('ins', B.slice(j, pj).join(''));
    if (pi < A.length) push('same', B[pj]);
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

/** Paragraphs of a text whose paragraphs are separated by blank lines. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A paragraph's fingerprint: 16 hex digits of its white-space-normalised text. */
export function paragraphFingerprint(p: string): string {
  const k = p.replace(/\s+/g, ' ').trim();
  return fnv1a(k).toString(16).padStart(8, '0') + fnv1a(k, 0x9e3779b9).toString(16).padStart(8, '0');
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of the smaller word set found in the other (0 for an empty one). */
export function wordOverlap(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (!A.size || !B.size) return 0;
  let n = 0;
  for (const w of A) if (B.has(w)) n++;
  return n / Math.min(A.size, B.size);
}

/** Two paragraphs are one paragraph edited when they share at least this share of words. */
export const EDIT_MIN_OVERLAP = 0.5;

export interface PageVersion {
  title: string;
  published: string | null;
  paragraphs: string[];
}

export interface VersionChanges {
  titleChanged: boolean;
  dateChanged: boolean;
  /** Paragraph pairs that are one paragraph edited (old index, new index). */
  edited: { from: number; to: number }[];
  added: number[];
  removed: number[];
  unchanged: number;
}

/** One row of two versions aligned paragraph by paragraph. */
export type AlignedRow =
  | { kind: 'same'; from: number; to: number }
  | { kind: 'edited'; from: number; to: number }
  | { kind: 'removed'; from: number }
  | { kind: 'added'; to: number };

/**
 * Two versions' paragraphs aligned: paragraphs kept as they were (LCS on fingerprints), and
 * between two kept ones, old and new paragraphs paired in order when they share
 * ≥ EDIT_MIN_OVERLAP of their words (edited); the rest removed or added.
 */
export function alignParagraphs(before: string[], after: string[]): AlignedRow[] {
  const pairs = lcsPairs(before.map(paragraphFingerprint), after.map(paragraphFingerprint));
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [before.length, after.length] as [number, number]]) {
    // The gap before this kept pair: old i..pi, new j..pj.
    let nj = j;
    for (let oi = i; oi < pi; oi++) {
      let hit = -1;
      for (let k = nj; k < pj; k++) {
        if (wordOverlap(before[oi], after[k]) >= EDIT_MIN_OVERLAP) {
          hit = k;
          break;
        }
      }
      if (hit < 0) {
        rows.push({ kind: 'removed', from: oi });
        continue;
      }
      for (let k = nj; k < hit; k++) rows.push({ kind: 'added', to: k });
      rows.push({ kind: 'edited', from: oi, to: hit });
      nj = hit + 1;
    }
    for (let k = nj; k < pj; k++) rows.push({ kind: 'added', to: k });
    if (pi < before.length) rows.push({ kind: 'same', from: pi, to: pj });
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}

/** What changed from `before` to `after` (see alignParagraphs). */
export function compareVersions(before: PageVersion, after: PageVersion): VersionChanges {
  const out: VersionChanges = {
    titleChanged: before.title.replace(/\s+/g, ' ').trim() !== after.title.replace(/\s+/g, ' ').trim(),
    dateChanged: (before.published ?? '') !== (after.published ?? ''),
    edited: [], added: [], removed: [], unchanged: 0,
  };
  for (const r of alignParagraphs(before.paragraphs, after.paragraphs)) {
    if (r.kind === 'same') out.unchanged++;
    else if (r.kind === 'edited') out.edited.push({ from: r.from, to: r.to });
    else if (r.kind === 'removed') out.removed.push(r.from);
    else out.added.push(r.to);
  }
  return out;
}
