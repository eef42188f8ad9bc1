/**
 * The V8 settings of the CLI process (src/cli/v8-flags.mjs, applied by bin/provenance.mjs)
 * change how fast the analysis runs, never what it prints: the same JSON Lines with them and
 * without them (PROVENANCE_CLI_V8_FLAGS=0), on 2 worker threads and inline. (Not imported
 * here: setting them inside the long-running test process is what the module warns against.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, REPO } from '../../tests/lib/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'prov-v8flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withoutFlags<T>(f: () => Promise<T>): Promise<T> {
  const before = process.env.PROVENANCE_CLI_V8_FLAGS;
  process.env.PROVENANCE_CLI_V8_FLAGS = '0';
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.PROVENANCE_CLI_V8_FLAGS;
    else process.env.PROVENANCE_CLI_V8_FLAGS = before;
  }
}

describe('the CLI V8 flags', () => {
  it('give byte-identical output, with and without them, on 2 workers and inline', async () => {
    const demo = ['mosul-it-experts.html', 'detainees-transfer-ar.html', 'isis-goddess.html', 'social-media-app.html'];
    // Several pages per worker, so that hot functions are optimised under the tuned budget.
    for (let i = 0; i < 24; i++) writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}.html`), readFileSync(path.join(REPO, 'public/demo', demo[i % demo.length])));
    const tuned = await cli(['analyze', '--jsonl', '--workers', '2', dir]);
    expect(tuned.code).toBe(0);
    expect(tuned.stderr).toBe('');
    expect(tuned.stdout.trim().split('\n')).toHaveLength(24);
    const plain = await withoutFlags(() => cli(['analyze', '--jsonl', '--workers', '2', dir]));
    expect(plain.code).toBe(0);
    expect(tuned.stdout).toBe(plain.stdout);
    const inline = await withoutFlags(() => cli(['analyze', '--jsonl', '--workers', '0', dir]));
    expect(inline.stdout).toBe(tuned.stdout);
  }, 180_000);
});
