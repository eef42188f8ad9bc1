/**
 * Compact matching features of a report, computed once at import and stored with it,
 * so matching never needs a report's full text.
 */
import type { OutletProfile as SourceProfile, ReportRecord } from '../model';
import { normalizeText } from '../text/normalize';
import { termFrequencies, topTerms } from './terms';

export interface ReportFeatures {
  /** Top terms with log-scaled frequencies (title and keywords weighted up). */
  terms: Record<string, number>;
  /** Normalised names of people, organisations, places and keywords, for presence tests. */
  entityKeys: string[];
  /** Normalised URLs: url, canonical, known copies. */
  urls: string[];
  /** Figures the report's claims carry (for "same figure" reasons). */
  figures: number[];
}

export const MAX_REPORT_TERMS = 80;

/** Normalise a URL for equality tests: no scheme, no www, no hash, no trailing slash, no tracking params. */
export function normalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const params = [...u.searchParams.entries()].filter(([k]) => !/^(utm_|fbclid|gclid|ref$|cmp$)/i.test(k));
    const q = params.length ? '?' + params.map(([k, v]) => `${k}=${v}`).join('&') : '';
    return (u.hostname.replace(/^www\./, '') + u.pathname.replace(/\/+$/, '') + q).toLowerCase();
  } catch {
    return null;
  }
}

const ENTITY_MEMO = new Map<string, string>();

export function entityKey(name: string): string {
  let k = ENTITY_MEMO.get(name);
  if (k === undefined) {
    k = normalizeText(name).replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
    if (ENTITY_MEMO.size >= 50_000) ENTITY_MEMO.clear();
    ENTITY_MEMO.set(name, k);
  }
  return k;
}

/**
 * A report's term frequencies before the top terms are taken: title ×3, summary, keywords ×2,
 * claims, the fingerprint's own top terms (weights 1 + ln tf, turned back into counts) and the
 * entity names; with the entity names themselves. Shared by `reportFeatures` and the import's
 * one-pass `prepareReport` (prepare.ts), which must agree term for term.
 */
export function reportTermCounts(r: ReportRecord): { tf: Map<string, number>; ents: string[] } {
  const tf = new Map<string, number>();
  const add = (text: string | undefined, weight: number) => {
    if (!text) return;
    for (const [t, n] of termFrequencies(text)) tf.set(t, (tf.get(t) ?? 0) + n * weight);
  };
  add(r.title, 3);
  add(r.summary, 1);
  add((r.keywords ?? []).join(' '), 2);
  for (const c of r.claims ?? []) add(`${c.subject} ${c.text}`, 1);
  const fterms = r.fingerprint?.terms;
  if (fterms) {
    for (const t in fterms) {
      if (!Object.prototype.hasOwnProperty.call(fterms, t)) continue;
      const w = fterms[t];
      if (typeof w === 'number' && Number.isFinite(w) && w > 0) tf.set(t, (tf.get(t) ?? 0) + Math.exp(Math.min(w, 8) - 1));
    }
  }
  const people = r.entities?.people ?? [];
  const orgs = r.entities?.organisations ?? [];
  const places = r.entities?.places ?? [];
  const ents = people.length + orgs.length + places.length ? [...people, ...orgs, ...places] : [];
  add(ents.join(' '), 1);
  return { tf, ents };
}

export function reportFeatures(r: ReportRecord): ReportFeatures {
  const { tf, ents } = reportTermCounts(r);
  const terms: Record<string, number> = {};
  for (const [t, w] of topTerms(tf, MAX_REPORT_TERMS)) terms[t] = Math.round((1 + Math.log(w)) * 1000) / 1000;

  const keys = new Set<string>();
  for (const e of [...ents, ...(r.keywords ?? [])]) {
    const k = entityKey(e);
    if (k.length >= 3) keys.add(k);
  }
  const urls = [r.url, r.canonicalUrl, ...(r.copies ?? [])].map(normalizeUrl).filter((u): u is string => !!u);
  const figures = (r.claims ?? [])
    .map((c) => c.quantity)
    .filter((q): q is number => typeof q === 'number' && Number.isFinite(q) && q >= 10);
  return { terms, entityKeys: [...keys], urls: [...new Set(urls)], figures: [...new Set(figures)] };
}

/** Kept here for existing importers; the host helpers live in ./host. */
export { domainCandidates } from './host';

/** Names an outlet is cited by in text: its name and aliases, normalised. */
export function sourceNames(s: Pick<SourceProfile, 'name' | 'aliases'>): string[] {
  return [s.name, ...(s.aliases ?? [])].filter((n) => n && n.trim().length >= 2);
}

/**
 * ReportFeatures as the store keeps them (v4+): the term map as one string of terms and a
 * typed array of their weights (×1000, which restores the rounded weights exactly), the
 * entity keys as one string. A row then holds a few flat values instead of ~100 object
 * properties, which IndexedDB clones far faster. The URLs are the row's own `urls`.
 */
export interface PackedFeatures {
  /** Terms joined by "\n"; an array in the rare case a pack's fingerprint term holds a line break. */
  t: string | string[];
  /** Weight of each term × 1000. */
  w: Int16Array;
  /** Entity keys joined by "\n". */
  e: string;
  figures?: number[];
}

export function packFeatures(f: ReportFeatures): PackedFeatures {
  const terms = Object.keys(f.terms);
  const w = new Int16Array(terms.length);
  terms.forEach((t, i) => (w[i] = Math.max(-32768, Math.min(32767, Math.round(f.terms[t] * 1000)))));
  const t = terms.some((x) => x === '' || x.includes('\n')) ? terms : terms.join('\n');
  const out: PackedFeatures = { t, w, e: f.entityKeys.join('\n') };
  if (f.figures.length) out.figures = f.figures;
  return out;
}

export function unpackFeatures(p: PackedFeatures, urls: string[]): ReportFeatures {
  const terms: Record<string, number> = {};
  const list = typeof p.t === 'string' ? (p.t ? p.t.split('\n') : []) : p.t;
  list.forEach((t, i) => (terms[t] = p.w[i] / 1000));
  return { terms, entityKeys: p.e ? p.e.split('\n') : [], urls, figures: p.figures ?? [] };
}
