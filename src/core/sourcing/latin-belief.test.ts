/**
 * Beliefs and intentions as items of their own (latin-belief.ts), speech framed by another
 * source's report (frame-spans.ts), and how the development-set scorer picks between a
 * nested item and the speech around it (scripts/eval-sourcing-tally.ts `bestMatch`).
 */
import { describe, expect, it } from 'vitest';
import { bestMatch } from '../../../scripts/eval-sourcing-tally';
import { overlap, tokRange, wordTokens, type GoldItem } from '../../../scripts/eval-sourcing-score';
import { extractAttributions } from './attributions';
import { sourcingProfile } from './profile';

const en = (t: string) => extractAttributions(t, { lang: 'en' });
const brief = (t: string) => en(t).map((a) => `${a.mode ?? 'speech'}|${a.source}|${a.quote}`);

describe('beliefs and intentions', () => {
  it('reads a stand-alone belief and intention with the clause as quote', () => {
    expect(brief('Dock workers fear the new cranes will cut their hours.')).toEqual(['belief|Dock workers|the new cranes will cut their hours']);
    expect(brief('The school board intends to close two libraries next year.')).toEqual(['intention|The school board|to close two libraries next year']);
  });

  it('keeps a belief reported inside speech beside the speech item', () => {
    const items = en('Aides said Senator Rosa Delgado thinks the bill will pass in March.');
    expect(items.map((a) => a.mode ?? 'speech')).toEqual(['speech', 'belief']);
    expect(items[0].source).toContain('Aides');
    expect(items[1].source).toBe('Rosa Delgado');
    expect(items[1].quote).toBe('the bill will pass in March');
    // The belief lies inside the speech item's span.
    expect(items[1].start).toBeGreaterThan(items[0].start);
    expect(items[1].end).toBeLessThanOrEqual(items[0].end);
  });

  it('leaves out nouns, passives, the writer and quoted words', () => {
    expect(en('Her plans to rebuild the pier were dropped last year.')).toEqual([]);
    expect(en('The ruling is expected to come next week.')).toEqual([]);
    expect(en('We hope the bridge reopens soon.')).toEqual([]);
    expect(en('“I think the team can win,” the coach said.').every((a) => !a.mode)).toBe(true);
  });

  it('reads a plain subject phrase and a quantifier as the holder', () => {
    expect(brief('The talks stalled, but her allies fear that the vote will slip to May.')).toEqual(['belief|her allies|the vote will slip to May']);
    expect(brief('The harbour board leadership fears that the strike could spread.')).toEqual(['belief|The harbour board leadership|the strike could spread']);
    expect(brief('Many fear the dam will not hold through the spring.')).toEqual(['belief|Many|the dam will not hold through the spring']);
    // A singular thing is no holder ("the ballot question seeks to …").
    expect(en('The ballot question seeks to raise the cap on new schools.')).toEqual([]);
  });

  it('reads knowledge, views, refusals and resolve', () => {
    expect(brief('Council members realized that the budget had a hole in it.')).toEqual(['belief|Council members|the budget had a hole in it']);
    expect(brief('Farmers see the new levy as a threat to their margins.')).toEqual(['belief|Farmers|the new levy as a threat to their margins']);
    expect(brief('The regional governors refused to sign the water pact.')).toEqual(['intention|The regional governors|to sign the water pact']);
    expect(brief('The union leaders are determined to keep the plant open.')).toEqual(['intention|The union leaders|to keep the plant open']);
    expect(brief('Local growers know they are losing ground to imports.')).toEqual(['belief|Local growers|they are losing ground to imports']);
  });

  it('leaves out a demonstrative "that", a sight without "as", a past acquaintance and a thing wanted', () => {
    expect(en('The committee learned that in 2019 after the audit.')).toEqual([]);
    expect(en('Commuters saw the new trains on Monday.')).toEqual([]);
    expect(en('Older residents knew the mayor for decades.')).toEqual([]);
    expect(en('Local shop owners want a new parking garage.')).toEqual([]);
    expect(brief('Local shop owners want the city to build a garage.')).toEqual(['intention|Local shop owners|the city to build a garage']);
  });

  it('is not read in Arabic', () => {
    expect(extractAttributions('وقال المتحدث إن الوزير يعتقد أن الاتفاق سينهار.', { lang: 'ar' }).every((a) => !a.mode)).toBe(true);
  });

  it('keeps beliefs out of the speaker counts', () => {
    const items = en('Aides said Senator Rosa Delgado thinks the bill will pass in March.');
    const p = sourcingProfile(items);
    expect(p.items).toHaveLength(2);
    expect(p.sources.map((s) => s.source)).toEqual([items[0].source]);
    expect(p.statements['named-person']).toBe(0);
  });
});

describe('speech framed by a report', () => {
  it('cuts the speaker to its own words and leaves the frame the sentence', () => {
    const t = 'The minister told aides the deal was dead, according to two people at the meeting.';
    const items = en(t);
    const frame = items.find((a) => a.cue === 'according to')!;
    const speaker = items.find((a) => a.cue === 'told')!;
    expect(frame.quote).toBe(t);
    expect(speaker.quote).toBe('aides the deal was dead');
  });
});

describe('scorer: the tighter covering item wins a tie of overlap', () => {
  const body = 'Aides said Senator Rosa Delgado thinks the bill will pass in March.';
  const toks = wordTokens(body);
  const span = (s: string) => {
    const at = body.indexOf(s);
    return tokRange(toks, at, at + s.length);
  };
  const items = en(body);
  const preds = items.map((a) => ({ toks: tokRange(toks, a.start, a.end), item: a }));
  const gold = (source: string, cue: string, content: string): GoldItem => ({ source: span(source), cue: span(cue), content: span(content), core: true });
  const belief = gold('Senator Rosa Delgado', 'thinks', 'the bill will pass in March');
  const speech = gold('Aides', 'said', 'Senator Rosa Delgado thinks the bill will pass in March');

  it('gives both items full overlap with the belief', () => {
    expect(preds.map((p) => overlap(p.toks, belief))).toEqual([1, 1]);
  });

  it('matches the belief to the belief item and the speech to the speech item', () => {
    const ov = preds.map((p) => [overlap(p.toks, belief), overlap(p.toks, speech)]);
    expect(preds[bestMatch(preds, ov, belief, 0)].item.mode).toBe('belief');
    expect(preds[bestMatch(preds, ov, speech, 1)].item.mode).toBeUndefined();
  });
});

describe('a quotation after a belief', () => {
  const quote = '"We have seen this happen twice already on the east side of the bay and nobody listened."';
  it('is not given to the holder of the belief (believing is not saying)', () => {
    expect(brief(`Dock workers fear the new cranes will cut their hours.\n\n${quote}`)).toEqual(['belief|Dock workers|the new cranes will cut their hours']);
  });

  it('is still given to the speaker of the paragraph before', () => {
    const items = brief(`Dock workers said the new cranes would cut their hours.\n\n${quote}`);
    expect(items.length).toBe(2);
    expect(items[1]).toBe(`speech|Dock workers|${quote}`);
  });
});
