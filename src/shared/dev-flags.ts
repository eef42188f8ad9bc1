/**
 * Developer switches kept in storage.local, set only by the tests and benchmarks (never by the
 * product's own UI), read by the content script.
 */

/**
 * When true, the content script records its timings as performance measures
 * ("provenance:quick", "provenance:full", …) on the page's timeline, where the benchmarks
 * read them. Off by default: the page's own scripts see that timeline, and a measure named
 * after us would tell any site that its reader runs Provenance.
 */
export const DEV_MEASURES_KEY = 'dev:measures';
