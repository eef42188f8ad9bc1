// Tests of the sourcing evaluation's source comparison (scripts/eval-sourcing-score.ts): the
// normalisation the corpus README describes, including possessives written with a curly apostrophe.
import { describe, expect, it } from 'vitest';
import { sameSource } from './eval-sourcing-score';

describe('sameSource', () => {
  it('drops a possessive written with either apostrophe', () => {
    expect(sameSource('Marta Kovač', ["Kovač's"])).toBe(true);
    expect(sameSource('Marta Kovač', ['Kovač’s'])).toBe(true);
  });
  it('does not take a bare possessive ending for a name', () => {
    expect(sameSource('Jonas Weller', ['Kovač’s'])).toBe(false);
  });
  it('keeps the README rule that a place after "of" is not the person', () => {
    expect(sameSource('New York', ['Daniel R. Ostrow of New York'])).toBe(false);
    expect(sameSource('Daniel Ostrow', ['Daniel R. Ostrow of New York'])).toBe(true);
  });
});
