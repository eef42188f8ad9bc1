/** The contract at run time: serve (parsing, sender checks, seeding once, replies), the content script's checks, the limits. */
import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { serveWorker, type WorkerHandlers } from './serve';
import { HandlerFailure, unwrap, CallError } from './reply';
import { WORKER_METHODS, type WorkerMethod } from './worker';
import { parseContentMessage } from './content';
import { parseContentMessageStrict, WORKER_ARG_SCHEMAS } from './schemas';
import { capPageReport, PAGE_LIMITS } from './limits';
import { PageReportSchema, type PageReport } from '../messages';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const content = { id: EXT, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 };
const popup = { id: EXT, url: `${ORIGIN}src/popup/index.html` };
const page: PageReport = {
  stage: 'full', url: 'https://example.org/a', title: 't', titleDerived: false, siteName: null, byline: null,
  published: null, lang: 'en', dir: 'ltr', canonicalUrl: null, section: null, isArticle: true, wordCount: 3, text: 'a b c',
  verdict: { topicId: 'islamic-state', topicLabel: 'the Islamic State', score: 0.9, onTopic: true, reason: 'r', evidence: [], lang: 'en' },
};

/** Every handler echoes its method and arguments (and the tab for content methods). */
function echoHandlers(calls: string[]): WorkerHandlers {
  return new Proxy({}, {
    get: (_t, method: string) => async (args: unknown, ctx: { tabId: number }) => {
      calls.push(method);
      if (method === 'packs/import') throw new HandlerFailure('The pack was not imported: $.id: missing', [{ path: '$.id', message: 'missing' }]);
      if (method === 'report/delete') throw new Error('only reports you saved can be deleted');
      return { method, args, tabId: ctx.tabId };
    },
  }) as WorkerHandlers;
}

