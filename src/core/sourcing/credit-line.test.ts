/**
 * The credit-line pattern is one: the sourcing grammar and furniture removal agree on
 * every outlet credit ("Via: X" included), and the grammar reads the credited outlet.
 */
import { describe, expect, it } from 'vitest';
import { isAttributionLine } from '../extract/furniture';
import { extractAttributions } from './attributions';
import { creditLine, isCreditLine } from './credit-line';

const credits = [
  'Via: Kurdistan 24',
  'Source: The Daily Planet',
  'Sources: Field Gazette',
  'Courtesy of: Harbour Radio',
  'Originally published on Mountain Wire.',
  'This story first appeared in The Northern Ledger.',
  'Publié initialement sur Le Quotidien du Nord',
  'المصدر: وكالة الأنباء المحلية',
];

describe('credit lines', () => {
  it('furniture keeps every line the grammar reads as a credit', () => {
    for (const line of credits) {
      expect(creditLine(line), line).not.toBeNull();
      expect(isCreditLine(line), line).toBe(true);
      expect(isAttributionLine(line), line).toBe(true);
    }
  });
  it('"Via: X" gives a republished outlet item in the grammar', () => {
    const items = extractAttributions('The bridge reopened on Monday after repairs.\n\nVia: Kurdistan 24', { lang: 'en' });
    const o = items.find((a) => a.kind === 'outlet');
    expect(o?.source).toBe('Kurdistan 24');
    expect(o?.republished).toBe(true);
  });
  it('bylines are kept by furniture but are no outlet credit', () => {
    expect(isAttributionLine('Reporting by Jane Roe; editing by John Doe')).toBe(true);
    expect(creditLine('Reporting by Jane Roe; editing by John Doe')).toBeNull();
    expect(isCreditLine('Share this story')).toBe(false);
    expect(creditLine('The via ferrata: a climbing route')).toBeNull();
  });
});
