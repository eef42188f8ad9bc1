/**
 * V8 settings of the CLI process, set by bin/provenance.mjs as its very first step, before the
 * bundle is loaded and before any worker thread starts (V8 flags are process-wide; a Worker's
 * execArgv cannot carry them).
 *
 * `provenance analyze` runs one worker per core, so V8's background threads compete with the
 * analysis itself:
 * - `--no-parallel-scavenge`: each isolate's young-generation collections (frequent on this
 *   string-heavy work) run on the isolate's own thread instead of also waking helper threads that
 *   find no free core and only add synchronisation;
 * - a larger `--interrupt-budget` (V8's default is 132 KB of bytecode): a function must run
 *   longer before V8 optimises it, so TurboFan (a third of a worker's CPU) compiles the truly hot
 *   functions, not the many that run on a few pages only.
 * Both are read afresh at each collection / each tier-up decision, so setting them after V8 has
 * started is safe. (Not `--single-threaded-gc`: it also turns off concurrent marking, and V8
 * aborts when that changes under an isolate that already exists: the main thread's.)
 * Neither changes what the code computes: the output is byte-identical (bench/cli.ts and
 * src/cli/v8-flags.test.ts check it).
 * PROVENANCE_CLI_V8_FLAGS=0 keeps V8's defaults (for A/B comparisons).
 */
import v8 from 'node:v8';

export const CLI_V8_FLAGS = ['--no-parallel-scavenge', '--interrupt-budget=600000'];

/** Apply CLI_V8_FLAGS (call once, first thing in the process). Returns the flags set. */
export function tuneV8(env = process.env) {
  if (env.PROVENANCE_CLI_V8_FLAGS === '0') return [];
  for (const flag of CLI_V8_FLAGS) v8.setFlagsFromString(flag);
  return CLI_V8_FLAGS;
}
