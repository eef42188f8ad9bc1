/**
 * One input of `provenance analyze` turned into its JSON Lines record: read (a file, or
 * HTML / plain text given on standard input), analysed with the same core the content
 * script uses, and reduced to the documented fields. Runs in a worker thread or inline.
 */
import { readFileSync } from 'node:fs';
import { analyzeHtml, analyzeSourcing } from '../core/analyze';
import { detectInput } from '../core/article-input';
import { DEFAULT_PROFILE, detectTopic } from '../core/detect';
import { extractArticle } from '../core/extract';
import { parseHtml } from '../core/extract/parse-html';
import { outletsFromSources } from '../core/sourcing';
import type { Analysis } from '../core/types';
import defaultPack from '../packs/default/pack.json';

/** Outlets known to the sourcing profile: the default pack's sources (names and aliases). */
export const CLI_OUTLETS = outletsFromSources(defaultPack.sources);

/** What a worker is given: a file to read, or a page / text from standard input. */
export type AnalyzeItem =
  | { kind: 'file'; label: string; file: string }
  | { kind: 'html'; label: string; html: string; url?: string }
  | { kind: 'text'; label: string; title: string; text: string; url?: string }
  | { kind: 'error'; label: string; error: string };

export type AnalyzeRecord = Record<string, unknown> & { error?: string };

/**
 * Which pages get sourcing and claims: `all` (the default); `on-topic` (`--sourcing on-topic`:
 * off-topic pages get `"sourcing": null, "claims": null`, every other field the same); `none`
 * (the text output, which prints neither).
 */
export type SourcingScope = 'all' | 'on-topic' | 'none';

/** An analysis whose sourcing and claims may have been skipped (see `SourcingScope`). */
export type CliAnalysis = Omit<Analysis, 'sourcing' | 'claims'> & Partial<Pick<Analysis, 'sourcing' | 'claims'>>;

export function looksLikeHtml(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  const head = buf.subarray(0, 4096).toString('utf8').trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<meta|<!--|<\?xml|<title|<div|<p[ >]|<article|<section|<script|<link)/.test(head) || /<(html|body|p|div|article)[\s>]/.test(head);
}

export function toRecord(file: string, a: CliAnalysis): Record<string, unknown> {
  return {
    file,
    onTopic: a.topic.onTopic,
    score: Math.round(a.topic.score * 1000) / 1000,
    lang: a.article.lang,
    dir: a.article.dir,
    title: a.article.title,
    titleDerived: a.article.titleDerived,
    byline: a.article.byline,
    siteName: a.article.siteName,
    published: a.article.published,
    canonicalUrl: a.article.canonicalUrl,
    section: a.article.section,
    wordCount: a.article.wordCount,
    isArticle: a.article.isArticle,
    reason: a.topic.reason,
    evidence: a.topic.evidence,
    sourcing: a.sourcing
      ? {
          counts: a.sourcing.counts,
          items: a.sourcing.items.map((i) => ({ kind: i.kind, source: i.source, quote: i.quote, start: i.start, end: i.end })),
          secondHand: a.sourcing.secondHand,
          relays: a.sourcing.relays,
        }
      : null,
    claims: a.claims ? a.claims.map((c) => ({ text: c.text, quantity: c.quantity, qualifier: c.qualifier, subject: c.subject, attributedTo: c.attributedTo ?? null })) : null,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain text given as {title, text}: wrapped in a minimal article page (paragraphs at blank lines or line breaks). */
export function textPage(title: string, text: string): string {
  const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`;
}

/**
 * `analyzeHtml` with sourcing and claims only where `scope` asks for them: the same steps
 * (core/analyze.ts: extraction, topic, then sourcing and claims), so a page that gets them
 * gets exactly the same (tested in record.test.ts).
 */
export function analyzeScoped(html: string, url: string | undefined, scope: SourcingScope): CliAnalysis {
  if (scope === 'all') return analyzeHtml(html, { outlets: CLI_OUTLETS, url });
  const article = extractArticle(parseHtml(html, url), { url });
  const topic = detectTopic(detectInput(article), DEFAULT_PROFILE);
  if (scope === 'none' || !topic.onTopic) return { article, topic };
  return { article, topic, ...analyzeSourcing(article, CLI_OUTLETS) };
}

const complete = (a: CliAnalysis): a is Analysis => !!a.sourcing && !!a.claims;

/** The analysis of one input and the HTML it was made from (the pack builder needs the page too). */
export function analyzeItem(item: AnalyzeItem, scope: SourcingScope = 'all'): { record: AnalyzeRecord; analysis?: Analysis } {
  const label = item.label;
  try {
    let html: string;
    let url: string | undefined;
    if (item.kind === 'error') return { record: { file: label, error: item.error } };
    if (item.kind === 'file') {
      const buf = readFileSync(item.file);
      if (!looksLikeHtml(buf)) return { record: { file: label, error: 'not an HTML document' } };
      html = buf.toString('utf8');
    } else if (item.kind === 'html') {
      html = item.html;
      url = item.url;
    } else {
      html = textPage(item.title, item.text);
      url = item.url;
    }
    const analysis = analyzeScoped(html, url, scope);
    const record = toRecord(label, analysis);
    if (url) record.url = url;
    return complete(analysis) ? { record, analysis } : { record };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const error = err?.code === 'ENOENT' ? 'no such file or directory' : err?.code === 'EISDIR' ? 'is a directory' : e instanceof Error ? e.message : String(e);
    return { record: { file: label, error } };
  }
}
