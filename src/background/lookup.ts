/**
 * The worker's side of explaining a page: read the outlets and the candidate reports from
 * the store, and let the explanation core (src/core/explain) do the rest. Also the outlet
 * lookups and notes the popup asks for directly.
 */
import { explainPage, isExplainable, outletMatchForPage, pageEvidence, toSourceView, USER_PACK_ID, type SourceMatch } from '../core/explain';
import { normalizeHost, outletForHost } from '../core/match/host';
import { findCandidates, prefetchShards } from '../store/candidates';
import type { PageReport, TabState } from '../shared/messages';
import { NEXT_ORDINAL, USER_PACK, type ProvenanceDB, type StoredSource } from '../store/db';
import { attachFactChecks, fromRecord } from './fact-checks';

export { hostOf } from '../core/match/host';
export { toSourceView, type SourceMatch };
/** Outlets the user added themselves live under this pseudo-pack id; pack updates never touch them. */
export { USER_PACK_ID };
// The core's user pack id is the store's (a compile-time check).
const _sameUserPack: typeof USER_PACK = USER_PACK_ID;
void _sameUserPack;

/** The outlet publishing at a host, among the stored profiles. */
export async function sourceForHost(db: ProvenanceDB, host: string | null): Promise<StoredSource | null> {
  return host ? outletForHost(await db.sources.toArray(), host) : null;
}

/** The page's outlet and how it was recognised (see outletMatchForPage). */
export async function sourceMatchForPage(db: ProvenanceDB, page: Pick<PageReport, 'url' | 'canonicalUrl' | 'siteName'>): Promise<{ source: StoredSource; matchedBy: SourceMatch } | null> {
  return outletMatchForPage(await db.sources.toArray(), page);
}

export async function sourceForPage(db: ProvenanceDB, page: Pick<PageReport, 'url' | 'canonicalUrl' | 'siteName'>): Promise<StoredSource | null> {
  return (await sourceMatchForPage(db, page))?.source ?? null;
}

/**
 * Save the user's notes on an outlet. A known outlet keeps its pack facts and gains the
 * notes; an unknown host gets a user-made profile so the notes show on its next visit.
 */
export async function saveSourceNote(db: ProvenanceDB, req: { sourceId?: string; host?: string; name?: string; note: string }): Promise<StoredSource> {
  return db.transaction('rw', db.sources, async () => {
    if (req.sourceId) {
      const s = await db.sources.get(req.sourceId);
      if (!s) throw new Error(`no outlet with id "${req.sourceId}"`);
      await db.sources.update(s.id, { userNotes: req.note });
      return { ...s, userNotes: req.note };
    }
    const host = req.host ? normalizeHost(req.host) : '';
    if (!host) throw new Error('a host or an outlet id is needed');
    const existing = await sourceForHost(db, host);
    if (existing) {
      await db.sources.update(existing.id, { userNotes: req.note });
      return { ...existing, userNotes: req.note };
    }
    const created: StoredSource = {
      id: `user-${host}`, name: req.name?.trim() || host, domains: [host], type: 'news-site', country: '',
      languages: [], notes: '', userNotes: req.note, packId: USER_PACK_ID,
    };
    await db.sources.put(created);
    return created;
  });
}

// The outlets and pack names every lookup reads, kept between lookups while the store's
// generation (bumped by every import, removal and saved report) and the outlet rows are
// unchanged: any write to `sources` through this connection counts as a change, when it
// is made and again when its transaction commits (a lookup in between reads old rows).
let outletsEdited = 0;
const watched = new WeakSet<ProvenanceDB>();
function watchOutlets(db: ProvenanceDB): void {
  if (watched.has(db)) return;
  watched.add(db);
  const bump = (tx: { on?: (ev: 'complete', fn: () => void) => void } | undefined) => {
    outletsEdited++;
    tx?.on?.('complete', () => outletsEdited++);
  };
  db.sources.hook('creating', (_k, _o, tx) => bump(tx as never));
  db.sources.hook('updating', (_m, _k, _o, tx) => bump(tx as never));
  db.sources.hook('deleting', (_k, _o, tx) => bump(tx as never));
}
let outletCache: { db: ProvenanceDB; gen: unknown; edited: number; outlets: StoredSource[]; packNames: Map<string, string> } | null = null;

async function outletsAndPacks(db: ProvenanceDB): Promise<{ outlets: StoredSource[]; packNames: Map<string, string> }> {
  watchOutlets(db);
  const gen = (await db.settings.get(NEXT_ORDINAL))?.value;
  const c = outletCache;
  if (c && c.db === db && c.gen === gen && c.edited === outletsEdited) return c;
  const edited = outletsEdited;
  const [outlets, packs] = await Promise.all([db.sources.toArray(), db.packs.toArray()]);
  const fresh = { db, gen, edited, outlets, packNames: new Map(packs.map((p) => [p.id, p.name])) };
  outletCache = fresh;
  return fresh;
}

/** Everything the popup shows about a page beyond the page itself: outlet, related reports, provenance, sourcing, claims. */
export async function lookupPage(db: ProvenanceDB, page: PageReport): Promise<Omit<TabState, 'status' | 'analysedAt'>> {
  const t0 = performance.now();
  const { outlets, packNames } = await outletsAndPacks(db);
  if (!isExplainable(page)) return { page, ...explainPage({ page, outlets, packNames }) };
  const tOutlets = performance.now() - t0;
  // The index rows of the page's terms are read while the page's sourcing is worked out.
  const t = performance.now();
  const prefetch = prefetchShards(db, page);
  const tPrefetch = performance.now() - t;
  const evidence = pageEvidence(page, outlets);
  const t2 = performance.now();
  const candidates = await findCandidates(db, page, evidence.minhash, evidence.relays.map((r) => r.sourceId), prefetch);
  const lookupMs = tPrefetch + performance.now() - t2;
  const explained = explainPage({ page, outlets, packNames, evidence, candidates, lookupMs });
  // Claims a fact-checker reviewed (ClaimReviews seen on visited pages or carried by stored reports).
  const reviews = candidates.candidates.flatMap((c) => (c.record.claimReviews ?? []).map((r) => fromRecord(r, c.record.url ?? c.record.canonicalUrl ?? `report:${c.id}`)));
  await attachFactChecks(db, page.url, evidence.claims, explained.claims, reviews);
  // The whole lookup, and reading the outlets, next to the match's own steps.
  if (explained.timings) explained.timings.steps = { ...explained.timings.steps, outlets: Math.round(tOutlets * 10) / 10, lookupTotal: Math.round((performance.now() - t0) * 10) / 10 };
  return { page, ...explained };
}
