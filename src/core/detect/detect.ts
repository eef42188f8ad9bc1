/**
 * Topic detection: does this article deal with the profile's topic?
 *
 * Every field is scanned once with the profile's precompiled regexes. The verdict
 * weighs *where* the topic is named (headline ≫ lead ≫ body), *how much* (body hits,
 * hits per 1000 words, share of paragraphs naming it) and related vocabulary. A page
 * that never names the topic cannot be on-topic, whatever its vocabulary; a single
 * passing mention in a long article on something else stays off.
 */
import type { EvidenceWhere, TopicEvidence, TopicVerdict } from '../types';
import { pickLanguage } from './lang';
import { applyNegatives, scanField, scanTies, type Field } from './scan';
import { countWords, leadEnd, segmentOf, segmentStarts } from './geometry';
import { listTerms, makeReason } from './reason';
import { decideLevel, NO_TIES, tieFeatures, type TieFeatures } from './level';
import type { CompiledProfile, CompiledTerm } from './profile';
import type { DetectInput, TopicFeatures } from './detect-types';
import type { CoreTranslator } from '../i18n/translate';

export type { DetectInput, TopicFeatures } from './detect-types';

export { guessLang, mostlyArabic } from './lang';
export { fold } from './scan';
export { countWords, hasWords } from './geometry';
export { thousands } from './reason';



export interface DetailedVerdict extends TopicVerdict {
  features: TopicFeatures;
}


const MAX_POSITIONS = 5;

/**
 * `t`: the translator the reason is worded with (default: the one installed with core/i18n's
 * setCoreTranslator).
 */
