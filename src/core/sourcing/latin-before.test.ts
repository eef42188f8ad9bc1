/**
 * English speakers named before their words in the same sentence: initials written without a
 * space, a colon after the object of a preposition, an appositive before a participle cue,
 * "As X put it", "N weeks ago" before the verb, a family name that is also a title, a
 * hometown closing an appositive, manner-of-speaking participles, "X speaking to Outlet said",
 * "having" participles, whole-word name particles. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractAttributions } from './attributions';

const speakers = (text: string) => extractAttributions(text).filter((a) => a.kind !== 'unattributed').map((a) => `${a.kind}: ${a.source}`);

describe('English speaker before the quotation', () => {
  it('reads initials written without a space as part of the name, not "U.S." alone', () => {
    expect(speakers('Council Chairman R.J. Whitcombe of Lower Fenwick said he was “stunned” by the vote.')).toEqual(['named-person: R.J. Whitcombe']);
    expect(speakers('The U.S. Senate said it would vote again next week.')).toEqual(['organisation: The U.S. Senate']);
  });

  it('gives a colon quotation after "to X" to the clause subject, and keeps "from X:" as the speaker', () => {
    expect(speakers('Mayor Joan Tilley, D-Fenwick, sent a curt note to Governor Alan Pruett: "The bridge money is late again and we will not wait."')).toEqual(['named-person: Joan Tilley']);
    expect(speakers('More from Pruett: "We have sent the money twice and the county has lost it twice."')).toEqual(['named-person: Pruett']);
  });

  it('gives a participle cue to the name in the subject’s appositive ("X’s director, Name, reached out …, writing")', () => {
    expect(speakers('Tilley’s Fenwick office manager, Dana Oakes, reached out to the printer, writing in an email: “Please send the ballots by Friday.”')).toEqual(['named-person: Dana Oakes']);
  });

  it('credits the words to X in "As X put it"', () => {
    expect(speakers('As Dana Oakes, the county clerk, put it: "Nobody reads the ballot instructions twice."')).toEqual(['named-person: Dana Oakes']);
    expect(speakers('As one clerk puts it, the county is "running out of paper."')).toEqual(['anonymous: one clerk']);
    expect(speakers('She put it on the table and left.')).toEqual([]);
  });

  it('skips "N weeks ago" between the subject and the verb', () => {
    expect(speakers('Mayor Ann Tilley less than two years ago wrote that the bridge was "unsafe at any speed."')).toEqual(['named-person: Ann Tilley']);
  });

  it('reads a title word after a given name as a family name ("Charlie King"), not before one', () => {
    expect(speakers('Maggie Bishop, a former director of the county party, said the office would close in May.')).toEqual(['named-person: Maggie Bishop']);
    expect(speakers('Representative Tom R. King, Republican of Fenwick, said the hearing was a farce.')).toEqual(['named-person: Tom R. King']);
    expect(speakers('Fenwick’s King Osric said the border would stay shut.')).toEqual(['named-person: Osric']);
  });

  it('reads "a delegate from City, State," as one appositive', () => {
    expect(speakers('Owen Marsh, a retired delegate from Fenwick, Ohio, said the vote had been rigged.')).toEqual(['named-person: Owen Marsh']);
  });

  it('gives manner-of-speaking participles ("…, remarking that …") to the clause subject', () => {
    expect(speakers('Mayor Ann Tilley closed the fair with a joke about the weather, remarking that next year it would be held indoors.')).toEqual(['named-person: Ann Tilley']);
  });

  it('reads "X speaking to Outlet said" as X speaking, the outlet as the medium', () => {
    const items = extractAttributions('A county official speaking to Reuters said the ballots were late.').filter((a) => a.kind !== 'unattributed');
    expect(items.map((a) => `${a.kind}: ${a.source}`)).toContain('anonymous: A county official');
    expect(items.some((a) => a.kind === 'named-person')).toBe(false);
  });

  it('gives a perfect participle ("…, having called him “…”") to the clause subject', () => {
    expect(speakers('Mayor Ann Tilley praised Governor Alan Pruett, having called him "a true partner" last spring.')).toEqual(['named-person: Ann Tilley']);
  });

  it('does not lengthen a surname with the start of the next word ("Oakes also" is not "Oakes al")', () => {
    expect(speakers('The council met on Monday. Oakes also said the ballots were late.')).toEqual(['named-person: Oakes']);
  });

  it('reads voice-only participles ("…, chanting “…”") as cues beside a quotation only', () => {
    expect(speakers('Hundreds of tenants marched past the town hall, with Ann Tilley shouting: “Fix the heating now!”')).toEqual(['named-person: Ann Tilley']);
    expect(speakers('Tenants gathered in front of the town hall, clapping, singing and chanting for hours.')).toEqual([]);
  });
});
