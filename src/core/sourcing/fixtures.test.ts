/**
 * Every case of the sourcing fixture corpus (tests/fixtures/sourcing/<case>/): the
 * extractor's items, relays and second-hand flag on input.txt equal expected.json.
 * Regenerate after an intended change with `npm run fixtures:sourcing:update` and review.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixtureCases, readInput, runFixture } from '../../../tests/fixtures/sourcing/project';

const cases = fixtureCases();

describe('sourcing fixture corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(5);
  });
  for (const name of cases) {
    it(name, () => {
      const file = path.join(FIXTURES_DIR, name, 'expected.json');
      expect(existsSync(file), `${name}/expected.json missing (npm run fixtures:sourcing:update ${name})`).toBe(true);
      const expected = JSON.parse(readFileSync(file, 'utf8'));
      expect(runFixture(readInput(name))).toEqual(expected);
    });
  }
});
