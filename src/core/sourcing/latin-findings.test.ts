/**
 * Findings of polls, surveys and records as document items (latin-findings.ts), with sentences
 * written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractAttributions } from './attributions';

const en = (t: string) => extractAttributions(t, { lang: 'en' }).map((a) => `${a.kind}|${a.source}`);

describe('findings of polls and records', () => {
  it('reads a bare or capitalised evidence subject as a document', () => {
    expect(en('Polls show that most tenants favor the new rent rules.')).toEqual(['document|Polls']);
    expect(en('Exit polling showed the mayor winning every ward.')).toEqual(['document|Exit polling']);
    expect(en('And surveys suggest that few drivers use the toll lane.')).toEqual(['document|surveys']);
    expect(en('The results indicate that turnout fell in the suburbs.')).toEqual(['document|The results']);
  });

  it('leaves out other verbs of the same form and other subjects', () => {
    expect(en('The volunteers showed up early at the depot.')).toEqual([]);
    expect(en('Records found in the basement were water-damaged.')).toEqual([]);
    expect(en('Polls showed up on the screen in red.')).toEqual([]);
    expect(en('Figures show part of the budget, not all of it.')).toEqual([]);
    expect(en('The coach found that the team played better at home.').every((s) => !s.startsWith('document'))).toBe(true);
  });
});

describe('sentences framed by a poll', () => {
  it('reads an opening "In a … poll," as the source of the sentence', () => {
    expect(en('In a county poll released Monday, the mayor led her rival by six points.')).toEqual(['document|a county poll released Monday']);
    expect(en('In a poll of 600 residents, most favored the new park.')).toEqual(['document|a poll of 600 residents']);
  });

  it('leaves out other opening phrases and a closing "in the polls"', () => {
    expect(en('In the spring the mayor toured every school in the county.')).toEqual([]);
    expect(en('In a quiet week, the council passed the budget.')).toEqual([]);
    expect(en('The mayor has a wide lead in the latest polls.')).toEqual([]);
  });
});
