/**
 * `provenance explain PAGE.html [--pack FILE]... [--url URL] [--json]`: what the extension's
 * popup says about a page (verdict, outlet, related reports with reasons, where the story
 * comes from, claims compared with the reports), against the reports of one or more packs
 * held in memory. Same core as the worker: candidate selection (src/core/match), ranking
 * and wording (src/core/explain).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { explainWithLibrary, libraryFromPacks } from '../core/explain/library';
import { pageFromHtml, type PageAnalysis } from '../core/explain/page';
import type { Explanation } from '../core/explain/types';
import { claimGroupMediaNote, groupMediaNotices } from '../core/explain/group-media';
import { parsePackText } from '../core/packs/validate';
import type { Pack } from '../core/packs/types';

export const EXPLAIN_USAGE = `  provenance explain PAGE.html [--pack FILE]... [--url URL] [--json]
                                          what the popup shows for a page: verdict, outlet, related reports
                                          with reasons, provenance chain, claims compared with stored reports
      --pack FILE  a report pack to match against (repeatable; default: the bundled starter pack)
      --url URL    the page's address (default: its file: URL), as the browser would see it
      --json       one JSON object instead of text`;

/** The bundled starter pack, as the extension seeds it. */
export const DEFAULT_PACK_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packs/default/pack.json');

function usageError(message: string): number {
  process.stderr.write(`provenance explain: ${message}\n\nUsage:\n${EXPLAIN_USAGE}\n`);
  return 2;
}

export interface ExplainArgs {
  file: string;
  packs: string[];
  url: string | null;
  json: boolean;
}

export function parseExplainArgs(args: string[]): ExplainArgs | string {
  const out: ExplainArgs = { file: '', packs: [], url: null, json: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') out.json = true;
    else if (a === '--pack' || a === '--url') {
      const v = args[++i];
      if (!v) return `${a} needs a value`;
      if (a === '--pack') out.packs.push(v);
      else out.url = v;
    } else if (a.startsWith('--pack=')) out.packs.push(a.slice(7));
    else if (a.startsWith('--url=')) out.url = a.slice(6);
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else files.push(a);
  }
  if (files.length !== 1) return files.length ? 'give one page' : 'no page given';
  out.file = files[0];
  if (out.url !== null && !/^https?:\/\/[^/]/i.test(out.url)) return `--url must be an http(s) address, not "${out.url}"`;
  return out;
}

async function loadPack(file: string): Promise<Pack> {
  const text = await readFile(file, 'utf8');
  const r = parsePackText(text);
  if (!r.ok) throw new Error(`${file}: not a valid pack: ${r.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return r.pack;
}

/** The explanation as one JSON-ready object. */
export function explainRecord(file: string, page: PageAnalysis, x: Explanation): Record<string, unknown> {
  return {
    file, url: page.url, title: page.title,
    verdict: { onTopic: page.verdict.onTopic, topic: page.verdict.topicLabel, score: Math.round(page.verdict.score * 1000) / 1000, reason: page.verdict.reason },
    host: x.host,
    outlet: x.source ? { id: x.source.id, name: x.source.name, matchedBy: x.source.matchedBy ?? 'host', origin: x.source.origin, notes: x.source.notes } : null,
    related: x.related.map((r) => ({ reportId: r.reportId, title: r.title, outlet: r.outlet, published: r.published, score: r.score, reasons: r.reasons })),
    provenance: x.provenance.map((p) => ({ kind: p.kind, outlet: p.outlet, reportId: p.reportId, text: p.text })),
    claims: x.claims.map((c) => ({ text: c.text, figure: c.figure, subject: c.subject, attributedTo: c.attributedTo, elsewhere: c.elsewhere.map((e) => ({ reportId: e.reportId, title: e.title, outlet: e.outlet, relation: e.relation })) })),
    sourcing: x.sourcing ? { summary: x.sourcing.summary, secondHand: x.sourcing.secondHand, counts: x.sourcing.counts, groupMedia: groupMediaNotices(x.sourcing, page.text).map((n) => n.text) } : null,
  };
}

export function explainText(page: PageAnalysis, x: Explanation): string {
  const lines: string[] = [];
  lines.push(`${page.title}`);
  lines.push(`Verdict: ${page.verdict.onTopic ? 'About' : 'Not about'} ${page.verdict.topicLabel} (${page.verdict.score.toFixed(2)}) — ${page.verdict.reason}`);
  const how = x.source?.matchedBy === 'canonical' ? ' (from its canonical link)' : x.source?.matchedBy === 'site-name' ? ' (from its declared site name)' : '';
  lines.push(`Outlet: ${x.source ? `${x.source.name}${how}` : `no notes for ${x.host ?? 'this page'}`}`);
  if (x.sourcing) lines.push(`Sourcing: ${x.sourcing.summary}`);
  for (const n of groupMediaNotices(x.sourcing, page.text)) lines.push(`  ! ${n.text}`);
  lines.push('', `Where the story comes from:${x.provenance.length ? '' : ' nothing known'}`);
  for (const p of x.provenance) lines.push(`  - ${p.text}`);
  lines.push('', `Related coverage (${x.related.length}):`);
  x.related.forEach((r, i) => {
    lines.push(`  ${i + 1}. ${r.title} — ${r.outlet}${r.published ? `, ${r.published.slice(0, 10)}` : ''}`);
    for (const why of r.reasons) lines.push(`       · ${why}`);
  });
  const compared = x.claims.filter((c) => c.elsewhere.length);
  lines.push('', `Claims and figures (${x.claims.length}, ${compared.length} compared with stored reports):`);
  for (const c of x.claims) {
    lines.push(`  - ${c.figure ? `[${c.figure}] ` : ''}${c.text}${c.attributedTo ? ` (${c.attributedTo})` : ''}`);
    const gm = claimGroupMediaNote(c, x.sourcing);
    if (gm) lines.push(`       ! ${gm}`);
    for (const e of c.elsewhere) lines.push(`       ${e.relation === 'agrees' ? 'agrees with' : 'differs from'} “${e.title}” (${e.outlet})`);
  }
  return lines.join('\n') + '\n';
}

export async function explainCommand(args: string[]): Promise<number> {
  const parsed = parseExplainArgs(args);
  if (typeof parsed === 'string') return usageError(parsed);
  let html: string;
  let packs: Pack[];
  try {
    html = await readFile(parsed.file, 'utf8');
    packs = await Promise.all((parsed.packs.length ? parsed.packs : [DEFAULT_PACK_FILE]).map(loadPack));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`provenance explain: ${err.code === 'ENOENT' ? `${err.path}: no such file or directory` : err.message}\n`);
    return 1;
  }
  try {
    const url = parsed.url ?? pathToFileURL(path.resolve(parsed.file)).href;
    const page = pageFromHtml(html, url);
    const x = await explainWithLibrary(page, libraryFromPacks(packs));
    process.stdout.write(parsed.json ? JSON.stringify(explainRecord(parsed.file, page, x), null, 2) + '\n' : explainText(page, x));
    return 0;
  } catch (e) {
    process.stderr.write(`provenance explain: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
