/**
 * Pages and packs over the caps (5–20 MB, 10,000 levels of nesting, 200,000 elements,
 * multi-megabyte attributes and strings, deeply nested JSON): each returns within its
 * limit with a capped or clear result, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { CAP_CASES, runCaps } from './lib/caps';

describe('fuzz: over the caps', () => {
  for (const c of CAP_CASES) {
    it(c.name, () => {
      const [r] = runCaps((name) => name === c.name);
      expect(r.ok, `${r.name}: ${r.ms.toFixed(0)} ms (limit ${r.limitMs}) — ${r.detail}`).toBe(true);
    });
  }
});
