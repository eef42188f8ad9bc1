/**
 * Everything the worker derives for a page from the store: the outlet's profile,
 * relayed outlets, and ranked related reports with reasons.
 */
import { domainCandidates, entityKey, sourceNames } from '../core/match/features';
import { matchReports, type Match, type MatchReason } from '../core/match/match';
import { minhashText } from '../core/packs/fingerprint';
import { findCandidates } from '../store/candidates';
import { crossReference } from '../core/claims';
import { outletsFromSources } from '../core/sourcing/outlets';
import { analyzeSourcing } from '../core/sourcing/page-sourcing';
import type { ClaimView, PageReport, ProvenanceLink, RelatedView, SourcingView, SourceView, TabState } from '../shared/messages';
import { USER_PACK, type ProvenanceDB, type StoredReport, type StoredSource } from '../store/db';
import { attachFactChecks, fromRecord } from './fact-checks';

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export async function sourceForHost(db: ProvenanceDB, host: string | null): Promise<StoredSource | null> {
  if (!host) return null;
  for (const d of domainCandidates(host)) {
    const s = await db.sources.where('domains').equals(d).first();
    if (s) return s;
  }
  return null;
}

export type SourceMatch = 'host' | 'canonical' | 'site-name';

/**
 * The page's outlet: by its host, else by its canonical URL's host, else by its declared
 * site name (pages on mirrors, AMP caches or custom domains). `matchedBy` says which: only
 * 'host' is established by the page's address; the others are the page's own claim.
 */
export async function sourceMatchForPage(db: ProvenanceDB, page: Pick<PageReport, 'url' | 'canonicalUrl' | 'siteName'>): Promise<{ source: StoredSource; matchedBy: SourceMatch } | null> {
  const byHost = await sourceForHost(db, hostOf(page.url));
  if (byHost) return { source: byHost, matchedBy: 'host' };
  const byCanonical = await sourceForHost(db, hostOf(page.canonicalUrl));
  if (byCanonical) return { source: byCanonical, matchedBy: 'canonical' };
  if (!page.siteName) return null;
  const want = entityKey(page.siteName);
  if (want.length < 2) return null;
  const all = await db.sources.toArray();
  const named = all.find((s) => sourceNames(s).some((n) => entityKey(n) === want));
  return named ? { source: named, matchedBy: 'site-name' } : null;
}

export async function sourceForPage(db: ProvenanceDB, page: Pick<PageReport, 'url' | 'canonicalUrl' | 'siteName'>): Promise<StoredSource | null> {
  return (await sourceMatchForPage(db, page))?.source ?? null;
}

export function toSourceView(s: StoredSource, packName: string, matchedBy?: SourceMatch): SourceView {
  return {
    ...(matchedBy && matchedBy !== 'host' ? { matchedBy } : {}),
    id: s.id, name: s.name, type: s.type, country: s.country, languages: s.languages,
    ownership: s.ownership, founded: s.founded, notes: s.notes, userNotes: s.userNotes ?? '',
    links: s.links, origin: s.packId === USER_PACK_ID ? 'your notes' : packName,
  };
}

/** Outlets the user added themselves live under this pseudo-pack id; pack updates never touch them. */
export const USER_PACK_ID = USER_PACK;

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
    const host = req.host?.toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
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

/** The report's own spelling of an entity key (keys are normalised for matching). */
function displayName(stored: StoredReport, key: string): string {
  const r = stored.record;
  const names = [...(r.entities?.people ?? []), ...(r.entities?.organisations ?? []), ...(r.entities?.places ?? []), ...(r.keywords ?? [])];
  return names.find((n) => entityKey(n) === key) ?? key;
}

function describeReason(r: MatchReason, sourceName: (id: string) => string, report: StoredReport): string {
  switch (r.kind) {
    case 'same-story': return `Same story: about ${r.details[0]} % of the wording is shared (a copy or a lightly edited version)`;
    case 'close-date': return r.details[0] === '0' ? 'Published the same day' : `Published ${r.details[0]} day${r.details[0] === '1' ? '' : 's'} apart`;
    case 'same-url': return 'Same address: this page is this report or a known copy of it';
    case 'relays-outlet': return `This page relays ${sourceName(r.details[0])}, who published this report`;
    case 'shared-entities': return `Same people, places or groups: ${r.details.map((k) => displayName(report, k)).join(', ')}`;
    case 'same-figures': return `Same figures: ${r.details.map((n) => Number(n).toLocaleString('en-US')).join(', ')}`;
    case 'similar-text': return `Similar wording: ${r.details.join(', ')}`;
    case 'same-outlet': return `Same outlet (${sourceName(r.details[0])})`;
  }
}

