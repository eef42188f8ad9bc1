/**
 * What each worker thread of the CLI pool runs: analyse the inputs of a message (an array
 * of tasks) and post back their results in one message: each JSON Lines record (as UTF-8
 * bytes with --jsonl; for pack building, the record and the report made from the page).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskRequest } from './task';

const port = parentPort;
if (!port) throw new Error('worker-task must run in a worker thread');
port.on('message', (reqs: TaskRequest[] | { close: true }) => {
  // The pool is done: exit once this message's turn is over (every listener of the earlier
  // messages, e.g. the code-cache writer of src/cli/code-cache.mjs, has run by now).
  if (!Array.isArray(reqs)) {
    process.exit(0);
    return;
  }
  const results = reqs.map(runTask);
  // A JSON Lines record travels as bytes, moved (not copied) to the main thread.
  port.postMessage(results, results.flatMap((r) => (r.line ? [r.line.buffer as ArrayBuffer] : [])));
});
port.postMessage({ ready: true });
