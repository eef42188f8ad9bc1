/**
 * Long fuzz (`npm run fuzz`): property-based and corpus-mutation fuzzing of extraction,
 * detection, sourcing, anchoring and pack validation/building (tests/fuzz/lib), then the
 * over-the-cap cases. Prints a table per target and writes it to docs/RELIABILITY.md
 * ("## Fuzzing").
 *
 *   FUZZ_RUNS=12000     total generated inputs, spread over the groups (default 12,000)
 *   FUZZ_SEED=123       fast-check seed (default: random, printed)
 *   FUZZ_ONLY=packs,…   only these groups ("caps" for the over-the-cap cases)
 *   FUZZ_PATH=42        replay one case (with FUZZ_ONLY=<group> and FUZZ_SEED): prints its
 *                       failures in full and saves the input under /tmp
 *   FUZZ_WRITE=0        do not write docs/RELIABILITY.md (partial runs never write it)
 *
 * Pages of the shared corpus are read at run time from ../shared (or $PROVENANCE_SHARED);
 * without it the corpus group is skipped (said in the table). Exit code 1 when a case failed
 * outside the known issues (tests/fuzz/lib/known-issues.ts), or an over-the-cap case failed.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from '../bench/lib/results-md';
import { runCaps, type CapResult } from '../tests/fuzz/lib/caps';
import { loadCorpus, SHARED_DIR } from '../tests/fuzz/lib/corpus';
import { GROUPS } from '../tests/fuzz/lib/groups';
import { KNOWN_ISSUES } from '../tests/fuzz/lib/known-issues';
import { BUDGET_MS, formatFailure, Recorder, reproCommand, runGroup, sampleAt, TIMED_MAX_BYTES, warmUp, type Failure, type TargetStats } from '../tests/fuzz/lib/harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Share of the runs per group (cases cost very different times: corpus pages are big). */
const WEIGHTS: Record<string, number> = {
  'html-generated': 20,
  'html-random': 10,
  'html-corpus': 12,
  text: 14,
  anchoring: 14,
  packs: 22,
  'pack-build': 8,
};

const env = process.env;
const totalRuns = Math.max(1, Number(env.FUZZ_RUNS ?? 12_000) || 12_000);
const seed = env.FUZZ_SEED !== undefined && env.FUZZ_SEED !== '' ? Number(env.FUZZ_SEED) : (Math.random() * 2 ** 31) | 0;
const only = env.FUZZ_ONLY ? new Set(env.FUZZ_ONLY.split(',').map((s) => s.trim())) : null;
const replayPath = env.FUZZ_PATH || undefined;
const partial = !!only || !!replayPath || env.FUZZ_WRITE === '0';

function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

