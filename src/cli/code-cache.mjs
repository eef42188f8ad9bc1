/**
 * Runs the bundled CLI worker (a CommonJS file, src/cli/bundle.mjs) through `vm.Script` with a
 * V8 code cache kept next to it, so that a worker thread does not compile the 1.5 MB bundle
 * from scratch nor compile its hot functions lazily one by one on its first pages.
 *
 * The cache file is keyed by a hash of the bundle text + the Node and V8 versions. It is
 * written (atomically) by a worker after its first task when there was no usable cache, and
 * once more after WARM_TASKS tasks, so that the functions compiled while analysing are in it
 * too. A missing, corrupt, rejected or unwritable cache is ignored: the script is then simply
 * compiled as usual. Running from the cache executes the very same code: the output is the same.
 * PROVENANCE_CLI_CODE_CACHE=0 turns the cache off; PROVENANCE_CLI_CODE_CACHE_TRACE=1 prints, per
 * worker, whether the cache was accepted, rejected or missing (stderr).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';

/** Tasks after which the cache is written again (with the functions compiled by then). */
export const WARM_TASKS = 40;
const HEADER = 4; // uint32 LE: how many tasks the worker had run when it wrote the cache

/** The cache file for the bundle `file` with text `source` under this Node and V8. */
export function codeCachePath(file, source) {
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.versions.v8}`).digest('hex').slice(0, 16);
  return `${file}.${key}.v8cache`;
}

function readCache(cacheFile) {
  try {
    const buf = readFileSync(cacheFile);
    if (buf.length <= HEADER) return null;
    return { tasks: buf.readUInt32LE(0), data: buf.subarray(HEADER) };
  } catch {
    return null;
  }
}

function writeCache(cacheFile, script, tasks) {
  try {
    const data = script.createCachedData();
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(tasks, 0);
    const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([header, data]));
    renameSync(tmp, cacheFile); // a concurrent worker reads the old file or the new one, never half of one
    if (process.env.PROVENANCE_CLI_CODE_CACHE_TRACE) process.stderr.write(`code cache written: ${cacheFile}\n`);
  } catch {
    /* unwritable: run without a cache */
  }
}

/**
 * Run the CommonJS file `file` with a code cache. Returns what happened to the cache
 * ('accepted' | 'rejected' | 'missing') for tests and diagnostics.
 */
export function runWithCodeCache(file) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCachePath(file, source);
  const cached = process.env.PROVENANCE_CLI_CODE_CACHE === '0' ? null : readCache(cacheFile);
  // The same wrapper Node puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData: cached?.data });
  const status = !cached ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (process.env.PROVENANCE_CLI_CODE_CACHE !== '0' && parentPort) {
    const known = status === 'accepted' ? cached.tasks : 0;
    let tasks = 0;
    // Registered after the bundle's own handler: this runs once the task has been answered.
    // A message may carry several tasks (an array, src/cli/pool.ts); the pool waits for the
    // worker to exit after its last task (src/cli/pool.ts closeWorker), so a write is never cut off.
    let written = false;
    const count = (m) => {
      if (!Array.isArray(m)) return; // the pool's close message, not a task
      const before = tasks;
      tasks += Array.isArray(m) ? m.length : 1;
      if (before === 0 && status !== 'accepted') writeCache(cacheFile, script, tasks);
      else if (!written && tasks >= WARM_TASKS && known < WARM_TASKS) {
        written = true;
        writeCache(cacheFile, script, tasks);
      }
      if (tasks >= WARM_TASKS) parentPort.off('message', count);
    };
    parentPort.on('message', count);
  }
  if (process.env.PROVENANCE_CLI_CODE_CACHE_TRACE) process.stderr.write(`code cache ${status}: ${cacheFile}\n`);
  return status;
}
