/**
 * Explaining a page against the reports held: the page's outlet, who its evidence is,
 * the related reports with the reasons in words, where its story comes from, and whether
 * stored reports agree with its figures. Pure: the caller reads the outlets and the
 * candidate reports (persisted index in the worker, in-memory index in the CLI).
 */
import { crossReference } from '../claims';
import { domainCandidates, hostOf, normalizeHost, outletForHost } from '../match/host';
import { matchReports, type Match } from '../match/match';
import { minhashText } from '../packs/fingerprint';
import { outletIndex, outletsFromSources } from '../sourcing/outlets';
import type { OutletName } from '../sourcing/outlet-name';
import { analyzeSourcing } from '../sourcing/page-sourcing';
import type { Analysis } from '../types';
import { outletMatchForPage, toSourceView, USER_PACK_ID } from './outlet';
import { provenanceChain, type PageRelay } from './provenance';
import { describeReason } from './reasons';
import type { CandidateReport, CandidateSet, ClaimView, ExplainPage, Explanation, OutletProfile, RelatedView, SourceMatch, SourcingView } from './types';

const MAX_CLAIMS = 30;
const MAX_SOURCES_SHOWN = 30;
const MAX_ITEMS = 80;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Whether a page gets related reports at all: fully read and about the topic. */
export function isExplainable(page: Pick<ExplainPage, 'stage' | 'verdict' | 'requested'>): boolean {
  // Off-topic pages get sourcing and claims only when the reader asked for them (`requested`).
  return page.stage === 'full' && (page.verdict.onTopic || page.requested === true);
}

/** What the page itself says, before any report is read: its outlet, sourcing, claims, relays, fingerprint. */
export interface PageEvidence {
  own: { source: OutletProfile; matchedBy: SourceMatch } | null;
  sourcing: Analysis['sourcing'];
  /** Empty when computed with `claims: false` (see `withClaims`). */
  claims: Analysis['claims'];
  /** Whether `claims` were worked out (false: left out on purpose, not "none found"). */
  withClaims: boolean;
  /** Outlets the page relays, known by id, other than its own. */
  relays: PageRelay[];
  minhash: number[];
  sourcingMs: number;
  /** Part of sourcingMs: the analyser's index of outlet names (0 when it was kept from an earlier page). */
  outletIndexMs: number;
  minhashMs: number;
}

// The outlets in the shape the sourcing analyser takes, one array per outlets array: the
// analyser keeps its index of outlet names (built from every name and alias, ~1,000 at the
// default pack) per array, so a fresh array at every page would rebuild it every time.
const outletNames = new WeakMap<readonly OutletProfile[], OutletName[]>();
export function outletNamesOf(outlets: readonly OutletProfile[]): OutletName[] {
  let names = outletNames.get(outlets);
  if (!names) outletNames.set(outlets, (names = outletsFromSources([...outlets])));
  return names;
}

/**
 * Build what every page's evidence reads about these outlets (the sourcing's index of outlet
 * names, the table of their domains), kept per outlets array: a worker that has just read the
 * outlets does it while its other reads are still on their way.
 */
export function prepareOutlets(outlets: readonly OutletProfile[]): void {
  outletIndex(outletNamesOf(outlets));
  outletForHost(outlets, 'localhost');
}

/**
 * `claims: false` skips the page's claims (the sourcing and relays are still worked out):
 * for a caller that only needs the related reports and where the story comes from.
 */
