/**
 * The V8 code cache of the bundled CLI worker (src/cli/code-cache.mjs): written by the first
 * run, reused (not rejected) by the next, and a corrupt one is ignored and replaced; the
 * JSON Lines printed are the same bytes in every case, and the same as without any cache.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../../tests/lib/cli';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'prov-code-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the code cache of the bundled CLI worker', () => {
  it('is written, then reused, and a corrupt one is ignored and rewritten; the output never changes', async () => {
    const pages = path.join(tmp, 'pages');
    mkdirSync(pages);
    for (const f of ['mosul-it-experts.html', 'detainees-transfer-ar.html', 'isis-goddess.html', 'mosul-resistance-fr.html']) {
      writeFileSync(path.join(pages, f), readFileSync(path.join(REPO, 'public/demo', f)));
    }
    const cacheDir = path.join(tmp, 'cli-cache');
    const analyze = async (env: Record<string, string> = {}) => {
      const { stdout, stderr } = await run(process.execPath, [BIN, 'analyze', '--jsonl', '--quiet', '--workers', '2', pages], {
        cwd: REPO,
        env: { ...process.env, PROVENANCE_CLI_CACHE: cacheDir, PROVENANCE_CLI_CODE_CACHE_TRACE: '1', ...env },
        maxBuffer: 20 * 1024 * 1024,
      });
      const all = [...stderr.matchAll(/code cache (\w+): (\S+)/g)].map((m) => ({ status: m[1], file: m[2] }));
      const statuses = all.filter((s) => s.status !== 'written');
      const writes = all.length - statuses.length;
      return { stdout, writes, statuses: statuses.map((s) => s.status), files: [...new Set(all.map((s) => s.file))] };
    };

    const first = await analyze();
    expect(first.stdout.trim().split('\n')).toHaveLength(4);
    expect(first.statuses).toEqual(['missing', 'missing']);
    // Each worker writes the cache after its first task, and the pool lets it finish before the run ends.
    expect(first.writes).toBe(2);
    expect(first.files).toHaveLength(1);
    const cacheFile = first.files[0];
    expect(readdirSync(path.dirname(cacheFile))).toContain(path.basename(cacheFile));
    const written = readFileSync(cacheFile);
    expect(written.length).toBeGreaterThan(10_000);

    const second = await analyze();
    expect(second.statuses).toEqual(['accepted', 'accepted']);
    expect(second.writes).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(cacheFile).equals(written)).toBe(true); // accepted: not written again

    // Garbage where V8's header is: the cache is rejected, the worker compiles as usual and writes a good one.
    const corrupt = Buffer.from(written);
    corrupt.fill(0xab, 4, 68);
    writeFileSync(cacheFile, corrupt);
    const third = await analyze();
    expect(third.statuses).toEqual(['rejected', 'rejected']);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(cacheFile).subarray(4, 68).equals(corrupt.subarray(4, 68))).toBe(false);
    expect((await analyze()).statuses).toEqual(['accepted', 'accepted']);

    // A cut-off file, and no cache at all: the same bytes.
    writeFileSync(cacheFile, written.subarray(0, 3));
    const cut = await analyze();
    expect(cut.statuses).toEqual(['missing', 'missing']);
    expect(cut.stdout).toBe(first.stdout);
    expect((await analyze({ PROVENANCE_CLI_CODE_CACHE: '0' })).stdout).toBe(first.stdout);
  }, 240_000);
});
