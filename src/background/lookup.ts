/**
 * The worker's side of explaining a page: read the outlets and the candidate reports from
 * the store, and let the explanation core (src/core/explain) do the rest. Also the outlet
 * lookups and notes the popup asks for directly.
 */
import { explainPage, explainRelated, isExplainable, outletMatchForPage, prepareOutlets, toSourceView, USER_PACK_ID, type SourceMatch } from '../core/explain';
import { normalizeHost, outletForHost } from '../core/match/host';
import { beginCandidates, endCandidates, prefetchShards } from '../store/candidates';
import { minhashText } from '../core/packs/fingerprint';
import type { PageReport, TabState } from '../shared/messages';
import { NEXT_ORDINAL, USER_PACK, type ProvenanceDB, type StoredSource } from '../store/db';
import { attachFactChecks, fromRecord } from './fact-checks';
import { EvidenceCache } from '../core/explain/evidence-cache';
import { writeEpoch } from './write-epoch';

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
interface OutletCache { db: ProvenanceDB; gen: unknown; edited: number; outlets: StoredSource[]; rowsJson?: string; packNames: Map<string, string>; epoch: number | null }
let outletCache: OutletCache | null = null;
let firstRead: { db: ProvenanceDB; read: Promise<OutletCache> } | null = null;

async function outletsAndPacks(db: ProvenanceDB): Promise<OutletCache> {
  watchOutlets(db);
  const c = outletCache;
  const edited = outletsEdited;
  // Nothing written through this connection since the outlets were read (and no write under
  // way): they, the pack names and the generation still hold, with no read at all.
  const epoch = writeEpoch(db);
  if (c && c.db === db && epoch !== null && c.epoch === epoch && c.edited === edited) return c;
  if (!c || c.db !== db) {
    // Nothing held yet (a fresh worker): the generation and the rows in one round trip, shared
    // by the callers meanwhile (the worker starts this read as it starts, see primeLookup).
    if (firstRead?.db !== db) {
      const read = db
        .transaction('r', [db.settings, db.sources, db.packs], () => Promise.all([db.settings.get(NEXT_ORDINAL), db.sources.toArray(), db.packs.toArray()]))
        .then(([gen, outlets, packs]) => (outletCache = { db, gen: gen?.value, edited, outlets, packNames: new Map(packs.map((p) => [p.id, p.name])), epoch }))
        .finally(() => {
          if (firstRead?.read === read) firstRead = null;
        });
      firstRead = { db, read };
    }
    return firstRead.read;
  }
  const gen = (await db.settings.get(NEXT_ORDINAL))?.value;
  if (c.gen === gen && c.edited === outletsEdited) {
    c.epoch = epoch;
    return c;
  }
  const [rows, packs] = await Promise.all([db.sources.toArray(), db.packs.toArray()]);
  // The same outlet rows as before (a saved report or an import of reports only) keep the
  // same array, so what is kept per outlets array (the page evidence, the sourcing's index
  // of outlet names) stays valid.
  const rowsJson = JSON.stringify(rows);
  const same = rowsJson === (c.rowsJson ??= JSON.stringify(c.outlets));
  const fresh: OutletCache = { db, gen, edited, outlets: same ? c.outlets : rows, rowsJson, packNames: new Map(packs.map((p) => [p.id, p.name])), epoch };
  outletCache = fresh;
  return fresh;
}

/**
 * Start the reads every lookup needs first (the outlets, pack names and store generation)
 * as the worker starts, and what it builds from the outlets, so that a restarted worker has
 * them, or has them on the way, by the time the message that woke it is parsed and its
 * page's index rows are asked for.
 */
export function primeLookup(db: ProvenanceDB): void {
  // With the outlets, their name index and domain table (per outlets array, as the lookup's
  // would be), built while the message's own reads (the seed check, the index rows) go on.
  outletsAndPacks(db)
    .then((c) => prepareOutlets(c.outlets))
    .catch(() => undefined); // a failed read is read again by the lookup
}

// The page's evidence (sourcing above all) per page text and outlets array: a page explained
// again (after "Save page to library", or asked about by a related-coverage query) reuses it.
const evidenceCache = new EvidenceCache();
/** How many times a page's evidence was worked out (not taken from the cache): for tests. */
export const evidenceComputed = () => evidenceCache.computed;

