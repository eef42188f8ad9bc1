/**
 * The worker's one entry point for messages: `serveWorker(handlers, options)` gives the
 * `runtime.onMessage` listener that parses every message against the contract's schemas,
 * checks the sender against the method's allowed callers, loads the default pack first
 * for the methods that need it (once, here, not in each handler) and turns the handler's
 * result or exception into the reply. Handlers are typed by the contract: a handler that
 * returns the wrong result does not compile.
 */
import { WORKER_METHODS, type WorkerMethods } from './worker';
import { checkSender, parseWorkerMessage, type SenderLike } from './schemas';
import { failureOf, type Failure, type Reply } from './reply';

/** What a handler learns about the caller. Content-script methods always have a tab. */
export interface CallContext<S extends SenderLike = SenderLike> {
  sender: S;
}
export interface ContentCallContext<S extends SenderLike = SenderLike> extends CallContext<S> {
  tabId: number;
}

export type WorkerHandlers<S extends SenderLike = SenderLike> = {
  [M in keyof WorkerMethods]: (
    args: WorkerMethods[M]['args'],
    ctx: WorkerMethods[M]['from'] extends 'content' ? ContentCallContext<S> : CallContext<S>,
  ) => Promise<WorkerMethods[M]['result']>;
};

export interface ServeOptions {
  extensionId: string;
  /** The extension's own origin, `chrome-extension://<id>/`. */
  extensionOrigin: string;
  /** Resolves when the store holds the default pack (called before methods marked `seed`). */
  seed: () => Promise<void>;
}

/** Any reply the worker sends. */
export type WorkerReply = Reply<WorkerMethods[keyof WorkerMethods]['result']>;

export function serveWorker<S extends SenderLike>(handlers: WorkerHandlers<S>, opts: ServeOptions): (message: unknown, sender: S) => Promise<WorkerReply> {
  return async (message, sender) => {
    const parsed = parseWorkerMessage(message);
    if (!parsed.ok) return { ok: false, error: parsed.error } satisfies Failure;
    const { method, args } = parsed.value;
    const refused = checkSender(method, sender, opts.extensionId, opts.extensionOrigin);
    if (refused) return { ok: false, error: `refused: ${refused}` } satisfies Failure;
    try {
      if (WORKER_METHODS[method].seed) await opts.seed();
      const ctx = { sender, tabId: sender.tab?.id ?? -1 };
      // One call site for every method: the handler table is indexed by the parsed method.
      const handler = handlers[method] as (a: typeof args, c: typeof ctx) => Promise<object>;
      const result = await handler(args, ctx);
      return { ok: true, ...result } as WorkerReply;
    } catch (e) {
      return failureOf(e);
    }
  };
}
