/**
 * Short fuzz of anchoring on linkedom documents: describe → anchor on the unchanged page
 * finds the same words; after DOM edits and with hostile selectors, anchor and anchorAll
 * answer a well-formed result; drawing then removing highlights leaves the text unchanged.
 */
import { describe, expect, it } from 'vitest';
import { anchoring } from './lib/groups';
import { shortRun } from './lib/short-run';

describe('fuzz: anchoring', () => {
  it('describe, anchor, anchorAll, highlightRange/removeHighlights', async () => {
    const r = await shortRun(anchoring, 100);
    expect(r.cases).toBe(100);
    expect(r.unknown).toEqual([]);
  });
});
