/**
 * A pool of worker threads for the CLI: tasks go to whichever worker is free, results come
 * back in input order (a reorder buffer), and at most a few tasks per worker are in flight,
 * so memory stays flat on a corpus of any size. A worker that dies fails only the tasks it
 * held; a fresh one takes its place. `workers: 0` runs the tasks inline (no threads).
 * Tasks handed out in one turn of the event loop travel to a worker as one message (an
 * array), and a worker answers a message with one message: fewer wake-ups of both threads.
 */
import { Worker } from 'node:worker_threads';
import type { TaskRequest, TaskResult } from './task';

/** Defined (as the bundled worker's URL) only in the CLI bundle (src/cli/bundle.mjs). */
declare const __PROVENANCE_CLI_WORKER__: string | undefined;
/** The worker script: the bundled one when running from the CLI bundle, else the tsx wrapper next to this file. */
const WORKER_ENTRY = typeof __PROVENANCE_CLI_WORKER__ === 'string' ? new URL(__PROVENANCE_CLI_WORKER__) : new URL('./worker.mjs', import.meta.url);
/** Tasks a worker holds at most (queued or running); a message carries at most half of them. */
const IN_FLIGHT_PER_WORKER = 8;
const MAX_BATCH = IN_FLIGHT_PER_WORKER / 2;

export interface PoolOptions {
  workers: number;
  mode: TaskRequest['mode'];
  includeText?: boolean;
  sourcing?: TaskRequest['sourcing'];
  /** Results as JSON Lines bytes (`TaskResult.line`), see `TaskRequest.jsonl`. */
  jsonl?: boolean;
}

type Req = Omit<TaskRequest, 'id' | 'mode' | 'includeText' | 'sourcing' | 'jsonl'>;

interface Slot {
  worker: Worker;
  busy: Set<number>;
  ready: Promise<void>;
  /** Tasks handed to this worker in the current turn, posted together at its end. */
  outbox: TaskRequest[];
}

type Items = AsyncIterable<Req['item']> | Iterable<Req['item']>;

/**
 * Run every item through the pool; `onResult` is called once per item, in input order (awaited: back-pressure).
 * `items` may be a promise (e.g. a folder still being listed): the workers start meanwhile.
 */
export async function runPool(itemsOrPromise: Items | Promise<Items>, opts: PoolOptions, onResult: (r: TaskResult) => void | Promise<void>): Promise<void> {
  const request = (id: number, item: Req['item']): TaskRequest => ({ id, mode: opts.mode, item, includeText: opts.includeText, sourcing: opts.sourcing, jsonl: opts.jsonl });
  if (opts.workers <= 0) {
    // Loaded only here: with worker threads the main thread never loads the analysis core.
    const { runTask } = await import('./task');
    const items = await itemsOrPromise;
    let id = 0;
    for await (const item of items) await onResult(runTask(request(id++, item)));
    return;
  }
  const done = new Map<number, TaskResult>();
  const labels = new Map<number, string>();
  let next = 0; // next id to hand to onResult
  // A result or a failure since the last wait (so a wake-up during an await is not lost).
  let dirty = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    dirty = true;
    const w = wake;
    wake = null;
    w?.();
  };
  const slots: Slot[] = [];
  const spawn = (): Slot => {
    const worker = new Worker(WORKER_ENTRY);
    const slot: Slot = { worker, busy: new Set(), ready: Promise.resolve(), outbox: [] };
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    worker.on('message', (m: TaskResult[] | { ready: true }) => {
      if (!Array.isArray(m)) return;
      for (const r of m) {
        slot.busy.delete(r.id);
        done.set(r.id, r);
      }
      signal();
    });
    const fail = (why: string) => {
      for (const id of slot.busy) done.set(id, { id, record: { file: labels.get(id) ?? String(id), error: `worker failed: ${why}` } });
      slot.busy.clear();
      slot.outbox.length = 0;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1, spawn());
      signal();
    };
    worker.on('error', (e) => fail(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(`exited with code ${code}`);
    });
    return slot;
  };
  for (let i = 0; i < opts.workers; i++) slots.push(spawn());
  // The workers start up while the inputs are listed; a worker that cannot start fails the run here.
  const [items] = await Promise.all([itemsOrPromise, ...slots.map((s) => s.ready)]);

  const flush = async () => {
    while (done.has(next)) {
      const r = done.get(next)!;
      done.delete(next);
      labels.delete(next);
      next++;
      await onResult(r);
    }
  };
  const post = (slot: Slot) => {
    const batch = slot.outbox.splice(0);
    if (batch.length) slot.worker.postMessage(batch);
  };
  // Post every outbox at the end of the current turn (or as soon as one is full).
  let posting = false;
  const postAll = () => {
    posting = false;
    for (const s of slots) post(s);
  };
  const waitForSomething = async () => {
    postAll();
    if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
    dirty = false;
  };
  let id = 0;
  try {
    for await (const item of items) {
      for (;;) {
        await flush();
        const free = slots.reduce<Slot | null>((best, s) => (s.busy.size < IN_FLIGHT_PER_WORKER && (!best || s.busy.size < best.busy.size) ? s : best), null);
        if (free && id - next < opts.workers * IN_FLIGHT_PER_WORKER * 2) {
          labels.set(id, item.label);
          free.busy.add(id);
          free.outbox.push(request(id, item));
          if (free.outbox.length >= MAX_BATCH) post(free);
          else if (!posting) {
            posting = true;
            setImmediate(postAll);
          }
          id++;
          break;
        }
        await waitForSomething();
      }
    }
    while (next < id) {
      await flush();
      if (next < id) await waitForSomething();
    }
  } finally {
    const all = [...slots];
    slots.length = 0;
    await Promise.all(all.map((s) => closeWorker(s.worker)));
  }
}

/** How long a worker may take to finish what it is doing (e.g. writing its code cache) once asked to close. */
const CLOSE_GRACE_MS = 10_000;

/**
 * Ask a worker to exit once it has handled every message before this one (a worker may still be
 * writing its code cache after posting its last result, src/cli/code-cache.mjs; terminating it then
 * would lose the file); terminate it if it has not exited within CLOSE_GRACE_MS.
 */
async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  try {
    worker.postMessage({ close: true });
  } catch {
    /* already gone */
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS)));
  if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
  clearTimeout(timer);
}
