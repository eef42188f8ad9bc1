/**
 * `npm run bench:anchor`: re-anchoring 200 highlights on a ~1 MB page.
 *
 * A page of ~1 MB of text is generated (seeded, varied prose-like text: headings, links,
 * emphasis, lists, scripts). 200 highlights (10–300 characters, some spanning two paragraphs)
 * are described on it; then the page is edited — new paragraphs and ad blocks inserted
 * throughout, words replaced inside 30 highlights (these need fuzzy matching) and around 10
 * others, 6 highlighted paragraphs deleted (these must come back orphan) — and all 200 are
 * re-anchored with `anchorAll` (8 ms slices):
 *
 * - in Node on a linkedom document;
 * - in headless Debian Chromium (no extension: the module is bundled with esbuild as an IIFE
 *   and injected into the page, served from 127.0.0.1), where long tasks are also observed.
 *
 * Reports the median over runs of the active time for the 200 (sum of slices, model build
 * included), the wall time, and the longest synchronous slice; checks the placements; runs the
 * fixture set (`runAnchoringFixtures`) for its success rate. Prints a Markdown report and writes
 * it into bench/RESULTS.md under its own heading.
 *
 * Options: BENCH_ANCHOR_RUNS (default 7), BENCH_ANCHOR_NO_BROWSER=1 to skip Chromium.
 * Development aids (nothing is written to RESULTS.md with the first two): BENCH_ANCHOR_PROFILE=1
 * lists the slowest highlights anchored one by one; BENCH_ANCHOR_DUMP=file.json writes the
 * edited page and the selectors; BENCH_ANCHOR_CPUPROFILE=file.cpuprofile saves a V8 profile
 * of the last Chromium run.
 * Exit code 0 = ran (targets may be missed: the figures are recorded as measured), 1 = failed.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor, buildTextModel, type HighlightSelectors } from '../src/core/anchoring';
import { parseHtml } from '../src/core/extract/parse-html';
import { runAnchoringFixtures, PLACEMENT_VARIANTS } from '../tests/support/anchoring-fixtures';
import { runChromium, type ChromeOutcome } from './lib/anchor-chromium';
import { buildBench, describeAll, N_HIGHLIGHTS, type BenchHighlight } from './lib/anchor-page';
import { checkPlacements, RUNS, runNode, SLICE_MS, type RunStats } from './lib/anchor-run';
import { writeResultsSection } from './lib/results-md';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(REPO, 'bench', 'RESULTS.md');
const HEADING = '## Re-anchoring (npm run bench:anchor)';
const TARGET_MEDIAN_MS = 100;
const TARGET_SLICE_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

async function main(): Promise<void> {
  const log = (s = '') => process.stdout.write(s + '\n');
  const t0 = Date.now();
  const loadBefore = os.loadavg()[0];
  const b = buildBench();
  const selectors = describeAll(b);
  const counts = { plain: 0, 'fuzzy-inside': 0, 'context-edit': 0, deleted: 0 } as Record<BenchHighlight['category'], number>;
  for (const h of b.highlights) counts[h.category]++;
  if (process.env.BENCH_ANCHOR_DUMP) {
    // Development aid: the edited page and the selectors, for profiling elsewhere.
    writeFileSync(process.env.BENCH_ANCHOR_DUMP, JSON.stringify({ html: b.editedHtml, sels: selectors }));
    return;
  }
  const lens = selectors.map((s) => s.quote.exact.length);
  log(`page: ${(b.editedHtml.length / 1e6).toFixed(2)} MB HTML, ${(b.textChars / 1e6).toFixed(2)} M text chars; highlights ${lens.length} (${Math.min(...lens)}–${Math.max(...lens)} chars)`);

  if (process.env.BENCH_ANCHOR_PROFILE) {
    // Development aid: time each highlight alone (shared text model) and list the slowest.
    const doc = parseHtml(b.editedHtml);
    const model = buildTextModel(doc.body);
    const rows = selectors.map((sel, i) => {
      const t = performance.now();
      const r = anchor(doc.body, sel, { model });
      return { i, ms: performance.now() - t, cat: b.highlights[i].category, status: r.status, len: sel.quote.exact.length };
    });
    rows.sort((x, y) => y.ms - x.ms);
    for (const r of rows.slice(0, 15)) log(`${r.ms.toFixed(2)} ms  #${r.i} ${r.cat} ${r.status} len ${r.len}`);
    log(`sum ${rows.reduce((a, r) => a + r.ms, 0).toFixed(1)} ms`);
    return;
  }
  const node = await runNode(b, selectors);
  const nodeCheck = checkPlacements(b.expected, node.texts);
  log(`node: active median ${f1(median(node.activeMs))} ms, longest slice ${f1(Math.max(...node.longestSliceMs))} ms`);

  let chrome: ChromeOutcome = { error: 'skipped (BENCH_ANCHOR_NO_BROWSER=1)' };
  if (!process.env.BENCH_ANCHOR_NO_BROWSER) {
    try {
      chrome = await runChromium(b, selectors);
    } catch (e) {
      chrome = { error: String((e as Error)?.message ?? e).split('\n')[0] };
    }
  }
  const chromeCheck = 'stats' in chrome ? checkPlacements(b.expected, chrome.stats.texts) : null;
  if ('stats' in chrome) log(`chromium: active median ${f1(median(chrome.stats.activeMs))} ms, longest slice ${f1(Math.max(...chrome.stats.longestSliceMs))} ms`);
  else log(`chromium: ${chrome.error}`);

  const fx = await runAnchoringFixtures();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().slice(0, 10);
  const chromeVersion = 'stats' in chrome ? chrome.version : `not run: ${chrome.error}`;
  const row = (name: string, s: RunStats, check: ReturnType<typeof checkPlacements>) => {
    const med = median(s.activeMs);
    const longest = Math.max(...s.longestSliceMs);
    const medLongest = median(s.longestSliceMs);
    return `| ${name} | ${f1(med)} ${med < TARGET_MEDIAN_MS ? '✅' : '❌'} (${f1(Math.min(...s.activeMs))}–${f1(Math.max(...s.activeMs))}) | ${f1(median(s.wallMs))} | ${f1(median(s.modelMs))} | ${f1(medLongest)} / ${f1(longest)} ${longest <= TARGET_SLICE_MS ? '✅' : '❌'} | ${median(s.slices)} | ${s.longTasks ? f1(Math.max(...s.longTasks)) : 'n/a'} | ${check.right}/${check.right + check.wrong + check.missed} placed right, ${check.wrong} wrong, ${check.missed} missed; ${check.orphansRight}/${check.orphans} orphans |`;
  };
  const statusCount = (s: string[]) => {
    const c: Record<string, number> = {};
    for (const x of s) c[x] = (c[x] ?? 0) + 1;
    return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
  };
  const md: string[] = [];
  md.push(
    `Run ${date} · ${cpu} · ${os.cpus().length} cores · ${os.platform()} ${os.release()} · Node ${process.version} · ${chromeVersion}${'stats' in chrome ? ' (headless)' : ''} · ` +
      `load average ${loadBefore.toFixed(1)} before / ${os.loadavg()[0].toFixed(1)} after (timings are wall-clock: other processes on the machine inflate them)`,
  );
  md.push('');
  md.push(
    `Page: ${(b.editedHtml.length / 1e6).toFixed(2)} MB of HTML, ${(b.textChars / 1e6).toFixed(2)} M characters of generated text. ` +
      `${N_HIGHLIGHTS} highlights (${Math.min(...lens)}–${Math.max(...lens)} characters, median ${median(lens)}), described on the original page, re-anchored on an edited copy: ` +
      `${counts['fuzzy-inside']} with words replaced inside (fuzzy), ${counts['context-edit']} with words replaced around, ${counts.deleted} deleted (must be orphans), ` +
      `~40 paragraphs and ~20 ad blocks inserted throughout. \`anchorAll\` with ${SLICE_MS} ms slices; median of ${RUNS} runs.`,
  );
  md.push('');
  md.push(`| where | active time for 200, median (min–max) (ms, target < ${TARGET_MEDIAN_MS}) | wall time (ms) | text model (ms) | longest slice, median / max over runs (ms, target ≤ ${TARGET_SLICE_MS}) | slices | longest long task (ms) | placements |`);
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  md.push(row('Node + linkedom', node, nodeCheck));
  if ('stats' in chrome && chromeCheck) md.push(row('Chromium (headless)', chrome.stats, chromeCheck));
  md.push('');
  md.push(`Statuses (Node): ${statusCount(node.statuses)}.${'stats' in chrome ? ` Chromium: ${statusCount(chrome.stats.statuses)}.` : ''}`);
  if ('stats' in chrome && chrome.draw) {
    const d = chrome.draw;
    md.push(
      `Drawing in Chromium (\`drawHighlightsSliced\`, 8 ms slices, on the edited page; highlight elements styled with a background only): ${d.drawn} highlights → ${d.wrappers} wrapper elements in ${f1(d.drawMs)} ms wall, longest slice ${f1(d.drawLongestSliceMs)} ms; ` +
        `largest change of any paragraph/list/heading/div box: ${f1(d.maxShiftPx)} px${d.maxShiftPx === 0 ? ' (no layout shift)' : ''}; text ${d.textUnchanged ? 'unchanged' : 'CHANGED'}; ` +
        `re-anchoring on the highlighted page gives the same result for ${d.reanchoredSame}/${d.reanchorTotal}; a live \`Range\` over drawn highlights describes to the stored quote: ${d.liveRangeDescribeOk ? 'yes' : 'NO'}; ` +
        `\`removeHighlights\` restores the DOM exactly: ${d.removeRestores ? 'yes' : 'NO'}.`,
    );
    md.push('');
  }
  md.push('"Active time" is the sum of the synchronous slices (text model built once, included); wall time adds the time spent yielded to the event loop. "Long task" is the longest `longtask` entry Chromium reported during the run (0 = none over 50 ms).');
  md.push('');
  md.push(`### Fixture set (\`runAnchoringFixtures\`, tests/fixtures/anchoring/)`);
  md.push('');
  md.push(
    `${fx.highlights} highlights on an English (~870 words) and an Arabic (~500 words) article, 3–${Math.max(...fx.trials.map((t) => t.expected?.length ?? 0))} characters, ` +
      `including quotes across elements, emoji and right-to-left text, each re-anchored on every variant. ` +
      `**Success rate ${(fx.successRate * 100).toFixed(1)} %** (${fx.placementOk}/${fx.placementTrials} placed on the right words; ${fx.wrongPlacements} placed on wrong words, the rest orphaned); ` +
      `quote removed → orphan: ${fx.orphanCorrect}/${fx.orphanTrials}.`,
  );
  md.push('');
  md.push('| variant | right | trials | not applicable | failed highlights |');
  md.push('| --- | --- | --- | --- | --- |');
  for (const v of [...PLACEMENT_VARIANTS, 'removed' as const]) {
    const s = fx.byVariant[v];
    md.push(`| ${v} | ${s.ok} | ${s.trials} | ${s.skipped} | ${s.failures.join(', ') || '—'} |`);
  }
  const report = md.join('\n');
  log('');
  log(report);
  writeResultsSection(RESULTS, HEADING, report);
  log(`\nwritten to ${path.relative(process.cwd(), RESULTS)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