/**
 * The outlets, the page's evidence and its candidate reports. The reads that need neither
 * the outlets nor the page's sourcing (index rows of its terms and MinHash bands, then the
 * best-scored reports) start first, and go on in the browser while the worker works the
 * page's sourcing out (the outlets it relays add their reports at the end).
 */
async function gather(db: ProvenanceDB, page: PageReport, opts: { claims: boolean }) {
  const t0 = performance.now();
  if (!isExplainable(page)) return { t0, ...(await outletsAndPacks(db)), found: null };
  const minhash = minhashText(page.text);
  const prefetch = prefetchShards(db, page, minhash);
  const outletsRead = outletsAndPacks(db);
  const begun = beginCandidates(db, page, minhash, prefetch);
  let ready = false;
  begun.then(() => (ready = true), () => undefined); // awaited below
  const tIssue = performance.now() - t0;
  const { outlets, packNames } = await outletsRead;
  const tOutlets = performance.now() - t0;
  // The index rows here or all cached (a warm worker): the best reports are being read, or
  // about to be; work the sourcing out meanwhile. Index rows still being read (a fresh worker,
  // new terms): work it out while they are read, rather than wait for them.
  let evidence = ready || !prefetch.shards.length ? null : evidenceCache.get(page, outlets, { claims: opts.claims });
  const t1 = performance.now();
  const start = await begun;
  const tBegin = performance.now() - t1;
  evidence ??= evidenceCache.get(page, outlets, { claims: opts.claims });
  const t2 = performance.now();
  const candidates = await endCandidates(start, evidence.relays.map((r) => r.sourceId));
  // Time spent on the candidates that nothing else hid: issuing the reads, waiting for the
  // index after the outlets, and for the reports after the sourcing.
  const lookupMs = tIssue + tBegin + performance.now() - t2;
  candidates.steps = { ...candidates.steps, indexWait: Math.round(tBegin * 10) / 10 };
  return { t0, outlets, packNames, found: { evidence, candidates, lookupMs, tOutlets } };
}

function withSteps<T extends { timings?: TabState['timings'] }>(x: T, t0: number, tOutlets: number): T {
  // The whole lookup, and reading the outlets, next to the match's own steps.
  if (x.timings) x.timings.steps = { ...x.timings.steps, outlets: Math.round(tOutlets * 10) / 10, lookupTotal: Math.round((performance.now() - t0) * 10) / 10 };
  return x;
}

/** Everything the popup shows about a page beyond the page itself: outlet, related reports, provenance, sourcing, claims. */
export async function lookupPage(db: ProvenanceDB, page: PageReport): Promise<Omit<TabState, 'status' | 'analysedAt'>> {
  const { t0, outlets, packNames, found } = await gather(db, page, { claims: true });
  if (!found) return { page, ...explainPage({ page, outlets, packNames }) };
  const { evidence, candidates, lookupMs, tOutlets } = found;
  const explained = explainPage({ page, outlets, packNames, evidence, candidates, lookupMs });
  // Claims a fact-checker reviewed (ClaimReviews seen on visited pages or carried by stored reports).
  const reviews = candidates.candidates.flatMap((c) => (c.record.claimReviews ?? []).map((r) => fromRecord(r, c.record.url ?? c.record.canonicalUrl ?? `report:${c.id}`)));
  await attachFactChecks(db, page.url, evidence.claims, explained.claims, reviews);
  return { page, ...withSteps(explained, t0, tOutlets) };
}

/**
 * Only the related reports and where the page's story comes from (the `match/related`
 * answer): the page's claims are not worked out, compared or checked against fact checks,
 * since that answer carries none of them. Same candidates and ranking as `lookupPage`.
 */
export async function relatedForPage(db: ProvenanceDB, page: PageReport): Promise<Pick<TabState, 'related' | 'provenance' | 'timings'>> {
  const { t0, outlets, packNames, found } = await gather(db, page, { claims: false });
  if (!found) return { related: [], provenance: [] };
  const { evidence, candidates, lookupMs, tOutlets } = found;
  return withSteps(explainRelated({ page, outlets, packNames, evidence, candidates, lookupMs }), t0, tOutlets);
}
