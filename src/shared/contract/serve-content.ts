/**
 * The content script's one message listener: `serveContent(handlers)` checks the sender
 * (this extension only), checks the arguments by the contract's hand-written checks and
 * turns the handler's result or exception into the reply. No validation library here.
 */
import browser from 'webextension-polyfill';
import { parseContentMessage, type ContentMethods } from './content';
import { failureOf, type Reply } from './reply';

export type ContentHandlers = {
  [M in keyof ContentMethods]: (args: ContentMethods[M]['args']) => Promise<ContentMethods[M]['result']>;
};

export type ContentReply = Reply<ContentMethods[keyof ContentMethods]['result']>;

/** The listener, for tests; `serveContent` installs it. */
export function contentListener(handlers: ContentHandlers, extensionId: string) {
  return (message: unknown, sender: { id?: string }): Promise<ContentReply> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const parsed = parseContentMessage(message);
    if ('error' in parsed) return Promise.resolve({ ok: false, error: parsed.error });
    const { method, args } = parsed;
    const handler = handlers[method] as (a: typeof args) => Promise<object>;
    return handler(args).then(
      (result) => ({ ok: true, ...result }) as ContentReply,
      (e: unknown) => failureOf(e),
    );
  };
}

export function serveContent(handlers: ContentHandlers): void {
  browser.runtime.onMessage.addListener(contentListener(handlers, browser.runtime.id));
}
