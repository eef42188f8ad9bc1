/**
 * prepareReport (an import's one-pass features and index keys) gives exactly what
 * packFeatures(reportFeatures(r)) and reportKeyHashes(reportFeatures(r), minhash) give: on
 * the default pack, on reports with fingerprints, claims, keywords and copies, and on
 * fingerprint terms an object would reorder or drop (array-index keys, "__proto__", line breaks).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../model';
import { fingerprintText } from '../packs/fingerprint';
import { packFeatures, reportFeatures } from './features';
import { reportKeyHashes } from './postings';
import { prepareReport } from './prepare';

const defaultReports = (JSON.parse(readFileSync(new URL('../../packs/default/pack.json', import.meta.url), 'utf8')) as { reports: ReportRecord[] }).reports;

function expected(r: ReportRecord) {
  const f = reportFeatures(r);
  const pf = packFeatures(f);
  const keys = reportKeyHashes(f, r.fingerprint?.minhash);
  return { pf: { ...pf, w: [...pf.w] }, urls: f.urls, hs: keys.map((k) => k[0]), ws: keys.map((k) => k[1]) };
}

function got(r: ReportRecord) {
  const p = prepareReport(r);
  return { ...p, pf: { ...p.pf, w: [...p.pf.w] } };
}

describe('prepareReport', () => {
  it('matches the features and keys of the old three passes on the default pack', () => {
    expect(defaultReports.length).toBeGreaterThan(0);
    for (const r of defaultReports) expect(got(r), r.id).toEqual(expected(r));
  });

  it('matches them with fingerprints, claims with figures, keywords, entities and copies', () => {
    for (const [i, base] of defaultReports.entries()) {
      const r: ReportRecord = {
        ...base,
        keywords: ['Mosul', 'Nineveh Plains', 'Mosul'],
        copies: [`https://www.copy${i}.example/a/?utm_source=x`, base.url ?? 'https://x.example/'],
        claims: [{ subject: 'Displaced people', text: 'About 12,000 people fled the district', quantity: 12000 }, { subject: 'Camps', text: 'Two camps opened', quantity: 12000 }],
        entities: { people: ['Abu Bakr al-Baghdadi'], organisations: ['Islamic State'], places: ['الموصل', 'Raqqa'] },
        fingerprint: fingerprintText(`${base.title} ${base.summary ?? ''} ${base.title}`),
      };
      expect(got(r), r.id).toEqual(expected(r));
    }
  });

  it('falls back to the old path for terms an object would reorder or drop, with the same result', () => {
    const base = defaultReports[0];
    const fp = fingerprintText(base.summary ?? base.title);
    for (const odd of ['123', '0', '__proto__', 'a\nb']) {
      const r: ReportRecord = { ...base, fingerprint: { ...fp, terms: { ...fp.terms, [odd]: 7.5 } } };
      expect(got(r), JSON.stringify(odd)).toEqual(expected(r));
    }
  });
});
