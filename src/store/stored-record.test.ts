/**
 * A report row's record with its fingerprint packed apart (stored-record.ts) reads back as
 * exactly the record imported — same keys in the same order, same values — and a
 * fingerprint that would not come back exactly is kept as it was.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../core/packs/fingerprint';
import type { ReportRecord } from '../core/packs/types';
import { prepareReport } from '../core/match/prepare';
import { reportRecord, storedRecord } from './stored-record';
import { testPack } from './test-support';

const base = testPack({ reports: 1 }).reports[0];
const withFp = (fingerprint: ReportRecord['fingerprint']): ReportRecord => ({ ...base, fingerprint, note: 'after the fingerprint' });

describe('stored records', () => {
  it('packs a fingerprint and gives the record back exactly, without its text', () => {
    const r = { ...withFp(fingerprintText('the media office of the group moved its printing to another city, officials said')), text: 'full text' };
    const row = storedRecord(r);
    expect(row.fp?.mh).toBeInstanceOf(Uint32Array);
    expect(row.record.fingerprint).toBeUndefined();
    const { text: _t, ...want } = r;
    expect(JSON.stringify(reportRecord(row))).toBe(JSON.stringify(want));
    expect(reportRecord(row)).toEqual(want);
    expect(structuredClone(row)).toEqual(row);
  });

  it('keeps as they were the fingerprints that would not come back exactly', () => {
    const fp = fingerprintText('a short text about the offensive on the city');
    for (const odd of [{ ...fp, terms: { ...fp.terms, x: 1.23456 } }, { ...fp, terms: { '12': 1, ...fp.terms } }, { ...fp, terms: { ...fp.terms, 'a\nb': 1 } }, { ...fp, minhash: [...fp.minhash.slice(1), 1.5] }]) {
      const row = storedRecord(withFp(odd));
      expect(row.fp).toBeUndefined();
      expect(JSON.stringify(reportRecord(row))).toBe(JSON.stringify(withFp(odd)));
    }
  });

  it('keeps a "__proto__" field of a record as its own field', () => {
    const r = JSON.parse(JSON.stringify({ ...withFp(fingerprintText('some words of a text')), text: 'x' }).replace('{', '{"__proto__":{"a":1},')) as ReportRecord;
    const back = reportRecord(storedRecord(r));
    expect(Object.prototype.hasOwnProperty.call(back, '__proto__')).toBe(true);
    expect(JSON.stringify(back)).toBe(JSON.stringify(r).replace(',"text":"x"', ''));
  });

  it('stores the terms shared with the features as positions there, and gives the record back exactly', () => {
    const r = withFp(fingerprintText('the media office of the group moved its printing presses to another city, officials of the province said on Monday'));
    // Feature terms sharing some of the fingerprint's terms, in another order, plus terms of their own.
    const fpTerms = Object.keys(r.fingerprint!.terms);
    const pf = { t: ['zzz-own', ...fpTerms.slice(2).reverse(), 'zzz-extra'].join('\n') };
    const row = { ...storedRecord(r, pf.t), pf };
    expect(row.fp?.r).toBeInstanceOf(Uint8Array);
    expect(row.fp!.t.split('\n')).toEqual(fpTerms.slice(0, 2));
    expect(Array.from(row.fp!.r!).filter((x) => x > 0).length).toBe(fpTerms.length - 2);
    expect(JSON.stringify(reportRecord(row))).toBe(JSON.stringify(r));
    expect(reportRecord(structuredClone(row))).toEqual(r);
    // Every term shared: nothing of its own.
    const all = { t: fpTerms.join('\n') };
    const row2 = { ...storedRecord(r, all.t), pf: all };
    expect(row2.fp!.t).toBe('');
    expect(JSON.stringify(reportRecord(row2))).toBe(JSON.stringify(r));
    // Feature terms kept as an array (a term with a line break): no references.
    const odd = { t: ['a\nb', ...fpTerms] };
    const row3 = { ...storedRecord(r, odd.t), pf: odd };
    expect(row3.fp!.r).toBeUndefined();
    expect(JSON.stringify(reportRecord(row3))).toBe(JSON.stringify(r));
  });

  it('an import row refers to its own packed features', () => {
    const r = withFp(fingerprintText('police said the convoy left the city before dawn and reached the border crossing by noon'));
    const p = prepareReport(r);
    const row = { ...storedRecord(r, p.pf.t), pf: p.pf };
    expect(row.fp!.r!.some((x) => x > 0)).toBe(true);
    expect(row.fp!.t.length).toBeLessThan(Object.keys(r.fingerprint!.terms).join('\n').length);
    expect(JSON.stringify(reportRecord(row))).toBe(JSON.stringify(r));
  });

  it('reads rows written before fingerprints were packed as they are', () => {
    const r = withFp(fingerprintText('another text'));
    expect(reportRecord({ record: r })).toBe(r);
  });
});
