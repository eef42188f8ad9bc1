/**
 * The committed default pack is the build of its source folder (src/), so the two never
 * drift: edit src/, then run `npm run pack:default`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPackDir } from '../../cli/pack';
import { buildPack } from '../../core/packs/build';
import { parsePackText } from '../../core/packs/validate';

const here = dirname(fileURLToPath(import.meta.url));
const committed = readFileSync(join(here, 'pack.json'), 'utf8');

describe('default pack build', () => {
  it('pack.json is exactly a fresh build of src/ (run `npm run pack:default` after editing src/)', async () => {
    const read = await readPackDir(join(here, 'src'));
    expect(read.problems).toEqual([]);
    expect(read.warnings).toEqual([]);
    const built = buildPack(read.source);
    if (!built.ok) throw new Error(built.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
    expect(built.warnings).toEqual([]);
    expect(built.json === committed, 'src/packs/default/pack.json is stale: run `npm run pack:default`').toBe(true);
  });

  it('validates, without warnings', () => {
    const r = parsePackText(committed);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('carries no report texts and no fingerprints (the seeds are not redistributed)', () => {
    const pack = JSON.parse(committed);
    for (const r of pack.reports) {
      expect(r.text, r.id).toBeUndefined();
      expect(r.fingerprint, r.id).toBeUndefined();
    }
    expect(existsSync(join(here, 'src', 'reports'))).toBe(true);
    for (const r of pack.reports) expect(existsSync(join(here, 'src', 'reports', `${r.id}.txt`)), r.id).toBe(false);
  });
});
