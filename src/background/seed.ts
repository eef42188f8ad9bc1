/**
 * Loads the default pack, shipped as a file of its own (src/packs/default/pack.json, emitted
 * by Vite as an asset): fetched and imported on install and update only, so a starting
 * worker neither parses it nor computes its features. Idempotent: a second install event,
 * a worker restart or concurrent callers all share one import, and re-importing the same
 * pack version is a no-op inside its transaction.
 */
import type { Pack } from '../core/packs/types';
import defaultPackUrl from '../packs/default/pack.json?url';
import { importPack } from '../store/import-pack';
import type { ProvenanceDB } from '../store/db';

export const DEFAULT_PACK_ID = 'default';
let ready: Promise<void> | null = null;

/** The default pack's file, read from the extension's own files. */
export async function loadDefaultPack(): Promise<Pack> {
  const res = await fetch(defaultPackUrl);
  if (!res.ok) throw new Error(`the default pack could not be read (${res.status})`);
  return (await res.json()) as Pack;
}

/**
 * Import the default pack unless the user removed it. Without `force` (a message waking the
 * worker) a stored default pack is enough: an extension update brings a new version through
 * the install event, which forces the import.
 */
async function seed(db: ProvenanceDB, force: boolean): Promise<void> {
  // Both reads at once: a restarted worker does this before its first answer.
  const [removed, stored] = await Promise.all([db.settings.get('defaultPackRemoved'), force ? undefined : db.packs.get(DEFAULT_PACK_ID)]);
  if (removed?.value === true) return;
  if (!force && stored) return;
  await importPack(db, await loadDefaultPack());
}

/**
 * Resolve once the default pack is in the store. `force` re-runs the import (as on an
 * install or update event); the import itself is a no-op for a version already stored.
 */
export function ensureSeeded(db: ProvenanceDB, opts: { force?: boolean } = {}): Promise<void> {
  if (opts.force && ready) ready = ready.catch(() => undefined).then(() => seed(db, true));
  if (!ready) {
    ready = seed(db, !!opts.force)
      .then(() => undefined)
      .catch((err) => {
        ready = null; // let the next message retry
        throw err;
      });
  }
  return ready;
}
