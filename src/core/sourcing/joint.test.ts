/** Joint statements ("X and Y said"): one item naming both, each speaker counted in the profile (joint.ts). */
import { describe, expect, it } from 'vitest';
import { extractAttributions } from './attributions';
import { sourcingProfile } from './profile';

const TEXT = [
  'Councilwoman Marta Ilves and the dockers union rejected the port plan on Tuesday, saying it would cost two hundred jobs.',
  '"We will not sign it," Ilves said later.',
  'Harbour master Tom Reyes said the plan was sound.',
].join('\n\n');

describe('joint statements', () => {
  it('makes one item of a coordinated subject, its speakers kept apart', () => {
    const items = extractAttributions(TEXT, { lang: 'en' });
    const joint = items.filter((a) => a.joint);
    expect(joint).toHaveLength(1);
    expect(joint[0].source).toBe('Marta Ilves and the dockers union');
    expect(joint[0].joint!.map((j) => [j.kind, j.source])).toEqual([
      ['named-person', 'Marta Ilves'],
      ['organisation', 'the dockers union'],
    ]);
    // No second item for either speaker over the same sentence.
    expect(items.filter((a) => a.start === joint[0].start)).toHaveLength(1);
  });

  it('counts each speaker of a joint statement in the profile', () => {
    const p = sourcingProfile(extractAttributions(TEXT, { lang: 'en' }), { text: TEXT });
    const by = new Map(p.sources.map((s) => [s.source, s.statements]));
    expect(by.get('Marta Ilves')).toBe(2);
    expect(by.get('the dockers union')).toBe(1);
    expect(by.get('Tom Reyes')).toBe(1);
    expect(by.has('Marta Ilves and the dockers union')).toBe(false);
    expect(p.counts['named-person']).toBe(2);
    expect(p.counts.organisation).toBe(1);
  });
});
