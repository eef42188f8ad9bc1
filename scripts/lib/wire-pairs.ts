/**
 * Cross-newspaper pairs from the SaudiNewsNet corpus (read at run time from ../shared), for
 * the same-story check of scripts/eval-match.ts:
 * - wire copies: the same agency story printed by two different newspapers within two days,
 *   the shorter text's word 4-grams at least 50 % contained in the longer one (abridged,
 *   re-edited and near-identical copies);
 * - same event, different stories: on-topic articles (label on or mention) of two
 *   newspapers within a day whose wording is close (term cosine ≥ 0.3) but whose shorter
 *   text shares under 10 % of its 4-grams with the other — written separately.
 * Only ids and figures leave this module; no text is stored.
 */
import { normalizeText, tokenize } from '../../src/core/text/normalize';
import { fmix32, fnv1a } from '../../src/core/packs/fingerprint';
import { termFrequencies } from '../../src/core/match/terms';
import type { CorpusArticle } from '../../bench/lib/match-corpus';

export interface ArticlePair {
  a: CorpusArticle;
  b: CorpusArticle;
  /** 4-gram containment of the shorter text in the longer (0..1). */
  containment: number;
  /** Shorter / longer, in 4-grams. */
  lengthRatio: number;
  cosine: number;
}

const GRAM = 4;
/** 1 in SAMPLE 4-grams are indexed to find candidate pairs. */
const SAMPLE = 8;

function grams(text: string): Set<number> {
  const w = tokenize(normalizeText(text));
  const out = new Set<number>();
  for (let i = 0; i + GRAM <= w.length; i++) out.add(fmix32(fnv1a(w.slice(i, i + GRAM).join(' '))));
  return out;
}

function containmentOf(x: Set<number>, y: Set<number>): { c: number; ratio: number } {
  const [s, l] = x.size <= y.size ? [x, y] : [y, x];
  let inter = 0;
  for (const g of s) if (l.has(g)) inter++;
  return { c: s.size ? inter / s.size : 0, ratio: l.size ? s.size / l.size : 0 };
}

const dayNo = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

function tfidfVectors(articles: CorpusArticle[]): Map<string, Map<string, number>> {
  const tfs = articles.map((a) => termFrequencies(a.title + '\n' + a.content));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const out = new Map<string, Map<string, number>>();
  tfs.forEach((tf, i) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of tf) {
      const x = (1 + Math.log(n)) * Math.log(1 + articles.length / (df.get(t) ?? 1));
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    out.set(articles[i].key, v);
  });
  return out;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let d = 0;
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, x] of s) d += x * (l.get(t) ?? 0);
  return d;
}

/** Wire copies across newspapers (containment ≥ minContainment) with at least one side `keep`s, in corpus order. */
export function findWireCopies(articles: CorpusArticle[], keep: (a: CorpusArticle) => boolean = () => true, minContainment = 0.5, minGrams = 40): ArticlePair[] {
  const kept = articles.map(keep);
  const sets = articles.map((a) => grams(a.content));
  const index = new Map<number, number[]>();
  sets.forEach((s, i) => {
    if (s.size < minGrams) return;
    for (const g of s) if (g % SAMPLE === 0) {
      const l = index.get(g);
      if (l) l.push(i);
      else index.set(g, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const l of index.values()) {
    if (l.length > 50) continue; // boilerplate phrases
    for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) {
      if (!kept[l[x]] && !kept[l[y]]) continue; // at least one side of interest
      const k = l[x] * 100_000 + l[y];
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  const out: ArticlePair[] = [];
  for (const [k, n] of shared) {
    if (n < 2) continue;
    const a = articles[Math.floor(k / 100_000)];
    const b = articles[k % 100_000];
    if (a.source === b.source || Math.abs(dayNo(a.date) - dayNo(b.date)) > 2) continue;
    const { c, ratio } = containmentOf(sets[Math.floor(k / 100_000)], sets[k % 100_000]);
    if (c >= minContainment) out.push({ a, b, containment: c, lengthRatio: ratio, cosine: NaN });
  }
  return out.sort((x, y) => (x.a.key < y.a.key ? -1 : x.a.key > y.a.key ? 1 : x.b.key < y.b.key ? -1 : 1));
}

/** Different stories about the same event: on-topic articles of two newspapers within a day, close in wording, not copies. */
export function findSameEventPairs(articles: CorpusArticle[], minCosine = 0.3, maxContainment = 0.1): ArticlePair[] {
  const pool = articles.filter((a) => a.label === 'on' || a.label === 'mention');
  const vecs = tfidfVectors(pool);
  const sets = new Map(pool.map((a) => [a.key, grams(a.content)]));
  const out: ArticlePair[] = [];
  for (let i = 0; i < pool.length; i++) for (let j = i + 1; j < pool.length; j++) {
    const a = pool[i];
    const b = pool[j];
    if (a.source === b.source || Math.abs(dayNo(a.date) - dayNo(b.date)) > 1) continue;
    const cos = cosine(vecs.get(a.key)!, vecs.get(b.key)!);
    if (cos < minCosine) continue;
    const { c, ratio } = containmentOf(sets.get(a.key)!, sets.get(b.key)!);
    if (c < maxContainment && sets.get(a.key)!.size >= 40 && sets.get(b.key)!.size >= 40) out.push({ a, b, containment: c, lengthRatio: ratio, cosine: cos });
  }
  return out;
}
