/** Languages and writing direction shared by the analysers. */

/** Languages the sourcing and claims analysers read. */
export const ANALYSIS_LANGS = ['en', 'fr', 'ar'] as const;
export type AnalysisLang = (typeof ANALYSIS_LANGS)[number];

export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];
