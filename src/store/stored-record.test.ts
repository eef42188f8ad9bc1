/**
 * A report row's record with its fingerprint packed apart (stored-record.ts) reads back as
 * exactly the record imported — same keys in the same order, same values — and a
 * fingerprint that would not come back exactly is kept as it was.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../core/packs/fingerprint';
import type { ReportRecord } from '../core/packs/types';
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

  it('reads rows written before fingerprints were packed as they are', () => {
    const r = withFp(fingerprintText('another text'));
    expect(reportRecord({ record: r })).toBe(r);
  });
});
