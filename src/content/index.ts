/**
 * Content script. At document_idle it does almost nothing: one idle callback runs the
 * cheap first pass (bounded reads, one regex scan). Only pages that pass get the full
 * extraction + detection, in a later idle slice, and only then is the worker woken.
 * Time spent is recorded as performance measures named "provenance:*".
 */
import browser from 'webextension-polyfill';
import { DEFAULT_PROFILE, quickCheck } from '../core/detect';
import type { TopicVerdict } from '../core/types';
import { parseContentRequest, type ContentResponse, type PageReport } from '../shared/messages';
import { readQuickInput } from '../core/extract/quick-input';

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
  return { topicId: DEFAULT_PROFILE.id, topicLabel: DEFAULT_PROFILE.label, score: 0, onTopic: false, reason, evidence: [], lang: null };
}

function quickPass(): boolean {
  const t0 = performance.now();
  const input = readQuickInput(document);
  const q = quickCheck(input, DEFAULT_PROFILE);
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

async function report(page: PageReport): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'page/analysed', page });
  } catch {
    // Worker unavailable (extension reloading): the popup can ask again.
  }
}

function run(force: boolean): Promise<PageReport | null> {
  return new Promise((resolve) => {
    busy = true;
    idle(() => {
      const worth = force || quickPass();
      if (!worth) {
        busy = false;
        resolve(last);
        return;
      }
      // The extraction code (Readability and the detector) is loaded only for pages that pass.
      import('./full-pass')
        .then(
          (mod) =>
            new Promise<void>((done) =>
              idle(() => {
                try {
                  last = mod.fullPass(TEXT_FOR_WORKER, measure);
                  void report(last);
                } catch (e) {
                  console.debug('Provenance: analysis failed', e);
                }
                done();
              }),
            ),
        )
        .catch((e: unknown) => console.debug('Provenance: could not load the analyser', e))
        .finally(() => {
          busy = false;
          resolve(last);
        });
    });
  });
}

if (document.contentType === 'text/html' || document.contentType === 'application/xhtml+xml') {
  void run(false);
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = parseContentRequest(message);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error } satisfies ContentResponse);
  if (parsed.value.type === 'content/get-state') return Promise.resolve({ ok: true, page: last, busy } satisfies ContentResponse);
  return run(true).then((page): ContentResponse => ({ ok: true, page, busy: false }));
});
