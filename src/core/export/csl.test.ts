import { describe, expect, it } from 'vitest';
import { cslDate, cslDay, cslName, cslNameParts, cslText, daysInMonth, toCsl, type CslName } from './csl';
import { stripTracking } from './tracking';

/** What Zotero's CSL-JSON import keeps of a name (Zotero.Utilities.Item.itemFromCSLJSON: family and given only). */
const zoteroCreator = (n: CslName) => (n.family || n.given ? { lastName: n.family ?? '', firstName: n.given ?? '' } : { lastName: n.literal, fieldMode: 1 });

describe('cslName', () => {
  it('splits personal names and keeps the rest literal', () => {
    expect(cslName('Jane Smith')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('Mary Ann  Evans')).toEqual({ family: 'Evans', given: 'Mary Ann' });
    expect(cslName('Smith, Jane')).toEqual({ family: 'Smith', given: 'Jane' });
    expect(cslName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(cslName('Ана Петрова')).toEqual({ family: 'Петрова', given: 'Ана' });
    expect(cslName('Plato')).toEqual({ literal: 'Plato' });
    expect(cslName('محمد العلي')).toEqual({ literal: 'محمد العلي' });
    expect(cslName('Reuters Staff')).toEqual({ literal: 'Reuters Staff' });
    expect(cslName('Middle East Desk')).toEqual({ literal: 'Middle East Desk' });
    expect(cslName('Smith and Jones')).toEqual({ literal: 'Smith and Jones' });
  });
});

describe('name particles', () => {
  it('survive Zotero\'s import (it keeps only family and given): "Ludwig van der Berg" is not "Berg, Ludwig"', () => {
    expect(zoteroCreator(cslName('Ludwig van der Berg'))).toEqual({ lastName: 'van der Berg', firstName: 'Ludwig' });
    expect(zoteroCreator(cslName('Alexander von Humboldt'))).toEqual({ lastName: 'Humboldt', firstName: 'Alexander von' });
    expect(zoteroCreator(cslName('Osama bin Laden'))).toEqual({ lastName: 'bin Laden', firstName: 'Osama' });
  });

  it('are read by a CSL processor as CSL non-dropping and dropping particles', () => {
    expect(cslNameParts(cslName('Ludwig van der Berg'))).toEqual({ family: 'Berg', given: 'Ludwig', 'non-dropping-particle': 'van der' });
    expect(cslNameParts(cslName('Marie de la Tour'))).toEqual({ family: 'Tour', given: 'Marie', 'non-dropping-particle': 'de la' });
    expect(cslNameParts(cslName('Alexander von Humboldt'))).toEqual({ family: 'Humboldt', given: 'Alexander', 'dropping-particle': 'von' });
    expect(cslNameParts(cslName('Otto von der Heide'))).toEqual({ family: 'Heide', given: 'Otto', 'dropping-particle': 'von', 'non-dropping-particle': 'der' });
    expect(cslNameParts(cslName('Abu Bakr al-Baghdadi'))).toEqual({ family: 'Baghdadi', given: 'Abu Bakr', 'non-dropping-particle': 'al-' });
    expect(cslNameParts(cslName('Muhammad ibn Saud'))).toEqual({ family: 'Saud', given: 'Muhammad', 'non-dropping-particle': 'ibn' });
    // Capitalised words are names, not particles.
    expect(cslNameParts(cslName('Dick Van Dyke'))).toEqual({ family: 'Dyke', given: 'Dick Van' });
  });
});

describe('dates', () => {
  it('drops an impossible day (2025-02-31 is not "February 31, 2025") and an impossible month', () => {
    expect(cslDate('2025-02-31')).toEqual({ 'date-parts': [[2025, 2]] });
    expect(cslDate('2025-04-31T10:00:00Z')).toEqual({ 'date-parts': [[2025, 4]] });
    expect(cslDate('2024-02-29')).toEqual({ 'date-parts': [[2024, 2, 29]] });
    expect(cslDate('2023-02-29')).toEqual({ 'date-parts': [[2023, 2]] });
    expect(cslDate('1900-02-29')).toEqual({ 'date-parts': [[1900, 2]] });
    expect(cslDate('2000-02-29')).toEqual({ 'date-parts': [[2000, 2, 29]] });
    expect(cslDate('2025-00-10')).toBeUndefined();
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(daysInMonth(99, 2)).toBe(28);
  });

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
        issued: { 'date-parts': [[2025, 2, 27]] }, accessed: { 'date-parts': [[2025, 3, 1]] },
        archive: 'Internet Archive', archive_location: 'https://web.archive.org/web/20250301080000/https://saheldaily.example/2025/02/27/convoy',
        language: 'fr', section: 'Afrique',
        note: '3 highlights saved with Provenance',
      },
    ]);
  });

  it('never invents a publication date; falls back to the host for the outlet and the URL for the title; ids are unique', () => {
    const items = toCsl([
      { url: 'https://www.paper.example/a/b?x=1', title: '' },
      { url: 'https://www.paper.example/a/b?x=2', title: 'Second' },
    ]);
    expect(items[0]).toEqual({ id: 'page-paper.example-a-b', type: 'article-newspaper', title: 'https://www.paper.example/a/b?x=1', 'container-title': '<span class="nocase">paper.example</span>', URL: 'https://www.paper.example/a/b?x=1' });
    expect(items[1].id).toBe('page-paper.example-a-b-2');
    expect(items[1].issued).toBeUndefined();
  });

  it('is JSON text (a list)', () => {
    const parsed = JSON.parse(cslText([{ url: 'https://x.example/', title: 'T', accessed: 0 }]));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed[0].accessed).toEqual({ 'date-parts': [[1970, 1, 1]] });
  });
});

