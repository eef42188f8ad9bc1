/**
 * The sentence that explains a topic verdict to the reader ("Named 3 times in the body,
 * …"), built from the verdict's features.
 */
import type { TopicLevel } from '../types';
import type { TopicFeatures } from './detect-types';

export function listTerms(terms: string[], max = 4): string {
  return terms.slice(0, max).join(', ');
}


export function makeReason(f: TopicFeatures, level: TopicLevel, vocabTerms: string[], firstPos: number, len: number): string {
  const on = level === 'about';
  const related = vocabTerms.length ? `, with related terms: ${listTerms(vocabTerms)}` : '';
  const anyName = f.titleNames + f.metaNames + f.leadNames + f.bodyNames > 0;
  // Not toLocaleString: its first call loads ICU number formatting (15–60 ms in a fresh page).
  const size = () => `${thousands(f.words)}-word`;
  if (!anyName) {
    const why = Object.keys(f.discarded);
    if (why.length) return `Not about the topic: the name here refers to ${why[0]}.`;
    return vocabTerms.length
      ? `The topic is never named; only related terms appear (${listTerms(vocabTerms)}).`
      : 'The topic is not named anywhere in the article.';
  }
  const parts: string[] = [];
  if (f.titleNames > 0) parts.push('in the headline');
  if (f.bodyHits > 0) parts.push(`${times(f.bodyHits)} in the body`);
  else if (f.leadNames > 0) parts.push('in the lead');
  else if (f.metaNames > 0) parts.push('in the page description');
  let s = `Named ${parts.join(' and ')}`;
  if (level === 'partly') return partlyReason(f, s, vocabTerms);
  if (on) {
    if (f.titleNames === 0 && f.leadNames > 0 && f.bodyHits === 1) s = 'Named in the opening paragraph';
    else if (f.titleNames === 0 && f.leadNames > 0 && f.bodyHits > 1) s += ', starting in the opening paragraph';
    if (f.segments >= 3 && f.segmentsNamed >= 2) s += ` (${f.segmentsNamed} of ${f.segments} paragraphs)`;
    return s + related + '.';
  }
  if (f.titleNames === 0 && f.bodyHits <= 1) {
    const late = firstPos >= 0 && len > 0 && firstPos / len > 0.8 ? ' near the end' : '';
    return `Named only once${late}, in passing, in a ${size()} article on something else.`;
  }
  if (f.titleNames === 0) {
    const where = f.leadNames > 0 ? 'not in the headline' : 'not in the headline or the opening';
    return `${s}, ${where}: a side topic of this ${size()} article rather than its subject.`;
  }
  return `${s}, but the rest of the article says little about it.`;
}

/** 12345 → "12,345" for a word count (a non-negative integer). */
export function thousands(n: number): string {
  const d = String(n);
  let out = '';
  for (let i = 0; i < d.length; i++) {
    if (i > 0 && (d.length - i) % 3 === 0) out += ',';
    out += d[i];
  }
  return out;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}


/** "a trial" + "its fighters" → "a trial and its fighters". */
function joinAnd(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Why a page is partly about the topic: where it is named, and what the mentions are tied to. */
function partlyReason(f: TopicFeatures, named: string, vocabTerms: string[]): string {
  let s = named;
  if (f.titleNames === 0) s += ', not in the headline';
  if (f.tieLabels.length) s += `, in connection with ${joinAnd(f.tieLabels.slice(0, 3))}`;
  if (vocabTerms.length) s += ` (related terms: ${listTerms(vocabTerms, 3)})`;
  return `${s}: a side topic of this ${thousands(f.words)}-word article that matters to it.`;
}
