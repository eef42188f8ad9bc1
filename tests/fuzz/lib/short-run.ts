/**
 * The short fuzz run in `npm test`: a few hundred inputs per group with a fixed seed
 * (FUZZ_SEED overrides it), after a warm-up. Returns the failures outside the known issues,
 * formatted with the command that replays each.
 */
import { formatFailure, Recorder, runGroup, warmUp, type Group } from './harness';

export const SHORT_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_240_501;

export interface ShortRun {
  cases: number;
  unknown: string[];
  known: number;
  maxMs: Record<string, number>;
}

export async function shortRun<T>(group: Group<T>, runs: number, warm = 8): Promise<ShortRun> {
  await warmUp(group, warm, SHORT_SEED);
  const rec = new Recorder();
  await runGroup(group, rec, { seed: SHORT_SEED, runs });
  const maxMs: Record<string, number> = {};
  for (const s of rec.stats.values()) maxMs[s.target] = Math.round(s.maxMs * 10) / 10;
  const known = rec.failures.filter((f) => f.known);
  if (known.length) console.log(`${group.name}: ${known.length} failure(s) under known issues (${[...new Set(known.map((f) => f.known))].join(', ')})`);
  // Speed belongs to benchmarks and the long run (npm run fuzz), not to a timed unit test on a
  // shared machine: the short run reports slow calls but fails only on throws and broken properties.
  const slow = rec.failures.filter((f) => !f.known && f.kind === 'slow');
  if (slow.length) console.log(`${group.name}: ${slow.length} slow call(s), not failed here (the long run judges speed):\n${slow.map(formatFailure).join('\n')}`);
  return { cases: rec.cases, unknown: rec.failures.filter((f) => !f.known && f.kind !== 'slow').map(formatFailure), known: known.length, maxMs };
}
