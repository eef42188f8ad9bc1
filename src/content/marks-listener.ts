/**
 * Answers the popup's "mark the sources on the page" switch. The marking code (anchoring,
 * drawing, legend) is imported only when the user turns marks on.
 */
import browser from 'webextension-polyfill';

const KINDS = new Set(['named-person', 'anonymous', 'organisation', 'group-media', 'outlet', 'document', 'unattributed']);
const MAX_ITEMS = 200;
const MAX_QUOTE = 2_000;

type MarksRequest = { type: 'content/show-marks'; on: boolean; items: { kind: 'named-person' | 'anonymous' | 'organisation' | 'group-media' | 'outlet' | 'document' | 'unattributed'; quote: string }[] };

/** Hand-written shape check (the validation library stays out of every page). */
export function parseMarksRequest(message: unknown): MarksRequest | null {
  if (!message || typeof message !== 'object') return null;
  const m = message as { type?: unknown; on?: unknown; items?: unknown };
  if (m.type !== 'content/show-marks' || typeof m.on !== 'boolean' || !Array.isArray(m.items) || m.items.length > MAX_ITEMS) return null;
  for (const it of m.items) {
    if (!it || typeof it !== 'object') return null;
    const { kind, quote } = it as { kind?: unknown; quote?: unknown };
    if (typeof kind !== 'string' || !KINDS.has(kind) || typeof quote !== 'string' || quote.length > MAX_QUOTE) return null;
  }
  return m as MarksRequest;
}

export function listenForMarks(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if ((message as { type?: unknown } | null)?.type !== 'content/show-marks') return undefined; // not ours: let the other listener answer
    const req = parseMarksRequest(message);
    if (!req) return Promise.resolve({ ok: false, error: 'invalid message: content/show-marks' });
    return import('./sourcing-marks')
      .then(async (mod) => {
        if (!req.on) {
          mod.clearMarks();
          return { ok: true, placed: 0, total: 0 };
        }
        const r = await mod.showMarks(req.items);
        return { ok: true, ...r };
      })
      .catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  });
}