export function pageEvidence(page: ExplainPage, outlets: readonly OutletProfile[], opts: { claims?: boolean } = {}): PageEvidence {
  const own = outletMatchForPage(outlets, page);
  const t0 = performance.now();
  const withClaims = opts.claims !== false;
  const names = outletNamesOf(outlets);
  outletIndex(names); // built here (kept per array) only to time it apart
  const outletIndexMs = performance.now() - t0;
  const { sourcing, claims } = analyzeSourcing(
    { text: page.text, lang: page.lang, siteName: own?.source.name ?? page.siteName, canonicalUrl: page.canonicalUrl, url: page.url },
    names,
    { claims: withClaims },
  );
  const sourcingMs = performance.now() - t0;
  // The page's own outlet is not relayed: its dateline credit ("جدة - المدينة") names the paper itself.
  // "Own" also covers another profile of the same outlet (two packs listing the page's domain).
  const ownDomains = new Set<string>(own?.source.domains?.map(normalizeHost) ?? []);
  const pageHost = hostOf(page.url);
  if (pageHost) for (const d of domainCandidates(pageHost)) ownDomains.add(d);
  const byId = new Map(outlets.map((o) => [o.id, o]));
  const isOwn = (id: string) => id === own?.source.id || (byId.get(id)?.domains ?? []).some((d) => ownDomains.has(normalizeHost(d)));
  const relays = sourcing.relayed
    .filter((r): r is typeof r & { sourceId: string } => !!r.sourceId && !isOwn(r.sourceId))
    .map((r) => ({ sourceId: r.sourceId, name: r.name, how: r.how }));
  const t1 = performance.now();
  const minhash = minhashText(page.text);
  return { own, sourcing, claims, withClaims, relays, minhash, sourcingMs, outletIndexMs, minhashMs: performance.now() - t1 };
}

export interface ExplainInput<R extends CandidateReport = CandidateReport> {
  page: ExplainPage;
  /** Every outlet profile held. */
  outlets: readonly OutletProfile[];
  /** Pack id → pack name (where an outlet profile comes from). */
  packNames: ReadonlyMap<string, string>;
  /** From `pageEvidence` (computed here when missing). */
  evidence?: PageEvidence;
  /** Candidate reports for the page (none: nothing is related). */
  candidates?: CandidateSet<R>;
  /** Time the caller spent finding the candidates (ms), for the timings. */
  lookupMs?: number;
}

