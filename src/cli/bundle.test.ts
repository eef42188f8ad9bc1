/**
 * The CLI bundle (src/cli/bundle.mjs): built once, reused while its inputs are unchanged,
 * rebuilt when one changes; and the bundled CLI prints exactly what the sources run through
 * tsx print (the same records, in input order, on worker threads or inline).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../../tests/lib/cli';
// @ts-expect-error plain JavaScript module (it runs before tsx is loaded), no declarations
import { cliBundle } from './bundle.mjs';

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'prov-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cliBundle', () => {
  it('builds once, reuses the bundle, and rebuilds when an input changes', async () => {
    const root = path.join(tmp, 'proj');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/main.ts'), "import { word } from './word';\nexport const main = (): string => `said ${word}`;\n");
    writeFileSync(path.join(root, 'src/word.ts'), "export const word: string = 'hello';\n");
    const opts = { root, cacheDir: path.join(tmp, 'cache'), entries: { main: 'src/main.ts' } };
    const first = await cliBundle(opts);
    expect(first.built).toBe(true);
    expect((await import(pathToFileURL(first.files.main).href)).main()).toBe('said hello');
    const second = await cliBundle(opts);
    expect(second).toEqual({ files: first.files, built: false });
    writeFileSync(path.join(root, 'src/word.ts'), "export const word: string = 'goodbye';\n");
    const past = new Date(Date.now() - 60_000); // an edit within the same mtime tick would still differ in size
    utimesSync(path.join(root, 'src/word.ts'), past, past);
    const third = await cliBundle(opts);
    expect(third.built).toBe(true);
    expect(third.files.main).not.toBe(first.files.main);
    expect((await import(pathToFileURL(third.files.main).href)).main()).toBe('said goodbye');
  }, 60_000);

  it('gives null (run from source) when the build fails', async () => {
    const root = path.join(tmp, 'broken');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src/main.ts'), "import { nothing } from './missing';\nexport const main = nothing;\n");
    expect(await cliBundle({ root, cacheDir: path.join(tmp, 'cache-broken'), entries: { main: 'src/main.ts' } })).toBeNull();
  }, 60_000);
});

describe('the bundled CLI', () => {
  it('prints the same JSON Lines as the sources under tsx, on 2 workers and inline', async () => {
    const pages = path.join(tmp, 'pages');
    mkdirSync(pages);
    for (const f of ['mosul-it-experts.html', 'detainees-transfer-ar.html', 'isis-goddess.html', 'mosul-resistance-fr.html', 'wire-copy-ar.html']) {
      writeFileSync(path.join(pages, f), readFileSync(path.join(REPO, 'public/demo', f)));
    }
    const analyze = async (workers: number, env: Record<string, string>) =>
      (await run(process.execPath, [BIN, 'analyze', '--jsonl', '--workers', String(workers), pages], { cwd: REPO, env: { ...process.env, ...env }, maxBuffer: 20 * 1024 * 1024 })).stdout;
    const cacheDir = path.join(tmp, 'cli-cache');
    const bundled2 = await analyze(2, { PROVENANCE_CLI_CACHE: cacheDir });
    expect(readFileSync(path.join(cacheDir, 'manifest.json'), 'utf8')).toContain('src/cli/worker-task.ts');
    const bundled0 = await analyze(0, { PROVENANCE_CLI_CACHE: cacheDir });
    const source = await analyze(2, { PROVENANCE_CLI_BUNDLE: '0' });
    expect(bundled2.trim().split('\n')).toHaveLength(5);
    expect(bundled2).toBe(source);
    expect(bundled0).toBe(source);
  }, 180_000);
});
