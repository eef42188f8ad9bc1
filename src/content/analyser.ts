/**
 * The full analyser, injected by the worker (`page/inject`, part "analyser") only into pages
 * that pass the first pass or whose reader asks for the analysis: article extraction,
 * topic detection and the report (full-pass.ts). It registers its entry points for the boot
 * script (index.ts), which runs them in idle slices.
 */
import { extractPage, reportPage } from './full-pass';
import { coreTranslator } from '../shared/i18n';
import { setCoreTranslator } from '../core/i18n/translate';
import { registerPart } from './parts';

// The analysis's wording (topic reasons) in the browser's language.
setCoreTranslator(coreTranslator);

registerPart('analyser', { extractPage, reportPage });
