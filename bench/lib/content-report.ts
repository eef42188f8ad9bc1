/**
 * bench:content, the report: the Markdown section written into bench/RESULTS.md from the
 * measured pages (per-class times, the Readability comparison, the huge page, targets,
 * startup trace, quick- and full-pass breakdowns, errors and cross-checks).
 */
import os from 'node:os';
import type { PageSpec } from './corpus';
import { BREAKDOWN_STEPS, FULL_STEPS, type BreakdownRow } from './quick-breakdown';
import { fmt, median } from './stats';
import type { StartupSample } from './startup-trace';
import { classStats, passMiss, READABILITY_RUNS, type HugeResult, type PageClass, type PageResult } from './content-page';

// Targets (see the project brief).
const TARGET_NONTOPIC_MEDIAN = 2;
const TARGET_NONTOPIC_P95 = 8;
const TARGET_ONTOPIC_MEDIAN = 25;
const TARGET_RATIO = 0.5;

export interface ContentRun {
  started: number;
  loadBefore: number;
  chromeVersion: string;
  pages: PageSpec[];
  results: PageResult[];
  hugeResult: HugeResult | null;
  startup: StartupSample[];
  recheck: Map<string, number | null>;
  breakdown: BreakdownRow[];
  fullBreakdown: BreakdownRow[];
  breakdownModules: string[];
  fullModules: string[];
}

