/**
 * Type tests of the contract (compiled by `tsc --noEmit`, which `npm test` runs; not a vitest
 * file). Each `@ts-expect-error` line must be an error: if the contract stopped tying a
 * method's result to its request (say `callWorker` returned `any`), the directive would be
 * unused and the typecheck would fail.
 */
import type { PageReport, StoreStats, TabState } from '../messages';
import type { WorkerHandlers } from './serve';
import type { ContentHandlers } from './serve-content';
import { callContent, callWorker, callWorkerFromContent } from './call';

declare const page: PageReport;

// ---- Receivers: a handler must return its own method's result. ----
export const goodHandler: Pick<WorkerHandlers, 'store/stats'> = {
  'store/stats': async () => ({ stats: { reports: 1, sources: 2, packs: [] } }),
};
export const wrongHandler: Pick<WorkerHandlers, 'popup/get-state'> = {
  // @ts-expect-error 'popup/get-state' answers { state }, not { stats }
  'popup/get-state': async () => ({ stats: { reports: 1, sources: 2, packs: [] } }),
};
export const wrongArgsHandler: Pick<WorkerHandlers, 'packs/check'> = {
  // @ts-expect-error 'packs/check' gets { url }, it has no packId
  'packs/check': async ({ packId }) => ({ subscription: { url: packId } }),
};
export const wrongContentHandler: Pick<ContentHandlers, 'content/highlights-refresh'> = {
  // @ts-expect-error 'content/highlights-refresh' answers { drawn: number }
  'content/highlights-refresh': async () => ({ drawn: 'all' }),
};

// ---- Senders: the result type follows the method; arguments and callers are checked. ----
export async function senders(): Promise<void> {
  const state: TabState = (await callWorker('popup/get-state', { tabId: 1 })).state;
  const stats: StoreStats = (await callWorker('store/stats')).stats;
  void state;
  void stats;

  const res = await callWorker('popup/get-state', { tabId: 1 });
  // @ts-expect-error the reply to 'popup/get-state' has no `stats`
  void res.stats;
  // @ts-expect-error a caller expecting another method's result
  const wrong: { stats: StoreStats } = await callWorker('popup/get-state', { tabId: 1 });
  void wrong;
  // @ts-expect-error wrong argument type
  await callWorker('popup/get-state', { tabId: '1' });
  // @ts-expect-error a required argument missing
  await callWorker('packs/remove');
  // @ts-expect-error a method that does not exist
  await callWorker('store/wipe');
  // @ts-expect-error page data is for content scripts only, not extension pages
  await callWorker('page/analysed', { page });
  // @ts-expect-error extension-page methods are not callable from a content script
  await callWorkerFromContent('popup/get-state', { tabId: 1 });
  await callWorkerFromContent('page/analysed', { page });

  const marks = await callContent(1, 'content/show-marks', { on: true, items: [{ kind: 'anonymous', quote: 'q' }] });
  const placed: number = marks.placed;
  void placed;
  // @ts-expect-error 'content/show-marks' answers { placed, total }, not a page
  const notPage: PageReport | null = (await callContent(1, 'content/show-marks', { on: false, items: [] })).page;
  void notPage;
}
