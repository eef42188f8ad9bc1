/**
 * `npm run bench:cli`: throughput (pages/s, start-up included), CPU cost per page and peak
 * memory of `provenance analyze --jsonl` on 1 and 2 worker threads over Arabic corpus pages,
 * side by side with the reference a user would otherwise run: Mozilla Readability's `parse`
 * on a jsdom document, one page after another, over the same pages. Also, in the same
 * rotation: 2 workers with `--sourcing on-topic`, 2 workers run from the sources through tsx
 * (how the CLI ran before its bundle, PROVENANCE_CLI_BUNDLE=0), and a one-page run (the
 * start-up, subtracted to give the CPU cost per page). The JSON Lines of every full
 * configuration must be byte-identical (else the benchmark fails).
 *
 *   npx tsx bench/cli.ts [--pages 500] [--rounds 3] [--no-write]
 *
 * The pages are generated at run time in a temp dir from SaudiNewsNet articles in
 * ../shared (or $PROVENANCE_SHARED): each article in an Arabic news layout
 * (bench/lib/page-report.ts); nothing is copied into the repo. Each configuration runs as
 * its own process (peak memory = that process's max RSS, worker threads included), in
 * rotation (A B C … A B C …) because the machine is shared; medians over the rounds. Writes the
 * "## CLI throughput" section of bench/RESULTS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, outletHosts, sharedDir, shuffled } from './lib/match-corpus';
import { arabicArticleHtml } from './lib/page-report';
import { rng } from './lib/huge-page';
import { writeResultsSection } from './lib/results-md';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

// Child mode: the reference, Readability on jsdom over a folder, one page after another.
if (args[0] === '--reference') {
  // jsdom has no type declarations installed: loaded by name, used through a minimal shape.
  const jsdomModule = 'jsdom';
  const { JSDOM, VirtualConsole } = (await import(jsdomModule)) as {
    JSDOM: new (html: string, o: object) => { window: { document: Document; close(): void } };
    VirtualConsole: new () => object;
  };
  const { Readability } = await import('@mozilla/readability');
  const dir = args[1];
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const t0 = performance.now();
  let chars = 0;
  for (const f of files) {
    const dom = new JSDOM(readFileSync(path.join(dir, f), 'utf8'), { url: `https://example.test/${f}`, virtualConsole: new VirtualConsole() });
    const a = new Readability(dom.window.document).parse();
    chars += a?.textContent?.length ?? 0;
    dom.window.close();
  }
  const u = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, chars, maxRss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 }) + '\n');
  process.exit(0);
}

const PAGES = Number(arg('--pages') ?? 500);
const ROUNDS = Number(arg('--rounds') ?? 3);
const NO_WRITE = args.includes('--no-write');
const shared = sharedDir(ROOT);
let articles;
try {
  articles = loadCorpus(shared, ROOT);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const hosts = outletHosts(articles);
const picked = shuffled(articles, rng(0xc11)).slice(0, PAGES);
const dir = mkdtempSync(path.join(os.tmpdir(), 'provenance-bench-cli-'));
let bytes = 0;
picked.forEach((a, i) => {
  const html = arabicArticleHtml({ title: a.title, content: a.content, date: a.date, siteName: hosts.get(a.source) ?? a.source });
  bytes += Buffer.byteLength(html);
  writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.html`), html);
});
console.log(`${picked.length} pages (${(bytes / 1e6).toFixed(1)} MB) in ${dir}`);

interface Run {
  config: string;
  seconds: number;
  /** CPU seconds of the process (all threads; start-up included), less sensitive to a loaded machine than wall time. */
  cpu: number;
  maxRssMb: number;
  pages: number;
}
const BIN = path.join(ROOT, 'bin', 'provenance.mjs');
const outputs = new Map<string, string>();
/** The CLI as a user runs it (node bin/provenance.mjs), reporting its peak RSS and CPU on exit. */
function runCli(config: string, workers: number, opts: { extra?: string[]; env?: Record<string, string>; input?: string; keep?: boolean } = {}): Run {
  // Peak RSS printed on exit (a preloaded hook; worker threads print the same process-wide figure).
  const hook = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('MAXRSS '+u.maxRSS+' CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
  const input = opts.input ?? dir;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, BIN, 'analyze', '--jsonl', '--quiet', '--workers', String(workers), ...(opts.extra ?? []), input], {
    cwd: ROOT, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, ...opts.env },
  });
  const seconds = (performance.now() - t0) / 1000;
  const lines = r.stdout.split('\n').filter(Boolean);
  const expected = opts.input ? 1 : picked.length;
  const failed = lines.filter((l) => JSON.parse(l).error).length;
  if (lines.length !== expected || failed) throw new Error(`analyze: ${lines.length} records, ${failed} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  if (opts.keep) {
    const before = outputs.get(config);
    if (before !== undefined && before !== r.stdout) throw new Error(`${config}: output differs between rounds`);
    outputs.set(config, r.stdout);
  }
  const rss = Math.max(0, ...[...r.stderr.matchAll(/MAXRSS (\d+)/g)].map((m) => Number(m[1])));
  const cpu = Math.max(0, ...[...r.stderr.matchAll(/CPU (\d+)/g)].map((m) => Number(m[1]))) / 1e6;
  return { config, seconds, cpu, maxRssMb: rss / 1024, pages: lines.length };
}
function runReference(): Run {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), fileURLToPath(import.meta.url), '--reference', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const o = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRss: number; cpu: number };
  return { config: REF, seconds, cpu: o.cpu, maxRssMb: o.maxRss / 1024, pages: picked.length };
}

const ONE = 'provenance analyze, 1 worker';
const TWO = 'provenance analyze, 2 workers';
const ON_TOPIC = 'provenance analyze, 2 workers, --sourcing on-topic';
const TSX = 'provenance analyze, 2 workers, from source through tsx (before)';
const START = 'provenance analyze, 1 worker, 1 page (start-up)';
const REF = 'Readability.parse on jsdom (1 thread)';
const firstPage = path.join(dir, readdirSync(dir).filter((f) => f.endsWith('.html')).sort()[0]);
const configs: [string, () => Run][] = [
  [ONE, () => runCli(ONE, 1, { keep: true })],
  [TWO, () => runCli(TWO, 2, { keep: true })],
  [ON_TOPIC, () => runCli(ON_TOPIC, 2, { extra: ['--sourcing', 'on-topic'], keep: true })],
  [TSX, () => runCli(TSX, 2, { env: { PROVENANCE_CLI_BUNDLE: '0' }, keep: true })],
  [START, () => runCli(START, 1, { input: firstPage })],
  [REF, runReference],
];

const runs: Run[] = [];
try {
  // Not counted: builds the CLI bundle if a source changed, and warms tsx's cache and the file cache.
  runCli(ONE, 1);
  runCli(TSX, 1, { env: { PROVENANCE_CLI_BUNDLE: '0' }, input: firstPage });
  for (let round = 0; round < ROUNDS; round++) {
    for (const [, run] of configs) {
      const r = run();
      runs.push(r);
      console.log(`round ${round + 1}: ${r.config}: ${r.seconds.toFixed(2)} s, ${(r.pages / r.seconds).toFixed(1)} pages/s, CPU ${r.cpu.toFixed(2)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Same input, same output: every full configuration printed the same bytes; on-topic differs only by nulls.
const full = outputs.get(ONE)!;
for (const c of [TWO, TSX]) if (outputs.get(c) !== full) throw new Error(`${c}: JSON Lines differ from ${ONE}`);
const fullRecs = full.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const scopedRecs = outputs.get(ON_TOPIC)!.trim().split('\n');
fullRecs.forEach((r, i) => {
  if (JSON.stringify(r.onTopic ? r : { ...r, sourcing: null, claims: null }) !== scopedRecs[i]) throw new Error(`--sourcing on-topic: record ${i} is not the full record (with nulls off-topic)`);
});
const onCount = fullRecs.filter((r) => r.onTopic).length;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const med = new Map(configs.map(([c]) => {
  const rs = runs.filter((r) => r.config === c);
  return [c, { config: c, seconds: median(rs.map((r) => r.seconds)), cpu: median(rs.map((r) => r.cpu)), maxRssMb: median(rs.map((r) => r.maxRssMb)), pages: rs[0].pages }];
}));
const ref = med.get(REF)!;
const rate = (r: Run) => r.pages / r.seconds;
const perPageMs = (1000 * (med.get(ONE)!.cpu - med.get(START)!.cpu)) / (picked.length - 1);
const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
let md = `Generated by \`npm run bench:cli\` (\`bench/cli.ts\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, load average at the end ${load}. `;
// Said only when the machine was busy (load average above its core count): the figures are then low and noisy.
const busy = os.loadavg()[0] > os.availableParallelism();
if (busy) md += `**The machine was shared with other work while this ran (load above its ${os.availableParallelism()} cores): these figures are noisy and low; compare them with a quiet machine's.**\n\n`;
md += `${picked.length} Arabic news pages (${(bytes / 1e6).toFixed(1)} MB; ${onCount} of them ON) generated at run time from SaudiNewsNet articles (seeded sample; each article in an Arabic news layout, \`bench/lib/page-report.ts\`). `;
md += `Each configuration is a fresh process over the same folder, start-up included: \`node bin/provenance.mjs analyze --jsonl --quiet --workers N DIR\` (extraction, topic detection, sourcing, claims; JSON Lines to a pipe), and the reference a user would otherwise run, \`new Readability(new JSDOM(html).window.document).parse()\` page after page (extraction only). `;
md += `The CLI runs from its cached bundle (\`src/cli/bundle.mjs\`, built before the timed runs); "from source through tsx" is how it ran before (\`PROVENANCE_CLI_BUNDLE=0\`). `;
md += `In rotation, ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}; medians shown (peak memory = the process's max RSS, worker threads included). `;
md += `The JSON Lines of 1 worker, 2 workers and the tsx run were byte-identical; with \`--sourcing on-topic\` every ON record was identical and every off one identical but for \`"sourcing": null, "claims": null\`.\n\n`;
md += `| configuration | time (s) | pages/s | CPU (s, all threads) | pages per CPU-second | peak RSS (MB) | throughput vs. the reference | CPU-efficiency vs. the reference |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n`;
for (const [c] of configs) {
  const r = med.get(c)!;
  const vs = c === START ? ' | ' : `${(rate(r) / rate(ref)).toFixed(2)}× | ${(r.pages / r.cpu / (ref.pages / ref.cpu)).toFixed(2)}×`;
  md += `| ${c} | ${r.seconds.toFixed(2)} | ${rate(r).toFixed(1)} | ${r.cpu.toFixed(2)} | ${(r.pages / r.cpu).toFixed(1)} | ${r.maxRssMb.toFixed(0)} | ${vs} |\n`;
}
md += `\n(Throughput = pages/s of wall time; CPU-efficiency = pages per CPU-second, steadier than wall time when the machine is shared.)\n`;
const two = med.get(TWO)!;
md += `\nCPU cost per page on one worker, start-up excluded ((CPU of the ${picked.length}-page run − CPU of the 1-page run) / ${picked.length - 1}): **${perPageMs.toFixed(2)} ms/page**; start-up (1 page): ${med.get(START)!.cpu.toFixed(2)} s CPU. `;
md += `250 pages/s on 2 cores needs about 8 ms/page/core or less, start-up and JIT warm-up of each worker included.\n\n`;
md += `Goal: ≥ 250 pages/s with 2 workers — ${rate(two) >= 250 ? `met on this machine (${rate(two).toFixed(0)} pages/s)` : `not met on this machine (${rate(two).toFixed(0)} pages/s)`}.\n\nEvery run:\n\n${runs.map((r, i) => `- ${Math.floor(i / configs.length) + 1}. ${r.config}: ${r.seconds.toFixed(2)} s, ${rate(r).toFixed(1)} pages/s, CPU ${r.cpu.toFixed(2)} s, ${r.maxRssMb.toFixed(0)} MB`).join('\n')}\n`;
console.log('\n' + md);
if (!NO_WRITE) {
  writeResultsSection(path.join(ROOT, 'bench', 'RESULTS.md'), '## CLI throughput (npm run bench:cli)', md);
  console.log('Wrote the "## CLI throughput" section of bench/RESULTS.md');
}
