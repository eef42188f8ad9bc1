/**
 * Who gives a figure (issue #13): the attribution covering the figure, a source named after
 * it, a reporting verb before it, a follow-up sentence that continues the previous source,
 * the organisation behind "a statement", and the author's own voice. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from './index';

const who = (t: string) => extractClaims(t).filter((c) => c.figure).map((c) => [c.quantity, c.attributedTo ?? 'author']);

describe('speaker of a figure', () => {
  it('takes a source named after the figure (English, French, Arabic)', () => {
    expect(who('At least 22 people were killed in the blast, a local monitor said.')).toEqual([[22, 'a local monitor']]);
    expect(who('Two mortar shells hit the market on Sunday, according to the health ministry.')).toEqual([[2, 'the health ministry']]);
    expect(who("Au moins 22 personnes ont été tuées dans l'attaque, selon l'Observatoire.")).toEqual([[22, "l'Observatoire"]]);
    expect(who('قتل 12 شخصا في القصف، بحسب ما أفادت مصادر طبية.')).toEqual([[12, 'مصادر طبية']]);
    expect(who('وأصيب 30 آخرون، حسبما أفاد شهود عيان.')).toEqual([[30, 'شهود عيان']]);
    expect(who('The raid freed 14 hostages, the regional governor said on Tuesday.')).toEqual([[14, 'the regional governor']]);
  });

  it('takes a reporting verb or a poll before the figure', () => {
    expect(who('On Friday, the local radio reported at least six boats near the shore.')[0][1]).toMatch(/radio/);
    // (The poll phrase comes as the sourcing reads it: "a Gallup poll published Monday", latin-findings.ts pollFrame.)
    expect(who('In a Gallup poll published Monday, 40 percent of voters backed the plan.')).toEqual([[40, expect.stringMatching(/^(?:a )?Gallup poll\b/)]]);
    expect(who('وأكدت وزارة الصحة وصول 12 طبيبا إلى البلدة.')[0][1]).toMatch(/وزارة الصحة/);
    expect(who('وبحسب البلدية فقد عاد حوالى مئة مزارع إلى أراضيهم.')).toEqual([[100, 'البلدية']]);
  });

  it('continues the previous source in a follow-up sentence', () => {
    expect(who('وقال مدير المستشفى إن 30 جريحا وصلوا مساء. وأشار إلى وفاة 4 منهم.')).toEqual([
      [30, 'مدير المستشفى'],
      [4, 'مدير المستشفى'],
    ]);
  });

  it('names the organisation behind a statement', () => {
    expect(who('وقال المرصد في بيان إن 40 مدنيا قتلوا.')[0][1]).toMatch(/المرصد/);
  });

  it('gives each figure its own speaker and leaves the author voice unattributed', () => {
    const cs = who('The convoy carried 300 boxes of flour. Officials said about 7,000 families were waiting.');
    expect(cs).toEqual([
      [300, 'author'],
      [7000, 'Officials'],
    ]);
    // A count in the source's own name is not a speaker ("Sixty percent said…" is the author's figure).
    expect(who('Sixty percent said they would vote.')).toEqual([[60, 'author']]);
  });
});
