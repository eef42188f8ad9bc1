/**
 * The domain model (src/core/model) stays the one home of the shared shapes: it imports
 * nothing outside its folder, its kind lists have no duplicates, and the shapes still
 * declared elsewhere (detect's TopicProfile, claims' PageClaim, the store's highlight
 * colours) are the same as the model's, checked at compile time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PageClaim as ClaimsPageClaim } from '../../src/core/claims';
import type { TopicProfile } from '../../src/core/detect';
import * as model from '../../src/core/model';
import { HIGHLIGHT_COLORS as STORE_COLORS } from '../../src/store/db';

const modelDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/core/model');

describe('domain model', () => {
  it('imports nothing outside src/core/model', () => {
    const files = readdirSync(modelDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(join(modelDir, f), 'utf8');
      const specs = [...src.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
      for (const s of specs) expect(s, `${f} imports ${s}`).toMatch(/^\.\/[\w-]+$/);
    }
  });

  it('declares each kind list once, without duplicates', () => {
    const lists = Object.entries(model).filter(([, v]) => Array.isArray(v)) as [string, readonly string[]][];
    expect(lists.map(([k]) => k)).toEqual(expect.arrayContaining(['ATTRIBUTION_KINDS', 'OUTLET_TYPES', 'CLAIM_QUALIFIERS', 'RELAY_KINDS']));
    for (const [name, list] of lists) expect(new Set(list).size, name).toBe(list.length);
  });

  it('matches the shapes still declared outside the model', () => {
    expectTypeOf<TopicProfile>().toEqualTypeOf<model.TopicDefinition>();
    expectTypeOf<ClaimsPageClaim>().toEqualTypeOf<model.PageClaim>();
    expect([...STORE_COLORS]).toEqual([...model.HIGHLIGHT_COLORS]);
  });
});
