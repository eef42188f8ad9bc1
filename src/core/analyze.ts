/**
 * The whole analysis of one document: extraction, topic detection, then sourcing (who the
 * text attributes its statements to) and claims. The content script runs the first two
 * steps (with the cheap first pass before them); the CLI and the evaluations call this.
 */
import { DEFAULT_PROFILE, detectTopic, type CompiledProfile } from './detect';
import { extractArticle } from './extract';
import { detectInput } from './article-input';
import { parseHtml } from './extract/parse-html';
import { extractAttributions, selfOutlet, sourcingProfile, type OutletName } from './sourcing';
import { extractClaims } from './claims';
import type { Analysis, ExtractedArticle } from './types';

export interface AnalyzeOptions {
  url?: string;
  profile?: CompiledProfile;
  /** Known outlets (e.g. the default pack's sources) for the sourcing profile. */
  outlets?: OutletName[];
}

/** Sourcing profile and claims of an extracted article (the page's own outlet is not a relay). */
export function analyzeSourcing(article: ExtractedArticle, outlets: OutletName[] = []): Pick<Analysis, 'sourcing' | 'claims'> {
  const self = selfOutlet(outlets, article.siteName, article.canonicalUrl ?? article.url) ?? article.siteName;
  const items = extractAttributions(article.text, { lang: article.lang, outlets, self });
  const sourcing = sourcingProfile(items, { text: article.text });
  const claims = extractClaims(article.text, { lang: article.lang, outlets, self, attributions: items });
  return { sourcing, claims };
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions = {}): Analysis {
  const article = extractArticle(doc, { url: opts.url });
  const topic = detectTopic(detectInput(article), opts.profile ?? DEFAULT_PROFILE);
  return { article, topic, ...analyzeSourcing(article, opts.outlets) };
}

export function analyzeHtml(html: string, opts: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(parseHtml(html, opts.url), opts);
}