describe('serveWorker', () => {
  const setup = () => {
    const calls: string[] = [];
    const seed = vi.fn(async () => undefined);
    const listener = serveWorker(echoHandlers(calls), { extensionId: EXT, extensionOrigin: ORIGIN, seed });
    return { calls, seed, listener };
  };

  it('parses, checks the sender, seeds the methods that need the store, and replies with the result', async () => {
    const { calls, seed, listener } = setup();
    const r = await listener({ type: 'page/analysed', page, extra: 'dropped' }, content);
    expect(r).toEqual({ ok: true, method: 'page/analysed', args: { page }, tabId: 3 });
    expect(seed).toHaveBeenCalledTimes(1);
    await listener({ type: 'highlights/for-page' }, content);
    expect(seed).toHaveBeenCalledTimes(1); // highlights do not wait for the default pack
    expect(await listener({ type: 'popup/get-state', tabId: 3 }, popup)).toMatchObject({ ok: true, args: { tabId: 3 } });
    expect(seed).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['page/analysed', 'highlights/for-page', 'popup/get-state']);
  });

  it('refuses callers a method does not allow, before any handler or seeding runs', async () => {
    const { calls, seed, listener } = setup();
    expect(await listener({ type: 'page/analysed', page }, popup)).toEqual({ ok: false, error: 'refused: page data must come from a tab' });
    expect(await listener({ type: 'popup/get-state', tabId: 3 }, content)).toEqual({ ok: false, error: 'refused: only extension pages may send this message' });
    expect(await listener({ type: 'library/data' }, content)).toMatchObject({ ok: false, error: /^refused/ });
    expect(await listener({ type: 'packs/export' }, { ...popup, id: 'another-extension' })).toMatchObject({ ok: false, error: /not this extension/ });
    expect(await listener({ type: 'highlights/save' }, { ...content, frameId: 2 })).toMatchObject({ ok: false, error: /invalid message/ });
    expect(calls).toEqual([]);
    expect(seed).not.toHaveBeenCalled();
  });

  it('rejects malformed messages with the path of the first problem', async () => {
    const { calls, listener } = setup();
    for (const bad of [null, 'page/analysed', { type: 'nope' }, { type: 'page/analysed' }, { type: 'popup/get-state', tabId: -1 }]) {
      expect(await listener(bad, content)).toMatchObject({ ok: false, error: /^invalid message/ });
    }
    const long = await listener({ type: 'page/analysed', page: { ...page, url: 'https://a.example/?' + 'q'.repeat(5_000) } }, content);
    expect(long).toMatchObject({ ok: false, error: /at page\.url/ });
    expect(calls).toEqual([]);
  });

  it('turns a handler failure into a failed reply (with problems), and unwrap into a CallError', async () => {
    const { listener } = setup();
    const r = await listener({ type: 'packs/import', text: '{}' }, popup);
    expect(r).toEqual({ ok: false, error: 'The pack was not imported: $.id: missing', problems: [{ path: '$.id', message: 'missing' }] });
    const err = (() => { try { unwrap<object>(r, 'the worker'); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(CallError);
    expect(err).toMatchObject({ kind: 'failed', problems: [{ path: '$.id' }] });
    expect(await listener({ type: 'report/delete', reportId: 'x' }, popup)).toEqual({ ok: false, error: 'only reports you saved can be deleted' });
    expect(() => unwrap({ ok: false, error: 'refused: x' }, 'w')).toThrow(expect.objectContaining({ kind: 'refused' }));
    expect(() => unwrap(undefined, 'the worker')).toThrow(/No answer from the worker/);
  });

  it('has a schema and a caller for every method, and every caller is content or extension', () => {
    expect(Object.keys(WORKER_ARG_SCHEMAS).sort()).toEqual(Object.keys(WORKER_METHODS).sort());
    for (const m of Object.keys(WORKER_METHODS) as WorkerMethod[]) expect(['content', 'extension']).toContain(WORKER_METHODS[m].from);
  });
});

describe("the content script's hand-written checks", () => {
  const samples: unknown[] = [
    { type: 'content/get-state' }, { type: 'content/get-state', wait: true }, { type: 'content/get-state', wait: 'yes' },
    { type: 'content/analyse-now' }, { type: 'content/save-selection' }, { type: 'content/highlights-refresh' },
    { type: 'content/show-marks', on: true, items: [{ kind: 'anonymous', quote: 'officials said' }] },
    { type: 'content/show-marks', on: false, items: [] },
    { type: 'content/show-marks', on: 'yes', items: [] },
    { type: 'content/show-marks', on: true },
    { type: 'content/show-marks', on: true, items: [{ kind: 'rumour', quote: 'x' }] },
    { type: 'content/show-marks', on: true, items: [{ kind: 'outlet', quote: 'x'.repeat(2_001) }] },
    { type: 'content/show-marks', on: true, items: Array.from({ length: 201 }, () => ({ kind: 'outlet', quote: 'x' })) },
    { type: 'content/show-marks', on: true, items: [null] },
    { type: 'content/wipe' }, { type: 7 }, null, 'content/get-state', [],
  ];
  it('accept and reject exactly what the valibot schemas do, with the same arguments', () => {
    for (const m of samples) {
      const hand = parseContentMessage(m);
      const strict = parseContentMessageStrict(m);
      expect('error' in hand, JSON.stringify(m).slice(0, 80)).toBe(!strict.ok);
      if (strict.ok && !('error' in hand)) expect(hand).toEqual(strict.value);
    }
  });
});

describe('limits', () => {
  it('capPageReport cuts a 10,000-character address (and every other field) to what the worker accepts', () => {
    const long = 'https://news.example/story?' + 'q=x&'.repeat(2_500);
    expect(long.length).toBeGreaterThan(10_000);
    expect(v.safeParse(PageReportSchema, { ...page, url: long }).success).toBe(false);
    const capped = capPageReport({
      ...page, url: long, title: 't'.repeat(5_000), text: 'w '.repeat(40_000), canonicalUrl: long, quickReason: 'r'.repeat(300),
      verdict: { ...page.verdict, reason: 'r'.repeat(2_000), evidence: Array.from({ length: 150 }, () => ({ term: 'x'.repeat(300), kind: 'name' as const, where: 'body' as const, count: 1, positions: Array.from({ length: 80 }, (_, i) => i) })) },
    });
    expect(capped.url).toBe(long.slice(0, PAGE_LIMITS.url));
    expect(capped.text.length).toBe(PAGE_LIMITS.text);
    expect(v.safeParse(PageReportSchema, capped).success).toBe(true);
    // A report already within the limits is unchanged.
    expect(capPageReport(page)).toEqual(page);
  });
});
