import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReportRecord } from '../../core/packs/types';
import { normalizeText } from '../../core/text/normalize';
import { openDb } from '../../store/db';

interface Row {
  report: ReportRecord;
  outlet: string;
  packName: string;
  haystack: string;
}

/** The research library: every stored report, searchable and filterable (highlights join it in a later version). */
export function LibraryApp() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [outlet, setOutlet] = useState('');
  const focus = decodeURIComponent(location.hash.replace(/^#report=/, ''));

  useEffect(() => {
    const db = openDb();
    (async () => {
      const [reports, sources, packs] = await Promise.all([db.reports.toArray(), db.sources.toArray(), db.packs.toArray()]);
      const names = new Map(sources.map((s) => [s.id, s.name]));
      const packNames = new Map(packs.map((p) => [p.id, p.name]));
      setRows(
        reports
          .map((r) => {
            const rec = r.record;
            const out = names.get(rec.sourceId) ?? rec.sourceId;
            return { report: rec, outlet: out, packName: packNames.get(r.packId) ?? r.packId, haystack: normalizeText([rec.title, rec.summary, out, ...(rec.tags ?? [])].join(' \n ')) };
          })
          .sort((a, b) => (b.report.published ?? '').localeCompare(a.report.published ?? '')),
      );
    })()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => db.close());
  }, []);

  const tags = useMemo(() => [...new Set((rows ?? []).flatMap((r) => r.report.tags ?? []))].sort(), [rows]);
  const outlets = useMemo(() => [...new Set((rows ?? []).map((r) => r.outlet))].sort(), [rows]);
  const shown = useMemo(() => {
    const q = normalizeText(query.trim());
    return (rows ?? []).filter((r) => (!q || r.haystack.includes(q)) && (!tag || (r.report.tags ?? []).includes(tag)) && (!outlet || r.outlet === outlet));
  }, [rows, query, tag, outlet]);

  useEffect(() => {
    if (focus && rows) document.getElementById(`report-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [rows]);

  return (
    <main>
      <h1>Provenance library</h1>
      {error && <p class="notice" role="alert">Could not open the library: {error}</p>}
      <div class="filters" role="search">
        <input type="search" placeholder="Search titles, summaries, outlets…" aria-label="Search the library" value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)} data-testid="library-search" dir="auto" />
        <select aria-label="Tag" value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
          <option value="">All tags</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
        <select aria-label="Outlet" value={outlet} onChange={(e) => setOutlet((e.target as HTMLSelectElement).value)}>
          <option value="">All outlets</option>
          {outlets.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </div>
      {!rows && !error && <p class="muted">Loading…</p>}
      {rows && (
        <p class="muted" data-testid="library-count">
          {shown.length} of {rows.length} reports
        </p>
      )}
      {rows && rows.length === 0 && <p class="empty">Your library is empty. Import a report pack in Settings, or subscribe to one.</p>}
      <ul class="reports">
        {shown.map((r) => (
          <li key={r.report.id} id={`report-${r.report.id}`} class={r.report.id === focus ? 'focus' : ''} data-testid="library-report">
            <div class="r-title" dir="auto">{r.report.title}</div>
            <div class="muted">
              <span dir="auto">{r.outlet}</span>
              {r.report.published && <> · {r.report.published}{r.report.publishedEstimate ? ' (estimated)' : ''}</>}
              {' · '}<span dir="auto">{r.packName}</span>
            </div>
            <p dir="auto">{r.report.summary}</p>
            {(r.report.claims ?? []).length > 0 && (
              <ul class="claims">
                {(r.report.claims ?? []).map((c, i) => <li key={i} dir="auto">{c.text}{c.attributedTo ? ` — ${c.attributedTo}` : ''}</li>)}
              </ul>
            )}
            {(r.report.url || r.report.canonicalUrl) && (
              <a href={r.report.url ?? r.report.canonicalUrl} target="_blank" rel="noopener noreferrer">Open the original</a>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
