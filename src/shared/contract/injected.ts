/**
 * The content-script parts the worker injects on demand (`page/inject`), by name. Only the
 * small boot script (src/content/index.ts) is loaded on every page; the full analyser and
 * the page tools (highlights, sourcing marks) are injected into a tab's top frame with
 * `scripting.executeScript` when that page needs them. Injected files need no
 * web-accessible resources, so a page still cannot detect the extension (issue #15).
 * Read by the worker (which file to inject); vite.config.ts builds the same entries
 * (injected-parts.json) under the same names.
 */
import sources from './injected-parts.json';

export const INJECTED_PARTS = ['analyser', 'tools'] as const;
export type InjectedPart = (typeof INJECTED_PARTS)[number];

/** Each part's entry module. */
export const INJECTED_SOURCES: { readonly [P in InjectedPart]: string } = sources;

/** src/content/index.ts → content/src-content-index.js (the built name keeps the source path; = vite.config.ts). */
export function builtContentName(src: string): string {
  return `content/${src.replace(/\.ts$/, '.js').replace(/\//g, '-')}`;
}

/** The built file of a part, as `scripting.executeScript` takes it. */
export function injectedFile(part: InjectedPart): string {
  return builtContentName(INJECTED_SOURCES[part]);
}
