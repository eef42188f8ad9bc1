/**
 * Attribution extraction: who each statement of a news text is attributed to.
 *
 * A cue-driven grammar, sentence by sentence (English and French on the raw text, Arabic
 * on folded text):
 * - speech verbs ("said", "told", "explained", "a déclaré", "قال", "أفاد") with the speaker to
 *   their left (SVO: "Local sources confirmed that …", "head of the Nineveh media center
 *   Raafat al-Zarari said …"), to their right after a quotation ("…,” said Zarari", "reconnaît
 *   l'officier") or after the verb in Arabic (VSO: "وقال مصدر أمني …");
 * - "according to X", "selon X", "بحسب X", "وفقا لـ X", "نقلا عن X";
 * - outlets a speaker talked to ("told The Washington Post", "Speaking to ARA News", "لوكالة …")
 *   → `via` on the person and an `outlet` item;
 * - credit lines and datelines ("Originally published on IranWire", "Source: X", "(Reuters) -",
 *   "Middle East News Network: …");
 * - documents ("in a video", "the report said", "في بيان").
 * Short references ("Zarari", "al-Zarari", "Abu Hajer", "the Iraqi analyst", "the source", "he")
 * resolve to the source introduced earlier. Sentences asserting a figure without any source
 * become `unattributed` items (conservative: only figures with a counted noun).
 *
 * Bounded: the text is capped, sentences are capped (see `sentences.ts`), token windows are
 * capped and every pattern is linear.
 *
 * Quotation marks are first given their direction (quote-marks.ts).
 *
 * Modules: extractor-state.ts (drafts, `emit`, `via`) on people.ts (people, anonymous
 * sources, back-references); latin.ts and latin-np.ts (English and French); arabic.ts;
 * finish.ts (drafts → attributions); credit-line.ts (shared with furniture removal);
 * lexicon-en/fr/ar.ts (word lists).
 */

import { arabic } from './arabic';
import { ExtractorState } from './extractor-state';
import { finish } from './finish';
import { HAS_ARABIC } from './grammar';
import { latin } from './latin';
import { linkQuotes } from './quote-link';
import { normaliseQuoteMarks } from './quote-marks';
import type { OutletName } from './outlet-name';
import { splitSentences } from './sentences';
import type { Attribution, AttributionOptions } from './types';

/** Characters of text analysed (the extractor caps article text well below this). */
export const MAX_TEXT = 300_000;
const MAX_SENTENCES = 4000;

/**
 * Attributed statements of `text` (an article body: plain text, paragraphs separated by
 * blank lines), in text order. See the module comment for the grammar.
 */
export function extractAttributions(text: string, opts: AttributionOptions = {}): Attribution[] {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  // Mixed and wrong-way quotation marks read as meant (same offsets); quotes are cut from `t`.
  const norm = normaliseQuoteMarks(t);
  const x = new ExtractorState(norm, opts);
  x.sents = splitSentences(norm).slice(0, MAX_SENTENCES);
  for (x.si = 0; x.si < x.sents.length; x.si++) {
    const s = x.sents[x.si];
    if (HAS_ARABIC.test(s.text)) arabic(x, s);
    else latin(x, s);
  }
  linkQuotes(x);
  const out = finish(x);
  if (norm !== t) for (const a of out) a.quote = t.slice(a.start, a.end);
  return out;
}

export type { OutletName };
