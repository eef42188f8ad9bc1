import { describe, expect, it } from 'vitest';
import { cslDate, cslDay, cslName, cslText, toCsl } from './csl';

describe('cslName', () => {
  it('splits personal names and keeps the rest literal', () => {
    expect(cslName('Jane Smith')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('Mary Ann  Evans')).toEqual({ family: 'Evans', given: 'Mary Ann' });
    expect(cslName('Smith, Jane')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
    expect(cslName('Ана Петрова')).toEqual({ family: 'Петрова', given: 'Ана' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('محمد العلي')).toEqual({ literal: 'محمد العلي' });
    expect(cslName('Reuters Staff')).toEqual({ literal: 'Reuters Staff' });
    expect(cslName('Middle East Desk')).toEqual({ literal: 'Middle East Desk' });
    expect(cslName('Smith and Jones')).toEqual({ literal: 'Smith and Jones' });
  });
});

describe('dates', () => {
  it('writes as many date parts as are known, and the calendar date of a date-time as published', () => {
    expect(cslDate('2025-02-27')).toEqual({ 'date-parts': [[2025, 2, 27]] });
    expect(cslDate('2024-05')).toEqual({ 'date-parts': [[2024, 5]] });
    expect(cslDate('2019')).toEqual({ 'date-parts': [[2019]] });
    expect(cslDate('2025-02-27T23:30:00-05:00')).toEqual({ 'date-parts': [[2025, 2, 27]] });
    expect(cslDate('27/02/2025')).toBeUndefined();
    expect(cslDate('2025-13-01')).toBeUndefined();
    expect(cslDate(undefined)).toBeUndefined();
    expect(cslDay(Date.UTC(2025, 0, 31, 23, 59))).toEqual({ 'date-parts': [[2025, 1, 31]] });
    expect(cslDay(NaN)).toBeUndefined();
  });
});

describe('toCsl', () => {
  it('writes article-newspaper items with every known field', () => {
    const items = toCsl([
      {
        url: 'https://saheldaily.example/2025/02/27/convoy', title: 'Convoy attacked near Ménaka', outlet: 'Sahel Daily',
        authors: ['Awa Traoré', 'AFP'], published: '2025-02-27', accessed: Date.UTC(2025, 2, 1, 8), lang: 'fr', section: 'Afrique',
        reportId: 'user.convoy', note: '3 highlights saved with Provenance',
      },
    ]);
    expect(items).toEqual([
      {
        id: 'user.convoy', type: 'article-newspaper', title: 'Convoy attacked near Ménaka', 'container-title': 'Sahel Daily',
        author: [{ family: 'Traoré', given: 'Awa' }, { literal: 'AFP' }], URL: 'https://saheldaily.example/2025/02/27/convoy',
        issued: { 'date-parts': [[2025, 2, 27]] }, accessed: { 'date-parts': [[2025, 3, 1]] }, language: 'fr', section: 'Afrique',
        note: '3 highlights saved with Provenance',
      },
    ]);
  });

  it('never invents a publication date; falls back to the host for the outlet and the URL for the title; ids are unique', () => {
    const items = toCsl([
      { url: 'https://www.paper.example/a/b?x=1', title: '' },
      { url: 'https://www.paper.example/a/b?x=2', title: 'Second' },
    ]);
    expect(items[0]).toEqual({ id: 'page-paper.example-a-b', type: 'article-newspaper', title: 'https://www.paper.example/a/b?x=1', 'container-title': 'paper.example', URL: 'https://www.paper.example/a/b?x=1' });
    expect(items[1].id).toBe('page-paper.example-a-b-2');
    expect(items[1].issued).toBeUndefined();
  });

  it('is JSON text (a list)', () => {
    const parsed = JSON.parse(cslText([{ url: 'https://x.example/', title: 'T', accessed: 0 }]));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed[0].accessed).toEqual({ 'date-parts': [[1970, 1, 1]] });
  });
});
