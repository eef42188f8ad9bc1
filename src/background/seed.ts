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

/**
 * Resolve once the default pack is in the store. `force` re-runs the import (as on an
 * install or update event); the import itself is a no-op for a version already stored.
 */
export function ensureSeeded(db: ProvenanceDB, opts: { force?: boolean } = {}): Promise<void> {
  if (opts.force && ready) ready = ready.catch(() => undefined).then(() => importPack(db, defaultPack as unknown as Pack)).then(() => undefined);
  if (!ready) {
    ready = importPack(db, defaultPack as unknown as Pack)
      .then(() => undefined)
      .catch((err) => {
        ready = null; // let the next message retry
        throw err;
      });
  }
  return ready;
}
