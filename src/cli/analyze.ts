/**
 * `provenance analyze [--jsonl] [--workers N] [--quiet] PATH...|-`: analyse HTML files
 * (folders walked for .html/.htm/.xhtml), .jsonl files, or JSON Lines of {url, html} /
 * {title, text} on standard input ("-"), with the same core the content script uses, on
 * every core (a pool of worker threads), printing results in input order. A failed input
 * is reported on its own line and the run goes on; the exit code is 1 if any failed.
 */
import os from 'node:os';
import { once } from 'node:events';
import { countItems, inputItems } from './inputs';
import { runPool } from './pool';
import { progressBar } from './progress';
import type { SourcingScope } from './record';

export const ANALYZE_USAGE = `  provenance analyze [--jsonl] PATH...|-  analyse HTML files (folders are searched recursively for .html/.htm),
                                          .jsonl files or JSON Lines of {url, html} / {title, text} on standard input (-)
      --jsonl        one JSON object per input, in input order (an input that failed: {"file", "error"})
      --workers N    worker threads (default: every core, ${os.availableParallelism()} here; 0 = no threads)
      --sourcing on-topic  with --jsonl: sourcing and claims only for ON pages ("sourcing": null, "claims": null
                     on the others; ~2× faster on a corpus that is mostly off-topic); default: all pages
      --quiet        no progress bar (it is shown only when standard error is a terminal)
      ON = about the Islamic State or partly about it (a side topic that matters; the reason says which), off = named in passing or not at all`;

export interface CliFlags {
  workers: number;
  rest: string[];
  error?: string;
}

/** Parse --sourcing all|on-topic out of the arguments. */
export function sourcingFlag(args: string[]): { scope: Exclude<SourcingScope, 'none'>; rest: string[]; error?: string } {
  let scope: Exclude<SourcingScope, 'none'> = 'all';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a === '--sourcing' ? args[++i] : a.startsWith('--sourcing=') ? a.slice(11) : null;
    if (v === null) rest.push(a);
    else if (v === 'all' || v === 'on-topic') scope = v;
    else return { scope, rest, error: '--sourcing is all or on-topic' };
  }
  return { scope, rest };
}

/** Parse --workers N / --workers=N out of the arguments. */
export function workersFlag(args: string[]): CliFlags {
  let workers = os.availableParallelism();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a === '--workers' ? args[++i] : a.startsWith('--workers=') ? a.slice(10) : null;
    if (v === null) {
      rest.push(a);
      continue;
    }
    if (!/^\d+$/.test(v ?? '') || Number(v) > 256) return { workers, rest, error: '--workers needs a whole number (0–256)' };
    workers = Number(v);
  }
  return { workers, rest };
}

async function write(s: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(s)) await once(process.stdout, 'drain');
}

export async function analyzeCommand(args: string[]): Promise<number> {
  const sourcing = sourcingFlag(args);
  const flags = workersFlag(sourcing.rest);
  if (sourcing.error) flags.error ??= sourcing.error;
  const known = new Set(['--jsonl', '--quiet']);
  const unknown = flags.rest.find((a) => a.startsWith('--') && !known.has(a));
  const paths = flags.rest.filter((a) => !known.has(a));
  if (flags.error || unknown || !paths.length) {
    process.stderr.write(`provenance analyze: ${flags.error ?? (unknown ? `unknown option ${unknown}` : 'no input given')}\n\nUsage:\n${ANALYZE_USAGE}\n`);
    return 2;
  }
  const jsonl = flags.rest.includes('--jsonl');
  // The folders are listed while the worker threads start (the progress bar is made once the count is known).
  const bar: { progress?: ReturnType<typeof progressBar> } = {};
  const items = countItems(paths).then((listed) => {
    bar.progress = progressBar(listed.items?.length ?? null, process.stderr, !!process.stderr.isTTY && !flags.rest.includes('--quiet'));
    return listed.items ?? inputItems(paths);
  });
  let failures = 0;
  // The text output prints neither sourcing nor claims: they are not computed for it.
  const scope: SourcingScope = jsonl ? sourcing.scope : 'none';
  await runPool(items, { workers: flags.workers, mode: 'analyze', sourcing: scope, jsonl }, async ({ record: rec, line }) => {
    if (rec.error) failures++;
    bar.progress?.tick(!!rec.error);
    // The worker's bytes as they are (a task lost with its worker has only its error record).
    if (jsonl) await write(line ?? JSON.stringify(rec) + '\n');
    else if (rec.error) await write(`${rec.file}: error: ${rec.error}\n`);
    else await write(`${rec.file}: ${rec.onTopic ? 'ON ' : 'off'} ${(rec.score as number).toFixed(2)}  ${rec.title}  — ${rec.reason}\n`);
  });
  bar.progress?.finish();
  return failures ? 1 : 0;
}
