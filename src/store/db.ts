/**
 * The IndexedDB store (Dexie). Versioned schema; every version bump gets a migration
 * test. Used by the service worker and by extension pages.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReportRecord, SourceProfile } from '../core/packs/types';
import type { ReportFeatures } from '../core/match/features';

export const DB_NAME = 'provenance';

/** A report as stored: the pack record plus its matching features. */
export interface StoredReport extends ReportRecord, ReportFeatures {
  packId: string;
  /** Keys of `terms`, indexed (multiEntry) for candidate lookup. */
  termKeys: string[];
  addedAt: number;
}

export interface StoredSource extends SourceProfile {
  packId: string;
  /** The user's own notes on this outlet; never overwritten by pack updates. */
  userNotes?: string;
}

export interface StoredPack {
  id: string;
  name: string;
  version: string;
  publisher: string;
  updated: string;
  format: string;
  reportCount: number;
  sourceCount: number;
  importedAt: number;
  /** Fields of the pack this version does not know, preserved for export. */
  extra?: Record<string, unknown>;
}

export interface StoredHighlight {
  id: string;
  url: string;
  reportId?: string;
  quote: string;
  note?: string;
  createdAt: number;
}

export interface TermStat {
  term: string;
  df: number;
}

export interface EntityStat {
  key: string;
  df: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

export type ProvenanceDB = Dexie & {
  sources: EntityTable<StoredSource, 'id'>;
  reports: EntityTable<StoredReport, 'id'>;
  highlights: EntityTable<StoredHighlight, 'id'>;
  packs: EntityTable<StoredPack, 'id'>;
  settings: EntityTable<Setting, 'key'>;
  termStats: EntityTable<TermStat, 'term'>;
  entityStats: EntityTable<EntityStat, 'key'>;
};

/** Schema history. Append a version; never edit an old one. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    sources: 'id, packId, *domains',
    reports: 'id, packId, sourceId, published, *termKeys, *urls',
    highlights: 'id, url, reportId, createdAt',
    packs: 'id',
    settings: 'key',
    termStats: 'term',
    entityStats: 'key',
  },
};

export function openDb(name = DB_NAME): ProvenanceDB {
  const db = new Dexie(name) as ProvenanceDB;
  for (const [v, schema] of Object.entries(SCHEMA_VERSIONS)) db.version(Number(v)).stores(schema);
  return db;
}
