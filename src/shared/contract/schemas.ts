/**
 * Run-time schemas (valibot) of the contract's arguments, pinned to the types in worker.ts
 * and content.ts: each schema's output must equal its method's `args` type, or this file
 * does not compile. The worker parses every message with these (serve.ts); the content
 * script's hand-written checks are held to the content schemas by a unit test.
 */
import * as v from 'valibot';
import { PageReportSchema } from '../messages';
import { ATTRIBUTION_KINDS } from '../../core/model/sourcing';
import { HighlightArgSchemas } from '../highlight-messages';
import { FIELD_LIMITS as F, PAGE_LIMITS as P } from './limits';
import type { ContentMethods } from './content';
import { WORKER_METHODS, type WorkerMethods, type Caller } from './worker';
import { INJECTED_PARTS } from './injected';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableText = (max: number) => v.nullable(text(max));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

export const WORKER_ARG_SCHEMAS = {
  'page/analysed': v.object({ page: PageReportSchema }),
  /** A part of the content script to inject into the sender's page (by name, never a path). */
  'page/inject': v.object({ part: v.picklist(INJECTED_PARTS) }),
  'popup/get-state': v.object({ tabId: TabId }),
  'store/stats': v.object({}),
  /** Save the tab's analysed page as a report in the user's library (popup). */
  'report/save-page': v.object({ tabId: TabId, note: v.optional(text(F.userNote)), tags: v.optional(v.pipe(v.array(text(F.reportTag)), v.maxLength(F.reportTags))) }),
  /** Delete a report the user saved (library). */
  'report/delete': v.object({ reportId: text(F.id) }),
  /** Related coverage for a page (extension pages: library, benchmarks). */
  'match/related': v.object({ page: PageReportSchema }),
  'packs/import': v.object({ text: text(F.fileText) }),
  'packs/list': v.object({}),
  'packs/subscribe': v.object({ url: text(F.packUrl), sha256: v.optional(text(F.sha256)) }),
  'packs/check': v.object({ url: text(F.packUrl) }),
  'packs/unsubscribe': v.object({ url: text(F.packUrl) }),
  'packs/remove': v.object({ packId: text(F.id) }),
  'packs/export': v.object({ ids: v.optional(v.pipe(v.array(text(F.id)), v.maxLength(10_000))) }),
  /** The outlet profile for a page the worker has not analysed (off-topic pages). */
  'source/for-page': v.object({ url: text(P.url), canonicalUrl: nullableText(P.canonicalUrl), siteName: nullableText(P.siteName) }),
  /** Save the user's notes on an outlet: a known one by id, or a new one for a host. */
  'source/save-note': v.object({
    sourceId: v.optional(text(F.id)),
    host: v.optional(v.pipe(v.string(), v.maxLength(F.host), v.regex(/^[a-z0-9.-]+(:\d+)?$/i))),
    name: v.optional(text(F.name)),
    note: text(F.userNote),
  }),
  'library/data': v.object({}),
  'library/export': v.object({ format: v.picklist(['web-annotation', 'hypothesis', 'csl', 'markdown', 'csv', 'own']) }),
  'claims/verdicts': v.object({ reportId: text(F.id) }),
  'claims/set-verdict': v.object({
    reportId: text(F.id),
    claimIndex: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
    rating: text(F.name),
    ratingValue: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
    notes: v.optional(text(F.userNote)),
    clear: v.optional(v.boolean()),
  }),
  'claims/export-review': v.object({
    reportId: text(F.id),
    claimIndexes: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))), v.maxLength(10_000)),
    reviewer: v.object({ name: text(F.name), url: v.optional(text(F.packUrl)), type: v.picklist(['Organization', 'Person']) }),
    reviewUrl: text(F.packUrl),
  }),
  /** Saved pages that changed since (library). */
  'changes/list': v.object({}),
  ...HighlightArgSchemas,
} as const;

