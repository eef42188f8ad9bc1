// `provenance explain` on the demo pages of issue 13: the Amaq-claim page prints the group-media
// warnings (statement and figure); the Arabic wire-copy page prints none, and names its outlet
// from the canonical link.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../lib/cli';

describe('provenance explain: group media and declared outlets', () => {
  it('prints the warning for a claim made through Amaq, in text and JSON', async () => {
    const page = path.resolve('public/demo/amaq-claim.html');
    const text = await cli(['explain', page, '--url', 'http://127.0.0.1:4173/amaq-claim.html']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Outlet: Rudaw \(from its canonical link\)$/m);
    expect(text.stdout).toContain("  ! Claim of responsibility through the group's Amaq agency; not independently verified.");
    expect(text.stdout).toContain("       ! This figure rests on the group's Amaq agency; not independently verified.");
    const json = JSON.parse((await cli(['explain', '--json', page])).stdout);
    expect(json.sourcing.groupMedia).toEqual(["Claim of responsibility through the group's Amaq agency; not independently verified."]);
  }, 60_000);

  it('wire copy: no group-media warning, the agency in the provenance chain', async () => {
    const json = JSON.parse((await cli(['explain', '--json', path.resolve('public/demo/wire-copy-ar.html'), '--url', 'http://127.0.0.1:4173/wire-copy-ar.html'])).stdout);
    expect(json.outlet).toMatchObject({ id: 'alsumaria', matchedBy: 'canonical' });
    expect(json.sourcing.groupMedia).toEqual([]);
    expect(json.sourcing.secondHand).toBe(true);
    expect(json.provenance.map((p: { outlet: string }) => p.outlet)).toContain('وكالة فرانس برس'); // as the article names it
  }, 60_000);
});
