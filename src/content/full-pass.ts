/**
 * The full analysis of the page, loaded on demand by the content script: article
 * extraction (Readability on a clone of the document) and topic detection.
 */
import { DEFAULT_PROFILE, detectTopic } from '../core/detect';
import { extractArticle } from '../core/extract';
import { detectInput } from '../core/article-input';
import type { PageReport } from '../shared/messages';

export function fullPass(maxText: number, measure: (name: string, start: number) => void): PageReport {
  const t0 = performance.now();
  const a = extractArticle(document, { url: location.href, maxTextChars: maxText });
  const verdict = detectTopic(detectInput(a), DEFAULT_PROFILE);
  const page: PageReport = {
    stage: 'full', url: location.href, title: a.title.slice(0, 1000), titleDerived: a.titleDerived,
    siteName: a.siteName?.slice(0, 300) ?? null, byline: a.byline?.slice(0, 500) ?? null, published: a.published?.slice(0, 100) ?? null,
    lang: a.lang?.slice(0, 20) ?? null, dir: a.dir, canonicalUrl: a.canonicalUrl?.slice(0, 4000) ?? null, section: a.section?.slice(0, 300) ?? null,
    isArticle: a.isArticle, wordCount: a.wordCount, text: a.text.slice(0, maxText),
    verdict: {
      ...verdict,
      reason: verdict.reason.slice(0, 1000),
      evidence: verdict.evidence.slice(0, 100).map((e) => ({ ...e, term: e.term.slice(0, 200), positions: e.positions.slice(0, 50) })),
    },
  };
  measure('provenance:full', t0);
  return page;
}
