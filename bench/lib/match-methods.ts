/**
 * The "Corpus" and "Measures" paragraphs of bench:match's section in bench/RESULTS.md, shared
 * by a single run (bench/match.ts) and an A/B comparison (match-compare.ts).
 */
import { EXPANSION } from './match-corpus';
import { QUERY_ARTICLES, REPORTS_PER_PACK } from './match-bench-packs';

/** The corpus and what each figure measures (both modes write it). */
export function methods(importPath: string, POPUP_PAGE: string, POPUP_REPS: number): string {
  let d = '';
  d += `**Corpus.** Reports are generated at run time from the SaudiNewsNet corpus (../shared, Arabic, July–August 2015; nothing of it is stored in the repo; packs cached in bench/_cache): one report per article (title, URL, date, outlet — one profile per newspaper —, lang \`ar\`, a 300-character summary, places and organisations found by a small gazetteer, and the text's fingerprint; \`buildPack\` with includeText false). `;
  d += `Packs hold at most ${REPORTS_PER_PACK.toLocaleString('en-US')} reports (a pack is capped at 50 MiB), so 100k is imported as 10 packs. ${EXPANSION} `;
  d += `${QUERY_ARTICLES} on-topic articles (label \`on\`, chosen by the seed) are held out of every store and serve as queries, with the on-topic demo pages.\n\n`;
  d += `**Measures.** Import: pack text fetched into the worker first, then timed through ${importPath}, summed over the packs. `;
  d += `Storage: \`navigator.storage.estimate()\` usage in the worker, after minus before the import, per report. Heap: \`Runtime.getHeapUsage\` on the worker target (DevTools protocol), right after the import, then after a forced GC, and after the warm queries (forced GC; the worker's shard cache is then full). `;
  d += `Warm: one \`match/related\` message per query from an extension page (round trip timed in the page), after one untimed query; "worker" is the worker's own match timing when it reports one. `;
  d += `Cold: the worker stopped with \`ServiceWorker.stopAllWorkers\`, then the first \`match/related\` (worker start, store open, match). `;
  d += `Popup: a tab shows \`public/demo/${POPUP_PAGE}\`; the popup page is opened for it and timed from its navigation start to the first related item in the DOM (${POPUP_REPS} openings with the worker running; 5 more after stopping the worker, informative). The popup reads the tab's analysis, which the worker stored when the page loaded: matching is not on the popup's path. The machine's two cores are shared with other jobs, so expect noise between runs.\n\n`;
  return d;
}

