/**
 * Short fuzz on real pages mutated at run time (byte flips, truncation, splices, tag
 * deletion/duplication, attribute scrambling). Skipped when ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { HAS_CORPUS } from './lib/corpus';
import { htmlCorpus } from './lib/groups';
import { shortRun } from './lib/short-run';

describe('fuzz: mutated real pages', () => {
  it.skipIf(!HAS_CORPUS)('extraction, detection and sourcing never throw and stay within budget', async () => {
    const r = await shortRun(htmlCorpus, 60, 3);
    expect(r.cases).toBe(60);
    expect(r.unknown).toEqual([]);
  });
});
