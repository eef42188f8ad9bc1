/**
 * The worker's side of on-demand content-script parts (contract method `page/inject`): a
 * content script in a tab's top frame asks for a part by name (the contract has already
 * checked the sender and the name, see shared/contract/schemas.ts); the part's built file
 * is injected into that same document with `scripting.executeScript`. Injected files need
 * no web-accessible resources, so pages still cannot detect the extension.
 * The permission: `scripting`, with the host access the content scripts' matches give.
 */
import browser from 'webextension-polyfill';
import { injectedFile, type InjectedPart } from '../shared/contract/injected';

export interface InjectSender {
  tab?: { id?: number };
  frameId?: number;
  /** Chromium (and recent Firefox): the sending document, so a page that has navigated away is not injected. */
  documentId?: string;
}

/** The last injections (tab, part, page address), newest last: for the end-to-end tests. */
export const injectionLog: { tabId: number; part: InjectedPart; url: string; at: number }[] = [];
const LOG_MAX = 100;

export async function injectPart(part: InjectedPart, sender: InjectSender & { url?: string }): Promise<{ injected: true }> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') throw new Error('no tab to inject into');
  const target: browser.Scripting.InjectionTarget =
    typeof sender.documentId === 'string' && sender.documentId
      ? { tabId, documentIds: [sender.documentId] }
      : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({ target, files: [injectedFile(part)] });
  injectionLog.push({ tabId, part, url: sender.url ?? '', at: Date.now() });
  if (injectionLog.length > LOG_MAX) injectionLog.splice(0, injectionLog.length - LOG_MAX);
  return { injected: true };
}
