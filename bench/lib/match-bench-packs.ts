/**
 * The matching benchmark's packs, cached on disk: the labelled corpus expanded
 * deterministically to 1k / 10k / 100k reports (synthetic copies of the originals under
 * other outlets and dates), split into packs of REPORTS_PER_PACK, and the held-out query
 * articles. Used by bench/match.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_PACK_BYTES } from '../../src/core/packs';
import { rng } from './huge-page';
import {
  buildCorpusPack,
  loadCorpus,
  outletHosts,
  outletId,
  outletProfiles,
  reportEntry,
  sharedDir,
  shuffled,
  synthesise,
  type CorpusArticle,
} from './match-corpus';

export interface BenchPackPart {
  file: string;
  packId: string;
  reports: number;
  bytes: number;
}

export interface BenchCorpus {
  size: number;
  seed: number;
  dir: string;
  parts: BenchPackPart[];
  /** Corpus articles in the store / synthetic reports. */
  originals: number;
  synthetic: number;
  /** Held-out on-topic articles (never in the store) used as queries. */
  queryKeys: string[];
  buildMs: number;
  cached: boolean;
}

export const REPORTS_PER_PACK = 10_000;
export const QUERY_ARTICLES = 43;

/** Inputs that change the generated packs: their hash keys the cache. */
function cacheKey(repoRoot: string, size: number, seed: number): string {
  const h = createHash('sha256');
  for (const f of ['bench/lib/match-corpus.ts', 'src/core/packs/fingerprint.ts', 'src/core/packs/build.ts', 'src/core/packs/validate.ts', 'src/core/match/terms.ts', 'src/core/text/normalize.ts']) {
    const p = path.join(repoRoot, f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  return `${size}-${seed}-${h.digest('hex').slice(0, 12)}`;
}

/** Held-out query articles: on-topic (label "on"), chosen by the seed. */
export function pickQueries(articles: CorpusArticle[], seed: number, n = QUERY_ARTICLES): CorpusArticle[] {
  return shuffled(articles.filter((a) => a.label === 'on'), rng(seed ^ 0x51a7)).slice(0, n);
}

/**
 * Packs of `size` reports (split into parts of REPORTS_PER_PACK: a pack is capped at
 * 50 MiB), cached under bench/_cache/match/<size>-<seed>-<hash>/.
 */
export function benchCorpus(repoRoot: string, size: number, seed: number, articles?: CorpusArticle[]): BenchCorpus & { articles?: CorpusArticle[] } {
  const root = path.join(repoRoot, 'bench', '_cache', 'match');
  const key = cacheKey(repoRoot, size, seed);
  const dir = path.join(root, key);
  const metaFile = path.join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as BenchCorpus;
    if (meta.parts.every((p) => existsSync(path.join(dir, p.file)))) return { ...meta, dir, cached: true };
  }
  const t0 = performance.now();
  const all = articles ?? loadCorpus(sharedDir(repoRoot), repoRoot);
  const queries = new Set(pickQueries(all, seed).map((a) => a.key));
  const pool = shuffled(all.filter((a) => !queries.has(a.key)), rng(seed));
  const hosts = outletHosts(all);
  const outlets = [...hosts.keys()].sort();
  const originals = pool.slice(0, Math.min(size, pool.length));
  const r = rng(seed ^ 0x9e3779b9);
  // Packs of this size and seed made by other versions of the code are stale.
  if (existsSync(root)) for (const d of readdirSync(root)) if (d.startsWith(`${size}-${seed}-`)) rmSync(path.join(root, d), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parts: BenchPackPart[] = [];
  const nParts = Math.ceil(size / REPORTS_PER_PACK);
  for (let k = 0; k < nParts; k++) {
    const from = k * REPORTS_PER_PACK;
    const to = Math.min(size, from + REPORTS_PER_PACK);
    const items: CorpusArticle[] = [];
    for (let i = from; i < to; i++) items.push(i < originals.length ? originals[i] : synthesise(i - originals.length, pool, outlets, hosts, r));
    const prefix = `snn${k + 1}`;
    const packId = `bench-match-${size}-${k + 1}`;
    const { json, bytes } = buildCorpusPack(
      { id: packId, name: `Matching benchmark: ${size} reports, part ${k + 1} of ${nParts}` },
      outletProfiles(prefix, hosts),
      items.map((a) => reportEntry(a, outletId(prefix, a.source))),
    );
    if (bytes > MAX_PACK_BYTES) throw new Error(`pack part ${k + 1} is ${bytes} bytes, over the pack limit: lower REPORTS_PER_PACK`);
    const file = `part-${k + 1}.json`;
    writeFileSync(path.join(dir, file), json);
    parts.push({ file, packId, reports: items.length, bytes });
  }
  const meta: BenchCorpus = {
    size, seed, dir, parts, originals: originals.length, synthetic: Math.max(0, size - originals.length),
    queryKeys: [...queries], buildMs: Math.round(performance.now() - t0), cached: false,
  };
  writeFileSync(metaFile, JSON.stringify(meta, null, 1));
  return { ...meta, articles: all };
}
