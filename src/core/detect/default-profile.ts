/**
 * The built-in profile (Islamic State, profiles/islamic-state.json). Compiled at build time
 * (scripts/gen-profile.ts): loading it only wraps regex sources, the scanners on first use.
 * Its own module, so that the content script's analyser does not load the profile compiler.
 */
import type { CompiledProfile } from './profile';
import { hydrateProfile } from './profile-data';
import { PROFILE_DATA } from './profile.generated';
import { QUICK_TERMS } from './quick-terms.generated';

export const DEFAULT_PROFILE: CompiledProfile = hydrateProfile(PROFILE_DATA, QUICK_TERMS);
