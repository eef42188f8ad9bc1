/**
 * The whole analysis of one document: extraction, topic detection, then sourcing (who the
 * text attributes its statements to) and claims. The content script runs the first two
 * steps (with the cheap first pass before them); the CLI and the evaluations call this.
 */
import { DEFAULT_PROFILE, detectTopic, type CompiledProfile } from './detect';
import { extractArticle } from './extract';
import { detectInput } from './article-input';
import { parseHtml } from './extract/parse-html';
import type { OutletName } from './sourcing';
import { analyzeSourcing } from './sourcing/page-sourcing';
import type { Analysis } from './types';

export { analyzeSourcing };

export interface AnalyzeOptions {
  url?: string;
  profile?: CompiledProfile;
  /** Known outlets (e.g. the default pack's sources) for the sourcing profile. */
  outlets?: OutletName[];
}

export function analyzeDocument(doc: Document, opts: AnalyzeOptions = {}): Analysis {
  const article = extractArticle(doc, { url: opts.url });
  const topic = detectTopic(detectInput(article), opts.profile ?? DEFAULT_PROFILE);
  return { article, topic, ...analyzeSourcing(article, opts.outlets) };
}

export function analyzeHtml(html: string, opts: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(parseHtml(html, opts.url), opts);
}
