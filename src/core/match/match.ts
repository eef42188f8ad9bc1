/**
 * Rank stored reports against an analysed page, with the reasons for each match.
 * Pure: the caller supplies candidate reports (from the IndexedDB term index) and
 * document frequencies.
 */
import { entityKey, normalizeUrl } from './features';
import { termFrequencies, topTerms } from './terms';
import { shingleSketch, type ShingleSketch } from './containment';
import { sameStoryOf } from './same-story';

export interface MatchableReport {
  id: string;
  sourceId: string;
  terms: Record<string, number>;
  entityKeys: string[];
  urls: string[];
  figures: number[];
  published?: string;
  /** MinHash signature of the report's full text, when its pack carries a fingerprint. */
  minhash?: readonly number[];
}

export interface PageQuery {
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  text: string;
  /** Source id of the page's own outlet, if known. */
  sourceId: string | null;
  /** Source ids of the outlets the page relays (from its sourcing profile). */
  relayedSourceIds: string[];
  /** MinHash signature of the page text (see minhashText), for same-story detection. */
  minhash?: readonly number[];
  /** The page's publication date (ISO), for time proximity. */
  published?: string | null;
}

export type ReasonKind = 'same-story' | 'close-date' | 'same-url' | 'relays-outlet' | 'shared-entities' | 'same-figures' | 'similar-text' | 'same-outlet';

export interface MatchReason {
  kind: ReasonKind;
  /** Details for the popup: the shared entities / terms / figures, or the outlet id. */
  details: string[];
}

export interface Match {
  reportId: string;
  score: number;
  reasons: MatchReason[];
}

export interface CorpusStats {
  docCount: number;
  /** Document frequency of a term among stored reports. */
  df(term: string): number;
  /** Number of reports carrying this entity key. */
  entityDf(key: string): number;
}

export const PAGE_QUERY_TERMS = 40;

/** The page's weighted query terms (title counted three times). */
export function pageTerms(page: Pick<PageQuery, 'title' | 'text'>): Map<string, number> {
  const tf = termFrequencies(page.text);
  for (const [t, n] of termFrequencies(page.title)) tf.set(t, (tf.get(t) ?? 0) + 3 * n);
  const out = new Map<string, number>();
  for (const [t, n] of topTerms(tf, 200)) out.set(t, 1 + Math.log(n));
  return out;
}

/** Query terms to fetch candidates with: the page's highest tf-idf terms. */
export function queryTerms(terms: Map<string, number>, stats: CorpusStats, k = PAGE_QUERY_TERMS): string[] {
  const scored: [string, number][] = [];
  for (const [t, w] of terms) scored.push([t, w * idf(stats, t)]);
  return topTerms(new Map(scored), k).map(([t]) => t);
}

function idf(stats: CorpusStats, term: string): number {
  const df = stats.df(term);
  return Math.log(1 + (stats.docCount + 1) / (df + 1));
}

export { SAME_STORY_JACCARD } from './same-story';
const DAY = 86_400_000;

export function containsKey(haystack: string, key: string): boolean {
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(key, from);
    if (i < 0) return false;
    const before = i === 0 ? ' ' : haystack[i - 1];
    const after = haystack[i + key.length] ?? ' ';
    // Arabic clitics (و ب ل ف ك + ال) may precede a name directly.
    const okBefore = !/[\p{L}\p{N}]/u.test(before) || /[\u0600-\u06ff]/.test(key[0] ?? '');
    if (okBefore && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}

const FIGURE_RE = /\d{1,3}(?:[,.\u066c\s]\d{3})+|\d+/g;

function pageFigures(text: string): Set<number> {
  const out = new Set<number>();
  const ascii = text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  for (const m of ascii.match(FIGURE_RE) ?? []) {
    const n = Number(m.replace(/[,.\u066c\s]/g, ''));
    if (Number.isFinite(n) && n >= 10) out.add(n);
  }
  return out;
}

function dayDistance(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return Math.round(Math.abs(x - y) / DAY);
}

export interface MatchOptions {
  limit?: number;
  minScore?: number;
  /** Page analysis already done by the caller (see `pageFeatures`), to avoid doing it twice. */
  prepared?: PageFeatures;
}

export interface PageFeatures {
  terms: Map<string, number>;
  /** The page's title and text normalised for entity tests, padded with spaces. */
  normText: string;
  /** Whether the page names an entity key (memoised; see `pageNames`). */
  names(key: string): boolean;
  /** Every shingle of the page text per MinHash slot, for containment (built on first use). */
  sketch(): ShingleSketch;
}

const CLITICS = /^[وبلفك]/;

export function pageFeatures(page: Pick<PageQuery, 'title' | 'text'>): PageFeatures {
  const normText = ' ' + entityKey(page.title + ' \n ' + page.text) + ' ';
  // Words of the page, with Arabic clitic letters (و ب ل ف ك) stripped as variants: a key
  // whose words are not all here cannot occur, and the text scan is skipped.
  const words = new Set<string>();
  for (const w of normText.split(' ')) {
    if (!w) continue;
    words.add(w);
    let v = w;
    for (let i = 0; i < 2 && CLITICS.test(v) && v.length > 2; i++) words.add((v = v.slice(1)));
  }
  const memo = new Map<string, boolean>();
  const names = (key: string): boolean => {
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = key.split(' ').every((w) => words.has(w)) && containsKey(normText, key);
      memo.set(key, hit);
    }
    return hit;
  };
  let sketch: ShingleSketch | undefined;
  return { terms: pageTerms(page), normText, names, sketch: () => (sketch ??= shingleSketch(page.text)) };
}

