/**
 * The CLI as one pre-built JavaScript bundle, so that `provenance` (and each of its worker
 * threads) starts in a fraction of a second instead of loading ~330 TypeScript and package
 * modules one by one through tsx's loader: that start-up cost ~1.4 s of CPU per thread
 * (main thread and every worker, each with its own loader thread), which on a 2-core machine
 * was most of a 500-page run and why a second worker added nothing.
 *
 * The bundle is built with esbuild (tsx's own dependency) on first use into a cache folder
 * (default: <tmp>/provenance-cli-<uid>/<hash of the checkout>, or $PROVENANCE_CLI_CACHE) and
 * reused while every input file (each listed in the manifest with its size and mtime) is
 * unchanged; any change rebuilds it (~0.3 s). If esbuild is missing or the build fails, the
 * caller falls back to running the sources through tsx (also when PROVENANCE_CLI_BUNDLE=0).
 * The worker entry is built as one CommonJS file that each worker thread runs with a V8 code
 * cache (src/cli/code-cache.mjs), the main entry as ES modules.
 * The bundle runs the very same source code: `provenance analyze` prints the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bundle entries: output name → source file (relative to the checkout). */
export const CLI_ENTRIES = { main: 'src/cli/main.ts', worker: 'src/cli/worker-task.ts' };
const MANIFEST = 'manifest.json';
const FORMAT = 2;
/** The entry built as CommonJS and run with a V8 code cache (src/cli/code-cache.mjs). */
const CJS_ENTRY = 'worker';

/** The default cache folder for a checkout. */
export function defaultCacheDir(root) {
  if (process.env.PROVENANCE_CLI_CACHE) return path.resolve(process.env.PROVENANCE_CLI_CACHE);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'u';
  const key = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `provenance-cli-${uid}`, key);
}

function readManifest(cacheDir) {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/** The bundle described by `m` still matches the sources (same entries, every input unchanged). */
function fresh(m, root, cacheDir, entries) {
  if (!m || m.format !== FORMAT || m.node !== process.version || m.root !== path.resolve(root)) return false;
  if (JSON.stringify(m.entries) !== JSON.stringify(entries)) return false;
  for (const name of Object.keys(entries)) if (!existsSync(path.join(cacheDir, m.dir, `${name}.mjs`))) return false;
  for (const [file, mtimeMs, size] of m.inputs) {
    let st;
    try {
      st = statSync(path.resolve(root, file));
    } catch {
      return false;
    }
    if (st.mtimeMs !== mtimeMs || st.size !== size) return false;
  }
  return true;
}

function files(m, cacheDir, entries) {
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(cacheDir, m.dir, `${name}.mjs`)]));
}

/**
 * The bundle for the checkout at `root`, built if missing or stale: `{ files: {main, worker},
 * built }`, or null when it cannot be built (no esbuild, a build error): run from source then.
 */
export async function cliBundle({ root, cacheDir = defaultCacheDir(root), entries = CLI_ENTRIES } = {}) {
  const current = readManifest(cacheDir);
  if (fresh(current, root, cacheDir, entries)) return { files: files(current, cacheDir, entries), built: false };
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const started = Date.now();
  const dir = `b-${started.toString(36)}-${process.pid}`;
  const outdir = path.join(cacheDir, dir);
  try {
    mkdirSync(outdir, { recursive: true });
    const common = {
      absWorkingDir: path.resolve(root),
      bundle: true,
      platform: 'node',
      target: 'node20',
      metafile: true,
      logLevel: 'silent',
      // linkedom tries `require("canvas")` and falls back to its own shim, as it does unbundled.
      external: ['canvas'],
      define: {
        // Paths the CLI derives from its own location (the default pack next to src/cli) stay
        // those of the sources; every CLI module that uses import.meta.url lives in src/cli.
        'import.meta.url': JSON.stringify(pathToFileURL(path.resolve(root, entries.main)).href),
        // The pool starts the bundled worker, not the tsx wrapper (src/cli/pool.ts).
        __PROVENANCE_CLI_WORKER__: JSON.stringify(pathToFileURL(path.join(outdir, `${CJS_ENTRY}.mjs`)).href),
      },
    };
    const esm = Object.entries(entries).filter(([name]) => name !== CJS_ENTRY);
    const results = [];
    if (esm.length) {
      results.push(
        await esbuild.build({
          ...common,
          entryPoints: Object.fromEntries(esm.map(([name, file]) => [name, path.resolve(root, file)])),
          splitting: true,
          format: 'esm',
          outdir,
          outExtension: { '.js': '.mjs' },
        }),
      );
    }
    if (entries[CJS_ENTRY]) {
      // The worker as one CommonJS file, run through vm.Script with a V8 code cache
      // (src/cli/code-cache.mjs) by a two-line ES module of the entry's name.
      const cjs = path.join(outdir, `${CJS_ENTRY}.cjs`);
      results.push(await esbuild.build({ ...common, entryPoints: [path.resolve(root, entries[CJS_ENTRY])], format: 'cjs', outfile: cjs }));
      const loader = pathToFileURL(path.resolve(root, 'src/cli/code-cache.mjs')).href;
      writeFileSync(path.join(outdir, `${CJS_ENTRY}.mjs`), `import { runWithCodeCache } from ${JSON.stringify(loader)};\nrunWithCodeCache(${JSON.stringify(cjs)});\n`);
    }
    const inputs = [];
    let changedDuringBuild = false;
    for (const file of new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))) {
      const st = statSync(path.resolve(root, file));
      if (st.mtimeMs >= started) changedDuringBuild = true;
      inputs.push([file, st.mtimeMs, st.size]);
    }
    const m = { format: FORMAT, node: process.version, root: path.resolve(root), entries, dir, inputs };
    if (!changedDuringBuild) {
      const tmp = path.join(cacheDir, `${MANIFEST}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify(m));
      renameSync(tmp, path.join(cacheDir, MANIFEST)); // atomic: a concurrent run sees the old or the new one
    }
    removeOldBuilds(cacheDir, dir);
    return { files: files(m, cacheDir, entries), built: true };
  } catch {
    rmSync(outdir, { recursive: true, force: true });
    return null;
  }
}

/** Remove earlier builds older than a day (a run still using one, e.g. to replace a crashed worker, started long before). */
function removeOldBuilds(cacheDir, keep) {
  try {
    for (const d of readdirSync(cacheDir)) {
      if (!d.startsWith('b-') || d === keep) continue;
      const full = path.join(cacheDir, d);
      if (Date.now() - statSync(full).mtimeMs > 86_400_000) rmSync(full, { recursive: true, force: true });
    }
  } catch {
    /* best effort */
  }
}
