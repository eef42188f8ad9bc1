import { describe, expect, it } from 'vitest';
import type { Claim } from '../packs/types';
import { compareClaims, crossReference, extractClaims, figureRange, findQuantities, type PageClaim } from './index';

const pick = (cs: PageClaim[]) => cs.map((c) => [c.quantity, c.qualifier, c.subject]);

describe('figures and qualifiers', () => {
  it('reads digits, number words and vague quantities in English', () => {
    const cs = extractClaims(
      [
        'Officials said about 7,000 detainees would be moved before the summer.',
        'The convoy carried more than 160 wounded soldiers to the field hospital.',
        'At least six Telegram channels were closed after the raid.',
        'Dozens of foreign volunteers crossed the border, and hundreds of local fighters joined them.',
        'Up to 2,500 families may return by June, while fewer than 40 teachers have come back.',
        'Thousands of new accounts appeared within a week.',
      ].join('\n\n'),
    );
    expect(pick(cs)).toEqual([
      [7000, 'about', 'detainees'],
      [160, 'more-than', 'wounded soldiers'],
      [6, 'at-least', 'Telegram channels'],
      [null, 'dozens', 'foreign volunteers'],
      [null, 'hundreds', 'local fighters'],
      [2500, 'up-to', 'families'],
      [40, 'fewer-than', 'teachers'],
      [null, 'thousands', 'new accounts'],
    ]);
    expect(cs[0].attributedTo).toBe('Officials');
    expect(cs[0].figure?.text).toBe('about 7,000');
    expect(cs[1].unit).toBe('soldiers');
  });

  it('resolves "six of them" to the noun phrase before', () => {
    const cs = extractClaims('The group ran a network of Twitter accounts in June. The company did not comment on the accounts, but at least six of them were suspended.');
    expect(pick(cs)).toEqual([[6, 'at-least', 'Twitter accounts']]);
  });

  it('leaves out years, dates, durations, ages, identifiers and times', () => {
    const hits = findQuantities('In 2014, on 9 June, after two hours, a man in his mid-30s watched Kurdistan 24 at 10:30 and read Resolution 2254 for three days.');
    expect(hits).toEqual([]);
  });

  it('reads Arabic-Indic digits, Arabic number words and Arabic qualifiers', () => {
    const cs = extractClaims(
      [
        'وقال مسؤول في وزارة العدل إن نحو ٧٠٠٠ معتقل سينقلون إلى العراق.',
        'وقتل أكثر من 160 جنديا في الهجوم.',
        'وأغلقت ما لا يقل عن ستة حسابات على موقع تويتر.',
        'وفر عشرات الخبراء الأجانب من المدينة، وانضم مئات الشبان إلى التنظيم، ونزح آلاف السكان.',
        'ووصل سبعة آلاف لاجئ إلى المخيم.',
      ].join('\n\n'),
    );
    expect(pick(cs)).toEqual([
      [7000, 'about', 'معتقل'],
      [160, 'more-than', 'جنديا'],
      [6, 'at-least', 'حسابات'],
      [null, 'dozens', 'الخبراء الأجانب'],
      [null, 'hundreds', 'الشبان'],
      [null, 'thousands', 'السكان'],
      [7000, 'exact', 'لاجئ'],
    ]);
    expect(cs[0].attributedTo).toBe('مسؤول في وزارة العدل');
    expect(cs[0].figure?.text).toBe('نحو ٧٠٠٠');
    expect(cs.every((c) => c.lang === 'ar')).toBe(true);
  });

  it('reads French figures', () => {
    const cs = extractClaims('Environ 7 000 détenus ont été transférés. Au moins six comptes Twitter ont été suspendus. Des centaines de combattants étrangers ont fui.');
    expect(pick(cs)).toEqual([
      [7000, 'about', 'détenus'],
      [6, 'at-least', 'comptes Twitter'],
      [null, 'hundreds', 'combattants étrangers'],
    ]);
  });

  it('gives date and place when the sentence names them', () => {
    const [c] = extractClaims('More than 160 soldiers were killed near Raqqa in 2014.');
    expect(c.date).toBe('2014');
    expect(c.place).toBe('Raqqa');
  });
});

