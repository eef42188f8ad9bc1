/**
 * Whether anything was written to the store since a value was read: a counter bumped when a
 * read-write transaction of this connection begins and again when it ends (committed or
 * aborted), kept by a Dexie middleware. The worker's connection is the store's only writer
 * (extension pages write through the worker's messages), so a value read while no write was
 * under way, with the counter unchanged since, still holds: the lookup keeps the outlets and
 * the store generation it read without reading them again for every page.
 */
import type { Dexie } from 'dexie';

interface Epoch {
  /** Bumped at the start and at the end of every read-write transaction. */
  n: number;
  /** Read-write transactions begun and not yet ended. */
  open: number;
}
const epochs = new WeakMap<Dexie, Epoch>();

/** Count this connection's writes (call before the connection opens). */
export function watchWrites(db: Dexie): void {
  if (epochs.has(db)) return;
  const e: Epoch = { n: 0, open: 0 };
  epochs.set(db, e);
  db.use({
    stack: 'dbcore',
    name: 'provenance:write-epoch',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          e.n++;
          e.open++;
          let ended = false;
          const end = () => {
            if (ended) return;
            ended = true;
            e.open--;
            e.n++;
          };
          const t = tx as unknown as EventTarget;
          t.addEventListener('complete', end);
          t.addEventListener('abort', end);
        }
        return tx;
      },
    }),
  });
}

/**
 * The write counter now, or null while a write is under way or when writes are not watched
 * on this connection (then nothing read can be kept).
 */
export function writeEpoch(db: Dexie): number | null {
  const e = epochs.get(db);
  return e && e.open === 0 ? e.n : null;
}
