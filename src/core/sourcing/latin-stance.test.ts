/**
 * Stances (latin-stance.ts) read as beliefs, refusals ("declined to …", latin-belief.ts) as
 * intentions, "found that" (latin-belief.ts) as a belief, "talked about" (lexicon-en.ts) as
 * speech, and speech verbs read in another sense (latin-sense.ts), with sentences written for
 * these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractAttributions } from './attributions';

const en = (t: string) => extractAttributions(t, { lang: 'en' }).map((a) => `${a.kind}|${a.source}|${a.mode ?? ''}|${a.quote}`);
const sources = (t: string) => extractAttributions(t, { lang: 'en' }).filter((a) => a.kind !== 'unattributed').map((a) => a.source);

describe('stances', () => {
  it('reads a named holder taking a side on a person or a measure', () => {
    expect(en('Governor Alma Reyes endorsed Tom Fisk on Friday.')).toEqual(['named-person|Alma Reyes|belief|Tom Fisk on Friday']);
    expect(en('Senator Paul Okafor opposes the toll increase.')).toEqual(['named-person|Paul Okafor|belief|the toll increase']);
    expect(en('Mayor Lena Varga has backed the stadium plan.')).toEqual(['named-person|Lena Varga|belief|the stadium plan']);
  });

  it('reads a base form only after a subject it can only be the verb of', () => {
    expect(sources('Mayor Lena Varga would support a smaller levy.')).toEqual(['Lena Varga']);
    expect(sources('There is strong support for the levy in the north.')).toEqual([]);
    expect(sources('The farmers came back home after the fair.')).toEqual([]);
  });

  it('leaves out passives, adjectives of degree, phrasal verbs and unnamed groups', () => {
    expect(sources('The levy was backed by the council.')).toEqual([]);
    expect(sources('It was the least favored option on the ballot.')).toEqual([]);
    expect(sources('Tax records backed that claim up.')).toEqual([]);
    expect(sources('The voters backed the levy by a wide margin.')).toEqual([]);
  });
});

describe('refusals', () => {
  it('reads "declined to …" as an intention, not the anonymity formula', () => {
    expect(en('A spokeswoman for the port authority declined to comment.')).toEqual(['anonymous|A spokeswoman for the port authority|intention|to comment']);
    expect(en('Mayor Lena Varga declined to say whether she would run.')).toEqual(['named-person|Lena Varga|intention|to say whether she would run']);
    expect(en('A clerk who declined to be named confirmed the count.').every((a) => a.includes('|intention|') === false)).toBe(true);
  });
});

describe('"found that" of a person or a body', () => {
  it('reads it as a belief, and leaves evidence to the document reading', () => {
    expect(en('Professor Ana Lindqvist found that the rents rose faster near the new line.')).toEqual(['named-person|Ana Lindqvist|belief|the rents rose faster near the new line']);
    expect(en('The survey found that most tenants favor the rules.').map((a) => a.split('|')[0])).toEqual(['document']);
    expect(sources('The volunteers found the dog near the pier.')).toEqual([]);
  });
});

describe('"talked about"', () => {
  it('reads "talks / talked about" as speech about a topic', () => {
    expect(sources('Rosa Delgado talks about her years as a nurse.')).toEqual(['Rosa Delgado']);
    expect(sources('The two friends talked for hours.')).toEqual([]);
  });
});

describe('speech verbs in another sense', () => {
  it('leaves out plural nouns and verbs with a noun object', () => {
    expect(sources('The coastal states voted early this year.')).toEqual([]);
    expect(sources('Mayor Lena Varga maintains a wide lead in the polls.')).toEqual([]);
    expect(sources('The club charged a $900 membership fee.')).toEqual([]);
    expect(sources('Mayor Lena Varga won the county, adding to her lead in the race.')).toEqual([]);
    expect(sources('Dana Whitfield reported from Lisbon.')).toEqual([]);
  });

  it('keeps the speech sense before a clause, a quotation or at the end', () => {
    expect(sources('Mayor Lena Varga maintains that the count was fair.')).toEqual(['Lena Varga']);
    expect(sources('The lease states that tenants may keep a cat.').length).toBe(1);
    expect(sources('“The count was fair,” Lena Varga maintained.')).toEqual(['Lena Varga']);
  });
});
