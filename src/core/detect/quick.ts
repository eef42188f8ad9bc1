/**
 * Cheap first pass, run on every page before any extraction: one precompiled regex
 * (every name and related term of the profile, all languages, case-insensitive) over
 * the title, the meta text and a bounded slice of visible text. It is recall-oriented:
 * anything the full detector could call on-topic must pass, so it lets through every
 * page that names the topic anywhere in what it sees, and pages dense in related
 * vocabulary (the name may come later in a long article).
 */
import type { QuickCheckResult, QuickInput } from '../types';
import { foldForMatching } from '../text/normalize';
import type { CompiledProfile } from './profile';

/** Characters of the text slice that are looked at (the caller may pass more). */
export const QUICK_SLICE_CHARS = 4000;
/** Related-vocabulary weight in the slice that makes a page worth a full look without a name. */
export const QUICK_VOCAB_WEIGHT = 2;

export function quickCheck(input: QuickInput, profile: CompiledProfile): QuickCheckResult {
  const re = profile.quick.re;
  const groups = profile.quick.groupTerms;
  let names = 0;
  let hits = 0;
  let vocab = 0;
  const slice = input.textSlice.length > QUICK_SLICE_CHARS ? input.textSlice.slice(0, QUICK_SLICE_CHARS) : input.textSlice;
  const parts = [input.title, input.meta, slice];
  for (let p = 0; p < 3; p++) {
    const raw = parts[p];
    if (!raw) continue;
    const s = foldForMatching(raw, false).text;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const term = profile.terms[groups[g - 1]];
      hits++;
      if (term.kind === 'name') {
        names++;
        break; // one name is enough for this part
      }
      vocab += term.weight;
    }
    if (names) break;
  }
  if (names) return { worth: true, reason: 'topic-named', hits };
  if (vocab >= QUICK_VOCAB_WEIGHT && (input.articleSignals > 0 || slice.length >= 1500)) {
    return { worth: true, reason: 'related-terms', hits };
  }
  if (vocab >= QUICK_VOCAB_WEIGHT) return { worth: false, reason: 'not-article', hits };
  return { worth: false, reason: hits ? 'too-few-topic-terms' : 'no-topic-terms', hits };
}
