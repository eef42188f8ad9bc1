/**
 * Regressions found by the fuzzer (tests/fuzz, `npm run fuzz`): detection once took
 * seconds on short texts with long runs of white space.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, detectTopic, quickCheck } from './index';
import islamicState from './profiles/islamic-state.json';


describe('detection: fuzz regressions', () => {
  // The answers here, a timeout against a hang; the time per call is in `npm run bench:hot-paths` (budget 150 ms).
  it('long runs of white space cost linear time (a lookbehind with [\\s]+ made 30,000 newlines take ~0.8 s)', { timeout: 5_000 }, () => {
    for (const run of ['\n', ' ', '\u00a0']) {
      const text = `ISIS said. ${run.repeat(30_000)}x so-called IS fighters`;
      for (let i = 0; i < 3; i++) {
        const v = detectTopic({ title: 'ISIS', text, lead: '', meta: '', lang: 'en' }, DEFAULT_PROFILE);
        expect(v.evidence.some((e) => e.term === 'IS')).toBe(true);
      }
      expect(quickCheck({ title: '', meta: '', textSlice: text, lang: 'en', articleSignals: 1 }, DEFAULT_PROFILE).worth).toBe(true);
    }
  });

  it('still matches "so-called IS" and "groupe EI" with the bounded lookbehinds', () => {
    const v = detectTopic({ title: '', text: 'Fighters of the so-called  IS held the town for two years, residents said.', lead: '', meta: '', lang: 'en' }, DEFAULT_PROFILE);
    expect(v.evidence.some((e) => e.term === 'IS')).toBe(true);
  });

  it('no lookbehind in the built-in profile repeats without bound (each would scan back over any run at every position)', () => {
    const patterns = JSON.stringify(islamicState).match(/\(\?<[=!](?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)/g) ?? [];
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p, p).not.toMatch(/[+*]|\{\d+,\}/);
  });
});
