/**
 * What each worker thread of the CLI pool runs: analyse one input per message and post
 * back its JSON Lines record (and, for pack building, the report made from the page).
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskRequest } from './task';

const port = parentPort;
if (!port) throw new Error('worker-task must run in a worker thread');
port.on('message', (req: TaskRequest) => {
  port.postMessage(runTask(req));
});
port.postMessage({ ready: true });
