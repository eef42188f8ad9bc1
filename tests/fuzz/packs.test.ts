/**
 * Short fuzz of pack validation and building: generated valid packs pass, breaking
 * mutations are refused with problems, keeping ones still pass, nothing throws, nothing
 * pollutes Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import { packBuild, packs } from './lib/groups';
import { pollutedPrototypes } from './lib/pack-targets';
import { shortRun } from './lib/short-run';

describe('fuzz: packs', () => {
  it('validatePack and parsePackText on valid and mutated packs', async () => {
    const r = await shortRun(packs, 400);
    expect(r.cases).toBe(400);
    expect(r.unknown).toEqual([]);
    expect(pollutedPrototypes()).toEqual([]);
  });

  it('buildPack on valid and mutated pack sources', async () => {
    const r = await shortRun(packBuild, 150);
    expect(r.unknown).toEqual([]);
    expect(pollutedPrototypes()).toEqual([]);
  });
});
