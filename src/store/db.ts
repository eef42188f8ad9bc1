/**
 * The IndexedDB store (Dexie). Versioned schema; every version bump gets a migration
 * test. Used by the service worker and by extension pages.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ReportRecord, SourceProfile } from '../core/packs/types';
import type { ReportFeatures } from '../core/match/features';

export const DB_NAME = 'provenance';

/**
 * A report as stored: the pack's record untouched (so export returns exactly what was
 * imported, unknown fields included; full text is not kept), its matching features, and
 * the few fields that are indexed.
 */
export interface StoredReport {
  id: string;
  packId: string;
  sourceId: string;
  published?: string;
  /** Keys of `features.terms`, indexed (multiEntry) for candidate lookup. */
  termKeys: string[];
  /** Normalised URLs (url, canonical, copies), indexed. */
  urls: string[];
  addedAt: number;
  record: ReportRecord;
  features: ReportFeatures;
}

export interface StoredSource extends SourceProfile {
  packId: string;
  /** The user's own notes on this outlet; never overwritten by pack updates. */
  userNotes?: string;
}

/** A pack subscription: a URL checked on a schedule. */
export interface StoredSubscription {
  /** The pack URL (http/https). */
  url: string;
  /** Optional integrity: hex SHA-256 of the pack file. */
  sha256?: string;
  /** The pack id this URL delivered, once known. */
  packId?: string;
  etag?: string;
  lastModified?: string;
  intervalHours: number;
  addedAt: number;
  lastChecked?: number;
  lastUpdated?: number;
  /** "updated", "unchanged" or the error, in plain words. */
  lastResult?: string;
  lastError?: string;
  failures: number;
  nextCheck: number;
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
  subscriptions: EntityTable<StoredSubscription, 'url'>;
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
    subscriptions: 'url, nextCheck',
  },
};

export function openDb(name = DB_NAME): ProvenanceDB {
  const db = new Dexie(name) as ProvenanceDB;
  for (const [v, schema] of Object.entries(SCHEMA_VERSIONS)) db.version(Number(v)).stores(schema);
  return db;
}
