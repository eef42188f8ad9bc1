/**
 * The store's row types, names and schema history, in a module of their own so that db.ts
 * (which opens the database) and migrations.ts (which db.ts calls on upgrade) both import
 * from here and not from each other.
 */
import type { Dexie, EntityTable, Table } from 'dexie';
import type { ReportRecord, SourceProfile } from '../core/packs/types';
import type { PackedFeatures } from '../core/match/features';
import type { HighlightSelectors } from '../core/anchoring/types';
import type { Shard } from '../core/match/postings';
import type { ClaimReviewData } from '../core/extract/claim-review';
import type { PackedFingerprint } from './stored-record';

export const DB_NAME = 'provenance';
/** Pseudo-pack of what the user made: outlets they wrote notes on, pages they saved as reports. */
export const USER_PACK = 'user';
/** Settings key of the next free report ordinal (also the store generation). */
export const NEXT_ORDINAL = 'nextOrdinal';

/**
 * A report as stored: the pack's record untouched (so export returns exactly what was
 * imported, unknown fields included; full text is not kept), its matching features
 * (packed, v4+; `storedFeatures` in candidates.ts unpacks them; the URLs are `urls`), and
 * the few fields that are indexed.
 */
export interface StoredReport {
  id: string;
  packId: string;
  sourceId: string;
  published?: string;
  /**
   * Small integer unique in the store, used in the postings shards (v2+). Allocated from
   * the `nextOrdinal` setting.
   */
  n: number;
  /** Normalised URLs (url, canonical, copies), indexed. */
  urls: string[];
  addedAt: number;
  /** The record; its fingerprint is in `fp` when packed there (read it with reportRecord, stored-record.ts). */
  record: ReportRecord;
  pf: PackedFeatures;
  /** The record's fingerprint packed (rows written by an import; stored-record.ts). */
  fp?: PackedFingerprint;
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

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * A saved passage. `selectors` are W3C Web Annotation selectors (TextQuoteSelector with
 * 32-char prefix/suffix, TextPositionSelector) used to re-anchor it on later visits.
 */
export interface StoredHighlight {
  id: string;
  /** Page URL without its fragment. */
  url: string;
  /** The page's title when saved (for the library and exports). */
  pageTitle?: string;
  /** The user report this page was saved as, if any. */
  reportId?: string;
  /** The quoted text (same as selectors.quote.exact). */
  quote: string;
  selectors: HighlightSelectors;
  note?: string;
  tags: string[];
  color: HighlightColor;
  /** Text direction of the quote, when known ('rtl' for Arabic…). */
  dir?: 'ltr' | 'rtl';
  createdAt: number;
  updatedAt: number;
  /** Set when deleted (kept for undo until purged); lists skip these. */
  deletedAt?: number;
  /** Outcome of the last re-anchoring on a visit: placed or orphan (kept, listed, never deleted). */
  anchor?: { status: 'exact' | 'position' | 'fuzzy' | 'orphan'; at: number; reason?: string };
}

/**
 * One pack's postings in one hash shard (v4+; v2–v3 kept every pack's segment of a shard in
 * one `postings` row, so each import rewrote all packs' postings). Keyed by [shard, packId]:
 * an import writes and deletes only its own pack's rows, and a query reads each shard it
 * needs with one key-range read (every pack's segment of it). See src/core/match/postings.ts.
 */
export type SegmentRow = Shard;

/** One version of a page's text: headline, date line, paragraphs. */
export interface PageTextVersion {
  title: string;
  published: string | null;
  paragraphs: string[];
}

/**
 * The text of a page the user saved or highlighted (v3+), as it was then, with one
 * fingerprint per paragraph; and the latest different version seen on a later visit. Kept in
 * IndexedDB only: never exported in packs.
 */
export interface StoredPageText extends PageTextVersion {
  /** Page URL without its fragment. */
  url: string;
  /** The user report the page was saved as, if it was saved. */
  reportId?: string;
  /** Why the text was kept. */
  reason: 'saved' | 'highlight';
  savedAt: number;
  /** paragraphFingerprint of each paragraph (core/diff). */
  fingerprints: string[];
  /** The last version seen that differs from the saved one. */
  latest?: PageTextVersion & { seenAt: number };
}

/** A schema.org ClaimReview read on a page the user visited (v3+): the reviewed claims claims are matched against. */
export interface StoredClaimReview {
  /** Hash of reviewer + claim. */
  id: string;
  /** The page it was read on (without fragment). */
  pageUrl: string;
  seenAt: number;
  review: ClaimReviewData;
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
  subscriptions: EntityTable<StoredSubscription, 'url'>;
  segments: Table<SegmentRow, [number, string]>;
  pageTexts: EntityTable<StoredPageText, 'url'>;
  claimReviews: EntityTable<StoredClaimReview, 'id'>;
};

/** Schema history. Append a version; never edit an old one. `null` drops a table. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string | null>> = {
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
  // v2: sharded postings replace the multiEntry term index and the df tables; reports get
  // ordinals; highlights carry W3C selectors, tags, colour.
  2: {
    reports: 'id, packId, sourceId, published, &n, *urls',
    highlights: 'id, url, reportId, createdAt, updatedAt, *tags',
    postings: 'shard',
    termStats: null,
    entityStats: null,
  },
  // v3: texts of saved / highlighted pages ("changed since you saved it") and ClaimReviews seen.
  3: {
    pageTexts: 'url, reportId, savedAt',
    claimReviews: 'id, pageUrl, seenAt',
  },
  // v4: the index as one row per (shard, pack) with hashed keys in typed arrays, replacing the
  // all-packs `postings` rows; report rows keep their features packed (`pf`, see
  // packFeatures) instead of an object of ~100 properties. The migration rebuilds both.
  4: {
    segments: '[shard+packId], packId',
    postings: null,
  },
  // v5: report rows keep their record's fingerprint packed (`fp`: MinHash as a Uint32Array,
  // terms as one string and Int16Array weights; stored-record.ts), and lose the `published`
  // index nothing queried, and the ordinal index is no longer unique (ordinals are allocated
  // uniquely; a unique index costs a lookup per written row). The migration packs the
  // fingerprints of pack reports.
  5: {
    reports: 'id, packId, sourceId, n, *urls',
  },
  // v6: no table changes; a pack report's packed fingerprint refers to the terms it shares with
  // the row's packed features by their positions there (`fp.r`, stored-record.ts) instead of
  // storing those words twice. The migration repacks the fingerprints of v5 rows so.
  6: {},
};
