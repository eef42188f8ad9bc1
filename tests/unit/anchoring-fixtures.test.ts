/** The re-anchoring fixture set (tests/fixtures/anchoring) placed on edited variants of its pages: success rates per variant. */
import { describe as suite, expect, it } from 'vitest';
import { HIGHLIGHTS } from '../fixtures/anchoring/highlights';
import { describeSpec, runAnchoringFixtures, type FixtureReport } from '../support/anchoring-fixtures';

let report: FixtureReport | null = null;
async function getReport(): Promise<FixtureReport> {
  report ??= await runAnchoringFixtures();
  return report;
}

suite('anchoring fixtures', () => {
  it('has at least 40 highlights from 3 to 300 characters, with Arabic, emoji and quotes across elements', () => {
    expect(HIGHLIGHTS.length).toBeGreaterThanOrEqual(40);
    const lens = HIGHLIGHTS.map((h) => h.quote.length);
    expect(Math.min(...lens)).toBeLessThanOrEqual(3);
    expect(Math.max(...lens)).toBeGreaterThanOrEqual(250);
    expect(HIGHLIGHTS.filter((h) => h.fixture === 'ar').length).toBeGreaterThanOrEqual(10);
    expect(HIGHLIGHTS.some((h) => /\p{Extended_Pictographic}/u.test(h.quote))).toBe(true);
    // Every spec is found and described as written (throws otherwise).
    for (const h of HIGHLIGHTS) expect(describeSpec(h).quote.exact).toBe(h.quote);
  });

  it('re-anchors on the right words in at least 95 % of the trials, never on wrong words', async () => {
    const r = await getReport();
    expect(r.placementTrials).toBeGreaterThanOrEqual(40 * 7);
    expect(r.successRate).toBeGreaterThanOrEqual(0.95);
    expect(r.wrongPlacements).toBe(0);
  });

  it('places every highlight when the page is unchanged, has paragraphs inserted, ads/comments injected or its markup changed', async () => {
    const r = await getReport();
    for (const v of ['unchanged', 'inserted-before', 'ads-comments', 'markup', 'edited-around'] as const) {
      expect({ v, failures: r.byVariant[v].failures }).toEqual({ v, failures: [] });
    }
  });

  it('late content: fails on the initial DOM, succeeds after the content is appended', async () => {
    const r = await getReport();
    const late = r.trials.filter((t) => t.variant === 'late-content');
    expect(late.length).toBe(HIGHLIGHTS.length);
    expect(late.filter((t) => t.failedFirst).length).toBeGreaterThanOrEqual(HIGHLIGHTS.length - 2); // byline/title are there from the start
    expect(r.byVariant['late-content'].ok).toBe(late.length);
  });

  it('orphans a quote that no longer exists', async () => {
    const r = await getReport();
    expect(r.orphanTrials).toBeGreaterThanOrEqual(30);
    expect(r.orphanCorrect).toBe(r.orphanTrials);
  });
});