export function analyzeTopic(input: DetectInput, profile: CompiledProfile, t?: CoreTranslator): DetailedVerdict {
  const th = profile.thresholds;
  const cl = pickLanguage(profile, input);
  const title = input.title ?? '';
  const text = input.text ?? '';
  const le = leadEnd(text, input.lead);

  const fields: Field[] = [scanField('title', title, cl, profile)];
  if (input.meta) fields.push(scanField('meta', input.meta, cl, profile));
  if (le < 0 && input.lead) fields.push(scanField('lead', input.lead, cl, profile));
  const body = scanField('body', text, cl, profile);
  fields.push(body);

  // Negative contexts: unconditional rules first, then corroboration, then conditional rules.
  const discarded: Record<string, number> = {};
  const docCache = new Map<number, boolean>();
  const windowCache = new Map<string, number[]>();
  applyNegatives(fields, profile, false, docCache, windowCache, discarded);
  let vocab = 0;
  const vocabCounts = new Map<CompiledTerm, number>();
  let strongNames = 0;
  for (const f of fields) {
    for (const h of f.hits) {
      if (!h.keep) continue;
      if (h.term.kind === 'vocab') vocabCounts.set(h.term, (vocabCounts.get(h.term) ?? 0) + 1);
      else if (h.term.kind === 'name' && !h.term.ambiguous) strongNames++;
    }
  }
  for (const [t, n] of vocabCounts) vocab += t.weight * Math.sqrt(Math.min(n, 4));
  const corroborated = strongNames > 0 || vocab >= th.corroborationVocab;
  if (!corroborated) {
    applyNegatives(fields, profile, true, docCache, windowCache, discarded);
    for (const f of fields) for (const h of f.hits) if (h.term.ambiguous) h.weight = h.term.weight * th.ambiguousFactor;
  }

  // Per-field name weights.
  const named = (f: Field | undefined) =>
    f ? f.hits.reduce((s, h) => (h.keep && h.term.kind === 'name' ? s + h.weight : s), 0) : 0;
  const titleNames = named(fields[0]);
  const metaNames = named(fields.find((f) => f.where === 'meta'));
  let leadNames = named(fields.find((f) => f.where === 'lead'));
  let bodyNames = 0;
  let bodyHits = 0;
  const starts = segmentStarts(text);
  const segNamed = new Set<number>();
  let firstBodyPos = -1;
  for (const h of body.hits) {
    if (!h.keep || h.term.kind !== 'name') continue;
    bodyNames += h.weight;
    bodyHits++;
    if (firstBodyPos < 0) firstBodyPos = h.pos;
    if (le >= 0 && h.pos < le) leadNames += h.weight;
    segNamed.add(segmentOf(starts, h.pos));
  }
  const words = countWords(text);
  const density = words ? (bodyNames / words) * 1000 : 0;

  let points = 0;
  if (titleNames > 0) points += th.title * Math.min(1, titleNames);
  if (metaNames > 0) points += th.meta * Math.min(1, metaNames);
  if (leadNames > 0) points += th.lead * Math.min(1, leadNames);
  points += th.bodyLog * Math.log2(1 + bodyNames);
  points += Math.min(th.densityMax, th.density * density);
  if (starts.length >= 3) points += th.spread * (segNamed.size / starts.length);
  points += Math.min(th.vocabMax, th.vocab * vocab);
  const anyName = titleNames + metaNames + leadNames + bodyNames > 0;
  if (titleNames === 0 && bodyHits <= 1 && words >= th.passingWords) points -= th.passingPenalty;
  points = Math.max(0, points);
  let score = points / (points + th.scale);
  if (!anyName) score = Math.min(score, th.vocabOnlyCap);
  score = Math.round(score * 1000) / 1000;
  const about = anyName && score >= th.on;
  // Tie words only matter (and are only scanned) for pages that name the topic without being about it.
  const tie =
    anyName && !about && bodyHits > 0
      ? tieFeatures(body.hits.filter((h) => h.keep && h.term.kind === 'name'), scanTies(body, cl, profile), words, th)
      : NO_TIES;
  const reached = titleNames + metaNames > 0 || (firstBodyPos >= 0 && firstBodyPos < th.partlyReach);
  const level = anyName ? decideLevel(about, bodyHits, density, reached, tie, th) : 'none';
  const onTopic = level !== 'none';

  // Evidence: one entry per (term, field).
  const evidence: TopicEvidence[] = [];
  for (const f of fields) {
    const byTerm = new Map<CompiledTerm, TopicEvidence>();
    for (const h of f.hits) {
      if (!h.keep) continue;
      let ev = byTerm.get(h.term);
      if (!ev) {
        ev = { term: h.term.term, kind: h.term.kind === 'name' ? 'name' : 'vocab', where: f.where, count: 0, positions: [] };
        byTerm.set(h.term, ev);
        evidence.push(ev);
      }
      ev.count++;
      if (ev.positions.length < MAX_POSITIONS) ev.positions.push(h.pos);
    }
  }
  const order: Record<EvidenceWhere, number> = { title: 0, meta: 1, lead: 2, body: 3 };
  evidence.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'name' ? -1 : 1) || order[a.where] - order[b.where] || b.count - a.count);

  const vocabTerms = [...vocabCounts.entries()]
    .sort((a, b) => b[0].weight * Math.sqrt(b[1]) - a[0].weight * Math.sqrt(a[1]))
    .map(([t]) => t.term);
  const features: TopicFeatures = {
    lang: cl.lang,
    words,
    titleNames,
    metaNames,
    leadNames,
    bodyNames,
    bodyHits,
    density: Math.round(density * 100) / 100,
    segments: starts.length,
    segmentsNamed: segNamed.size,
    vocab: Math.round(vocab * 100) / 100,
    discarded,
    corroborated,
    points: Math.round(points * 100) / 100,
    ...tie,
  };
  return {
    topicId: profile.id,
    topicLabel: profile.label,
    score,
    onTopic,
    level,
    reason: makeReason(features, level, vocabTerms, firstBodyPos, text.length, t),
    evidence,
    lang: cl.lang === '*' ? null : cl.lang,
    features,
  };
}

/** Decide whether an article is about the profile's topic. */
export function detectTopic(input: DetectInput, profile: CompiledProfile, t?: CoreTranslator): TopicVerdict {
  const { features: _features, ...verdict } = analyzeTopic(input, profile, t);
  return verdict;
}
