/**
 * The boot content script, the only one loaded on every page (kept small: its compile and
 * evaluation are paid on every page). At document_idle it does almost nothing: one idle
 * callback runs the cheap first pass (bounded reads, one folding pass and substring
 * searches). Only pages that pass wake the worker, which injects the full analyser
 * (analyser.ts: extraction, detection) into the page; it runs in later idle slices.
 * Highlights and sourcing marks are injected the same way, when a page needs them.
 * Time spent is recorded as performance measures named "provenance:*", only when the developer
 * switch is on (dev-measures.ts: the page's own scripts can read that timeline).
 */
// Only the first pass is loaded up front: pre-folded terms, no profile, no detector, no validation library, no i18n.
import { quickScan } from '../core/detect/quick-scan';
import { QUICK_TERMS } from '../core/detect/quick-terms.generated';
import type { TopicVerdict } from '../core/types';
import type { PageReport } from '../shared/messages';
import { readQuickInput } from '../core/extract/quick-input';
import { capPageReport, PAGE_LIMITS } from '../shared/contract/limits';
import browser from 'webextension-polyfill';
import { callWorkerFromContent } from '../shared/contract/call';
import { serveContent } from '../shared/contract/serve-content';
import { showMarks } from './marks-listener';
import { bootHighlights, highlightHandlers } from './highlights-boot'; // highlights (issue #6)
import { loadPart } from './load-part';
import { devMeasure, readDevMeasures } from './dev-measures';
import { DEV_MEASURES_KEY } from '../shared/dev-flags';
import { pageKey } from '../shared/highlight-colors';

let last: PageReport | null = null;
/** A first pass's report, built when first asked for (most pages are never asked). */
let lastQuick: (() => PageReport) | null = null;

/** The last analysis, the first pass's report built now if it was not yet. */
function current(): PageReport | null {
  if (lastQuick) {
    last = lastQuick();
    lastQuick = null;
  }
  return last;
}
let busy = false;
/** The analysis under way, if any (`content/get-state` with `wait` answers when it ends). */
let running: Promise<PageReport | null> | null = null;

function idle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1500 });
  else setTimeout(fn, 1);
}

function offVerdict(reason: string): TopicVerdict {
  return { topicId: QUICK_TERMS.id, topicLabel: QUICK_TERMS.label, score: 0, onTopic: false, reason, evidence: [], lang: null };
}

/** A first-pass report's reason, worded in the reader's language when it is first asked for. */
function withQuickReason(page: PageReport | null): PageReport | null {
  if (page?.stage !== 'quick' || page.verdict.reason) return page;
  const key = page.quickReason === 'not-article' ? 'quick_not_article' : 'quick_not_named';
  last = { ...page, verdict: { ...page.verdict, reason: browser.i18n.getMessage(key) || key } };
  return last;
}

function quickPass(): boolean {
  const t0 = performance.now();
  const input = readQuickInput(document);
  const q = quickScan(input, QUICK_TERMS);
  if (!q.worth) {
    // The report is built when asked for (`current`): only the page's address is read now.
    // (The input itself is not kept: it holds a reader of the page's paragraphs.)
    const url = location.href;
    const title = input.title;
    const lang = input.lang;
    const isArticle = input.articleSignals >= 2;
    lastQuick = () =>
      capPageReport<PageReport>({
        stage: 'quick', url, title, titleDerived: false, siteName: null, byline: null,
        published: null, lang, dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr', canonicalUrl: null,
        section: null, isArticle, wordCount: 0, text: '',
        // The reason is worded when the popup asks (`withQuickReason`): a page's first message lookup
        // loads the locale's catalogue (~7 ms), too dear for every page.
        verdict: offVerdict(''),
        quickReason: q.reason,
      });
  }
  devMeasure('provenance:quick', t0);
  return q.worth;
}

/**
 * Send the analysis to the worker. If the worker was stopped while handling it (the
 * message port closes) or is restarting, send again: a new worker starts on the message.
 */
