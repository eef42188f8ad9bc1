/**
 * Loads the bundled default pack once. Idempotent: a second install event, a worker
 * restart or concurrent callers all share one import, and re-importing the same pack
 * version is a no-op inside its transaction.
 */
import type { Pack } from '../core/packs/types';
import defaultPack from '../packs/default/pack.json';
import { importPack } from '../store/import-pack';
import type { ProvenanceDB } from '../store/db';

let ready: Promise<void> | null = null;

/** Import the default pack unless the user removed it. */
async function seed(db: ProvenanceDB): Promise<void> {
  if ((await db.settings.get('defaultPackRemoved'))?.value === true) return;
  await importPack(db, defaultPack as unknown as Pack);
}

/**
 * Resolve once the default pack is in the store. `force` re-runs the import (as on an
 * install or update event); the import itself is a no-op for a version already stored.
 */
export function ensureSeeded(db: ProvenanceDB, opts: { force?: boolean } = {}): Promise<void> {
  if (opts.force && ready) ready = ready.catch(() => undefined).then(() => seed(db));
  if (!ready) {
    ready = seed(db)
      .then(() => undefined)
      .catch((err) => {
        ready = null; // let the next message retry
        throw err;
      });
  }
  return ready;
}
