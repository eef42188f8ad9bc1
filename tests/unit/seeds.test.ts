import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../src/core/analyze';
import { HAS_SHARED, readSeed, seedFiles, seedPage } from '../lib/shared';

/** The nasdaq.com repost starts straight with its lead: it has no headline. */
const HEADLINELESS = '003_078ca734b3195b27.txt';

describe.skipIf(!HAS_SHARED)('seed reports (read from ../shared at run time)', () => {
  it('every seed, wrapped in a page with furniture, is on-topic', () => {
    for (const f of seedFiles()) {
      const a = analyzeHtml(seedPage(readSeed(f), { headline: f !== HEADLINELESS }));
      expect(a.topic.onTopic, `${f}: ${a.topic.reason}`).toBe(true);
      expect(a.article.text).not.toMatch(/seven \+ two|Leave a comment|Most read/);
    }
  });
  it('the headline-less seed still yields a usable title', () => {
    const a = analyzeHtml(seedPage(readSeed(HEADLINELESS), { headline: false, siteName: 'Nasdaq' }));
    expect(a.article.titleDerived).toBe(true);
    expect(a.article.title.length).toBeGreaterThan(30);
    expect(a.article.title.length).toBeLessThanOrEqual(120);
    expect(a.article.title.toLowerCase()).toContain('mosul');
    expect(a.article.siteName).toBe('Nasdaq');
  });
});
