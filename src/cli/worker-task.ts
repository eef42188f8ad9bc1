/**
 * What each worker thread of the CLI pool runs: analyse one input per message and post
 * back its JSON Lines record (as UTF-8 bytes with --jsonl; for pack building, the record
 * and the report made from the page).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskRequest } from './task';

const port = parentPort;
if (!port) throw new Error('worker-task must run in a worker thread');
port.on('message', (req: TaskRequest) => {
  const r = runTask(req);
  // A JSON Lines record travels as bytes, moved (not copied) to the main thread.
  port.postMessage(r, r.line ? [r.line.buffer as ArrayBuffer] : []);
});
port.postMessage({ ready: true });