export const CONTENT_ARG_SCHEMAS = {
  'content/get-state': v.object({ wait: v.optional(v.boolean()) }),
  'content/analyse-now': v.object({}),
  'content/show-marks': v.object({
    on: v.boolean(),
    items: v.pipe(
      v.array(v.object({ kind: v.picklist(ATTRIBUTION_KINDS), quote: text(F.markQuote) })),
      v.maxLength(F.marks),
    ),
  }),
  'content/save-selection': v.object({}),
  'content/highlights-refresh': v.object({}),
} as const;

// ---- Pinning: every schema's output is its method's argument type, both ways. ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PinnedWorker = { [M in keyof WorkerMethods]: Same<v.InferOutput<(typeof WORKER_ARG_SCHEMAS)[M]>, WorkerMethods[M]['args']> };
type PinnedContent = { [M in keyof ContentMethods]: Same<v.InferOutput<(typeof CONTENT_ARG_SCHEMAS)[M]>, ContentMethods[M]['args']> };
/** Compile-time only: fails to compile when a schema and its type drift apart, or a method has no schema. */
export const PINNED: { worker: Record<keyof WorkerMethods, true>; content: Record<keyof ContentMethods, true> } = {
  worker: null as unknown as PinnedWorker,
  content: null as unknown as PinnedContent,
};
// And no schema for a method the contract does not have.
type ExtraWorker = Exclude<keyof typeof WORKER_ARG_SCHEMAS, keyof WorkerMethods>;
type ExtraContent = Exclude<keyof typeof CONTENT_ARG_SCHEMAS, keyof ContentMethods>;
export const NO_EXTRA_SCHEMAS: [ExtraWorker | ExtraContent] extends [never] ? true : false = true;

// ---- Parsing and sender checks (worker side) ----

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type ParsedWorkerRequest = { [M in keyof WorkerMethods]: { method: M; args: WorkerMethods[M]['args'] } }[keyof WorkerMethods];

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  const path = first?.path?.map((p) => String(p.key)).join('.') ?? '';
  return `invalid message${path ? ` at ${path}` : ''}: ${first?.message ?? 'unknown'}`;
}

/** `{ type, ...args }` → the method and its parsed arguments, or the reason it was refused. */
export function parseWorkerMessage(input: unknown): ParseResult<ParsedWorkerRequest> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'invalid message: expected an object with a type' };
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(WORKER_ARG_SCHEMAS, type)) return { ok: false, error: `invalid message at type: unknown message type` };
  const method = type as keyof WorkerMethods;
  const r = v.safeParse(WORKER_ARG_SCHEMAS[method], input);
  if (!r.success) return { ok: false, error: issueText(r.issues) };
  return { ok: true, value: { method, args: r.output } as ParsedWorkerRequest };
}

/** The same for the content script's methods (tests: the hand-written checks give the same answers). */
export function parseContentMessageStrict(input: unknown): ParseResult<{ method: keyof ContentMethods; args: unknown }> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: 'invalid message: expected an object with a type' };
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(CONTENT_ARG_SCHEMAS, type)) return { ok: false, error: 'invalid message at type: unknown message type' };
  const method = type as keyof ContentMethods;
  const r = v.safeParse(CONTENT_ARG_SCHEMAS[method], input);
  return r.success ? { ok: true, value: { method, args: r.output } } : { ok: false, error: issueText(r.issues) };
}

/** The minimal shape of a runtime.MessageSender we rely on. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Whether `sender` may call `method`: everything must come from this extension
 * (`sender.id`); 'content' methods from a content script in a tab's top frame; 'extension'
 * methods from an extension page. Returns the reason for a refusal, or null.
 */
export function checkSender(method: keyof WorkerMethods, sender: SenderLike, extensionId: string, extensionOrigin: string): string | null {
  if (sender.id !== extensionId) return 'sender is not this extension';
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  const from: Caller = WORKER_METHODS[method].from;
  if (from === 'content') {
    if (!sender.tab || typeof sender.tab.id !== 'number') return 'page data must come from a tab';
    if (sender.frameId !== undefined && sender.frameId !== 0) return 'page data must come from the top frame';
    if (fromExtensionPage) return 'page data must come from a content script';
    return null;
  }
  if (!fromExtensionPage) return 'only extension pages may send this message';
  return null;
}
