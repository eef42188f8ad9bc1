/**
 * Re-anchoring fixtures (test support for tests/unit/anchoring-fixtures.test.ts and
 * bench/anchoring.ts; Node only: reads the fixture HTML from disk and parses it with
 * linkedom). Each highlight in `tests/fixtures/anchoring/highlights.ts` is described on the original article,
 * then re-anchored on variants of the page built by DOM edits:
 *
 * - unchanged
 * - inserted-before: two paragraphs added at the top of the article, one right before the quote's block
 * - edited-inside: 1–3 words of the quote replaced (quotes of 2+ words)
 * - edited-around: one word replaced in the context before the quote and one after it
 * - ads-comments: ad blocks between paragraphs (also right before/after the quote's block) and a
 *   comment section appended, one comment repeating the quote verbatim (quotes ≤ 120 chars)
 * - markup: white space re-indented, <b> and <a> added inside the quote, the quote's paragraph
 *   split at a sentence boundary, the two paragraphs after it merged
 * - late-content: the article body is missing when anchoring starts and appended later
 *   (`anchorWithRetry` with a fake notifier); must fail first, then succeed
 * - combined: inserted-before + one word edited + ads + re-indented white space + <b>
 * - removed: the sentence(s) holding the quote deleted → must come back orphan (only counted
 *   when the quote no longer occurs anywhere on the page)
 *
 * While editing, the expected place of the (edited) quote is tracked as DOM positions, so
 * success is judged on the words themselves: the anchored clean text equals the expected
 * clean text, or the two spans overlap by ≥ 80 % (intersection over union).
 */
export { PLACEMENT_VARIANTS, type PlacementVariant, type Variant, type Trial, type VariantSummary, type FixtureReport } from './report';
export { fixtureHtml, describeSpec } from './setup';
export { runAnchoringFixtures } from './run';
