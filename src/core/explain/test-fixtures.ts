/**
 * Test material for the explanation core, written for these tests: three outlets, a wire
 * story, a syndicator's republication of it, and pages that copy, relay, republish or
 * contradict it. Reports are made from the pages with the core itself (reportFromPage).
 */
import { reportFromPage } from '../packs/report-from-page';
import { PACK_FORMAT, type Pack, type ReportRecord, type SourceProfile } from '../packs/types';
import { pageEvidence } from './explain';
import { pageFromHtml, type PageAnalysis } from './page';
import type { OutletProfile } from './types';

export const OUTLETS: SourceProfile[] = [
  { id: 'tigris-wire', name: 'Tigris Wire', aliases: ['Tigris'], domains: ['tigriswire.example'], type: 'wire', country: 'IQ', languages: ['en'], notes: 'A wire service (test outlet).' },
  { id: 'harbor-daily', name: 'Harbor Daily', domains: ['harbordaily.example'], type: 'syndicator', country: 'GB', languages: ['en'], notes: 'A syndicating news site (test outlet).' },
  { id: 'cedar-times', name: 'Cedar Times', domains: ['cedartimes.example', 'news.cedar.example'], type: 'newspaper', country: 'LB', languages: ['en'], notes: 'A daily (test outlet).' },
];

const STORY = [
  'Islamic State fighters have begun leaving the western districts of Mosul, residents and Iraqi officers said on Tuesday, as army units closed the last roads out of the old city.',
  'About 300 foreign fighters crossed the river at night in small boats, an Iraqi intelligence officer said, leaving behind weapons depots and the families of foreign recruits.',
  'Residents described empty checkpoints and a sudden silence from the loudspeakers the group had used to call men to prayer and to read out its decrees.',
  'The officer said the militants had burned documents in two former government buildings before leaving, and that engineers were checking the streets for explosives.',
  'A shopkeeper in the Zanjili quarter said the group had stopped collecting its monthly tax from traders three weeks ago, which he took as a sign that its hold on the city was slipping.',
];

export function articleHtml(opts: { title: string; site: string; paragraphs: string[]; published?: string; credit?: string }): string {
  const ps = opts.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${opts.title}</title>
<meta property="og:site_name" content="${opts.site}"><meta property="og:type" content="article">
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}
</head><body><article><h1>${opts.title}</h1>
${ps}
${opts.credit ? `<p class="credit">${opts.credit}</p>` : ''}
</article></body></html>`;
}

/** The wire's original story. */
export const WIRE_URL = 'https://tigriswire.example/2017/03/fighters-leave-west-mosul';
export const WIRE_HTML = articleHtml({ title: 'Islamic State fighters slip out of west Mosul as roads close', site: 'Tigris Wire', paragraphs: STORY, published: '2017-03-14T08:00:00Z' });

/** A syndicator's republication of it. */
export const HARBOR_URL = 'https://harbordaily.example/world/mosul-fighters-leave';
export const HARBOR_HTML = articleHtml({
  title: 'Fighters leave west Mosul as the army closes in', site: 'Harbor Daily', paragraphs: STORY, published: '2017-03-14T10:00:00Z',
  credit: 'This story was first published by Tigris Wire and is republished with permission.',
});

const profiles = (): OutletProfile[] => OUTLETS.map((s) => ({ ...s, packId: 'test' }));

/** A report made from a page, as "Save page to library" would make it (sourcing, relays and claims from the core). */
export function reportOf(page: PageAnalysis, sourceId: string, id?: string): ReportRecord {
  const ev = pageEvidence(page, profiles());
  const rec = reportFromPage(page, {
    sourceId,
    people: ev.sourcing.sources.filter((s) => s.kind === 'named-person').map((s) => s.source),
    relays: ev.relays.map((r) => ({ sourceId: r.sourceId, name: r.name, how: r.how })),
    claims: ev.claims.map((c) => ({ subject: c.subject, text: c.text, quantity: c.quantity, qualifier: c.qualifier, attributedTo: c.attributedTo ?? null })),
    accessed: '2017-03-20',
  });
  return id ? { ...rec, id } : rec;
}

export function testPack(reports: ReportRecord[]): Pack {
  return {
    format: PACK_FORMAT, id: 'test', name: 'Test pack', version: '1.0.0', publisher: 'Tests', updated: '2026-12-01T00:00:00Z',
    sources: OUTLETS, reports,
  } as Pack;
}

export const page = (html: string, url: string) => pageFromHtml(html, url);
export { STORY };
