/**
 * Writes the build-time forms of the built-in topic profile
 * (src/core/detect/profiles/islamic-state.json):
 *
 * - src/core/detect/quick-terms.generated.ts: the first-pass terms, pre-folded, imported by
 *   the content script instead of the profile;
 * - src/core/detect/profile.generated.ts: the compiled profile as data (regex sources),
 *   which `DEFAULT_PROFILE` hydrates instead of compiling the JSON at run time.
 *
 *   npx tsx scripts/gen-profile.ts [--check]
 *
 * With --check it writes nothing and exits 1 when a committed file is stale
 * (src/core/detect/generated.test.ts checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProfile } from '../src/core/detect/profile';
import { profileData, renderProfileModule } from '../src/core/detect/profile-data';
import { renderQuickTermsModule } from '../src/core/detect/quick-terms';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROFILE = 'src/core/detect/profiles/islamic-state.json';

const profile = compileProfile(JSON.parse(readFileSync(join(ROOT, PROFILE), 'utf8')));
const outputs: [string, string][] = [
  ['src/core/detect/quick-terms.generated.ts', renderQuickTermsModule(profile.quickTerms, PROFILE)],
  ['src/core/detect/profile.generated.ts', renderProfileModule(profileData(profile), PROFILE)],
];
const check = process.argv.includes('--check');
let stale = 0;
for (const [rel, text] of outputs) {
  const file = join(ROOT, rel);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* not written yet */
  }
  if (current === text) {
    console.log(`${rel}: up to date`);
  } else if (check) {
    console.error(`${rel} is stale: run npx tsx scripts/gen-profile.ts`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`${rel}: written (${text.length} characters)`);
  }
}
if (stale) process.exit(1);
