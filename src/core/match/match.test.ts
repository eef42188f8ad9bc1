import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../packs/types';
import { normalizeUrl, reportFeatures } from './features';
import { matchReports, type CorpusStats, type MatchableReport } from './match';
import { minhashText } from '../packs/fingerprint';

const reports: ReportRecord[] = [
  {
    id: 'r-mosul', title: 'Foreign technicians leave the group in Mosul', sourceId: 'ara', lang: 'en',
    summary: 'Technicians and media workers who ran the group propaganda centres in Mosul have fled, local sources say.',
    tags: ['defectors'], entities: { people: ['Raafat al-Zarari'], places: ['Mosul', 'Nineveh'] },
    claims: [{ subject: 'foreign technicians who left', text: 'dozens left', qualifier: 'dozens' }],
    keywords: ['الموصل', 'technicians', 'media centre'], url: 'https://example.org/mosul-technicians',
  },
  {
    id: 'r-detainees', title: 'Detainee transfer from Syria to Iraq worries officials', sourceId: 'menn', lang: 'en',
    summary: 'Some 7,000 detainees are to be moved from prisons in Syria to Iraq, a former minister warned.',
    tags: ['detainees'], entities: { people: ['Mohammed Allawi'], places: ['Iraq', 'Syria'] },
    claims: [{ subject: 'detainees transferred', text: 'about 7,000', quantity: 7000, qualifier: 'about' }],
    keywords: ['prisons', 'detainees', 'معتقلين'],
  },
  {
    id: 'r-recipes', title: 'Ten ways to bake sourdough bread', sourceId: 'food', lang: 'en',
    summary: 'Flour, water, salt and patience make a good loaf of bread.', tags: [],
  },
];

function setup(): { items: MatchableReport[]; stats: CorpusStats } {
  const items = reports.map((r) => ({ id: r.id, sourceId: r.sourceId, ...reportFeatures(r) }));
  const df = new Map<string, number>();
  const edf = new Map<string, number>();
  for (const it of items) {
    for (const t of Object.keys(it.terms)) df.set(t, (df.get(t) ?? 0) + 1);
    for (const k of it.entityKeys) edf.set(k, (edf.get(k) ?? 0) + 1);
  }
  return { items, stats: { docCount: items.length, df: (t) => df.get(t) ?? 0, entityDf: (k) => edf.get(k) ?? 0 } };
}

const base = { url: 'https://other.example/story', canonicalUrl: null, sourceId: null, relayedSourceIds: [] as string[] };

describe('matchReports', () => {
  it('ranks the report on the same event first, with entity and wording reasons', () => {
    const { items, stats } = setup();
    const m = matchReports(
      { ...base, title: 'Mosul: the group loses its foreign technicians', text: 'Raafat al-Zarari, who heads the Nineveh media centre, said technicians fled Mosul. Media workers also left the propaganda centres.' },
      items, stats,
    );
    expect(m[0]?.reportId).toBe('r-mosul');
    const kinds = m[0].reasons.map((r) => r.kind);
    expect(kinds).toContain('shared-entities');
    expect(m.find((x) => x.reportId === 'r-recipes')).toBeUndefined();
  });
  it('finds a report from an Arabic page through its Arabic keywords and figures', () => {
    const { items, stats } = setup();
    const m = matchReports({ ...base, title: 'نقل معتقلين من سوريا', text: 'حذر وزير سابق من نقل نحو 7,000 من المعتقلين من السجون في سوريا إلى العراق.' }, items, stats);
    expect(m[0]?.reportId).toBe('r-detainees');
    expect(m[0].reasons.map((r) => r.kind)).toContain('same-figures');
  });
  it('an unrelated page matches nothing', () => {
    const { items, stats } = setup();
    expect(matchReports({ ...base, title: 'Election results in the county', text: 'Voters chose a new mayor on Sunday after a long campaign about roads.' }, items, stats)).toEqual([]);
  });
  it('same URL (a known copy) is a match on its own', () => {
    const { items, stats } = setup();
    const m = matchReports({ ...base, url: 'http://www.example.org/mosul-technicians/?utm_source=x', title: 'x', text: 'y' }, items, stats);
    expect(m[0]?.reportId).toBe('r-mosul');
    expect(m[0].reasons[0].kind).toBe('same-url');
  });
  it('normalizeUrl drops scheme, www, tracking and trailing slash, and refuses other schemes', () => {
    expect(normalizeUrl('https://www.Example.org/a/?utm_medium=x&id=2#top')).toBe('example.org/a?id=2');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('same story', () => {
  const story =
    'Engineers who ran the internet cafes of the city were taken into the desert with their equipment, residents who fled the western districts said. ' +
    'The group wanted to keep its media office working after the offensive began, according to a local official, who named two of the men. ' +
    'Families of the engineers said they had not heard from them for weeks and feared they would be used to run online recruitment. ';
  const sibling =
    'The group has recruited engineers in the city to keep its online propaganda running, an official in the provincial council said on Monday. ' +
    'Internet cafes in the western districts were closed and their owners questioned about the accounts they used, residents said after they fled. ';
  const { stats } = setup();
  const page = { url: 'https://copy.example/a', canonicalUrl: null, title: 'A new headline', text: 'Advertisement. ' + story + ' Comments (3). Share.', sourceId: null, relayedSourceIds: [], minhash: minhashText('Advertisement. ' + story + ' Comments (3). Share.') };
  const cand = (id: string, text: string): MatchableReport => ({ id, sourceId: 's-' + id, ...reportFeatures({ id, sourceId: 's', lang: 'en', title: 'Engineers taken into the desert', summary: text.slice(0, 200), tags: [] }), minhash: minhashText(text) });

  it('ranks the copy first with a same-story reason, the sibling story as related only', () => {
    const out = matchReports(page, [cand('sibling', sibling), cand('original', story)], { ...stats, docCount: 10 });
    expect(out[0].reportId).toBe('original');
    expect(out[0].reasons[0].kind).toBe('same-story');
    const sib = out.find((m) => m.reportId === 'sibling');
    expect(sib).toBeDefined();
    expect(sib!.reasons.some((r) => r.kind === 'same-story')).toBe(false);
  });
});