/** The report's Markdown body (without its heading). */
export function contentCostReport(run: ContentRun): string {
  const { results, hugeResult, startup, recheck, breakdown, fullBreakdown, breakdownModules, fullModules, pages, loadBefore, chromeVersion, started } = run;
  const measured = results.filter((r) => r.cls);
  const byClass = (c: PageClass) => measured.filter((r) => r.cls === c);
  const nonArticle = byClass('non-article');
  const articleOff = byClass('article off-topic');
  const onTopic = byClass('on-topic');
  const nonTopic = [...nonArticle, ...articleOff];
  const total = (r: PageResult) => r.total;
  const lines: string[] = [];
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  lines.push(
    `Run ${date} · ${cpu} · ${os.cpus().length} cores · ${os.platform()} ${os.release()} · Node ${process.version} · ${chromeVersion} (headless) · ` +
      `${pages.length} pages (${pages.filter((p) => p.group === 'readability').length} Readability test pages, ` +
      `${pages.filter((p) => p.group === 'extraction-benchmark').length} extraction-benchmark pages, ${pages.filter((p) => p.group === 'demo').length} demo pages), ` +
      'served from 127.0.0.1 with all other requests blocked. ' +
      `Load average (1 min) at start ${loadBefore.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)}: other work on the machine makes the p95 and max figures noisy.`,
    '',
    'Content-script time per page = `provenance:quick` + `provenance:full` (when run), the measures the content script records itself ' +
      '(timer resolution in a page that is not cross-origin isolated: 0.1 ms). Class from the content script\'s own verdict ' +
      '(`content/get-state`): on-topic = its verdict; otherwise article / non-article from the corpus metadata ' +
      '(Readability pages: `readerable`; extraction-benchmark pages: articles; demo pages: README table). ' +
      `Readability.parse alone = \`new Readability(document.cloneNode(true)).parse()\` in the page's main world after the content script finished, median of ${READABILITY_RUNS} runs after 1 warm-up run.`,
    '',
    '| class | n | stopped at quick | median ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const [name, rs] of [['non-article', nonArticle], ['article off-topic', articleOff], ['all non-topic (both above)', nonTopic], ['on-topic (quick + full)', onTopic]] as const) {
    const s = classStats(rs, total);
    lines.push(`| ${name} | ${s.n} | ${rs.filter((r) => r.stage === 'quick').length} | ${fmt(s.med, 2)} | ${fmt(s.p95, 2)} | ${fmt(s.max, 2)} |`);
  }
  const onFull = classStats(onTopic, (r) => r.full);
  const onQuick = classStats(onTopic, (r) => r.quick);
  lines.push(`| on-topic: full pass only | ${onFull.n} | | ${fmt(onFull.med, 2)} | ${fmt(onFull.p95, 2)} | ${fmt(onFull.max, 2)} |`);
  lines.push(`| on-topic: quick pass only | ${onQuick.n} | | ${fmt(onQuick.med, 2)} | ${fmt(onQuick.p95, 2)} | ${fmt(onQuick.max, 2)} |`);
  const passedOff = nonTopic.filter((r) => r.full != null);
  if (passedOff.length) {
    const s = classStats(passedOff, total);
    lines.push(`| non-topic pages that passed the quick check (quick + full) | ${s.n} | | ${fmt(s.med, 2)} | ${fmt(s.p95, 2)} | ${fmt(s.max, 2)} |`);
  }

  // Readability comparison on the off-topic article pages.
  const cmp = articleOff.filter((r) => r.readability != null && r.total != null && r.readability > 0);
  const rd = classStats(cmp, (r) => r.readability);
  const rdCold = classStats(cmp, (r) => r.readabilityCold);
  const cs = classStats(cmp, total);
  const perPage = cmp.map((r) => r.total! / r.readability!);
  const ratioMedianPerPage = median(perPage);
  const ratioOfMedians = cs.med / rd.med;
  const cmpAll = nonTopic.filter((r) => r.readability != null && r.total != null && r.readability > 0);
  const ratioAll = median(cmpAll.map((r) => r.total! / r.readability!));
  lines.push(
    '',
    `Readability.parse alone on the ${cmp.length} article off-topic pages: median ${fmt(rd.med, 2)} ms, p95 ${fmt(rd.p95, 2)} ms ` +
      `(first, cold run: median ${fmt(rdCold.med, 2)} ms, p95 ${fmt(rdCold.p95, 2)} ms). ` +
      `Content-script time on the same pages: median ${fmt(cs.med, 2)} ms, p95 ${fmt(cs.p95, 2)} ms.`,
    '',
    '| ratio content script / Readability.parse alone | value |',
    '|---|---:|',
    `| median of per-page ratios (article off-topic, n=${cmp.length}) | ${fmt(ratioMedianPerPage, 3)} |`,
    `| ratio of medians (article off-topic) | ${fmt(ratioOfMedians, 3)} |`,
    `| median of per-page ratios (all non-topic, n=${cmpAll.length}) | ${fmt(ratioAll, 3)} |`,
    `| for information: median of per-page ratios against Readability's first (cold) run (article off-topic) | ${fmt(median(cmp.filter((r) => r.readabilityCold! > 0).map((r) => r.total! / r.readabilityCold!)), 3)} |`,
  );
  const rdErrors = results.filter((r) => r.readabilityError);
  if (rdErrors.length) lines.push('', `Readability.parse alone failed on ${rdErrors.length} page(s): ${rdErrors.map((r) => `${r.spec.id} (${r.readabilityError})`).join('; ')}.`);

  // Huge page.
  lines.push('', '**Generated ~10 MB page** (headline and opening name ISIS, so it gets the full analysis):', '');
  if (hugeResult) {
    const h = hugeResult;
    lines.push(
      '| size | paragraphs | stage reached | verdict | quick ms | full ms | content-script ms | longest task ms (any) | longest task ms (during content script) | long tasks | load → done s |',
      '|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|',
      `| ${(h.bytes / 1024 / 1024).toFixed(1)} MB | ${h.paragraphs} | ${h.stage} | ${h.verdict} | ${fmt(h.quick ?? NaN, 1)} | ${fmt(h.full ?? NaN, 1)} | ${fmt((h.quick ?? NaN) + (h.full ?? 0), 1)} | ${fmt(h.longestTask ?? NaN, 0)} | ${fmt(h.longestTaskDuringContent ?? NaN, 0)} | ${h.longTasks} | ${(h.wallMs / 1000).toFixed(1)} |`,
    );
  } else lines.push('The huge-page run failed (see the log).');

  // Targets.
  const nt = classStats(nonTopic, total);
  const t1 = nt.med < TARGET_NONTOPIC_MEDIAN && nt.p95 < TARGET_NONTOPIC_P95;
  const onTotal = classStats(onTopic, total);
  const t2 = onTotal.med < TARGET_ONTOPIC_MEDIAN;
  const t3 = ratioMedianPerPage <= TARGET_RATIO && ratioOfMedians <= TARGET_RATIO;
  lines.push(
    '',
    '| target | measured | result |',
    '|---|---|---|',
    `| non-topic pages: median < ${TARGET_NONTOPIC_MEDIAN} ms and p95 < ${TARGET_NONTOPIC_P95} ms | median ${fmt(nt.med, 2)} ms, p95 ${fmt(nt.p95, 2)} ms (n=${nt.n}) | ${passMiss(t1)} |`,
    `| on-topic full analysis: median < ${TARGET_ONTOPIC_MEDIAN} ms (quick + full) | median ${fmt(onTotal.med, 2)} ms (full pass alone ${fmt(onFull.med, 2)} ms, n=${onTotal.n}) | ${passMiss(t2)} |`,
    `| content-script time ≤ ${TARGET_RATIO}× Readability.parse alone (off-topic articles) | per-page median ${fmt(ratioMedianPerPage, 3)}, ratio of medians ${fmt(ratioOfMedians, 3)} | ${passMiss(t3)} |`,
  );

  // Startup cost (outside the measures).
  if (startup.length) {
    const pre = startup.map((s) => s.startupMs);
    const cbs = startup.map((s) => s.quickCallbackMs);
    const qm = startup.map((s) => s.quickMeasureMs);
    const late = startup.filter((s) => onTopic.some((r) => s.url.endsWith(r.spec.urlPath))).map((s) => s.lateModulesMs);
    lines.push(
      '',
      `**Not in the measures: loading the content script.** Traced loads of ${startup.length} pages (DevTools tracing slows everything down; compare with the quick pass traced alongside): ` +
        `content-script compile/evaluation before the quick pass (the boot script loaded on every page), median ${fmt(median(pre), 1)} ms (max ${fmt(Math.max(...pre), 1)}); ` +
        `the quick-pass idle callback in the same traces, median ${fmt(median(cbs), 1)} ms (its measure: ${fmt(median(qm), 1)} ms)` +
        (late.length ? `; compile/evaluation of the full analyser injected into on-topic pages, median ${fmt(median(late), 1)} ms (n=${late.length}).` : '.'),
    );
  }

  // Quick-pass breakdown.
  if (breakdown.length) {
    lines.push(
      '',
      `**Where the quick pass goes** (${breakdownModules.join(' + ')} re-run cold in a fresh page's main world, plain Chromium, ${breakdown.length} non-topic pages; medians, ms; ` +
        'module loading is outside the quick measure):',
      '',
      `| ${BREAKDOWN_STEPS.join(' | ')} |`,
      `|${BREAKDOWN_STEPS.map(() => '---:').join('|')}|`,
      `| ${BREAKDOWN_STEPS.map((k) => fmt(median(breakdown.map((b) => b.times[k])), 2)).join(' | ')} |`,
    );
  }
  if (fullBreakdown.length) {
    lines.push(
      '',
      `**Where the full pass goes** (${fullModules.join(' + ')} re-run the same way on the ${fullBreakdown.length} on-topic pages after an untimed quick pass, cold then warm; medians, ms; the content script's own full measure is the better absolute figure):`,
      '',
      `| ${FULL_STEPS.join(' | ')} |`,
      `|${FULL_STEPS.map(() => '---:').join('|')}|`,
      `| ${FULL_STEPS.map((k) => fmt(median(fullBreakdown.map((b) => b.times[k])), 2)).join(' | ')} |`,
    );
  }

  // Errors and timeouts.
  const withErrors = results.filter((r) => r.errors.length);
  const hugeErrors = hugeResult?.errors ?? [];
  lines.push('');
  if (!withErrors.length && !hugeErrors.length) lines.push('Content-script errors: none (no uncaught exception, rejection or console output from the content script on any page).');
  else {
    lines.push(`Content-script errors on ${withErrors.length + (hugeErrors.length ? 1 : 0)} page(s):`, '');
    for (const r of withErrors) lines.push(`- ${r.spec.id}: ${r.errors.slice(0, 3).join('; ')}`);
    if (hugeErrors.length) lines.push(`- generated 10 MB page: ${hugeErrors.slice(0, 3).join('; ')}`);
  }
  const timeouts = results.filter((r) => !r.cls || r.stage === 'full-failed');
  const failed = pages.length - results.length;
  if (timeouts.length || failed) {
    lines.push('', `Not measured: ${timeouts.map((r) => `${r.spec.id} (${r.stage})`).join(', ') || 'none'}${failed ? `; ${failed} page(s) failed to open` : ''}.`);
  }
  const moved = results.filter((r) => r.finalUrl);
  if (moved.length) {
    const show = (u: string) => {
      const x = new URL(u);
      return `${x.protocol}//…${x.pathname}`;
    };
    lines.push('', `Pages that moved themselves with a script (measured at the new URL): ${moved.map((r) => `${r.spec.id} → ${show(r.finalUrl!)}`).join(', ')}.`);
  }
  const fullPages = measured.filter((r) => r.stage === 'full');
  const agree = fullPages.filter((r) => r.workerOnTopic === (r.cls === 'on-topic')).length;
  const unstored = fullPages.filter((r) => r.workerOnTopic == null).map((r) => r.spec.id);
  lines.push(
    '',
    `Worker cross-check: of ${fullPages.length} pages that reached the full pass, the worker's stored tab state (\`tab:<id>\`) agrees with the content script's verdict on ${agree}` +
      (unstored.length ? `; no stored state for ${unstored.join(', ')}` : '') +
      '.',
  );
  // Label cross-check (information only).
  const fp = measured.filter((r) => r.cls === 'on-topic' && r.spec.label === 'off').map((r) => r.spec.id);
  const fn = measured.filter((r) => r.cls !== 'on-topic' && r.spec.label === 'on').map((r) => r.spec.id);
  const mentions = measured.filter((r) => r.spec.label === 'mention').map((r) => `${r.spec.id} → ${r.cls}`);
  lines.push(
    '',
    `Verdicts vs labels (information only): on-topic but labelled off: ${fp.join(', ') || 'none'}; not on-topic but labelled on: ${fn.join(', ') || 'none'}; ` +
      `labelled mention: ${mentions.join(', ') || 'none'}. Quick-pass outcome on non-topic pages: ` +
      Object.entries(
        nonTopic.reduce<Record<string, number>>((acc, r) => {
          const k = r.stage === 'quick' ? (r.quickReason ?? 'quick') : 'passed to full';
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {}),
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
  );
  const slowest = [...nonTopic].sort((a, b) => (b.total ?? 0) - (a.total ?? 0)).slice(0, 5);
  lines.push('', `Slowest non-topic pages: ${slowest.map((r) => `${r.spec.id} ${fmt(r.total ?? NaN, 1)} ms (${r.stage === 'quick' ? 'quick only' : 'quick + full'})`).join(', ')}.`);
  if (recheck.size) {
    lines.push(
      '',
      `Non-topic pages above ${fmt(Math.max(3 * nt.med, 40), 1)} ms (3× the median, at least 40 ms) loaded a second time, for information (the figures above keep the first load): ` +
        [...recheck.entries()].map(([id, t]) => `${id} ${fmt(measured.find((r) => r.spec.id === id)?.total ?? NaN, 1)} → ${fmt(t ?? NaN, 1)} ms`).join(', ') +
        '.',
    );
  }
  lines.push('', `Benchmark wall time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return lines.join('\n');
}