describe('citation address and outlet', () => {
  it('uses the canonical URL without tracking parameters', () => {
    const [item] = toCsl([{ url: 'https://paper.example/story?utm_source=tw&utm_medium=social&id=7&fbclid=AbC', canonicalUrl: 'https://paper.example/story?id=7&gclid=x', title: 'Story' }]);
    expect(item.URL).toBe('https://paper.example/story?id=7');
    const [noCanonical] = toCsl([{ url: 'https://paper.example/story?UTM_Campaign=x&mc_eid=1', title: 'Story' }]);
    expect(noCanonical.URL).toBe('https://paper.example/story');
    expect(stripTracking('https://paper.example/a?b=1&c=2#frag')).toBe('https://paper.example/a?b=1&c=2#frag');
    expect(stripTracking('not a url?utm_source=x')).toBe('not a url?utm_source=x');
  });

  it('writes an unknown outlet as its lower-case host, protected from title-casing ("Blog.Example.Org")', () => {
    const [a] = toCsl([{ url: 'https://Blog.Example.ORG/post', title: 'Post' }]);
    expect(a['container-title']).toBe('<span class="nocase">blog.example.org</span>');
    // A page saved without a site name has the host as its outlet's name: same.
    const [b] = toCsl([{ url: 'https://blog.example.org/post', title: 'Post', outlet: 'blog.example.org' }]);
    expect(b['container-title']).toBe('<span class="nocase">blog.example.org</span>');
    const [c] = toCsl([{ url: 'https://blog.example.org/post', title: 'Post', outlet: 'The Example Blog' }]);
    expect(c['container-title']).toBe('The Example Blog');
  });

  it('links the archived copy at the save time (no request: a pure string)', () => {
    const [a] = toCsl([{ url: 'https://paper.example/x?utm_source=a', title: 'X', accessed: '2025-03-04' }]);
    expect(a.archive_location).toBe('https://web.archive.org/web/20250304000000/https://paper.example/x');
    const [b] = toCsl([{ url: 'https://paper.example/x', title: 'X' }]);
    expect(b.archive_location).toBeUndefined();
  });
});
