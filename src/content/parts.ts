/**
 * Where an injected part hands itself to the boot script. The boot script and the files the
 * worker injects run in the same isolated world (Chromium) or content-script sandbox
 * (Firefox), so they share its global object; the page's own scripts do not. The registry
 * sits under a registered symbol, so no element id or name in the page can shadow it.
 */
import type { InjectedPart } from '../shared/contract/injected';
import type * as FullPass from './full-pass';
import type * as HighlightsPage from './highlights-page';
import type * as SourcingMarks from './sourcing-marks';

/** What the analyser (analyser.ts) hands over: the full pass's two slices. */
export interface AnalyserPart {
  extractPage: typeof FullPass.extractPage;
  reportPage: typeof FullPass.reportPage;
}

/** What the page tools (page-tools.ts) hand over: highlights on the page, and the sourcing marks. */
export interface ToolsPart {
  highlights: typeof HighlightsPage;
  marks: typeof SourcingMarks;
}

export interface PartApis {
  analyser: AnalyserPart;
  tools: ToolsPart;
}

const KEY = Symbol.for('provenance.parts');

function registry(): Partial<PartApis> {
  const g = globalThis as unknown as Record<symbol, Partial<PartApis> | undefined>;
  return (g[KEY] ??= {});
}

/** Called by an injected part when it has run. */
export function registerPart<P extends InjectedPart>(part: P, api: PartApis[P]): void {
  registry()[part] = api;
}

/** The part, if it was injected into this page. */
export function partIfLoaded<P extends InjectedPart>(part: P): PartApis[P] | undefined {
  return registry()[part];
}
