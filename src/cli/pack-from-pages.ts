/**
 * `provenance pack build --from-pages DIR|FILE.jsonl -o FILE`: saved pages (a folder of
 * HTML files, or JSON Lines of {url, html} / {title, text}) turned into a valid pack, one
 * report per page as "Save page to library" makes it — citation metadata, the topic verdict
 * (tag "topic:on" / "topic:off"), who it quotes and relays, claims, a fingerprint; the text
 * only with --include-text. Pages are analysed on every core (the CLI's worker pool).
 * Outlets: from --outlets FILE.csv (see outlets-csv.ts; any bad row: nothing is written),
 * the default pack's profile for a page's host, or a bare profile made from the host.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPack, type PackSourceReport } from '../core/packs';
import { fnv1a } from '../core/packs/fingerprint';
import type { OutletProfile } from '../core/model';
import defaultPack from '../packs/default/pack.json';
import { inputItems } from './inputs';
import { outletIdOf, outletsFromCsv } from './outlets-csv';
import { runPool } from './pool';
import { progressBar } from './progress';
import { workersFlag } from './analyze';
import type { PageReportOut } from './task';
import { writeWhole } from './write-whole';

export const FROM_PAGES_USAGE = `  provenance pack build --from-pages DIR|FILE.jsonl -o FILE
                                          a pack from saved pages (HTML files, or JSON Lines of {url, html} / {title, text}):
                                          citation metadata, topic verdict, sourcing, claims, fingerprint per page
      --outlets FILE.csv  outlet profiles (columns domain, name, type, country, language, owner, notes)
      --include-text      copy page texts into the pack
      --id ID, --name NAME   the pack's id and name (default "pages", "Pages from DIR")
      --workers N         worker threads (default: every core)`;

const hostOf = (u: string | null) => {
  try {
    return u ? new URL(u).hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
};

function err(message: string): number {
  process.stderr.write(`provenance pack build: ${message}\n`);
  return 1;
}

export async function buildFromPages(args: string[]): Promise<number> {
  const flags = workersFlag(args);
  if (flags.error) return err(flags.error);
  const opt: Record<string, string> = {};
  const positional: string[] = [];
  const bools = new Set<string>();
  const rest = flags.rest;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (['--from-pages', '-o', '--output', '--outlets', '--id', '--name'].includes(a)) {
      if (rest[i + 1] === undefined) return err(`${a} needs a value`);
      opt[a === '--output' ? '-o' : a] = rest[++i];
    } else if (a === '--include-text' || a === '--compact' || a === '--quiet') bools.add(a);
    else if (a.startsWith('-')) return err(`unknown option ${a}\n\nUsage:\n${FROM_PAGES_USAGE}`);
    else positional.push(a);
  }
  const from = opt['--from-pages'];
  const out = opt['-o'];
  if (!from || positional.length) return err(`give one folder or .jsonl file after --from-pages\n\nUsage:\n${FROM_PAGES_USAGE}`);
  if (!out) return err('no output file given (-o FILE)');

  // Outlets first: a CSV with a bad row stops everything before any page is read.
  const outlets = new Map<string, OutletProfile>();
  if (opt['--outlets']) {
    let text: string;
    try {
      text = await readFile(opt['--outlets'], 'utf8');
    } catch (e) {
      return err(`${opt['--outlets']}: ${(e as Error).message}`);
    }
    const { outlets: rows, problems } = outletsFromCsv(text);
    if (problems.length) {
      for (const p of problems) process.stdout.write(`${opt['--outlets']}: ${p.row ? `row ${p.row} (line ${p.line})` : `line ${p.line}`}: ${p.message}\n`);
      process.stderr.write(`${opt['--outlets']}: ${problems.length} bad row${problems.length === 1 ? '' : 's'}; nothing written\n`);
      return 1;
    }
    for (const o of rows) outlets.set(o.id, o);
  }
  const byHost = (host: string): OutletProfile | undefined => {
    for (const o of [...outlets.values(), ...(defaultPack.sources as OutletProfile[])]) {
      if (o.domains.some((d) => host === d || host.endsWith('.' + d))) return o;
    }
    return undefined;
  };
  const byName = (name: string) =>
    [...outlets.values(), ...(defaultPack.sources as OutletProfile[])].find((o) => [o.name, ...(o.aliases ?? [])].some((n) => n.toLowerCase() === name.toLowerCase()));

  const used = new Map<string, OutletProfile>();
  const use = (o: OutletProfile) => (used.set(o.id, o), o.id);
  const reports: PackSourceReport[] = [];
  const ids = new Set<string>();
  const failures: string[] = [];
  const progress = progressBar(null, process.stderr, !!process.stderr.isTTY && !bools.has('--quiet'));
  await runPool(inputItems([from]), { workers: flags.workers, mode: 'report', includeText: bools.has('--include-text') }, ({ record, page }) => {
    progress.tick(!!record.error);
    if (record.error || !page) {
      failures.push(`${record.file}: ${record.error ?? 'no page'}`);
      return;
    }
    reports.push(toEntry(page, String(record.file)));
  });
  progress.finish();

  function toEntry(page: PageReportOut, label: string): PackSourceReport {
    const r = { ...page.report };
    // Pages without an address get an id from their file name; ids stay unique.
    r.id = r.url ? r.id.replace(/^user-/, 'page-') : `page-${fnv1a(label).toString(16).padStart(8, '0')}`;
    let id = r.id;
    for (let n = 2; ids.has(id); n++) id = `${r.id}-${n}`;
    ids.add((r.id = id));
    const host = hostOf(page.url);
    let outlet = host ? byHost(host) : undefined;
    if (!outlet && page.siteName) outlet = byName(page.siteName);
    if (!outlet) {
      const domain = host ?? 'unknown.invalid';
      outlet = { id: host ? outletIdOf(host) : 'unknown-outlet', name: page.siteName?.slice(0, 200) || host || 'Unknown outlet', domains: host ? [domain] : [], type: 'news-site', country: '', languages: [], notes: '' };
    }
    r.sourceId = use(outlet);
    if (r.relays) r.relays = r.relays.map((x) => {
      const o = byName(x.name);
      return { ...x, sourceId: o ? use(o) : null };
    });
    r.tags = [...new Set([...r.tags, page.onTopic ? 'topic:on' : 'topic:off'])];
    return { file: `reports/${r.id}.json`, json: r, ...(page.text !== undefined ? { text: page.text } : {}) };
  }

  if (!reports.length) {
    for (const f of failures) process.stdout.write(f + '\n');
    return err(`${from}: no page could be read; nothing written`);
  }
  const header = {
    format: 'provenance-pack/1', id: opt['--id'] ?? 'pages', name: opt['--name'] ?? `Pages from ${path.basename(from)}`, version: '1.0.0',
    publisher: 'provenance pack build --from-pages', updated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  const result = buildPack(
    { header, sources: [...new Map([...used, ...outlets]).values()], topics: [], reports },
    { includeText: bools.has('--include-text'), fingerprints: bools.has('--include-text'), compact: bools.has('--compact') },
  );
  if (!result.ok) {
    for (const p of result.problems) process.stdout.write(`${'file' in p && p.file ? `${p.file}: ` : ''}${p.path}: ${p.message}\n`);
    return err(`${result.problems.length} problem(s); nothing written`);
  }
  for (const f of failures) process.stderr.write(`skipped ${f}\n`);
  try {
    await writeWhole(out, result.json);
  } catch (e) {
    return err(`${out}: ${(e as Error).message}`);
  }
  process.stdout.write(`built ${out}: ${result.pack.reports.length} reports from pages (${failures.length} skipped), ${result.pack.sources.length} sources; ${result.bytes.toLocaleString('en')} bytes\n`);
  return failures.length ? 1 : 0;
}
