/**
 * `provenance analyze [--jsonl] PATH...`: analyse HTML files (directories recursed for
 * .html/.htm) with the same core the content script uses.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { analyzeHtml } from '../core/analyze';
import { outletsFromSources } from '../core/sourcing';
import type { Analysis } from '../core/types';
import defaultPack from '../packs/default/pack.json';

/** Outlets known to the sourcing profile: the default pack's sources (names and aliases). */
export const CLI_OUTLETS = outletsFromSources(defaultPack.sources);

export const ANALYZE_USAGE = `  provenance analyze [--jsonl] PATH...    analyse HTML files (directories are searched recursively for .html/.htm)
      --jsonl     one JSON object per input file, in input order
      ON = about the Islamic State or partly about it (a side topic that matters; the reason says which), off = named in passing or not at all`;

const HTML_EXT = /\.(html?|xhtml)$/i;

/** Expand inputs into files, keeping the given order; directories are walked in sorted order. */
async function expand(inputs: string[]): Promise<{ file: string; error?: string }[]> {
  const out: { file: string; error?: string }[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch((e: NodeJS.ErrnoException) => e);
    if (st instanceof Error) {
      out.push({ file: input, error: st.code === 'ENOENT' ? 'no such file or directory' : st.message });
    } else if (st.isDirectory()) {
      const walk = async (dir: string): Promise<void> => {
        const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.isFile() && HTML_EXT.test(e.name)) out.push({ file: p });
        }
      };
      await walk(input);
    } else {
      out.push({ file: input });
    }
  }
  return out;
}

function looksLikeHtml(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  const head = buf.subarray(0, 4096).toString('utf8').trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<meta|<!--|<\?xml|<title|<div|<p[ >]|<article|<section|<script|<link)/.test(head) || /<(html|body|p|div|article)[\s>]/.test(head);
}

export function toRecord(file: string, a: Analysis): Record<string, unknown> {
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
    sourcing: {
      counts: a.sourcing.counts,
      items: a.sourcing.items.map((i) => ({ kind: i.kind, source: i.source, quote: i.quote, start: i.start, end: i.end })),
      secondHand: a.sourcing.secondHand,
      relays: a.sourcing.relays,
    },
    claims: a.claims.map((c) => ({ text: c.text, quantity: c.quantity, qualifier: c.qualifier, subject: c.subject, attributedTo: c.attributedTo ?? null })),
  };
}

export async function analyzeCommand(args: string[]): Promise<number> {
  const jsonl = args.includes('--jsonl');
  const paths = args.filter((a) => a !== '--jsonl');
  if (!paths.length) {
    process.stderr.write(`provenance analyze: no input given\n\nUsage:\n${ANALYZE_USAGE}\n`);
    return 2;
  }
  let failures = 0;
  for (const { file, error } of await expand(paths)) {
    let rec: Record<string, unknown>;
    if (error) rec = { file, error };
    else {
      try {
        const buf = await readFile(file);
        if (!looksLikeHtml(buf)) rec = { file, error: 'not an HTML document' };
        else rec = toRecord(file, analyzeHtml(buf.toString('utf8'), { outlets: CLI_OUTLETS }));
      } catch (e) {
        rec = { file, error: e instanceof Error ? e.message : String(e) };
      }
    }
    if (rec.error) failures++;
    if (jsonl) process.stdout.write(JSON.stringify(rec) + '\n');
    else if (rec.error) process.stdout.write(`${file}: error: ${rec.error}\n`);
    else process.stdout.write(`${file}: ${rec.onTopic ? 'ON ' : 'off'} ${(rec.score as number).toFixed(2)}  ${rec.title}  — ${rec.reason}\n`);
  }
  return failures ? 1 : 0;
}

