/**
 * The full analysis of the page, loaded on demand by the content script, in two slices
 * the caller runs in separate idle callbacks (so that no single task holds both the
 * extraction and the detection of a big page): article extraction (Readability on a clone
 * of the document), then topic detection and the report.
 */
// The detector's own modules, not the detect index (which also carries the profile compiler).
import { DEFAULT_PROFILE } from '../core/detect/default-profile';
import { detectTopic } from '../core/detect/detect';
import { extractArticle } from '../core/extract';
import { detectInput } from '../core/article-input';
import type { ExtractedArticle } from '../core/types';
import type { PageReport } from '../shared/messages';

/** First slice: extraction. */
export function extractPage(maxText: number): ExtractedArticle {
  return extractArticle(document, { url: location.href, maxTextChars: maxText });
}

/** Second slice: detection, and the report sent to the worker. */
export function reportPage(a: ExtractedArticle, maxText: number): PageReport {
  const verdict = detectTopic(detectInput(a), DEFAULT_PROFILE);
  return {
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
}
