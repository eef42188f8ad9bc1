/**
 * The page tools, injected by the worker (`page/inject`, part "tools") when a page needs
 * them: highlights (re-anchoring and drawing saved ones, the selection button, saving) and
 * the sourcing marks the popup turns on. The boot script keeps only the cheap triggers.
 */
import * as highlights from './highlights-page';
import * as marks from './sourcing-marks';
import { registerPart } from './parts';

registerPart('tools', { highlights, marks });
