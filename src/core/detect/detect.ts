/**
 * Topic detection: does this article deal with the profile's topic?
 *
 * Every field is scanned once with the profile's precompiled regexes. The verdict
 * weighs *where* the topic is named (headline ≫ lead ≫ body), *how much* (body hits,
 * hits per 1000 words, share of paragraphs naming it) and related vocabulary. A page
 * that never names the topic cannot be on-topic, whatever its vocabulary; a single
 * passing mention in a long article on something else stays off.
 */
import type { EvidenceWhere, TopicEvidence, TopicVerdict } from '../model';
import { foldForMatching, type FoldedText } from '../text/normalize';
import type { CompiledLanguage, CompiledProfile, CompiledTerm } from './profile';

export interface DetectInput {
  title: string;
  /** First paragraph(s); when it is the start of `text` it is located there, not counted twice. */
  lead?: string;
  text: string;
  /** Description, keywords and similar page metadata. */
  meta?: string;
  /** BCP 47 language of the page, when known. */
  lang?: string | null;
}

/** Numbers behind a verdict (for evaluation and debugging). */
export interface TopicFeatures {
  lang: string;
  words: number;
  /** Weighted name hits per field (after negative contexts and ambiguity weighting). */
  titleNames: number;
  metaNames: number;
  leadNames: number;
  bodyNames: number;
  /** Raw count of body name hits (lead zone included). */
  bodyHits: number;
  density: number;
  segments: number;
  segmentsNamed: number;
  vocab: number;
  /** Hits discarded by negative contexts, by rule label. */
  discarded: Record<string, number>;
  corroborated: boolean;
  points: number;
}

export interface DetailedVerdict extends TopicVerdict {
  features: TopicFeatures;
}

interface Hit {
  term: CompiledTerm;
  /** Offsets in the folded text. */
  fs: number;
  fe: number;
  /** Offset in the original field text. */
  pos: number;
  keep: boolean;
  weight: number;
}

interface Field {
  where: EvidenceWhere;
  raw: string;
  folded: string;
  map: Int32Array | null;
  hits: Hit[];
}

const MAX_POSITIONS = 5;
const BEFORE_CONTEXT = 48;

// ---------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------

const EN_MARKERS = /\b(?:the|and|of|that|with|for|was|were|is|are|has|have|from|by|which|said)\b/gi;
const FR_MARKERS = /\b(?:le|la|les|des|du|une|est|sont|dans|pour|avec|qui|que|sur|par|aux|été|selon)\b/gi;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** Cheap language guess for pages without a usable lang attribute (ar / fr / en). */
export function guessLang(sample: string): string {
  const s = sample.length > 3000 ? sample.slice(0, 3000) : sample;
  if (mostlyArabic(s)) return 'ar';
  const en = countMatches(EN_MARKERS, s);
  const fr = countMatches(FR_MARKERS, s);
  return fr > en * 1.2 && fr >= 3 ? 'fr' : 'en';
}

const ARABIC = /[\u0600-\u06ff]/g;
const LATIN = /[A-Za-z]/g;

/** "en-GB" / "en_GB" → "en" (as `.split(/[-_]/)[0]`). */
function primarySubtag(tag: string): string {
  const a = tag.indexOf('-');
  const b = tag.indexOf('_');
  const cut = a < 0 ? b : b < 0 ? a : Math.min(a, b);
  return cut < 0 ? tag : tag.slice(0, cut);
}

/** `isMostlyArabic` (more Arabic than Latin letters in the first 4000 characters), natively. */
export function mostlyArabic(s: string): boolean {
  const h = s.length > 4000 ? s.slice(0, 4000) : s;
  const ar = h.length - h.replace(ARABIC, '').length;
  return ar > 0 && ar > h.length - h.replace(LATIN, '').length;
}

function pickLanguage(profile: CompiledProfile, input: DetectInput): CompiledLanguage {
  let lang = primarySubtag((input.lang ?? '').toLowerCase());
  if (!lang || lang === 'und') lang = guessLang(input.text || input.title);
  // A page claiming a Latin-script language but written in Arabic (or vice versa) follows its text.
  if (lang !== 'ar' && mostlyArabic((input.title + ' ' + input.text.slice(0, 2000)).trim())) lang = 'ar';
  return profile.languages.get(lang) ?? profile.languages.get('*')!;
}

// ---------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------

