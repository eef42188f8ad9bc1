/**
 * Typed messages between the content script, the service worker and extension pages.
 * Every message is validated against its schema where it is received; anything that
 * does not parse is rejected with a reason, never acted upon.
 */
import * as v from 'valibot';
import type { StoredSubscription } from '../store/db';
// Highlights (issue #6): schemas and responses in their own module.
import { HIGHLIGHT_CONTENT_ONLY, HighlightRequestSchemas, type HighlightResponse } from './highlight-messages';

const MAX_TEXT = 60_000;
const shortText = (max = 2_000) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max = 2_000) => v.nullable(shortText(max));

export const EvidenceSchema = v.object({
  term: shortText(200),
  kind: v.picklist(['name', 'vocab']),
  where: v.picklist(['title', 'meta', 'lead', 'body']),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  positions: v.pipe(v.array(v.number()), v.maxLength(50)),
});

export const VerdictSchema = v.object({
  topicId: shortText(100),
  topicLabel: shortText(200),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  onTopic: v.boolean(),
  reason: shortText(1_000),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(100)),
  lang: nullableText(20),
});

/** What the content script reports about its page. */
export const PageReportSchema = v.object({
  /** 'quick' = only the cheap first pass ran (and said no); 'full' = extraction + detection. */
  stage: v.picklist(['quick', 'full']),
  url: shortText(4_000),
  title: shortText(1_000),
  titleDerived: v.boolean(),
  siteName: nullableText(300),
  byline: nullableText(500),
  published: nullableText(100),
  lang: nullableText(20),
  dir: v.picklist(['ltr', 'rtl']),
  canonicalUrl: nullableText(4_000),
  section: nullableText(300),
  isArticle: v.boolean(),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Article text (capped) for matching in the worker; empty for stage 'quick'. */
  text: shortText(MAX_TEXT),
  verdict: VerdictSchema,
  /** Why the quick pass stopped, when stage is 'quick'. */
  quickReason: v.optional(shortText(200)),
});
export type PageReport = v.InferOutput<typeof PageReportSchema>;

const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Messages the service worker accepts. */
export const WorkerRequestSchema = v.variant('type', [
  /** From a content script (sender.tab required). */
  v.object({ type: v.literal('page/analysed'), page: PageReportSchema }),
  /** From an extension page (popup, options). */
  v.object({ type: v.literal('popup/get-state'), tabId: TabId }),
  v.object({ type: v.literal('store/stats') }),
  /** Save the tab's analysed page as a report in the user's library (popup). */
  v.object({ type: v.literal('report/save-page'), tabId: TabId, note: v.optional(shortText(20_000)), tags: v.optional(v.pipe(v.array(shortText(100)), v.maxLength(50))) }),
  /** Delete a report the user saved (library). */
  v.object({ type: v.literal('report/delete'), reportId: shortText(200) }),
  /** Related coverage for a page (extension pages: library, benchmarks). */
  v.object({ type: v.literal('match/related'), page: PageReportSchema }),
  /** Report packs (options page). The text of a pack file is capped a little above the pack limit; the validator gives the exact message. */
  v.object({ type: v.literal('packs/import'), text: v.pipe(v.string(), v.maxLength(60 * 1024 * 1024)) }),
  v.object({ type: v.literal('packs/list') }),
  v.object({ type: v.literal('packs/subscribe'), url: shortText(2_048), sha256: v.optional(shortText(100)) }),
  v.object({ type: v.literal('packs/check'), url: shortText(2_048) }),
  v.object({ type: v.literal('packs/unsubscribe'), url: shortText(2_048) }),
  v.object({ type: v.literal('packs/remove'), packId: shortText(200) }),
  /** The outlet profile for a page the worker has not analysed (off-topic pages). */
  v.object({ type: v.literal('source/for-page'), url: shortText(4_000), canonicalUrl: nullableText(4_000), siteName: nullableText(300) }),
  /** Save the user's notes on an outlet: a known one by id, or a new one for a host. */
  v.object({
    type: v.literal('source/save-note'),
    sourceId: v.optional(v.pipe(v.string(), v.maxLength(200))),
    host: v.optional(v.pipe(v.string(), v.maxLength(300), v.regex(/^[a-z0-9.-]+(:\d+)?$/i))),
    name: v.optional(shortText(300)),
    note: shortText(20_000),
  }),
  /** Highlights (issue #6): see highlight-messages.ts. */
  ...HighlightRequestSchemas,
]);
export type WorkerRequest = v.InferOutput<typeof WorkerRequestSchema>;

