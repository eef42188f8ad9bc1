/**
 * The content script's contract: the methods it answers, their arguments and results. Its
 * only callers are this extension's own contexts (the popup and the worker); web pages
 * cannot reach it. The argument checks are written by hand, because this module is loaded
 * on every page and the validation library is not; contract/schemas.ts pins a valibot
 * schema to each of these types, and a unit test holds the two checks to the same answers.
 */
import type { AttributionKindName, PageReport } from '../messages';
import { FIELD_LIMITS } from './limits';
import { ATTRIBUTION_KINDS } from '../../core/model/sourcing';

type Empty = Record<string, never>;

export interface MarkItem {
  kind: AttributionKindName;
  quote: string;
}

export interface ContentMethods {
  /** What the page's analysis found so far; `wait`: answer when a running analysis ends. */
  'content/get-state': { args: { wait?: boolean }; result: { page: PageReport | null; busy: boolean } };
  /** Run the full analysis now, whatever the first pass said. */
  'content/analyse-now': { args: Empty; result: { page: PageReport | null; busy: boolean } };
  /** Mark (or unmark) the sourcing statements on the page. */
  'content/show-marks': { args: { on: boolean; items: MarkItem[] }; result: { placed: number; total: number } };
  /** Save the current selection as a highlight (context menu, keyboard command). */
  'content/save-selection': { args: Empty; result: { saved: boolean; reason?: string } };
  /** Redraw the page's highlights after an edit elsewhere. */
  'content/highlights-refresh': { args: Empty; result: { drawn: number } };
}

export type ContentMethod = keyof ContentMethods;
export type ContentArgs<M extends ContentMethod> = ContentMethods[M]['args'];
export type ContentResult<M extends ContentMethod> = ContentMethods[M]['result'];

const KINDS: ReadonlySet<string> = new Set<AttributionKindName>(ATTRIBUTION_KINDS);
const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * Check a message's arguments and return them typed (unknown keys dropped), or null.
 * One entry per method: a missing method does not compile.
 */
export const CONTENT_ARG_CHECKS: { readonly [M in ContentMethod]: (m: Record<string, unknown>) => ContentArgs<M> | null } = {
  'content/get-state': (m) => (m.wait === undefined ? {} : typeof m.wait === 'boolean' ? { wait: m.wait } : null),
  'content/analyse-now': () => ({}),
  'content/show-marks': (m) => {
    if (typeof m.on !== 'boolean' || !Array.isArray(m.items) || m.items.length > FIELD_LIMITS.marks) return null;
    const items: MarkItem[] = [];
    for (const it of m.items as unknown[]) {
      if (!isObj(it) || typeof it.kind !== 'string' || !KINDS.has(it.kind) || typeof it.quote !== 'string' || it.quote.length > FIELD_LIMITS.markQuote) return null;
      items.push({ kind: it.kind as AttributionKindName, quote: it.quote });
    }
    return { on: m.on, items };
  },
  'content/save-selection': () => ({}),
  'content/highlights-refresh': () => ({}),
};

export type ParsedContentRequest = { [M in ContentMethod]: { method: M; args: ContentArgs<M> } }[ContentMethod];

/** `{ type, ...args }` → the method and its checked arguments, or an error in the worker's words. */
export function parseContentMessage(message: unknown): ParsedContentRequest | { error: string } {
  if (!isObj(message) || typeof message.type !== 'string' || !Object.hasOwn(CONTENT_ARG_CHECKS, message.type)) {
    return { error: `invalid message: expected one of ${Object.keys(CONTENT_ARG_CHECKS).join(', ')}` };
  }
  const method = message.type as ContentMethod;
  const args = CONTENT_ARG_CHECKS[method](message);
  return args ? ({ method, args } as ParsedContentRequest) : { error: `invalid message: ${method}` };
}
