/**
 * Extraction, detection and sourcing targets on one page, with the properties checked on
 * their results (beyond "does not throw, answers within the budget").
 */
import { analyzeHtml } from '../../../src/core/analyze';
import { detectInput } from '../../../src/core/article-input';
import { DEFAULT_PROFILE, detectTopic, quickCheck } from '../../../src/core/detect';
import { DEFAULT_MAX_TEXT_CHARS, extractArticle } from '../../../src/core/extract';
import { parseHtml } from '../../../src/core/extract/parse-html';
import { readQuickInput } from '../../../src/core/extract/quick-input';
import { extractClaims } from '../../../src/core/claims';
import { outletsFromSources, type OutletName } from '../../../src/core/sourcing';
import { analyzeSourcing } from '../../../src/core/sourcing/page-sourcing';
import type { Analysis, ExtractedArticle, QuickCheckResult, QuickInput, TopicVerdict } from '../../../src/core/types';
import defaultPack from '../../../src/packs/default/pack.json';
import type { Recorder } from './harness';

export const OUTLETS: OutletName[] = outletsFromSources(defaultPack.sources);

const isFiniteNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function checkArticle(rec: Recorder, target: string, a: ExtractedArticle, maxText = DEFAULT_MAX_TEXT_CHARS): void {
  rec.check(target, !!a && typeof a === 'object', 'no article object');
  if (!a) return;
  rec.check(target, typeof a.title === 'string' && typeof a.text === 'string' && typeof a.lead === 'string', 'title/text/lead not strings');
  rec.check(target, a.text.length <= maxText, () => `text longer than the cap: ${a.text.length} > ${maxText}`);
  rec.check(target, a.dir === 'ltr' || a.dir === 'rtl', () => `dir ${String(a.dir)}`);
  rec.check(target, Number.isInteger(a.wordCount) && a.wordCount >= 0, () => `wordCount ${a.wordCount}`);
  rec.check(target, typeof a.isArticle === 'boolean' && typeof a.titleDerived === 'boolean', 'isArticle/titleDerived not booleans');
  rec.check(target, a.lang === null || typeof a.lang === 'string', 'lang neither null nor a string');
}

export function checkVerdict(rec: Recorder, target: string, v: TopicVerdict): void {
  rec.check(target, isFiniteNum(v.score) && v.score >= 0 && v.score <= 1, () => `score ${v.score}`);
  rec.check(target, typeof v.onTopic === 'boolean' && typeof v.reason === 'string' && Array.isArray(v.evidence), 'verdict shape');
}

export function checkQuick(rec: Recorder, target: string, q: QuickCheckResult): void {
  rec.check(target, typeof q.worth === 'boolean' && typeof q.reason === 'string' && isFiniteNum(q.hits), () => `quick result ${JSON.stringify(q)}`);
}

export function checkSourcing(rec: Recorder, target: string, text: string, s: Pick<Analysis, 'sourcing' | 'claims'>): void {
  rec.check(target, !!s.sourcing && Array.isArray(s.sourcing.items) && Array.isArray(s.claims), 'sourcing shape');
  if (!s.sourcing || !Array.isArray(s.sourcing.items)) return;
  for (const it of s.sourcing.items) {
    if (!(Number.isInteger(it.start) && Number.isInteger(it.end) && it.start >= 0 && it.start <= it.end && it.end <= text.length)) {
      rec.fail(target, `attribution offsets [${it.start}, ${it.end}) outside the text (${text.length})`);
      break;
    }
  }
}

/** Every page target on one HTML string. */
export function runPageTargets(rec: Recorder, html: string, url: string | undefined): void {
  const doc = rec.call('parseHtml', () => parseHtml(html, url));
  if (!doc) return;
  rec.check('parseHtml', !!doc.documentElement && !!doc.body, 'document without documentElement or body');
  // Element count: what Readability's cost grows with (kept with a slow call, see known-issues.ts).
  let elements = 0;
  try {
    elements = doc.querySelectorAll('*').length;
  } catch {
    elements = 0;
  }
  const article = rec.call('extractArticle', () => extractArticle(doc, { url }), { size: elements });
  if (article) checkArticle(rec, 'extractArticle', article);
  const q = rec.call('readQuickInput', () => readQuickInput(doc));
  if (q) {
    const r = rec.call('quickCheck', () => quickCheck(q, DEFAULT_PROFILE));
    if (r) checkQuick(rec, 'quickCheck', r);
  }
  if (article) {
    const v = rec.call('detectTopic', () => detectTopic(detectInput(article), DEFAULT_PROFILE));
    if (v) checkVerdict(rec, 'detectTopic', v);
    const s = rec.call('analyzeSourcing', () => analyzeSourcing(article, OUTLETS));
    if (s) checkSourcing(rec, 'analyzeSourcing', article.text, s);
  }
  const all = rec.call('analyzeHtml', () => analyzeHtml(html, { url, outlets: OUTLETS }), { size: elements });
  if (all) {
    checkArticle(rec, 'analyzeHtml', all.article);
    checkVerdict(rec, 'analyzeHtml', all.topic);
    checkSourcing(rec, 'analyzeHtml', all.article.text, all);
    // Same input, same answer: analyzeHtml is parseHtml + extractArticle + the rest.
    if (article) rec.check('analyzeHtml', JSON.stringify(all.article) === JSON.stringify(article), 'analyzeHtml article differs from parseHtml + extractArticle on the same page');
  }
}

export interface TextInput {
  title: string;
  lead: string;
  text: string;
  meta: string;
  lang: string | null;
  siteName: string | null;
  url: string | null;
}

/** Detection and sourcing targets straight on text (no extraction in between). */
export function runTextTargets(rec: Recorder, t: TextInput): void {
  const v = rec.call('detectTopic', () => detectTopic({ title: t.title, lead: t.lead, text: t.text, meta: t.meta, lang: t.lang }, DEFAULT_PROFILE));
  if (v) checkVerdict(rec, 'detectTopic', v);
  const qi: QuickInput = { title: t.title, meta: t.meta, textSlice: t.text, lang: t.lang, articleSignals: t.text.length % 4 };
  const q = rec.call('quickCheck', () => quickCheck(qi, DEFAULT_PROFILE));
  if (q) checkQuick(rec, 'quickCheck', q);
  const s = rec.call('analyzeSourcing', () => analyzeSourcing({ text: t.text, lang: t.lang, siteName: t.siteName, canonicalUrl: null, url: t.url }, OUTLETS));
  if (s) checkSourcing(rec, 'analyzeSourcing', t.text, s);
  const c = rec.call('extractClaims', () => extractClaims(t.text, { lang: t.lang, outlets: OUTLETS }));
  if (c) rec.check('extractClaims', Array.isArray(c), 'claims not an array');
}