/** The related reports and the provenance chain, from the evidence and the candidates. */
function relatedOf<R extends CandidateReport>(input: ExplainInput<R>, ev: PageEvidence, own: OutletProfile | null) {
  const { page, outlets } = input;
  const byId = new Map(outlets.map((s) => [s.id, s]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const candidates = input.candidates?.candidates ?? [];
  const tRank = performance.now();
  const matches: Match[] = input.candidates
    ? matchReports(
        { url: page.url, canonicalUrl: page.canonicalUrl, title: page.title, text: page.text, sourceId: own?.id ?? null, relayedSourceIds: ev.relays.map((r) => r.sourceId), minhash: ev.minhash, published: page.published },
        candidates.map((c) => ({ id: c.id, sourceId: c.sourceId, published: c.published, minhash: c.record.fingerprint?.minhash, ...c.features })),
        input.candidates.stats,
        { prepared: input.candidates.prepared },
      )
    : [];
  const rankMs = performance.now() - tRank;
  // The user's own saved copy of this very page is "saved", not "related".
  const savedHere = candidates.find((c) => c.packId === USER_PACK_ID && matches.some((m) => m.reportId === c.id && m.reasons.some((x) => x.kind === 'same-url')));
  if (savedHere) matches.splice(matches.findIndex((m) => m.reportId === savedHere.id), 1);
  const byReport = new Map(candidates.map((c) => [c.id, c]));
  const recordOf = (id: string) => byReport.get(id)!.record;
  const related: RelatedView[] = matches.map((m) => {
    const r = recordOf(m.reportId);
    return {
      reportId: r.id, title: r.title, outlet: name(r.sourceId), published: r.published ?? null,
      publishedEstimate: !!r.publishedEstimate, url: r.url ?? r.canonicalUrl ?? null, summary: r.summary,
      score: m.score, reasons: m.reasons.map((x) => describeReason(x, name, r)), lang: r.lang,
    };
  });
  const provenance = provenanceChain(matches, recordOf, own?.id ?? null, ev.relays, name);
  const matchMs = ev.minhashMs + (input.lookupMs ?? 0) + rankMs;
  const timings = { sourcingMs: round1(ev.sourcingMs), matchMs: round1(matchMs), candidates: candidates.length, steps: { outletIndex: round1(ev.outletIndexMs), minhash: round1(ev.minhashMs), ...(input.candidates?.steps ?? {}), rank: round1(rankMs) } };
  return { candidates, name, recordOf, related: page.verdict.onTopic ? related : [], provenance, savedHere, timings };
}

/**
 * Only what a related-coverage query answers: the related reports and where the story
 * comes from (no claims compared, no sourcing view). The evidence may come without claims.
 */
export function explainRelated<R extends CandidateReport>(input: ExplainInput<R>): Pick<Explanation, 'related' | 'provenance' | 'timings'> {
  const { page, outlets } = input;
  if (!isExplainable(page)) return { related: [], provenance: [] };
  const ev = input.evidence ?? pageEvidence(page, outlets, { claims: false });
  const { related, provenance, timings } = relatedOf(input, ev, ev.own?.source ?? null);
  return { related, provenance, timings };
}

/** The one entry point: everything the popup (and `provenance explain`) shows about a page beyond the page itself. */
export function explainPage<R extends CandidateReport>(input: ExplainInput<R>): Explanation {
  const { page, outlets, packNames } = input;
  const host = hostOf(page.url);
  const ownMatch = input.evidence ? input.evidence.own : outletMatchForPage(outlets, page);
  const own = ownMatch?.source ?? null;
  const source = own ? toSourceView(own, packNames.get(own.packId) ?? own.packId, ownMatch!.matchedBy) : null;
  if (!isExplainable(page)) return { source, host, related: [], provenance: [], sourcing: null, claims: [] };

  const ev = input.evidence?.withClaims === false ? pageEvidence(page, outlets) : (input.evidence ?? pageEvidence(page, outlets));
  const { candidates, name, recordOf, related, provenance, savedHere, timings } = relatedOf(input, ev, own);

  // Claims: where else each figure appears among the candidates, and whether it agrees.
  const storeClaims = candidates.flatMap((c) => (c.record.claims ?? []).map((claim) => ({ reportId: c.id, claim })));
  const xref = crossReference(ev.claims, storeClaims);
  const claims: ClaimView[] = ev.claims.slice(0, MAX_CLAIMS).map((c, i) => ({
    text: c.text.slice(0, 500), figure: c.figure?.text ?? null, subject: c.subject, quantity: c.quantity, qualifier: c.qualifier,
    attributedTo: c.attributedTo ?? null, via: c.via ?? null,
    elsewhere: xref
      .filter((x) => x.claimIndex === i)
      .slice(0, 5)
      .map((x) => {
        const r = recordOf(x.reportId);
        return { reportId: r.id, title: r.title, outlet: name(r.sourceId), relation: x.relation, otherText: x.other.text };
      }),
  }));
  const s = ev.sourcing;
  const sourcing: SourcingView = {
    summary: s.summary, counts: s.counts, secondHand: s.secondHand, secondHandReason: s.secondHandReason,
    origin: s.origin ?? null, sourcingMs: round1(ev.sourcingMs),
    sources: s.sources.slice(0, MAX_SOURCES_SHOWN).map((x) => ({ kind: x.kind, source: x.source.slice(0, 200), role: x.role?.slice(0, 200) ?? null, via: x.via ?? null, statements: x.statements })),
    items: s.items.slice(0, MAX_ITEMS).map((x) => ({ kind: x.kind, source: x.source.slice(0, 200), quote: x.quote.slice(0, 600), start: x.start, end: x.end, ...(x.mode ? { mode: x.mode } : {}) })),
  };
  // A page analysed on request but not about the topic: its sourcing and claims, no related coverage.
  return { source, host, related, provenance, sourcing, claims, savedReportId: savedHere?.id ?? null, timings };
}
