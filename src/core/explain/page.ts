/**
 * The page analysis from an HTML document, as the content script builds it for the worker
 * (extraction, then topic detection, text capped the same way): for the CLI and tests.
 */
import { DEFAULT_PROFILE } from '../detect/default-profile';
import { detectTopic } from '../detect/detect';
import { extractArticle } from '../extract';
import { parseHtml } from '../extract/parse-html';
import { detectInput } from '../article-input';
import type { ExtractedArticle } from '../types';
import type { ExplainPage } from './types';

/** Characters of article text the content script sends to the worker. */
export const PAGE_TEXT_CHARS = 60_000;

/** The page report of an extracted article (the same fields and caps as the content script's). */
export function pageFromArticle(a: ExtractedArticle, url: string, maxText = PAGE_TEXT_CHARS) {
  const verdict = detectTopic(detectInput(a), DEFAULT_PROFILE);
  return {
    stage: 'full' as const, url, title: a.title.slice(0, 1000), titleDerived: a.titleDerived,
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

export type PageAnalysis = ReturnType<typeof pageFromArticle>;

/** Analyse an HTML document served at `url`. */
export function pageFromHtml(html: string, url: string, maxText = PAGE_TEXT_CHARS): PageAnalysis {
  const doc = parseHtml(html, url);
  return pageFromArticle(extractArticle(doc, { url, maxTextChars: maxText }), url, maxText);
}
