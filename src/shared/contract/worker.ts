/**
 * The worker's contract: every method the service worker answers, with its arguments, its
 * result and who may call it ('content' = a content script in a tab's top frame;
 * 'extension' = an extension page: popup, options, library). Types only, plus the small
 * table of callers and seeding the worker's `serve` reads (no validation library here,
 * so content scripts can import it).
 *
 * On the wire a call is `{ type: method, ...args }` and its reply `{ ok: true, ...result }`
 * or `{ ok: false, error, problems? }` (see ./reply.ts).
 */
import type { ReportRecord, Pack } from '../../core/packs/types';
import type { StoredHighlight, StoredSource, HighlightColor } from '../../store/db';
import type { HighlightSelectors } from '../../core/anchoring/types';
import type { HighlightsImportSummary } from '../../store/highlights-io';
import type { ClaimVerdict } from '../../core/export/claim-review';
import type { ReviewerDefaults } from '../../store/claim-verdicts';
import type {
  PackImported, PackSummary, PageReport, VersionsView, ProvenanceLink, RelatedView, SourceView, StoreStats, SubscriptionView, TabState,
} from '../messages';
import type { HighlightView, PageHighlight } from '../highlight-messages';
import type { InjectedPart } from './injected';

export type Caller = 'content' | 'extension';

/** A method: what it takes, what it gives back, who may call it. */
interface Method<A, R, C extends Caller> {
  args: A;
  result: R;
  from: C;
}

type Done = { done: true };
type Empty = Record<string, never>;

export interface HighlightEdit {
  id: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  deleted?: boolean;
}

export type ExportFormat = 'web-annotation' | 'hypothesis' | 'csl' | 'markdown' | 'csv' | 'own';

/** A file made by the worker for the library to download; binary files travel as base64. */
export interface ExportedFile {
  name: string;
  type: string;
  data: string;
  encoding: 'text' | 'base64';
}

/** What the library lists: every report with its outlet and pack names, outlets' domains, every highlight. */
export interface LibraryData {
  reports: { record: ReportRecord; outlet: string; packName: string }[];
  outlets: Pick<StoredSource, 'name' | 'domains'>[];
  highlights: StoredHighlight[];
}

export interface WorkerMethods {
  // ---- From content scripts (page data: the sender's tab and page, never the payload's) ----
  'page/analysed': Method<{ page: PageReport }, { accepted: true }, 'content'>;
  /** Inject a part of the content script (the full analyser, the page tools) into the sender's page (./injected.ts). */
  'page/inject': Method<{ part: InjectedPart }, { injected: true }, 'content'>;
  'highlights/save': Method<
    { id?: string; selectors: HighlightSelectors; color: HighlightColor; pageTitle: string; dir?: 'ltr' | 'rtl'; note?: string; tags?: string[] },
    { highlight: PageHighlight },
    'content'
  >;
  'highlights/for-page': Method<Empty, { highlights: PageHighlight[] }, 'content'>;
  'highlights/anchored': Method<
    { results: { id: string; status: 'exact' | 'position' | 'fuzzy' | 'orphan'; reason?: string }[] },
    { updated: number },
    'content'
  >;
  'highlights/page-edit': Method<HighlightEdit, { highlight: PageHighlight }, 'content'>;

