/**
 * Pages and packs over the caps (5–20 MB, 10,000 levels of nesting, 200,000 elements,
 * multi-megabyte attributes and strings, deeply nested JSON): each returns a capped or clear
 * result, never a throw. Whether each stays within its time limit is reported by the long
 * run (`npm run fuzz` → docs/RELIABILITY.md); here a test timeout well above the limit only
 * guards against a hang, so a busy machine does not fail the suite.
 */
import { describe, expect, it } from 'vitest';
import { CAP_CASES, runCaps } from './lib/caps';

describe('fuzz: over the caps', () => {
  for (const c of CAP_CASES) {
    it(c.name, { timeout: 4 * c.limitMs + 30_000 }, () => {
      const [r] = runCaps((name) => name === c.name);
      expect(r.problem, `${r.name}: ${r.ms.toFixed(0)} ms (limit ${r.limitMs}) — ${r.detail}`).toBeNull();
    });
  }
});
