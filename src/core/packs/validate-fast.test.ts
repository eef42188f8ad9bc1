/**
 * The validation fast path never accepts what the schema refuses: every report of the
 * default pack passes it, and thousands of mutated reports (each field set to wrong types,
 * empty, over-long, malformed values) are accepted by it only when the valibot schema
 * accepts them too. A pack with a bad report still gets the schema's exact problems.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fingerprintText } from './fingerprint';
import { fastReportOk } from './validate-fast';
import { ReportSchema } from './validate-schemas';
import { validatePack } from './validate';

const pack = JSON.parse(readFileSync(join(__dirname, '..', '..', 'packs', 'default', 'pack.json'), 'utf8'));
// The default pack carries no fingerprints: one report with a fingerprint, one with everything optional left out.
const TEXT = 'The media office of the group moved its technicians into the desert after the offensive began, an official said. '.repeat(5);
pack.reports.push({ ...pack.reports[0], id: 'with-fingerprint', fingerprint: fingerprintText(TEXT), claimReviews: [{ claimReviewed: 'x', ratingValue: 1, url: 'https://a.example/r' }], text: TEXT });
pack.reports.push({ id: 'bare', title: 'A title', sourceId: pack.reports[0].sourceId, lang: 'en', summary: 'A summary.', tags: [] });

const BAD: unknown[] = [
  undefined, null, 0, -1, 1.5, NaN, Infinity, '', ' ', 'x', 'UPPER', 'not a url', 'ftp://x.example/a', 'https://', 'http://a.example/b',
  '2026-13-01', '2026-02-30', '2026-01-01', '2026', 'x'.repeat(2_049), 'x'.repeat(20_001), true, [], [''], ['ok'], [1], {}, { a: 1 },
  [{}], ['x'.repeat(2_001)], Array(1_001).fill('a'), 'en', 'ar-SA', '0123456789abcdef', 'reported', 'citation',
];

function* mutations(r: Record<string, unknown>): Generator<unknown> {
  const fields = [...new Set([...Object.keys(r), 'titleIsDescriptive', 'copies', 'publishedEstimate', 'authors', 'entities', 'claims', 'relays', 'links', 'keywords', 'text', 'fingerprint', 'section', 'accessed', 'note', 'claimReviews'])];
  for (const f of fields) for (const bad of BAD) yield { ...r, [f]: bad };
  const fp = r.fingerprint as Record<string, unknown> | undefined;
  if (fp) {
    for (const f of ['minhash', 'simhash', 'terms']) for (const bad of BAD) yield { ...r, fingerprint: { ...fp, [f]: bad } };
    const mh = fp.minhash as number[];
    for (const x of [-1, 2 ** 32, 1.5, '1', null]) yield { ...r, fingerprint: { ...fp, minhash: [x, ...mh.slice(1)] } };
    yield { ...r, fingerprint: { ...fp, minhash: mh.slice(1) } };
    for (const w of [-1, NaN, '1', null]) yield { ...r, fingerprint: { ...fp, terms: { ...(fp.terms as object), extra: w } } };
    yield { ...r, fingerprint: { ...fp, terms: Object.fromEntries(Array.from({ length: 81 }, (_, i) => [`t${i}`, 1])) } };
    yield { ...r, fingerprint: { ...fp, terms: { ['k'.repeat(201)]: 1 } } };
  }
  const claim = { subject: 'the office', text: 'It moved 40 technicians.', quantity: 40 };
  for (const f of ['subject', 'text', 'quantity', 'qualifier', 'unit', 'date', 'place', 'attributedTo']) for (const bad of BAD) yield { ...r, claims: [{ ...claim, [f]: bad }] };
  const relay = { sourceId: 'reuters', name: 'Reuters', how: 'citation' };
  for (const f of ['sourceId', 'name', 'how']) for (const bad of BAD) yield { ...r, relays: [{ ...relay, [f]: bad }] };
  for (const f of ['type', 'reportId']) for (const bad of BAD) yield { ...r, links: [{ type: 'follow-up', reportId: 'abc', [f]: bad }] };
  for (const f of ['people', 'organisations', 'places']) for (const bad of BAD) yield { ...r, entities: { [f]: bad } };
  for (const f of ['claimReviewed', 'ratingValue', 'url', 'reviewer']) for (const bad of BAD) yield { ...r, claimReviews: [{ claimReviewed: 'x', [f]: bad }] };
}

describe('validation fast path', () => {
  it('accepts every report of the default pack', () => {
    expect(pack.reports.length).toBeGreaterThan(2);
    for (const r of pack.reports) expect(fastReportOk(r), r.id).toBe(true);
  });

  it('accepts a mutated report only when the schema does', () => {
    let checked = 0;
    let fastAccepted = 0;
    for (const r of [...pack.reports.slice(0, 2), ...pack.reports.slice(-2)]) {
      for (const m of mutations(r)) {
        checked++;
        if (!fastReportOk(m)) continue;
        fastAccepted++;
        expect(v.safeParse(ReportSchema, m).success, JSON.stringify(m).slice(0, 300)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(fastAccepted).toBeGreaterThan(100);
  });

  it('a pack with one bad report still gets the schema’s problem, with its path', () => {
    const bad = JSON.parse(JSON.stringify(pack));
    bad.reports[1].url = 'javascript:alert(1)';
    const res = validatePack(bad);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.map((p) => p.path)).toContain('$.reports[1].url');
  });
});