export async function lookupPage(db: ProvenanceDB, page: PageReport): Promise<Omit<TabState, 'status' | 'analysedAt'>> {
  const host = hostOf(page.url);
  const ownMatch = await sourceMatchForPage(db, page);
  const own = ownMatch?.source ?? null;
  const packNames = new Map((await db.packs.toArray()).map((p) => [p.id, p.name]));
  const source = own ? toSourceView(own, packNames.get(own.packId) ?? own.packId, ownMatch!.matchedBy) : null;
  if (page.stage !== 'full' || !page.verdict.onTopic) {
    return { page, source, host, related: [], provenance: [], sourcing: null, claims: [] };
  }

  const allSources = await db.sources.toArray();
  const byId = new Map(allSources.map((s) => [s.id, s]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  // Who the article's evidence is: attributions, relayed outlets, claims (timed for the benchmark).
  const outlets = outletsFromSources(allSources);
  const t0 = performance.now();
  const { sourcing, claims } = analyzeSourcing(
    { text: page.text, lang: page.lang, siteName: own?.name ?? page.siteName, canonicalUrl: page.canonicalUrl, url: page.url },
    outlets,
  );
  const sourcingMs = performance.now() - t0;
  const relays = sourcing.relayed
    .filter((r): r is typeof r & { sourceId: string } => !!r.sourceId && r.sourceId !== own?.id)
    .map((r) => ({ sourceId: r.sourceId, name: r.name, how: r.how }));

  // Candidates from the persisted index (shards for the page's terms and MinHash bands),
  // reports by relayed outlets, reports at this URL; then ranked with reasons.
  const t1 = performance.now();
  const minhash = minhashText(page.text);
  const minhashMs = performance.now() - t1;
  const { candidates, stats, prepared, steps } = await findCandidates(db, page, minhash, relays.map((r) => r.sourceId));
  const tRank = performance.now();
  const matches: Match[] = matchReports(
    { url: page.url, canonicalUrl: page.canonicalUrl, title: page.title, text: page.text, sourceId: own?.id ?? null, relayedSourceIds: relays.map((r) => r.sourceId), minhash, published: page.published },
    candidates.map((c) => ({ id: c.id, sourceId: c.sourceId, published: c.published, minhash: c.record.fingerprint?.minhash, ...c.features })),
    stats,
    { prepared },
  );
  const matchMs = performance.now() - t1;
  const rankMs = performance.now() - tRank;
  // The user's own saved copy of this very page is "saved", not "related".
  const savedHere = candidates.find((c) => c.packId === USER_PACK && matches.some((m) => m.reportId === c.id && m.reasons.some((x) => x.kind === 'same-url')));
  if (savedHere) matches.splice(matches.findIndex((m) => m.reportId === savedHere.id), 1);
  const byReport = new Map(candidates.map((c) => [c.id, c]));
  const related: RelatedView[] = matches.map((m) => {
    const stored = byReport.get(m.reportId)!;
    const r = stored.record;
    return {
      reportId: r.id, title: r.title, outlet: name(r.sourceId), published: r.published ?? null,
      publishedEstimate: !!r.publishedEstimate, url: r.url ?? r.canonicalUrl ?? null, summary: r.summary,
      score: m.score, reasons: m.reasons.map((x) => describeReason(x, name, stored)), lang: r.lang,
    };
  });

  const provenance: ProvenanceLink[] = [];
  for (const m of matches) {
    const sameUrl = m.reasons.some((x) => x.kind === 'same-url');
    const sameStory = m.reasons.some((x) => x.kind === 'same-story');
    if (!sameUrl && !sameStory) continue;
    const r = byReport.get(m.reportId)!.record;
    if (!sameUrl && own && r.sourceId === own.id) continue; // the outlet's own other version
    provenance.push({ kind: 'copy-of', outlet: name(r.sourceId), sourceId: r.sourceId, reportId: r.id, text: `Copy of “${r.title}” (${name(r.sourceId)})` });
  }
  // A copy of a stored report inherits what that report republishes or relays: a repost of
  // the nasdaq.com copy of a WSJ story is, in the end, the WSJ's story.
  const seen = new Set(relays.map((r) => r.sourceId));
  for (const link of [...provenance]) {
    if (link.kind !== 'copy-of' || !link.reportId) continue;
    const copied = byReport.get(link.reportId)?.record;
    for (const rel of copied?.relays ?? []) {
      const key = rel.sourceId ?? rel.name;
      if (seen.has(key) || (own && rel.sourceId === own.id)) continue;
      seen.add(key);
      const outlet = rel.sourceId ? name(rel.sourceId) : rel.name;
      const verb = rel.how === 'republishes' ? 'Republishes' : 'Relays';
      provenance.push({
        kind: rel.how === 'republishes' ? 'republishes' : 'relays', outlet, sourceId: rel.sourceId, reportId: copied!.id,
        text: `${verb} ${outlet} (through “${copied!.title}”, ${rel.how === 'republishes' ? 'republished' : 'relayed'} from ${outlet})`,
      });
    }
  }
  for (const rel of relays) {
    // A report in the store carrying that outlet's story: its own, or a known republication of it.
    const matched = matches.map((m) => byReport.get(m.reportId)!.record);
    const report =
      matched.find((r) => r.sourceId === rel.sourceId) ??
      matched.find((r) => (r.relays ?? []).some((x) => x.sourceId === rel.sourceId && x.how === 'republishes')) ??
      null;
    const relayedBy = report ? null : matched.find((r) => (r.relays ?? []).some((x) => x.sourceId === rel.sourceId)) ?? null;
    const verb = rel.how === 'republishes' ? 'Republishes' : 'Relays';
    provenance.push({
      kind: rel.how, outlet: rel.name, sourceId: rel.sourceId,
      reportId: report?.id ?? relayedBy?.id ?? null,
      text: `${verb} ${rel.name}${report ? ' (report in your library)' : relayedBy ? ` (also relayed by ${name(relayedBy.sourceId)}, in your library)` : ''}`,
    });
  }
  // Claims: where else each figure appears in the store, and whether it agrees.
  const reportsForClaims = new Map(candidates.map((c) => [c.id, c]));
  const storeClaims = [...reportsForClaims.values()].flatMap((c) => (c.record.claims ?? []).map((claim) => ({ reportId: c.id, claim })));
  const xref = crossReference(claims, storeClaims);
  const claimViews: ClaimView[] = claims.slice(0, MAX_CLAIMS).map((c, i) => ({
    text: c.text.slice(0, 500), figure: c.figure?.text ?? null, subject: c.subject, quantity: c.quantity, qualifier: c.qualifier,
    attributedTo: c.attributedTo ?? null, via: c.via ?? null,
    elsewhere: xref
      .filter((x) => x.claimIndex === i)
      .slice(0, 5)
      .map((x) => {
        const r = reportsForClaims.get(x.reportId)!.record;
        return { reportId: r.id, title: r.title, outlet: name(r.sourceId), relation: x.relation, otherText: x.other.text };
      }),
  }));
  // Claims a fact-checker reviewed (ClaimReviews seen on other pages).
  await attachFactChecks(db, page.url, claims, claimViews, candidates.flatMap((c) => (c.record.claimReviews ?? []).map((r) => fromRecord(r, c.record.url ?? c.record.canonicalUrl ?? `report:${c.id}`))));
  const sourcingView: SourcingView = {
    summary: sourcing.summary, counts: sourcing.counts, secondHand: sourcing.secondHand, secondHandReason: sourcing.secondHandReason,
    origin: sourcing.origin ?? null, sourcingMs: Math.round(sourcingMs * 10) / 10,
    sources: sourcing.sources.slice(0, MAX_SOURCES_SHOWN).map((x) => ({ kind: x.kind, source: x.source.slice(0, 200), role: x.role?.slice(0, 200) ?? null, via: x.via ?? null, statements: x.statements })),
    items: sourcing.items.slice(0, MAX_ITEMS).map((x) => ({ kind: x.kind, source: x.source.slice(0, 200), quote: x.quote.slice(0, 600), start: x.start, end: x.end })),
  };
  return { page, source, host, related, provenance, sourcing: sourcingView, claims: claimViews, savedReportId: savedHere?.id ?? null, timings: { sourcingMs: round1(sourcingMs), matchMs: round1(matchMs), candidates: candidates.length, steps: { minhash: round1(minhashMs), ...steps, rank: round1(rankMs) } } };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

const MAX_CLAIMS = 30;
const MAX_SOURCES_SHOWN = 30;
const MAX_ITEMS = 80;
