/**
 * The full analysis of the page, loaded on demand by the content script, in two slices
 * the caller runs in separate idle callbacks (so that no single task holds both the
 * extraction and the detection of a big page): article extraction (Readability on a clone
 * of the document), then topic detection and the report.
 */
// The detector's own modules, not the detect index (which also carries the profile compiler).
import { DEFAULT_PROFILE } from '../core/detect/default-profile';
import { detectTopic } from '../core/detect/detect';
import { extractArticle, extractClaimReviews } from '../core/extract';
import { detectInput } from '../core/article-input';
import type { ExtractedArticle } from '../core/types';
import type { PageReport } from '../shared/messages';
import { capPageReport } from '../shared/contract/limits';
import { pageWording } from './page-wording';

/** First slice: extraction. */
export function extractPage(maxText: number): ExtractedArticle {
  return extractArticle(document, { url: location.href, maxTextChars: maxText });
}

/** Second slice: detection, and the report sent to the worker (every field cut to the contract's limits). */
export function reportPage(a: ExtractedArticle): PageReport {
  const verdict = detectTopic(detectInput(a), DEFAULT_PROFILE, pageWording());
  const claimReviews = extractClaimReviews(document);
  return capPageReport({
    stage: 'full', url: location.href, title: a.title, titleDerived: a.titleDerived,
    siteName: a.siteName ?? null, byline: a.byline ?? null, published: a.published ?? null,
    lang: a.lang ?? null, dir: a.dir, canonicalUrl: a.canonicalUrl ?? null, section: a.section ?? null,
    isArticle: a.isArticle, wordCount: a.wordCount, text: a.text,
    verdict,
    ...(claimReviews.length ? { claimReviews } : {}),
  });
}
