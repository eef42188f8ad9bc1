/**
 * The senders' side of the contract: one typed call per receiver. `callWorker(method, args)`
 * resolves to that method's result type or throws a `CallError`; `requestWorker` resolves to
 * the reply itself (`{ ok: true, ...result } | { ok: false, error }`) for callers that must
 * never throw. Extension pages may call only 'extension' methods and content scripts only
 * 'content' ones: calling another does not compile. No validation library here.
 */
import browser from 'webextension-polyfill';
import type { Caller, WorkerMethodFrom, WorkerMethods } from './worker';
import type { ContentMethods } from './content';
import { CallError, unwrap, type Failure, type Reply } from './reply';

/** `[args]`, or `[args?]` when the method takes nothing. */
type ArgsParam<A> = Record<string, never> extends A ? [args?: A] : [args: A];

async function sendToWorker(method: string, args: object | undefined): Promise<unknown> {
  return browser.runtime.sendMessage({ ...args, type: method });
}

function makeCaller<C extends Caller>() {
  /** Call a worker method; resolves to its result, throws `CallError`. */
  async function call<M extends WorkerMethodFrom<C>>(method: M, ...args: ArgsParam<WorkerMethods[M]['args']>): Promise<WorkerMethods[M]['result']> {
    let reply: unknown;
    try {
      reply = await sendToWorker(method, args[0]);
    } catch (e) {
      throw new CallError(e instanceof Error ? e.message : String(e), 'unreachable');
    }
    return unwrap(reply as Reply<WorkerMethods[M]['result']> | undefined, 'the background worker');
  }
  /** Call a worker method; resolves to the reply (success or failure), never throws. */
  async function request<M extends WorkerMethodFrom<C>>(method: M, ...args: ArgsParam<WorkerMethods[M]['args']>): Promise<Reply<WorkerMethods[M]['result']>> {
    try {
      return await call(method, ...args).then((r) => ({ ok: true as const, ...r }));
    } catch (e) {
      const err = e instanceof CallError ? e : new CallError(String(e), 'failed');
      return { ok: false, error: err.message, ...(err.problems.length ? { problems: err.problems } : {}) } satisfies Failure;
    }
  }
  return { call, request };
}

/** For extension pages (popup, options, library). */
export const { call: callWorker, request: requestWorker } = makeCaller<'extension'>();
/** For content scripts. */
export const { call: callWorkerFromContent, request: requestWorkerFromContent } = makeCaller<'content'>();

/** Call a method of the content script in `tabId` (top frame unless `frameId` says otherwise). */
export async function callContent<M extends keyof ContentMethods>(
  tabId: number,
  method: M,
  args: ContentMethods[M]['args'],
  opts: { frameId?: number } = {},
): Promise<ContentMethods[M]['result']> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { ...args, type: method }, opts.frameId !== undefined ? { frameId: opts.frameId } : undefined);
  } catch (e) {
    throw new CallError(e instanceof Error ? e.message : String(e), 'unreachable');
  }
  return unwrap(reply as Reply<ContentMethods[M]['result']> | undefined, 'the page');
}

/** The same, resolving to the reply instead of throwing. */
export async function requestContent<M extends keyof ContentMethods>(
  tabId: number,
  method: M,
  args: ContentMethods[M]['args'],
  opts: { frameId?: number } = {},
): Promise<Reply<ContentMethods[M]['result']>> {
  try {
    return { ok: true as const, ...(await callContent(tabId, method, args, opts)) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
