/**
 * Figures the claims reader must not miss or misread (issue #13): counts with no noun after
 * them, fractions, shares and money, Arabic number words (teens, compounds, hundreds, duals of
 * thousands, a numeral after its noun, digits glued to the noun), qualifiers behind clitics;
 * and what is not a claim (ages, list numbers, modifiers, law numbers, times, model numbers).
 * All sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims, findQuantities } from './index';

const figs = (t: string) => extractClaims(t).filter((c) => c.figure).map((c) => [c.figure!.text, c.quantity, c.qualifier, c.unit ?? null]);

describe('English figures', () => {
  it('keeps counts with no noun after them', () => {
    const cs = extractClaims('Four soldiers died on Monday and another 11 were wounded. The shelling killed three shepherds, injuring dozens more.');
    expect(cs.map((c) => [c.quantity, c.qualifier])).toEqual([
      [4, 'exact'],
      [11, 'exact'],
      [3, 'exact'],
      [null, 'dozens'],
    ]);
    // The counted noun comes from before.
    expect(cs[1].subject).toMatch(/soldiers/);
  });

  it('reads shares, fractions, dozens and money', () => {
    expect(figs('More than half of the tenants left, and three quarters of the wells ran dry.')).toEqual([
      ['More than half', 50, 'more-than', '%'],
      ['three quarters', 75, 'exact', '%'],
    ]);
    expect(figs('The choir learned two dozen hymns; turnout reached 41 percent and the fund paid $2.5 million.')).toEqual([
      ['two dozen', 24, 'exact', 'hymns'],
      ['41', 41, 'exact', '%'],
      ['$2.5 million', 2_500_000, 'exact', 'USD'],
    ]);
    expect(figs('She led by just one point over the mayor.')).toEqual([['one', 1, 'exact', 'point']]);
    expect(figs('Nearly half a million people left the valley.')).toEqual([['Nearly half a million', 500_000, 'about', 'people']]);
  });

  it('leaves out ages, list numbers, compound modifiers and the second half of a month', () => {
    expect(figs('Karim Haddad, 35, met a two-term governor in a three-way race.')).toEqual([]);
    expect(figs('Voters between the ages of 18 and 29 were asked.')).toEqual([]);
    expect(figs('1. Talks resume in the capital.')).toEqual([]);
    expect(figs('The vote is due in the second half of July.')).toEqual([]);
  });
});

describe('French figures', () => {
  it('reads fractions and qualifiers', () => {
    expect(figs('Plus de la moitié des habitants ont fui et les trois quarts des puits sont secs.')).toEqual([
      ['Plus de la moitié', 50, 'more-than', '%'],
      ['trois quarts', 75, 'exact', '%'],
    ]);
    expect(figs('Au moins 22 personnes ont été blessées.')).toEqual([['Au moins 22', 22, 'at-least', 'personnes']]);
  });
});

describe('Arabic figures', () => {
  it('reads teens, compounds, hundreds and the dual of a thousand', () => {
    expect(figs('قتل خمسة عشر شخصا وأصيب تسعة وعشرين آخرين في القصف.').map((f) => f[1])).toEqual([15, 29]);
    expect(figs('وخصصت البلدية ألفي خيمة وثلاثمئة مولد للنازحين.').map((f) => f[1])).toEqual([2000, 300]);
    expect(figs('وتستضيف المنطقة مليوني لاجئ وثلاثة ملايين نازح.').map((f) => f[1])).toEqual([2e6, 3e6]);
  });

  it('reads a numeral after its noun and digits glued to the noun', () => {
    const cs = extractClaims('وصلت السفن الثلاث إلى الميناء.');
    expect(cs.map((c) => [c.quantity, c.unit])).toEqual([[3, 'السفن']]);
    expect(figs('ودفعت الجمعية 165دولارا لكل أسرة.')).toEqual([['165', 165, 'exact', 'دولارا']]);
    expect(figs('ونفذت الطائرات غارة واحدة على الجسر.').map((f) => f[1])).toEqual([1]);
  });

  it('reads a qualifier behind a clitic and shares', () => {
    expect(figs('ارتفع عدد النازحين لنحو 500 شخص.')).toEqual([['نحو 500', 500, 'about', 'شخص']]);
    expect(figs('غادر نصف السكان المدينة، وتضرر 40 في المائة من المنازل.').map((f) => [f[1], f[3]])).toEqual([
      [50, '%'],
      [40, '%'],
    ]);
    expect(figs('وارتفع عدد القتلى إلى 3216 على الأقل.')).toEqual([['3216', 3216, 'at-least', null]]);
  });

  it('leaves out law numbers, times, model numbers, ages and years', () => {
    expect(findQuantities('بموجب القانون رقم 40 لسنة 2015')).toEqual([]);
    expect(findQuantities('عادت الطائرات في الساعة 0424 بالتوقيت المحلي')).toEqual([]);
    expect(findQuantities('شنت مقاتلات من طراز إف 16 الغارة')).toEqual([]);
    expect(findQuantities('انتقلت إلى المدينة في سن 18')).toEqual([]);
    expect(findQuantities('من صيف 2014 إلى صيف 2015')).toEqual([]);
    expect(findQuantities('في 2015/7/23 صباحا').map((h) => h.quantity)).toEqual([]);
    expect(findQuantities('تبعد القرية 57 كم شمال المدينة')).toEqual([]);
    expect(findQuantities('على طول حدود تمتد 900 كلم').map((h) => h.quantity)).toEqual([900]);
  });
});
