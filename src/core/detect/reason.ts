/**
 * The sentence that explains a topic verdict to the reader ("Named 3 times in the body,
 * …"), built from the verdict's features, in the reader's language (core/i18n: English
 * unless an extension context installed the browser's translator).
 */
import type { TopicLevel } from '../types';
import type { TopicFeatures } from './detect-types';
import { joinAnd, joinList, thousands, tr, type CoreTranslator } from '../i18n/translate';

export { thousands };

export function listTerms(terms: string[], max = 4, t: CoreTranslator = tr()): string {
  return joinList(terms.slice(0, max).map(t.data), t);
}

export function makeReason(f: TopicFeatures, level: TopicLevel, vocabTerms: string[], firstPos: number, len: number, t: CoreTranslator = tr()): string {
  const on = level === 'about';
  const anyName = f.titleNames + f.metaNames + f.leadNames + f.bodyNames > 0;
  if (!anyName) {
    const why = Object.keys(f.discarded);
    if (why.length) return t.msg('reason_discarded', t.data(why[0]));
    return vocabTerms.length ? t.msg('reason_vocab_only', listTerms(vocabTerms, 4, t)) : t.msg('reason_not_named');
  }
  const parts: string[] = [];
  if (f.titleNames > 0) parts.push(t.msg('reason_in_headline'));
  if (f.bodyHits > 0) parts.push(t.msg('reason_in_body', times(f.bodyHits, t)));
  else if (f.leadNames > 0) parts.push(t.msg('reason_in_lead'));
  else if (f.metaNames > 0) parts.push(t.msg('reason_in_description'));
  let s = t.msg('reason_named', parts.length > 1 ? t.msg('list_and', parts[0], parts[1]) : parts[0]);
  if (level === 'partly') return partlyReason(f, s, vocabTerms, t);
  if (on) {
    if (f.titleNames === 0 && f.leadNames > 0 && f.bodyHits === 1) s = t.msg('reason_named_opening');
    else if (f.titleNames === 0 && f.leadNames > 0 && f.bodyHits > 1) s = t.msg('reason_starting_opening', s);
    if (f.segments >= 3 && f.segmentsNamed >= 2) s = t.msg('reason_paragraphs', s, t.num(f.segmentsNamed), t.num(f.segments));
    if (vocabTerms.length) s = t.msg('reason_with_related', s, listTerms(vocabTerms, 4, t));
    return t.msg('reason_sentence', s);
  }
  if (f.titleNames === 0 && f.bodyHits <= 1) {
    const late = firstPos >= 0 && len > 0 && firstPos / len > 0.8;
    return t.plural(late ? 'reason_once_late' : 'reason_once_passing', f.words);
  }
  if (f.titleNames === 0) return t.plural(f.leadNames > 0 ? 'reason_side_lead' : 'reason_side', f.words, s);
  return t.msg('reason_little_else', s);
}

function times(n: number, t: CoreTranslator): string {
  return n === 2 ? t.msg('reason_twice') : t.plural('reason_times', n);
}

/** Why a page is partly about the topic: where it is named, and what the mentions are tied to. */
function partlyReason(f: TopicFeatures, named: string, vocabTerms: string[], t: CoreTranslator): string {
  let s = named;
  if (f.titleNames === 0) s = t.msg('reason_partly_not_headline', s);
  if (f.tieLabels.length) s = t.msg('reason_partly_tied', s, joinAnd(f.tieLabels.slice(0, 3).map(t.data), t));
  if (vocabTerms.length) s = t.msg('reason_partly_terms', s, listTerms(vocabTerms, 3, t));
  return t.plural('reason_partly_end', f.words, s);
}