async function report(page: PageReport): Promise<void> {
  for (let attempt = 0; attempt < REPORT_ATTEMPTS; attempt++) {
    try {
      await callWorkerFromContent('page/analysed', { page });
      return;
    } catch {
      // Worker stopped mid-message, or the extension is reloading (or it refused: tried again, then given up).
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
}
const REPORT_ATTEMPTS = 4;

function run(force: boolean): Promise<PageReport | null> {
  return (running = new Promise((resolve) => {
    busy = true;
    const done = () => {
      busy = false;
      running = null;
      resolve(current());
    };
    const fail = (what: string) => (e: unknown) => {
      console.debug(`Provenance: ${what}`, e);
      done();
    };
    idle(() => {
      const worth = force || quickPass();
      if (!worth) return done();
      // The extraction code (Readability and the detector) is injected by the worker only into
      // pages that pass, and runs in two idle slices: extraction, then detection.
      // "provenance:full" records their summed duration (from the start of the first); each
      // slice has its own measure (the injection itself is outside them).
      loadPart('analyser')
        .then((mod) =>
          idle(() => {
            const t1 = performance.now();
            let article: ReturnType<typeof mod.extractPage>;
            try {
              article = mod.extractPage(PAGE_LIMITS.text);
            } catch (e) {
              return fail('analysis failed')(e);
            }
            const extractMs = performance.now() - t1;
            devMeasure('provenance:full:extract', t1);
            idle(() => {
              const t2 = performance.now();
              try {
                last = mod.reportPage(article);
                lastQuick = null; // (an earlier first pass's report is replaced)
                if (force) last = { ...last, requested: true };
              } catch (e) {
                return fail('analysis failed')(e);
              }
              const detectMs = performance.now() - t2;
              devMeasure('provenance:full:detect', t2);
              devMeasure('provenance:full', t1, t1 + extractMs + detectMs);
              void report(last);
              done();
            });
          }),
        )
        .catch(fail('could not load the analyser'));
    });
  }));
}

/**
 * Start once the page has settled: its load event (or at once if it already fired) and a
 * short pause, at most MAX_WAIT_MS after this script ran. Right after document_idle the
 * renderer is still laying out, painting and decoding the page; the first pass run then took
 * ~1 ms more of wall time (measured side by side: median 4.5 → 3.3 ms with a 150 ms pause;
 * the old single 260 kB script delayed it by its own 20–30 ms of compiling).
 */
const SETTLE_MS = 150;
const MAX_WAIT_MS = 3_000;
function whenSettled(fn: () => void): void {
  let started = false;
  const once = () => {
    if (!started) (started = true), fn();
  };
  const settle = () => setTimeout(once, SETTLE_MS);
  if (document.readyState === 'complete') settle();
  else window.addEventListener('load', settle, { once: true });
  setTimeout(once, MAX_WAIT_MS);
}

const isHtml = document.contentType === 'text/html' || document.contentType === 'application/xhtml+xml';
if (isHtml) {
  whenSettled(() => {
    // The popup may have asked for the analysis meanwhile (content/analyse-now).
    if (!running && !current()) void run(false);
  });
}

// One storage.local read at load for all the boot script needs: whether this page has
// highlights (highlights-boot.ts) and the developer switch for timings (dev-measures.ts).
const stored: Promise<Record<string, unknown>> = browser.storage.local.get([pageKey(location.href), DEV_MEASURES_KEY]);
readDevMeasures(stored);
bootHighlights(stored);

// The content script's side of the contract (shared/contract/content.ts): one listener for every method.
serveContent({
  'content/get-state': async ({ wait }) => {
    // Asked before the page settled: run the first pass now rather than answer "nothing yet".
    if (wait && !running && !current() && isHtml) void run(false);
    if (wait && running) await running;
    return { page: withQuickReason(current()), busy };
  },
  'content/analyse-now': async () => ({ page: await run(true), busy: false }),
  'content/show-marks': showMarks,
  ...highlightHandlers,
});
