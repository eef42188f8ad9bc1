/**
 * Shared helpers for the store's unit tests (src/store/*.test.ts), which run in Node on
 * fake-indexeddb: a fresh in-memory IndexedDB per test, packs written for the tests, the
 * bundled default pack, the demo pages as the content script reports them, and a check that a
 * pack's postings agree with its reports.
 * Not imported by extension code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { unpackFeatures } from '../core/match/features';
import { keyHash, reportKeys, shardDocs } from '../core/match/postings';
import type { Pack } from '../core/packs/types';
import { pageFromHtml } from '../core/explain/page';
import type { PageReport } from '../shared/messages';
import { openDb, type IdbDeps, type ProvenanceDB } from './db';
import { importPack } from './import-pack';
import { reportRecord } from './stored-record';
import { findCandidates } from './candidates';

let counter = 0;

export interface TestStore {
  db: ProvenanceDB;
  name: string;
  deps: IdbDeps;
  /** Another connection to the same database (after `db.close()`, to see what was committed). */
  reopen(upTo?: number): ProvenanceDB;
}

/** A database of its own (own IDBFactory, unique name), opened at `upTo` (default: latest). */
export async function freshStore(upTo = Infinity): Promise<TestStore> {
  const deps: IdbDeps = { indexedDB: new IDBFactory(), IDBKeyRange };
  const name = `provenance-test-${process.pid}-${++counter}`;
  const db = openDb(name, upTo, deps);
  await db.open();
  return { db, name, deps, reopen: (v = Infinity) => openDb(name, v, deps) };
}

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled default pack (a fresh copy each call). */
export function defaultPack(): Pack {
  return JSON.parse(readFileSync(join(here, '..', 'packs', 'default', 'pack.json'), 'utf8')) as Pack;
}

/** A fresh store holding the bundled default pack. */
export async function storeWithDefaultPack(): Promise<ProvenanceDB> {
  const { db } = await freshStore();
  await importPack(db, defaultPack());
  return db;
}

/** Demo pages (public/demo/<file>) as the content script would report them, served from a local address. */
export function demoPages(files: string[]): PageReport[] {
  return files.map((f) => pageFromHtml(readFileSync(join(here, '..', '..', 'public', 'demo', f), 'utf8'), `http://127.0.0.1:8080/${f}`) as PageReport);
}

/** A lookup's answer as a reader sees it: the related reports with their reasons, and the provenance lines. */
export function relatedView(x: { related: { reportId: string; reasons: string[] }[]; provenance: { text: string }[] }): { related: string[][]; provenance: string[] } {
  return { related: x.related.map((r) => [r.reportId, ...r.reasons]), provenance: x.provenance.map((p) => p.text) };
}

const WORDS = (
  'lantern orchard quarry meadow foundry glacier harbour ledger compass saddle pottery ' +
  'vineyard beacon tannery granary windmill bellows chisel loom anvil kiln cistern furrow'
).split(' ');

/** Deterministic filler words, different for every seed. */
export function words(seed: number, n: number): string {
  const out: string[] = [];
  let x = (seed + 1) * 2654435761;
  for (let i = 0; i < n; i++) {
    x = Math.imul(x ^ (x >>> 15), 2246822519) >>> 0;
    out.push(WORDS[x % WORDS.length]);
  }
  return out.join(' ');
}

/**
 * A synthetic pack: `reports` reports whose titles carry the version (`[1.0.0] …`) so a
 * mixed store is visible, one or two outlets.
 */
export function testPack(opts: { id?: string; version?: string; reports?: number; outlets?: number } = {}): Pack {
  const id = opts.id ?? 'test-pack';
  const version = opts.version ?? '1.0.0';
  const outlets = opts.outlets ?? 1;
  return {
    format: 'provenance-pack/1',
    id,
    name: `Test pack ${version}`,
    version,
    publisher: 'Store tests',
    updated: `2026-11-0${Math.min(9, Number(version.split('.')[0]) + 1)}T10:00:00Z`,
    sources: Array.from({ length: outlets }, (_, i) => ({
      id: `${id}-outlet${i}`, name: `Outlet ${i} of ${id}`, domains: [`outlet${i}.${id}.test`], type: 'newspaper' as const,
      country: 'GB', languages: ['en'], notes: `Outlet ${i}, version ${version}.`,
    })),
    reports: Array.from({ length: opts.reports ?? 5 }, (_, i) => ({
      id: `${id}-r${i}`,
      title: `[${version}] ${words(i, 6)}`,
      sourceId: `${id}-outlet${i % outlets}`,
      url: `https://outlet${i % outlets}.${id}.test/story/${i}`,
      lang: 'en',
      summary: words(i + 7919, 40),
      tags: ['test'],
      published: '2026-10-01',
    })),
  };
}

export interface PackState {
  /** Version in the packs table (null: no pack row). */
  version: string | null;
  reportCount: number | null;
  /** Reports of the pack in the reports table. */
  reports: number;
  /** Versions named in the stored reports' titles (`[x.y.z] …`). */
  titleVersions: string[];
  outlets: string[];
  /** Every report's keys are in the pack's postings, and the postings name no other report. */
  postingsAgree: boolean;
  /** Ordinals are unique and below the `nextOrdinal` setting. */
  ordinalsOk: boolean;
}

/** What the store holds for one pack, read in a fresh transaction. */
export async function packState(db: ProvenanceDB, packId: string): Promise<PackState> {
  const pack = await db.packs.get(packId);
  const reports = await db.reports.where('packId').equals(packId).toArray();
  const docs = shardDocs(await db.segments.where('packId').equals(packId).toArray());
  const expected = new Map(reports.map((r) => [r.n, reportKeys(unpackFeatures(r.pf, r.urls), reportRecord(r).fingerprint?.minhash).map(([k]) => keyHash(k)).sort()]));
  const got = new Map([...docs].map(([n, keys]) => [n, keys.map(([k]) => k).sort()]));
  const postingsAgree = expected.size === got.size && [...expected].every(([n, keys]) => JSON.stringify(got.get(n)) === JSON.stringify(keys));
  const next = (await db.settings.get('nextOrdinal'))?.value as number | undefined;
  const all = await db.reports.toArray();
  const ns = new Set(all.map((r) => r.n));
  return {
    version: pack?.version ?? null,
    reportCount: pack?.reportCount ?? null,
    reports: reports.length,
    titleVersions: [...new Set(reports.map((r) => /^\[([^\]]+)\]/.exec(r.record.title)?.[1] ?? '?'))].sort(),
    outlets: (await db.sources.where('packId').equals(packId).primaryKeys()).sort(),
    postingsAgree,
    ordinalsOk: ns.size === all.length && (all.length === 0 || (typeof next === 'number' && all.every((r) => r.n < next))),
  };
}

/** The ids of the reports a page made of the default pack's first report finds (its related coverage), sorted. */
export async function relatedIds(db: ProvenanceDB): Promise<string[]> {
  const r = defaultPack().reports[0];
  const res = await findCandidates(db, { title: r.title, text: r.summary ?? '', url: 'https://elsewhere.example/a', canonicalUrl: null }, [], []);
  return res.candidates.map((c) => c.id).sort();
}
