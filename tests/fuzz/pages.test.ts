/**
 * Short fuzz of extraction, detection and sourcing (`npm run fuzz` is the long run):
 * generated pages, random strings, and text straight into detection and sourcing. No call
 * may throw, break a property of its result, or stay over 50 ms (after re-runs).
 */
import { describe, expect, it } from 'vitest';
import { htmlGenerated, htmlRandom, textDirect } from './lib/groups';
import { shortRun } from './lib/short-run';

describe('fuzz: pages and texts', () => {
  it('generated pages: parseHtml, extractArticle, quick pass, detectTopic, analyzeSourcing, analyzeHtml', async () => {
    const r = await shortRun(htmlGenerated, 200);
    expect(r.cases).toBe(200);
    expect(r.unknown).toEqual([]);
  });

  it('random strings and tag soup', async () => {
    const r = await shortRun(htmlRandom, 300);
    expect(r.unknown).toEqual([]);
  });

  it('text straight into detectTopic, quickCheck, analyzeSourcing, extractClaims', async () => {
    const r = await shortRun(textDirect, 120);
    expect(r.unknown).toEqual([]);
  });
});
