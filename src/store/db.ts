/**
 * The IndexedDB store (Dexie). Versioned schema; every version bump gets a migration
 * test. Used by the service worker and by extension pages. Row types and the schema
 * history live in schema.ts (re-exported here).
 */
import Dexie, { type Transaction } from 'dexie';
import { upgradeTo2, upgradeTo4, upgradeTo5, upgradeTo6 } from './migrations';
import { DB_NAME, SCHEMA_VERSIONS, type ProvenanceDB } from './schema';

export * from './schema';

/** Data migrations, by the version they upgrade to. */
export const UPGRADES: Record<number, (tx: Transaction) => Promise<void>> = {
  2: upgradeTo2,
  4: upgradeTo4,
  5: upgradeTo5,
  6: upgradeTo6,
};

/**
 * The IndexedDB implementation to open the store on. Left out in the extension (the
 * browser's own); tests in Node pass fake-indexeddb's.
 */
export interface IdbDeps {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The store at its latest version (or at `upTo`, for migration tests); not opened yet. */
export function openDb(name = DB_NAME, upTo = Infinity, deps?: IdbDeps): ProvenanceDB {
  const db = (deps ? new Dexie(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange }) : new Dexie(name)) as ProvenanceDB;
  for (const [v, schema] of Object.entries(SCHEMA_VERSIONS)) {
    if (Number(v) > upTo) break;
    const ver = db.version(Number(v)).stores(schema as Record<string, string>);
    const up = UPGRADES[Number(v)];
    if (up) ver.upgrade(up);
  }
  return db;
}