export function matchReports(
  page: PageQuery,
  candidates: MatchableReport[],
  stats: CorpusStats,
  opts: MatchOptions = {},
): Match[] {
  const limit = opts.limit ?? 10;
  const minScore = opts.minScore ?? 0.2;
  const prepared = opts.prepared ?? pageFeatures(page);
  const pTerms = prepared.terms;
  // Page tf-idf vector and its norm.
  const pVec = new Map<string, number>();
  let pNorm = 0;
  for (const [t, w] of pTerms) {
    const x = w * idf(stats, t);
    pVec.set(t, x);
    pNorm += x * x;
  }
  pNorm = Math.sqrt(pNorm) || 1;
  const normText = prepared.normText;
  const figures = pageFigures(page.text);
  const pageUrls = new Set([normalizeUrl(page.url), normalizeUrl(page.canonicalUrl)].filter(Boolean) as string[]);
  const relayed = new Set(page.relayedSourceIds);
  const entityCap = Math.max(2, stats.docCount * 0.5);

  const ranked: { raw: number; m: Match }[] = [];
  for (const r of candidates) {
    const reasons: MatchReason[] = [];
    let score = 0;
    if (r.urls.some((u) => pageUrls.has(u))) {
      reasons.push({ kind: 'same-url', details: [] });
      score += 1;
    }
    const same = page.minhash && r.minhash ? sameStoryOf(page.minhash, r.minhash, prepared.sketch) : null;
    if (same) {
      reasons.unshift({ kind: 'same-story', details: same.details });
      score += 1 + same.strength;
    }
    // Cosine similarity of tf-idf vectors.
    let dot = 0;
    let rNorm = 0;
    const shared: [string, number][] = [];
    for (const [t, w] of Object.entries(r.terms)) {
      const x = w * idf(stats, t);
      rNorm += x * x;
      const p = pVec.get(t);
      if (p) {
        dot += p * x;
        shared.push([t, p * x]);
      }
    }
    const cos = dot / (pNorm * (Math.sqrt(rNorm) || 1));
    score += 0.8 * cos;
    if (cos >= 0.08) {
      reasons.push({ kind: 'similar-text', details: topTerms(new Map(shared), 5).map(([t]) => t) });
    }
    // Shared named entities (ignoring ones most reports carry, like the group's own name).
    const ents = r.entityKeys.filter((k) => prepared.names(k) && stats.entityDf(k) <= entityCap);
    if (ents.length) {
      reasons.push({ kind: 'shared-entities', details: ents.slice(0, 6) });
      score += 0.1 * Math.min(ents.length, 4);
    }
    const figs = r.figures.filter((f) => figures.has(f));
    if (figs.length) {
      reasons.push({ kind: 'same-figures', details: figs.map(String) });
      score += 0.1;
    }
    if (relayed.has(r.sourceId)) {
      reasons.push({ kind: 'relays-outlet', details: [r.sourceId] });
      score += cos >= 0.05 || ents.length ? 0.3 : 0.05;
    }
    if (page.sourceId && page.sourceId === r.sourceId) {
      reasons.push({ kind: 'same-outlet', details: [r.sourceId] });
    }
    // A match needs more than a shared outlet: some textual or entity evidence, or the same URL.
    const substantive = reasons.some((x) => x.kind === 'same-url' || x.kind === 'same-story' || x.kind === 'similar-text' || x.kind === 'shared-entities');
    if (!substantive || score < minScore) continue;
    // Close dates strengthen other evidence (same event), never stand alone.
    const days = dayDistance(page.published, r.published);
    if (days !== null && days <= 3) {
      reasons.push({ kind: 'close-date', details: [String(days)] });
      score += 0.05;
    }
    ranked.push({ raw: score, m: { reportId: r.id, score: Math.min(1, Math.round(score * 1000) / 1000), reasons } });
  }
  ranked.sort((a, b) => b.raw - a.raw || (a.m.reportId < b.m.reportId ? -1 : 1));
  return ranked.slice(0, limit).map((x) => x.m);
}

