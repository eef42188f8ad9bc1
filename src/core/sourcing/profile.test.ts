import { describe, expect, it } from 'vitest';
import defaultPack from '../../packs/default/pack.json';
import { extractAttributions } from './attributions';
import { outletsFromSources } from './outlets';
import { sourcingProfile } from './profile';

const outlets = outletsFromSources(defaultPack.sources);
const profile = (text: string, self?: string) => sourcingProfile(extractAttributions(text, { outlets, self }), { text });

describe('sourcingProfile', () => {
  it('counts distinct sources per kind and says what the piece relies on', () => {
    const p = profile(
      [
        'A security source said the convoy was ambushed at dawn.',
        'The source added that two drivers were missing.',
        'Another official said the road would stay closed.',
        'Commander Hisham al-Obeidi told Rudaw that reinforcements had arrived.',
        'More than 40 trucks were stuck at the checkpoint.',
      ].join('\n\n'),
    );
    expect(p.counts).toEqual({ 'named-person': 1, anonymous: 2, organisation: 0, 'group-media': 0, outlet: 1, document: 0, unattributed: 1 });
    expect(p.statements.anonymous).toBe(3);
    expect(p.relays).toEqual(['Rudaw']);
    expect(p.summary).toBe('Relies mainly on 2 anonymous sources, also 1 named person; relays 1 outlet: Rudaw; 1 figure given without a source');
    expect(p.secondHand).toBe(false);
  });

  it('is second-hand when most statements come through other outlets', () => {
    const p = profile(
      [
        'The city council met on Monday to discuss the water supply.',
        'Farid Mansour, an engineer at the plant, told The Washington Post that the pumps had failed.',
        'Mansour said repairs would take weeks.',
        'A resident said the taps had been dry since Friday, according to The Wall Street Journal.',
      ].join('\n\n'),
    );
    expect(p.secondHand).toBe(true);
    expect(p.relays).toEqual(['The Washington Post', 'The Wall Street Journal']);
    expect(p.secondHandReason).toMatch(/through other outlets/);
  });

  it('is second-hand when the text is credited as republished, and names the origin', () => {
    const p = profile('Local officials said the market reopened.\n\nThis article first appeared on Enab Baladi.');
    expect(p.origin).toBe('Enab Baladi');
    expect(p.secondHand).toBe(true);
    expect(p.summary.startsWith('Republished from Enab Baladi')).toBe(true);
  });

  it('is second-hand when the lead is attributed to an outlet', () => {
    const p = profile(
      [
        'Hundreds of families fled the villages east of the river, Reuters reported on Sunday.',
        'Local officials said shelters were full.',
        'A doctor said the clinic had run out of insulin.',
        'Residents said the bridge was closed.',
      ].join('\n\n'),
    );
    expect(p.secondHand).toBe(true);
    expect(p.secondHandReason).toBe('The lead is attributed to Reuters');
  });

  it('statements to the page’s own outlet are first-hand', () => {
    const p = profile('A farmer told ARA News that the wells had dried up.\n\nLocal sources said the harvest failed.\n\nSource: ARA News', 'ARA News');
    expect(p.relays).toEqual([]);
    expect(p.secondHand).toBe(false);
  });

  it('says so when there is nothing attributed', () => {
    expect(profile('The river rose overnight.').summary).toBe('No attributed sources found');
  });
});
