/**
 * The five seed reports (read at run time from ../shared or $PROVENANCE_SHARED; skipped
 * when absent) against the hand labels in tests/gold/seeds-sourcing.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSeeds, loadGold, SCORED_KINDS } from '../../../tests/gold/compare';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(here, '../../../../shared'));
const seeds = path.join(shared, 'seeds');
const gold = loadGold();
const have = existsSync(seeds) && Object.keys(gold.seeds).every((f) => existsSync(path.join(seeds, f)));

describe.skipIf(!have)('sourcing of the seed reports (gold comparison)', () => {
  const r = have ? evaluateSeeds(seeds, gold) : null;
  it('precision and recall of 0.9 or more for every kind', () => {
    for (const k of SCORED_KINDS) {
      const t = r!.perKind[k];
      expect(t.precision, `${k} precision`).toBeGreaterThanOrEqual(0.9);
      expect(t.recall, `${k} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
  it('passes the acceptance checks (relays, second-hand, origin, via, figures)', () => {
    const failed = r!.checks.filter((c) => !c.check.ok).map((c) => `${c.file}: ${c.check.name} (${c.check.detail})`);
    expect(failed).toEqual([]);
  });
  it('the Novosti/WSJ piece relays both outlets and is second-hand; the blog copy names IranWire as origin', () => {
    const by = (prefix: string) => r!.seeds.find((s) => s.file.startsWith(prefix))!.analysis;
    expect(by('002').sourcing.relays).toEqual(expect.arrayContaining(['RIA Novosti', 'The Wall Street Journal']));
    expect(by('002').sourcing.secondHand).toBe(true);
    expect(by('001').sourcing.relays).toContain('The Washington Post');
    expect(by('004').sourcing.origin).toBe('IranWire');
    const zarari = by('000').sourcing.sources.find((s) => s.kind === 'named-person');
    expect(zarari?.source).toBe('Raafat al-Zarari');
    expect(zarari?.role).toMatch(/media center/);
    const detainees = by('002').claims.find((c) => c.unit === 'detainees');
    expect(detainees).toMatchObject({ quantity: 7000, qualifier: 'about' });
  });
});
