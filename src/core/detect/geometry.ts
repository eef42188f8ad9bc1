/**
 * Text geometry for topic detection: word counts, the lead zone (opening paragraph) and
 * paragraph segments, computed with native string operations.
 */


/*
 * Words are runs of anything but space, tab, CR, LF and no-break space. Counted with native
 * string operations: a per-character loop costs about 0.1 µs per character on a page where
 * the detector runs for the first time (it is not optimised yet), i.e. milliseconds.
 */
const WORD_RUNS = /[^ \n\r\t\u00a0]+/g;

/** Number of words in `s`. */
export function countWords(s: string): number {
  if (!s) return 0;
  // Each word becomes one U+0001 (a U+0001 of the text is inside a word and replaced with it).
  return s.replace(WORD_RUNS, '\u0001').split('\u0001').length - 1;
}

/** Whether s[from, to) holds at least `n` words (`to` is a line end: a newline or the end). */
export function hasWords(s: string, from: number, to: number, n: number): boolean {
  WORD_RUNS.lastIndex = from;
  let k = 0;
  let m: RegExpExecArray | null;
  while (k < n && (m = WORD_RUNS.exec(s)) && m.index < to) k++;
  return k >= n;
}

/** End offset of the lead zone inside `text`. */
export function leadEnd(text: string, lead: string | undefined): number {
  if (lead && lead.trim()) {
    const probe = lead.trim().slice(0, 40);
    const at = text.indexOf(probe);
    if (at >= 0 && at < 200) return Math.min(text.length, at + lead.trim().length);
    return -1; // lead is not part of text: scanned as its own field
  }
  // First paragraph(s), skipping a short dateline/byline line, clamped to 150..450 chars.
  let end = 0;
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    const pe = nl < 0 ? text.length : nl;
    if (text.slice(from, pe).trim().length > 0) {
      end = pe;
      if (end - 0 >= 120) break;
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  return Math.min(text.length, Math.max(150, Math.min(end || text.length, 450)));
}

/** Segment starts: paragraphs when there are enough, otherwise ~700-char chunks. */
export function segmentStarts(text: string): number[] {
  const paras: number[] = [];
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    const pe = nl < 0 ? text.length : nl;
    const len = pe - from;
    if (len > 0 && hasWords(text, from, pe, 8)) paras.push(from);
    if (nl < 0) break;
    from = nl + 1;
  }
  if (paras.length >= 4) return paras;
  const starts: number[] = [];
  const n = Math.max(1, Math.round(text.length / 700));
  for (let i = 0; i < n; i++) starts.push(Math.floor((i * text.length) / n));
  return starts;
}

export function segmentOf(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