/** Characters `foldForMatching` may change (a superset): text without any is left as it is. */
const FOLDABLE = /[\u00ad\u0600-\u06ff\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Characters `foldForMatching` drops (positions then move, and it needs its offset map). */
const DROPPED = /[\u00ad\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Letters it replaces one for one. */
const VARIANTS = /[\u0622\u0623\u0625\u0671\u0649\u0626\u0629\u0624]/g;
const VARIANT_OF: Record<string, string> = {
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627',
  '\u0649': '\u064a', '\u0626': '\u064a', '\u0629': '\u0647', '\u0624': '\u0648',
};

/**
 * `foldForMatching(raw)` as the detector needs it, natively when possible: text with
 * nothing to fold is returned as it is, and text where letters are only replaced one for
 * one keeps its offsets (no map needed). Its per-character loop costs milliseconds on a
 * page where it runs for the first time.
 */
export function fold(raw: string): FoldedText {
  if (!FOLDABLE.test(raw)) return { text: raw, map: null };
  if (DROPPED.test(raw)) return foldForMatching(raw);
  return { text: raw.replace(VARIANTS, (c) => VARIANT_OF[c]), map: null };
}

function scanField(where: EvidenceWhere, raw: string, cl: CompiledLanguage, profile: CompiledProfile): Field {
  const f = fold(raw);
  const hits: Hit[] = [];
  const re = cl.scanner.re;
  const groups = cl.scanner.groupTerms;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f.text))) {
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    let term: CompiledTerm | null = profile.terms[groups[g - 1]];
    const fs = m.index;
    let fe = fs + m[0].length;
    if (term.verify) {
      // Case-sensitive terms are found case-insensitively, then confirmed here
      // (ISIS vs Isis vs isis, "IS fighters" vs "is"). Another case-sensitive term
      // may be the right one at this position.
      const found: CompiledTerm = term;
      term = null;
      for (const id of [found.id, ...cl.caseSensitive]) {
        const v = profile.terms[id].verify!;
        v.lastIndex = fs;
        if (v.test(f.text)) {
          term = profile.terms[id];
          fe = v.lastIndex;
          break;
        }
      }
      if (!term) {
        re.lastIndex = fs + 1;
        continue;
      }
      re.lastIndex = Math.max(fs + 1, fe);
    }
    hits.push({ term, fs, fe, pos: f.map ? f.map[fs] : fs, keep: true, weight: term.weight });
  }
  return { where, raw, folded: f.text, map: f.map, hits: hits.filter((h) => h.keep) };
}

/** True when a sorted array has a value in [lo, hi). */
function anyWithin(sorted: number[], lo: number, hi: number): boolean {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && sorted[a] < hi;
}

/** Apply negative contexts. `conditional` selects rules with `unlessCorroborated`. */
function applyNegatives(
  fields: Field[],
  profile: CompiledProfile,
  conditional: boolean,
  docCache: Map<number, boolean>,
  windowCache: Map<string, number[]>,
  discarded: Record<string, number>,
): void {
  for (const field of fields) {
    for (const h of field.hits) {
      if (!h.keep || !h.term.negatives.length) continue;
      for (const ni of h.term.negatives) {
        const neg = profile.negatives[ni];
        if (neg.unlessCorroborated !== conditional) continue;
        let hit = false;
        if (neg.terms) {
          if (neg.scope === 'document') {
            let v = docCache.get(ni);
            if (v === undefined) {
              v = fields.some((fl) => {
                neg.terms!.lastIndex = 0;
                return neg.terms!.test(fl.folded);
              });
              docCache.set(ni, v);
            }
            hit = v;
          } else {
            const key = `${ni}:${field.where}`;
            let at = windowCache.get(key);
            if (!at) {
              at = [];
              neg.terms.lastIndex = 0;
              let m: RegExpExecArray | null;
              while ((m = neg.terms.exec(field.folded))) at.push(m.index);
              windowCache.set(key, at);
            }
            hit = anyWithin(at, h.fs - neg.window, h.fe + neg.window);
          }
        }
        if (!hit && neg.after) {
          neg.after.lastIndex = h.fe;
          hit = neg.after.test(field.folded);
        }
        if (!hit && neg.before) {
          hit = neg.before.test(field.folded.slice(Math.max(0, h.fs - BEFORE_CONTEXT), h.fs));
        }
        if (hit) {
          h.keep = false;
          discarded[neg.label] = (discarded[neg.label] ?? 0) + 1;
          break;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Text geometry
// ---------------------------------------------------------------------------

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
function leadEnd(text: string, lead: string | undefined): number {
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
function segmentStarts(text: string): number[] {
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

function segmentOf(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---------------------------------------------------------------------------
// Verdict
// ---------------------------------------------------------------------------

function listTerms(terms: string[], max = 4): string {
  return terms.slice(0, max).join(', ');
}

export function analyzeTopic(input: DetectInput, profile: CompiledProfile): DetailedVerdict {
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
      else if (!h.term.ambiguous) strongNames++;
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
  const onTopic = anyName && score >= th.on;

  // Evidence: one entry per (term, field).
  const evidence: TopicEvidence[] = [];
  for (const f of fields) {
    const byTerm = new Map<CompiledTerm, TopicEvidence>();
    for (const h of f.hits) {
      if (!h.keep) continue;
      let ev = byTerm.get(h.term);
      if (!ev) {
        ev = { term: h.term.term, kind: h.term.kind, where: f.where, count: 0, positions: [] };
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
  };
  return {
    topicId: profile.id,
    topicLabel: profile.label,
    score,
    onTopic,
    reason: makeReason(features, onTopic, vocabTerms, firstBodyPos, text.length),
    evidence,
    lang: cl.lang === '*' ? null : cl.lang,
    features,
  };
}

function makeReason(f: TopicFeatures, on: boolean, vocabTerms: string[], firstPos: number, len: number): string {
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

/** Decide whether an article is about the profile's topic. */
export function detectTopic(input: DetectInput, profile: CompiledProfile): TopicVerdict {
  const { features: _features, ...verdict } = analyzeTopic(input, profile);
  return verdict;
}
