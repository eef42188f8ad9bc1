/**
 * What the detector is given for an extracted article. One place, so the content
 * script, the CLI and the evaluation feed the detector identically. A title derived
 * from the first sentence (page without a headline) is not a headline: it is left out
 * and the lead carries that sentence.
 */
import type { DetectInput } from './detect';
import type { ExtractedArticle } from './types';

export function detectInput(a: ExtractedArticle): DetectInput {
  return { title: a.titleDerived ? '' : a.title, lead: a.lead, text: a.text, meta: a.description ?? '', lang: a.lang };
}