async function replay(): Promise<number> {
  const name = [...(only ?? [])][0];
  const group = GROUPS.find((g) => g.name === name);
  if (!group) {
    console.error(`FUZZ_PATH needs FUZZ_ONLY=<group>, one of: ${GROUPS.map((g) => g.name).join(', ')}`);
    return 2;
  }
  const rec = new Recorder();
  await warmUp(group, 10, seed);
  await runGroup(group, rec, { seed, runs: 1, path: replayPath });
  const input = sampleAt(group.arbitrary, seed, replayPath!);
  const file = path.join(os.tmpdir(), `fuzz-${group.name}-${seed}-${replayPath!.replace(/[^\w]/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(input, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2));
  console.log(`replayed ${group.name} seed ${seed} path ${replayPath}: ${rec.failures.length} failure(s); input saved to ${file}`);
  for (const f of rec.failures) console.log(`- ${f.target} ${f.kind}: ${f.message}`);
  for (const s of rec.stats.values()) console.log(`  ${s.target}: ${fmtMs(s.maxMs)} ms`);
  return rec.failures.length ? 1 : 0;
}

function table(stats: TargetStats[]): string {
  const head = '| group | target | calls | failures | throws | slow (> 50 ms) | broken property | of which known | max ms | slowest case |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
  const rows = stats.map((s) => {
    const failures = s.throws + s.slow + s.property;
    const untimed = s.maxMsUntimed ? ` (${fmtMs(s.maxMsUntimed)} on > 1 MB)` : '';
    return `| ${s.group} | ${s.target} | ${s.cases} | ${failures} | ${s.throws} | ${s.slow} | ${s.property} | ${s.known} | ${fmtMs(s.maxMs)}${untimed} | ${s.slowestPath ?? '–'} |`;
  });
  return [head, ...rows].join('\n');
}

function capsTable(caps: CapResult[]): string {
  const head = '| case | input | ms | limit ms | ok | result |\n| --- | --- | ---: | ---: | --- | --- |';
  return [head, ...caps.map((c) => `| ${c.name} | ${c.input} | ${fmtMs(c.ms)} | ${c.limitMs} | ${c.ok ? 'yes' : '**no**'} | ${c.detail.replace(/\|/g, '\\|')} |`)].join('\n');
}

function failureSummary(failures: Failure[]): string {
  const byKey = new Map<string, { n: number; first: Failure; worst: Failure }>();
  for (const f of failures) {
    const k = `${f.group}|${f.target}|${f.kind}|${f.known ?? ''}`;
    const e = byKey.get(k);
    if (!e) byKey.set(k, { n: 1, first: f, worst: f });
    else {
      e.n++;
      if ((f.ms ?? 0) > (e.worst.ms ?? 0)) e.worst = f;
    }
  }
  const lines: string[] = [];
  for (const { n, first, worst } of byKey.values()) {
    const f = first.kind === 'slow' ? worst : first;
    const known = f.known ? ` (known issue \`${f.known}\`)` : '';
    lines.push(`- ${f.group} / ${f.target} — ${n} ${f.kind}${n > 1 ? 's' : ''}${known}; ${f.kind === 'slow' ? 'worst' : 'first'}: ${f.message.replace(/\|/g, '\\|')} — \`${reproCommand(f)}\``);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  if (replayPath) return replay();
  const groups = GROUPS.filter((g) => !only || only.has(g.name));
  const weightSum = groups.reduce((n, g) => n + (WEIGHTS[g.name] ?? 10), 0);
  const rec = new Recorder();
  rec.onFailure = (f) => console.log(`  ! ${f.group} ${f.target} ${f.kind}${f.known ? ` [known: ${f.known}]` : ''} (path ${f.path}): ${f.message.slice(0, 200)}`);
  const started = Date.now();
  const perGroup: { name: string; runs: number; ms: number; skipped?: string }[] = [];
  console.log(`fuzz: seed ${seed}, ${totalRuns} cases over ${groups.length} groups; shared folder ${SHARED_DIR}`);
  for (const g of groups) {
    const runs = Math.max(1, Math.round((totalRuns * (WEIGHTS[g.name] ?? 10)) / weightSum));
    if (g.available && !g.available()) {
      perGroup.push({ name: g.name, runs: 0, ms: 0, skipped: 'shared corpus not found' });
      console.log(`- ${g.name}: skipped (no shared corpus at ${SHARED_DIR})`);
      continue;
    }
    await warmUp(g, g.name === 'html-corpus' ? 5 : 15, seed);
    const t0 = Date.now();
    const before = rec.cases;
    let lastPrint = Date.now();
    await runGroup(g, rec, {
      seed,
      runs,
      onCase: (i, ms) => {
        if (ms > 5_000) console.log(`  ${g.name}: case ${i} took ${(ms / 1000).toFixed(1)} s`);
        if (Date.now() - lastPrint > 15_000) {
          lastPrint = Date.now();
          console.log(`  ${g.name}: ${i + 1}/${runs} (${rec.failures.length} failures so far)`);
        }
      },
    });
    perGroup.push({ name: g.name, runs: rec.cases - before, ms: Date.now() - t0 });
    console.log(`- ${g.name}: ${rec.cases - before} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  let caps: CapResult[] = [];
  if (!only || only.has('caps')) {
    console.log('- caps: pages and packs over the caps…');
    caps = runCaps();
  }
  const elapsed = (Date.now() - started) / 1000;
  const stats = [...rec.stats.values()];
  const failures = rec.failures.length + caps.filter((c) => !c.ok).length;
  const unknown = rec.failures.filter((f) => !f.known).length + caps.filter((c) => !c.ok).length;
  const knownUsed = KNOWN_ISSUES.filter((k) => rec.failures.some((f) => f.known === k.id));

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const corpus = loadCorpus().origin;
  const body = [
    `Run of \`npm run fuzz\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine} (shared with other work: timings are noisy).`,
    '',
    `Seed ${seed}; ${rec.cases.toLocaleString('en')} generated or mutated inputs (${perGroup.map((g) => `${g.name} ${g.skipped ? `skipped: ${g.skipped}` : g.runs}`).join(', ')}), ${elapsed.toFixed(0)} s. Real pages mutated at run time: ${corpus}.`,
    '',
    `A call fails when it throws, breaks a property checked on its result, or stays over ${BUDGET_MS} ms on an input of at most ${TIMED_MAX_BYTES / 2 ** 20} MB after up to 3 re-runs (its fastest run counts). "max ms" is the slowest such call (fastest of its re-runs); inputs over 1 MB are timed separately (in brackets) and held to the cap limits below instead. For anchorAll the time is its longest synchronous slice. Reproduce a case with \`FUZZ_ONLY=<group> FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz\`.`,
    '',
    table(stats),
    '',
    failures
      ? `**Failures: ${failures}, of which ${failures - unknown} under known issues and ${unknown} new.**\n\n${failureSummary(rec.failures)}${caps.some((c) => !c.ok) ? `\n- caps: ${caps.filter((c) => !c.ok).map((c) => c.name).join(', ')}` : ''}`
      : '**No failures.**',
    knownUsed.length ? `\nKnown issues (tests/fuzz/lib/known-issues.ts; \`npm test\` fails only on failures outside them):\n\n${knownUsed.map((k) => `- \`${k.id}\`: ${k.description}.`).join('\n')}` : '',
    '',
    caps.length ? `Over the caps (each must return within its limit with a capped or clear result):\n\n${capsTable(caps)}` : '',
  ].join('\n');

  console.log('\n' + body + '\n');
  if (rec.failures.length) {
    console.log(`First failures:\n${rec.failures.slice(0, 20).map(formatFailure).join('\n')}`);
  }
  if (!partial) {
    writeResultsSection(path.join(ROOT, 'docs/RELIABILITY.md'), '## Fuzzing', body, '# Reliability');
    console.log('written to docs/RELIABILITY.md');
  }
  return unknown ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
