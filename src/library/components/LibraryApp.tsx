import { useEffect, useMemo, useState } from 'preact/hooks';
import { callWorker } from '../../shared/contract/call';
import { filterRows, highlightRow, NO_FILTERS, outletResolver, reportRow, type Filters, type HighlightRow, type ReportRow } from '../library-rows';
import { HighlightList } from './HighlightList';
import { ExportPanel } from './ExportPanel';
import { VersionsPanel } from './VersionsPanel';
import { ClaimReviewList } from './ClaimReviewList';
import { t } from '../../shared/i18n';

/** Rows rendered per list before "Show more" (a store can hold 100k reports). */
const PAGE = 50;

interface Data {
  reports: ReportRow[];
  highlights: HighlightRow[];
}

/** The research library: stored reports and the user's highlights, searchable and filterable. */
export function LibraryApp() {
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [reportLimit, setReportLimit] = useState(PAGE);
  const [hlLimit, setHlLimit] = useState(PAGE);
  const focus = decodeURIComponent(location.hash.replace(/^#report=/, ''));
  const set = (patch: Partial<Filters>) => {
    setF((old) => ({ ...old, ...patch }));
    setReportLimit(PAGE);
    setHlLimit(PAGE);
  };

  useEffect(() => {
    // The worker owns the database: the library asks it for the lists.
    (async () => {
      const { reports, outlets, highlights } = await callWorker('library/data');
      const outletFor = outletResolver(outlets);
      setData({
        reports: reports
          .map((r) => reportRow(r.record, r.outlet, r.packName))
          .sort((a, b) => (b.report.published ?? '').localeCompare(a.report.published ?? '')),
        highlights: highlights
          .filter((h) => !h.deletedAt)
          .map((h) => highlightRow(h, outletFor))
          .sort((a, b) => b.h.createdAt - a.h.createdAt),
      });
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const tags = useMemo(() => [...new Set([...(data?.reports ?? []), ...(data?.highlights ?? [])].flatMap((r) => r.tags))].sort(), [data]);
  const outlets = useMemo(() => [...new Set([...(data?.reports ?? []), ...(data?.highlights ?? [])].map((r) => r.outlet))].sort(), [data]);
  const reportsShown = useMemo(() => {
    if (!data || f.show === 'highlights' || f.show === 'orphans') return [];
    const out = filterRows(data.reports, f);
    // The report a link points at (#report=id) comes first, so it is rendered whatever the page size.
    const i = focus ? out.findIndex((r) => r.report.id === focus) : -1;
    if (i > 0) out.unshift(...out.splice(i, 1));
    return out;
  }, [data, f]);
  const highlightsShown = useMemo(() => {
    if (!data || f.show === 'reports') return [];
    const out = filterRows(data.highlights, f);
    return f.show === 'orphans' ? out.filter((r) => r.orphan) : out;
  }, [data, f]);

  useEffect(() => {
    if (focus && data) document.getElementById(`report-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [data]);

  return (
    <main>
      <h1>{t('lib_title')}</h1>
      {error && <p class="notice" role="alert">{t('lib_open_error', error)}</p>}
      <div class="filters" role="search">
        <input type="search" placeholder={t('lib_search_placeholder')} aria-label={t('lib_search')} value={f.query}
          onInput={(e) => set({ query: (e.target as HTMLInputElement).value })} data-testid="library-search" dir="auto" />
        <select aria-label={t('lib_show')} value={f.show} onChange={(e) => set({ show: (e.target as HTMLSelectElement).value as Filters['show'] })} data-testid="library-show">
          <option value="all">{t('lib_show_all')}</option>
          <option value="highlights">{t('lib_show_highlights')}</option>
          <option value="orphans">{t('lib_show_orphans')}</option>
          <option value="reports">{t('lib_show_reports')}</option>
        </select>
        <select aria-label={t('lib_tag')} value={f.tag} onChange={(e) => set({ tag: (e.target as HTMLSelectElement).value })} data-testid="library-tag">
          <option value="">{t('lib_all_tags')}</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <select aria-label={t('lib_outlet')} value={f.outlet} onChange={(e) => set({ outlet: (e.target as HTMLSelectElement).value })} data-testid="library-outlet">
          <option value="">{t('lib_all_outlets')}</option>
          {outlets.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <label class="muted">{t('lib_from')} <input type="date" value={f.from} onInput={(e) => set({ from: (e.target as HTMLInputElement).value })} data-testid="library-from" /></label>
        <label class="muted">{t('lib_to')} <input type="date" value={f.to} onInput={(e) => set({ to: (e.target as HTMLInputElement).value })} data-testid="library-to" /></label>
      </div>
      {!data && !error && <p class="muted">{t('common_loading')}</p>}
      <VersionsPanel />

      {data && f.show !== 'reports' && (
        <section aria-labelledby="h-lib-highlights">
          <h2 id="h-lib-highlights">{t('hl_heading')}</h2>
          <p class="muted" data-testid="library-hl-count">
            {t('lib_hl_count', highlightsShown.length, data.highlights.length)}
          </p>
          {data.highlights.length === 0 && (
            <p class="empty">{t('lib_no_highlights')}</p>
          )}
          <HighlightList rows={highlightsShown.slice(0, hlLimit)} />
          {highlightsShown.length > hlLimit && (
            <button onClick={() => setHlLimit(hlLimit + PAGE)}>{t('lib_more_highlights', highlightsShown.length - hlLimit)}</button>
          )}
        </section>
      )}

      {data && f.show !== 'highlights' && f.show !== 'orphans' && (
        <section aria-labelledby="h-lib-reports">
          <h2 id="h-lib-reports">{t('lib_reports')}</h2>
          <p class="muted" data-testid="library-count">
            {t('lib_report_count', reportsShown.length, data.reports.length)}
          </p>
          {data.reports.length === 0 && <p class="empty">{t('lib_empty')}</p>}
          <ul class="reports">
            {reportsShown.slice(0, reportLimit).map(({ report, outlet, packName }) => (
              <li key={report.id} id={`report-${report.id}`} class={report.id === focus ? 'focus' : ''} data-testid="library-report">
                <div class="r-title" dir="auto">{report.title}</div>
                <div class="muted">
                  <span dir="auto">{outlet}</span>
                  {report.published && <> · {report.published}{report.publishedEstimate ? ` ${t('related_estimated')}` : ''}</>}
                  {' · '}<span dir="auto">{packName}</span>
                </div>
                <p dir="auto">{report.summary}</p>
                {(report.claims ?? []).length > 0 && (
                  <ul class="claims">
                    {(report.claims ?? []).map((c, i) => <li key={i} dir="auto">{c.text}{c.attributedTo ? ` — ${c.attributedTo}` : ''}</li>)}
                  </ul>
                )}
                <ClaimReviewList reviews={report.claimReviews} />
                {(report.url || report.canonicalUrl) && (
                  <a href={report.url ?? report.canonicalUrl} target="_blank" rel="noopener noreferrer">{t('lib_open_original')}</a>
                )}
              </li>
            ))}
          </ul>
          {reportsShown.length > reportLimit && (
            <button onClick={() => setReportLimit(reportLimit + PAGE)} data-testid="library-more">{t('lib_more_reports', reportsShown.length - reportLimit)}</button>
          )}
        </section>
      )}
      <ExportPanel />
    </main>
  );
}