  // ---- From extension pages ----
  'popup/get-state': Method<{ tabId: number }, { state: TabState }, 'extension'>;
  'store/stats': Method<Empty, { stats: StoreStats }, 'extension'>;
  'report/save-page': Method<{ tabId: number; note?: string; tags?: string[] }, { saved: { reportId: string; title: string; updated: boolean } }, 'extension'>;
  'report/delete': Method<{ reportId: string }, Done, 'extension'>;
  'match/related': Method<{ page: PageReport }, { related: RelatedView[]; provenance: ProvenanceLink[]; timings: TabState['timings'] }, 'extension'>;
  'packs/import': Method<{ text: string }, PackImported, 'extension'>;
  'packs/list': Method<Empty, { packs: PackSummary[]; subscriptions: SubscriptionView[] }, 'extension'>;
  'packs/subscribe': Method<{ url: string; sha256?: string }, { subscription: SubscriptionView }, 'extension'>;
  'packs/check': Method<{ url: string }, { subscription: SubscriptionView }, 'extension'>;
  'packs/unsubscribe': Method<{ url: string }, Done, 'extension'>;
  'packs/remove': Method<{ packId: string }, Done, 'extension'>;
  'packs/export': Method<{ ids?: string[] }, { pack: Pack }, 'extension'>;
  'source/for-page': Method<{ url: string; canonicalUrl: string | null; siteName: string | null }, { source: SourceView | null }, 'extension'>;
  'source/save-note': Method<{ sourceId?: string; host?: string; name?: string; note: string }, { source: SourceView }, 'extension'>;
  'highlights/list': Method<{ url: string }, { views: HighlightView[] }, 'extension'>;
  'highlights/edit': Method<HighlightEdit, { view: HighlightView }, 'extension'>;
  'highlights/import': Method<{ text: string }, { summary: HighlightsImportSummary }, 'extension'>;
  'library/data': Method<Empty, LibraryData, 'extension'>;
  'library/export': Method<{ format: ExportFormat }, { file: ExportedFile }, 'extension'>;
  /** The user's verdicts on a report's claims, and the reviewer details last used (library). */
  'claims/verdicts': Method<{ reportId: string }, { verdicts: ClaimVerdict[]; reviewer: ReviewerDefaults | null }, 'extension'>;
  /** Set or clear the verdict on one claim of a report (library). */
  'claims/set-verdict': Method<
    { reportId: string; claimIndex: number; rating: string; ratingValue: number; notes?: string; clear?: boolean },
    { verdicts: ClaimVerdict[] },
    'extension'
  >;
  /** A report's chosen verdicts as schema.org ClaimReview JSON-LD (library). */
  'claims/export-review': Method<
    { reportId: string; claimIndexes: number[]; reviewer: { name: string; url?: string; type: 'Organization' | 'Person' }; reviewUrl: string },
    { file: ExportedFile; exported: number; skipped: { claimIndex: number; reasons: string[] }[] },
    'extension'
  >;
  /** Saved pages that changed since they were saved: both versions (library). */
  'changes/list': Method<Empty, { pages: VersionsView[] }, 'extension'>;
}

export type WorkerMethod = keyof WorkerMethods;
export type WorkerArgs<M extends WorkerMethod> = WorkerMethods[M]['args'];
export type WorkerResult<M extends WorkerMethod> = WorkerMethods[M]['result'];
/** The methods a given caller may use. */
export type WorkerMethodFrom<C extends Caller> = { [M in WorkerMethod]: WorkerMethods[M]['from'] extends C ? M : never }[WorkerMethod];

/**
 * Run-time facts per method: who may call it, and whether the store must hold the default
 * pack first (`seed`). Checked against the interface: a missing method or a wrong caller
 * does not compile.
 */
export const WORKER_METHODS: { readonly [M in WorkerMethod]: { readonly from: WorkerMethods[M]['from']; readonly seed: boolean } } = {
  'page/analysed': { from: 'content', seed: true },
  'page/inject': { from: 'content', seed: false },
  'highlights/save': { from: 'content', seed: false },
  'highlights/for-page': { from: 'content', seed: false },
  'highlights/anchored': { from: 'content', seed: false },
  'highlights/page-edit': { from: 'content', seed: false },
  'popup/get-state': { from: 'extension', seed: true },
  'store/stats': { from: 'extension', seed: true },
  'report/save-page': { from: 'extension', seed: true },
  'report/delete': { from: 'extension', seed: false },
  'match/related': { from: 'extension', seed: true },
  'packs/import': { from: 'extension', seed: true },
  'packs/list': { from: 'extension', seed: true },
  'packs/subscribe': { from: 'extension', seed: true },
  'packs/check': { from: 'extension', seed: true },
  'packs/unsubscribe': { from: 'extension', seed: false },
  'packs/remove': { from: 'extension', seed: true },
  'packs/export': { from: 'extension', seed: true },
  'source/for-page': { from: 'extension', seed: true },
  'source/save-note': { from: 'extension', seed: true },
  'highlights/list': { from: 'extension', seed: false },
  'highlights/edit': { from: 'extension', seed: false },
  'highlights/import': { from: 'extension', seed: false },
  'library/data': { from: 'extension', seed: true },
  'library/export': { from: 'extension', seed: true },
  'claims/verdicts': { from: 'extension', seed: false },
  'claims/set-verdict': { from: 'extension', seed: false },
  'claims/export-review': { from: 'extension', seed: false },
  'changes/list': { from: 'extension', seed: false },
};
