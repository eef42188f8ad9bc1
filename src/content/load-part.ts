/**
 * The boot script's side of on-demand parts: ask the worker to inject a part into this
 * page (`page/inject`), then pick up what the part registered (parts.ts). Each part is
 * asked for once per page; a failed request (worker restarting) is retried, then reported.
 */
import { callWorkerFromContent } from '../shared/contract/call';
import type { InjectedPart } from '../shared/contract/injected';
import { partIfLoaded, type PartApis } from './parts';

const pending = new Map<InjectedPart, Promise<unknown>>();
const ATTEMPTS = 3;

async function inject<P extends InjectedPart>(part: P): Promise<PartApis[P]> {
  let last: unknown = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await callWorkerFromContent('page/inject', { part });
      const api = partIfLoaded(part);
      if (api) return api;
      last = new Error(`the ${part} was injected but did not register`);
    } catch (e) {
      last = e; // worker stopped mid-message or restarting: a new one starts on the next message
    }
    await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
  throw last;
}

/** The part's API, injecting it first if this page does not have it yet. */
export function loadPart<P extends InjectedPart>(part: P): Promise<PartApis[P]> {
  const have = partIfLoaded(part);
  if (have) return Promise.resolve(have);
  let p = pending.get(part) as Promise<PartApis[P]> | undefined;
  if (!p) {
    p = inject(part);
    pending.set(part, p);
    p.catch(() => pending.delete(part));
  }
  return p;
}
