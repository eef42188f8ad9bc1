/**
 * "Save page to library": turn the tab's analysed page into a user report (citation
 * metadata, who it quotes and relays, claims, a fingerprint of its text) and add it to the
 * store and its index at once, so related coverage on other pages finds it.
 */
import { reportFromPage, userReportId } from '../core/packs/report-from-page';
import type { TabState } from '../shared/messages';
import { USER_PACK, type ProvenanceDB, type StoredSource } from '../store/db';
import { saveUserReport } from '../store/user-reports';
import { hostOf } from '../core/match/host';
import { sourceForPage } from './lookup';

export async function savePageAsReport(db: ProvenanceDB, state: TabState | null, opts: { note?: string; tags?: string[] }): Promise<{ reportId: string; title: string; updated: boolean }> {
  const page = state?.page;
  if (!page || page.stage !== 'full') throw new Error('this page has not been read yet: use "Analyse this page anyway" first');
  let source = await sourceForPage(db, page);
  if (!source) {
    const host = hostOf(page.url);
    if (!host) throw new Error('this page has no web address to save');
    const created: StoredSource = {
      id: `user-${host}`, name: page.siteName?.trim() || host, domains: [host], type: 'news-site', country: '',
      languages: page.lang ? [page.lang] : [], notes: '', packId: USER_PACK,
    };
    await db.sources.put(created);
    source = created;
  }
  const existing = await db.reports.get(userReportId(page.canonicalUrl && /^https?:/i.test(page.canonicalUrl) ? page.canonicalUrl : page.url));
  const record = reportFromPage(page, {
    sourceId: source.id,
    people: (state.sourcing?.sources ?? []).filter((s) => s.kind === 'named-person').map((s) => s.source),
    relays: state.provenance.filter((p) => p.kind !== 'copy-of').map((p) => ({ sourceId: p.sourceId, name: p.outlet, how: p.kind === 'relays' ? 'quotes' : p.kind })),
    claims: state.claims.map((c) => ({ subject: c.subject, text: c.text, quantity: c.quantity, qualifier: c.qualifier, attributedTo: c.attributedTo })),
    tags: page.verdict.onTopic ? [page.verdict.topicId] : [],
    note: opts.note ?? (existing?.record.note as string | undefined),
  });
  if (opts.tags?.length) record.tags = [...new Set([...record.tags, ...opts.tags])];
  const stored = await saveUserReport(db, record);
  // The page's highlights now belong to this report.
  const pageUrl = page.url.replace(/#.*$/, '');
  await db.highlights.where('url').equals(pageUrl).modify({ reportId: stored.id });
  return { reportId: stored.id, title: stored.record.title, updated: !!existing };
}