/** Messages a content script accepts (only from this extension). */
export const ContentRequestSchema = v.variant('type', [
  v.object({ type: v.literal('content/get-state') }),
  v.object({ type: v.literal('content/analyse-now') }),
  /** Highlights (issue #6): save the current selection (context menu, keyboard command); redraw after an edit in the popup. */
  v.object({ type: v.literal('content/save-selection') }),
  v.object({ type: v.literal('content/highlights-refresh') }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

/** Which contexts may send which worker message. */
export const CONTENT_ONLY: ReadonlySet<WorkerRequest['type']> = new Set(['page/analysed', ...HIGHLIGHT_CONTENT_ONLY]);

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  const r = v.safeParse(schema, input);
  if (r.success) return { ok: true, value: r.output };
  const first = r.issues[0];
  const path = first?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: `invalid message${path ? ` at ${path}` : ''}: ${first?.message ?? 'unknown'}` };
}

export const parseWorkerRequest = (input: unknown) => parseWith(WorkerRequestSchema, input);
export const parseContentRequest = (input: unknown) => parseWith(ContentRequestSchema, input);

/** The minimal shape of a runtime.MessageSender we rely on. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decide whether a sender may send this message. Messages must come from this
 * extension (`sender.id`); page-data messages must come from a content script in a
 * tab's top frame; control messages must come from an extension page.
 */
export function checkSender(
  type: WorkerRequest['type'],
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): string | null {
  if (sender.id !== extensionId) return 'sender is not this extension';
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (CONTENT_ONLY.has(type)) {
    if (!sender.tab || typeof sender.tab.id !== 'number') return 'page data must come from a tab';
    if (sender.frameId !== undefined && sender.frameId !== 0) return 'page data must come from the top frame';
    if (fromExtensionPage) return 'page data must come from a content script';
    return null;
  }
  if (!fromExtensionPage) return 'only extension pages may send this message';
  return null;
}

// ---- Responses ------------------------------------------------------------

export interface SourceView {
  id: string;
  name: string;
  type: string;
  country: string;
  languages: string[];
  ownership?: string;
  founded?: number;
  notes: string;
  links?: string[];
  /** Where this profile came from: a pack's name, or "your notes". */
  origin: string;
  /** The user's own notes on this outlet (never overwritten by pack updates). */
  userNotes: string;
  /** Set when the outlet was recognised from the page's own claim, not its address. */
  matchedBy?: 'canonical' | 'site-name';
}

export interface RelatedView {
  reportId: string;
  title: string;
  outlet: string;
  published: string | null;
  publishedEstimate: boolean;
  url: string | null;
  summary: string;
  score: number;
  reasons: string[];
  lang: string;
}

export interface ProvenanceLink {
  /** e.g. 'relays' | 'republishes' | 'copy-of' */
  kind: string;
  outlet: string;
  sourceId: string | null;
  /** A report by that outlet in the store, if any. */
  reportId: string | null;
  text: string;
}

export type AttributionKindName = 'named-person' | 'anonymous' | 'organisation' | 'group-media' | 'outlet' | 'document' | 'unattributed';

export interface SourcingView {
  summary: string;
  counts: Record<AttributionKindName, number>;
  secondHand: boolean;
  secondHandReason: string | null;
  origin: string | null;
  sources: { kind: AttributionKindName; source: string; role: string | null; via: string | null; statements: number }[];
  items: { kind: AttributionKindName; source: string; quote: string; start: number; end: number }[];
  /** Worker time for attributions + claims on this page (ms). */
  sourcingMs: number;
}

export interface ClaimView {
  text: string;
  figure: string | null;
  subject: string;
  quantity: number | null;
  qualifier: string;
  attributedTo: string | null;
  via: string | null;
  /** The same subject in stored reports, and whether the figures agree. */
  elsewhere: { reportId: string; title: string; outlet: string; relation: 'agrees' | 'differs'; otherText: string }[];
}

export interface TabState {
  status: 'unknown' | 'analysed';
  page: PageReport | null;
  source: SourceView | null;
  /** Host name of the page, for the "no notes for <host>" state. */
  host: string | null;
  related: RelatedView[];
  provenance: ProvenanceLink[];
  sourcing: SourcingView | null;
  claims: ClaimView[];
  analysedAt: number | null;
  /** The user's saved report of this very page, if any (it is not listed as related). */
  savedReportId?: string | null;
  /** Worker time spent on this page (ms) and the number of candidate reports ranked. */
  timings?: { sourcingMs: number; matchMs: number; candidates: number; steps?: Record<string, number> };
}

export interface StoreStats {
  reports: number;
  sources: number;
  packs: { id: string; name: string; version: string; reports: number }[];
}

export interface PackProblem {
  path: string;
  message: string;
}

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  publisher: string;
  updated: string;
  reports: number;
  sources: number;
  importedAt: number;
}

/** A subscription as the options page sees it (the HTTP validators stay in the worker). */
export type SubscriptionView = Omit<StoredSubscription, 'etag' | 'lastModified' | 'addedAt'>;

export type PackResult =
  | { ok: true; packId: string; packName: string; status: 'imported' | 'unchanged'; reports: number; sources: number; warnings: PackProblem[] }
  | { ok: false; error: string; problems: PackProblem[] };

export type WorkerResponse =
  | PackResult
  | { ok: true; packs: PackSummary[]; subscriptions: SubscriptionView[] }
  | { ok: true; subscription: SubscriptionView }
  | { ok: true; done: true }
  | { ok: true; state: TabState }
  | { ok: true; source: SourceView | null }
  | { ok: true; stats: StoreStats }
  | { ok: true; saved: { reportId: string; title: string; updated: boolean } }
  | { ok: true; related: RelatedView[]; provenance: ProvenanceLink[]; timings: TabState['timings'] }
  | { ok: true; accepted: true }
  | HighlightResponse
  | { ok: false; error: string };

export type ContentResponse =
  | { ok: true; page: PageReport | null; busy: boolean }
  | { ok: false; error: string };
