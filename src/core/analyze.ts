/**
 * The whole analysis of one document: extraction, then topic detection. The content
 * script runs the same two steps (with the cheap first pass before them); the CLI and
 * the evaluation call this.
 */
import { DEFAULT_PROFILE, detectTopic, type CompiledProfile } from './detect';
import { extractArticle } from './extract';
import { detectInput } from './article-input';
import { parseHtml } from './extract/parse-html';
import type { Analysis } from './types';

export interface AnalyzeOptions {
  url?: string;
  profile?: CompiledProfile;
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions = {}): Analysis {
  const article = extractArticle(doc, { url: opts.url });
  const topic = detectTopic(detectInput(article), opts.profile ?? DEFAULT_PROFILE);
  return { article, topic };
}

export function analyzeHtml(html: string, opts: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(parseHtml(html, opts.url), opts);
}
