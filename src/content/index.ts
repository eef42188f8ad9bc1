/**
 * Content script. At document_idle it does almost nothing: one idle callback runs the
 * cheap first pass (bounded reads, one folding pass and substring searches). Only pages
 * that pass get the full extraction and detection, in later idle slices, and only then is
 * the worker woken.
 * Time spent is recorded as performance measures named "provenance:*".
 */
import browser from 'webextension-polyfill';
// Only the first pass is loaded up front: pre-folded terms, no profile, no detector, no validation library.
import { quickScan } from '../core/detect/quick-scan';
import { QUICK_TERMS } from '../core/detect/quick-terms.generated';
import type { TopicVerdict } from '../core/types';
import type { ContentRequest, ContentResponse, PageReport } from '../shared/messages';
import { readQuickInput } from '../core/extract/quick-input';
import { listenForMarks } from './marks-listener';
import { bootHighlights, isHighlightMessage } from './highlights-boot'; // highlights (issue #6)

const TEXT_FOR_WORKER = 60_000;
let last: PageReport | null = null;
let busy = false;

function idle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1500 });
  else setTimeout(fn, 1);
}

export function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    /* old browsers */
  }
}

function offVerdict(reason: string): TopicVerdict {
  return { topicId: QUICK_TERMS.id, topicLabel: QUICK_TERMS.label, score: 0, onTopic: false, reason, evidence: [], lang: null };
}

/**
 * The two messages a content script accepts (the same check as `ContentRequestSchema` in
 * shared/messages.ts, written out so that the validation library stays out of every page).
 */
function contentRequest(message: unknown): ContentRequest | null {
  if (!message || typeof message !== 'object') return null;
  const type = (message as { type?: unknown }).type;
  return type === 'content/get-state' || type === 'content/analyse-now' ? { type } : null;
}

function quickPass(): boolean {
  const t0 = performance.now();
  const input = readQuickInput(document);
  const q = quickScan(input, QUICK_TERMS);
  if (!q.worth) {
    last = {
      stage: 'quick', url: location.href, title: input.title, titleDerived: false, siteName: null, byline: null,
      published: null, lang: input.lang, dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr', canonicalUrl: null,
      section: null, isArticle: input.articleSignals >= 2, wordCount: 0, text: '',
      verdict: offVerdict(q.reason === 'not-article' ? 'This page does not look like a news article.' : 'The page does not name the Islamic State in its headline, metadata or opening text.'),
      quickReason: q.reason,
    };
  }
  measure('provenance:quick', t0);
  return q.worth;
}

/**
 * Send the analysis to the worker. If the worker was stopped while handling it (the
 * message port closes) or is restarting, send again: a new worker starts on the message.
 */
async function report(page: PageReport): Promise<void> {
  for (let attempt = 0; attempt < REPORT_ATTEMPTS; attempt++) {
    try {
      const res = (await browser.runtime.sendMessage({ type: 'page/analysed', page })) as { ok?: boolean } | undefined;
      if (res?.ok) return;
    } catch {
      // Worker stopped mid-message, or the extension is reloading.
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
}
const REPORT_ATTEMPTS = 4;

function run(force: boolean): Promise<PageReport | null> {
  return new Promise((resolve) => {
    busy = true;
    const done = () => {
      busy = false;
      resolve(last);
    };
    const fail = (what: string) => (e: unknown) => {
      console.debug(`Provenance: ${what}`, e);
      done();
    };
    idle(() => {
      const worth = force || quickPass();
      if (!worth) return done();
      // The extraction code (Readability and the detector) is loaded only for pages that pass,
      // and runs in two idle slices: extraction, then detection. "provenance:full" records
      // their summed duration (from the start of the first); each slice has its own measure.
      import('./full-pass')
        .then((mod) =>
          idle(() => {
            const t1 = performance.now();
            let article: ReturnType<typeof mod.extractPage>;
            try {
              article = mod.extractPage(TEXT_FOR_WORKER);
            } catch (e) {
              return fail('analysis failed')(e);
            }
            const extractMs = performance.now() - t1;
            measure('provenance:full:extract', t1);
            idle(() => {
              const t2 = performance.now();
              try {
                last = mod.reportPage(article, TEXT_FOR_WORKER);
                if (force) last = { ...last, requested: true };
              } catch (e) {
                return fail('analysis failed')(e);
              }
              const detectMs = performance.now() - t2;
              measure('provenance:full:detect', t2);
              try {
                performance.measure('provenance:full', { start: t1, duration: extractMs + detectMs });
              } catch {
                /* old browsers */
              }
              void report(last);
              done();
            });
          }),
        )
        .catch(fail('could not load the analyser'));
    });
  });
}

if (document.contentType === 'text/html' || document.contentType === 'application/xhtml+xml') {
  void run(false);
}

listenForMarks();
bootHighlights();

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  if ((message as { type?: unknown } | null)?.type === 'content/show-marks') return undefined; // answered by marks-listener
  if (isHighlightMessage(message)) return undefined; // answered by highlights-boot
  const request = contentRequest(message);
  if (!request) return Promise.resolve({ ok: false, error: 'invalid message: expected content/get-state or content/analyse-now' } satisfies ContentResponse);
  if (request.type === 'content/get-state') return Promise.resolve({ ok: true, page: last, busy } satisfies ContentResponse);
  return run(true).then((page): ContentResponse => ({ ok: true, page, busy: false }));
});