describe('compareClaims', () => {
  it('agrees when the qualifiers’ ranges overlap', () => {
    expect(compareClaims({ subject: 'detainees', quantity: 7000, qualifier: 'about' }, { subject: 'ISIS detainees held in Syria', quantity: 7000, qualifier: 'exact' })).toBe('agrees');
    expect(compareClaims({ subject: 'Syrian soldiers', quantity: 160, qualifier: 'more-than' }, { subject: 'soldiers', quantity: 160 })).toBe('agrees');
    expect(compareClaims({ subject: 'Twitter accounts', quantity: 6, qualifier: 'at-least' }, { subject: 'accounts suspended by Twitter', quantity: 9, qualifier: 'exact' })).toBe('agrees');
    expect(compareClaims({ subject: 'foreign IT experts', qualifier: 'dozens' }, { subject: 'foreign IT experts who left', quantity: 40, qualifier: 'about' })).toBe('agrees');
  });

  it('differs when the ranges do not meet', () => {
    expect(compareClaims({ subject: 'foreign IT experts', qualifier: 'dozens' }, { subject: 'foreign IT experts', qualifier: 'hundreds' })).toBe('differs');
    expect(compareClaims({ subject: 'detainees', quantity: 7000, qualifier: 'about' }, { subject: 'detainees', quantity: 2000, qualifier: 'exact' })).toBe('differs');
    expect(compareClaims({ subject: 'accounts', quantity: 6, qualifier: 'up-to' }, { subject: 'accounts', quantity: 10, qualifier: 'more-than' })).toBe('differs');
  });

  it('matches subjects across languages and keeps different subjects apart', () => {
    expect(compareClaims({ subject: 'معتقل', quantity: 7000, qualifier: 'about' }, { subject: 'ISIS detainees', quantity: 7000, qualifier: 'about' })).toBe('agrees');
    expect(compareClaims({ subject: 'جنديا سوريا', quantity: 160, qualifier: 'more-than' }, { subject: 'Syrian soldiers', quantity: 100, qualifier: 'exact' })).toBe('differs');
    expect(compareClaims({ subject: 'détenus', quantity: 7000, qualifier: 'about' }, { subject: 'detainees', quantity: 7000 })).toBe('agrees');
    expect(compareClaims({ subject: 'Syrian soldiers', quantity: 160 }, { subject: 'Iraqi soldiers', quantity: 160 })).toBe('unrelated');
    expect(compareClaims({ subject: 'detainees', quantity: 7000 }, { subject: 'families', quantity: 7000 })).toBe('unrelated');
    expect(compareClaims({ subject: 'detainees', quantity: 700, place: 'Mosul' }, { subject: 'detainees', quantity: 7000, place: 'Raqqa, Syria' })).toBe('unrelated');
    // generic heads need something more in common than the noun
    expect(compareClaims({ subject: 'ISIS militants', quantity: 3, text: 'Three militants stand guard.' }, { subject: 'militants killed in air strikes', qualifier: 'hundreds' })).toBe('unrelated');
  });

  it('figure ranges', () => {
    expect(figureRange(7000, 'about')).toEqual([5950, 8050]);
    expect(figureRange(null, 'dozens')).toEqual([13, 99]);
    expect(figureRange(null, 'none')).toBeNull();
  });
});

describe('crossReference', () => {
  it('pairs page claims with stored claims that agree or differ', () => {
    const page = extractClaims('Roughly 7,000 detainees were moved to Iraq. Hundreds of users installed the app.');
    const store: { reportId: string; claim: Claim }[] = [
      { reportId: 'r1', claim: { subject: 'detainees moved from Syria to Iraq', text: 'x', quantity: 7000, qualifier: 'about', place: 'Iraq' } },
      { reportId: 'r2', claim: { subject: 'users of the app', text: 'x', qualifier: 'dozens' } },
      { reportId: 'r3', claim: { subject: 'schools reopened', text: 'x', quantity: 12 } },
    ];
    const refs = crossReference(page, store);
    expect(refs.map((r) => [r.claimIndex, r.reportId, r.relation])).toEqual([
      [0, 'r1', 'agrees'],
      [1, 'r2', 'differs'],
    ]);
    expect(refs[0].other).toBe(store[0].claim);
  });
});
