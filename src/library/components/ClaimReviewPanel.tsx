/**
 * Library panel: pick claims of a saved report, give each a verdict (a rating name and a
 * 1–5 value, 1 = false … 5 = true) and notes, and export them as schema.org ClaimReview
 * JSON-LD (src/core/export/claim-review.ts). Verdicts are kept by the worker (settings
 * table); nothing is sent anywhere. All text is rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import { BEST_RATING, RATING_PRESETS, WORST_RATING, type ClaimVerdict } from '../../core/export/claim-review';
import type { ReportRecord } from '../../core/packs/types';
import { callWorker } from '../../shared/contract/call';
import type { ExportedFile } from '../../shared/contract/worker';
import { num, t, tp } from '../../shared/i18n';

interface Row {
  checked: boolean;
  rating: string;
  value: number;
  notes: string;
  saved: boolean;
}

const emptyRow = (): Row => ({ checked: false, rating: '', value: 3, notes: '', saved: false });

function rowsFor(record: ReportRecord, verdicts: ClaimVerdict[]): Row[] {
  return (record.claims ?? []).map((c, i) => {
    const v = verdicts.find((x) => x.claimIndex === i && x.claimText === c.text);
    return v ? { checked: true, rating: v.rating, value: v.ratingValue, notes: v.notes ?? '', saved: true } : emptyRow();
  });
}

export function ClaimReviewPanel({ onFile }: { onFile: (f: ExportedFile) => void }) {
  const [reports, setReports] = useState<ReportRecord[]>([]);
  const [reportId, setReportId] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [reviewer, setReviewer] = useState({ name: '', url: '', type: 'Organization' as 'Organization' | 'Person' });
  const [reviewUrl, setReviewUrl] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const record = reports.find((r) => r.id === reportId);

  useEffect(() => {
    callWorker('library/data')
      .then(({ reports: all }) => {
        const saved = all.filter((r) => (r.packName === 'user' || r.record.id.startsWith('user-')) && r.record.claims?.length).map((r) => r.record);
        setReports(saved);
        if (saved.length) setReportId(saved[0].id);
      })
      .catch((e: unknown) => setStatus({ kind: 'error', text: t('crp_list_error', e instanceof Error ? e.message : String(e)) }));
  }, []);

  useEffect(() => {
    if (!record) return;
    callWorker('claims/verdicts', { reportId: record.id })
      .then(({ verdicts, reviewer: r }) => {
        setRows(rowsFor(record, verdicts));
        if (r) {
          setReviewer((old) => (old.name ? old : { name: r.name, url: r.url ?? '', type: r.type ?? 'Organization' }));
          setReviewUrl((old) => old || (r.reviewUrl ?? ''));
        }
      })
      .catch((e: unknown) => setStatus({ kind: 'error', text: t('crp_verdicts_error', e instanceof Error ? e.message : String(e)) }));
  }, [reportId, reports]);

  const patch = (i: number, p: Partial<Row>) => setRows((old) => old.map((r, k) => (k === i ? { ...r, ...p, saved: false } : r)));

  const doExport = async () => {
    if (!record) return;
    setStatus(null);
    const chosen = rows.map((r, i) => ({ ...r, i })).filter((r) => r.checked);
    if (!chosen.length) return setStatus({ kind: 'error', text: t('crp_tick_one') });
    const unnamed = chosen.find((r) => !r.rating.trim());
    if (unnamed) return setStatus({ kind: 'error', text: t('crp_give_rating', unnamed.i + 1) });
    setBusy(true);
    try {
      for (const r of chosen) {
        if (r.saved) continue;
        await callWorker('claims/set-verdict', { reportId: record.id, claimIndex: r.i, rating: r.rating, ratingValue: r.value, notes: r.notes || undefined });
      }
      setRows((old) => old.map((r) => (r.checked ? { ...r, saved: true } : r)));
      const res = await callWorker('claims/export-review', {
        reportId: record.id, claimIndexes: chosen.map((r) => r.i), reviewUrl: reviewUrl.trim(),
        reviewer: { name: reviewer.name.trim(), type: reviewer.type, ...(reviewer.url.trim() ? { url: reviewer.url.trim() } : {}) },
      });
      const details = res.skipped.map((s) => t('crp_left_out', s.claimIndex + 1, s.reasons.join('; ')));
      if (!res.exported) return setStatus({ kind: 'error', text: t('crp_nothing'), details });
      onFile(res.file);
      setStatus({ kind: 'ok', text: tp('crp_saved', res.exported, res.file.name), details });
    } catch (e) {
      setStatus({ kind: 'error', text: t('common_export_failed', e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="claimreview-panel" data-testid="claimreview-panel" aria-labelledby="claimreview-heading">
      <h3 id="claimreview-heading">{t('crp_heading')}</h3>
      {!reports.length ? (
        <p class="muted">{t('crp_none')}</p>
      ) : (
        <>
          <label>
            {t('crp_report')}{' '}
            <select data-testid="claimreview-report" value={reportId} onChange={(e) => setReportId((e.target as HTMLSelectElement).value)}>
              {reports.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
          </label>
          <ol data-testid="claimreview-claims">
            {(record?.claims ?? []).map((c, i) => {
              const r = rows[i] ?? emptyRow();
              return (
                <li key={i}>
                  <label>
                    <input type="checkbox" data-testid={`claimreview-claim-${i}`} checked={r.checked} onChange={(e) => patch(i, { checked: (e.target as HTMLInputElement).checked })} />{' '}
                    <span dir="auto">{c.text}</span>
                    {c.attributedTo && <span class="muted" dir="auto"> — {c.attributedTo}</span>}
                  </label>
                  <div class="filters">
                    <input list="claimreview-presets" aria-label={t('crp_rating_of', i + 1)} placeholder={t('crp_rating_placeholder')} data-testid={`claimreview-rating-${i}`} value={r.rating} dir="auto"
                      onInput={(e) => {
                        const name = (e.target as HTMLInputElement).value;
                        const preset = RATING_PRESETS.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
                        patch(i, { rating: name, checked: true, ...(preset ? { value: preset.value } : {}) });
                      }} />
                    <select aria-label={t('crp_scale_of', i + 1)} data-testid={`claimreview-value-${i}`} value={String(r.value)}
                      onChange={(e) => patch(i, { value: Number((e.target as HTMLSelectElement).value) })}>
                      {Array.from({ length: BEST_RATING - WORST_RATING + 1 }, (_, k) => WORST_RATING + k).map((n) => <option key={n} value={String(n)}>{num(n)}</option>)}
                    </select>
                    <input aria-label={t('crp_notes_of', i + 1)} placeholder={t('crp_notes_placeholder')} data-testid={`claimreview-notes-${i}`} value={r.notes} dir="auto"
                      onInput={(e) => patch(i, { notes: (e.target as HTMLInputElement).value })} />
                    {r.saved && <span class="muted">{' '}{t('crp_saved_mark')}</span>}
                  </div>
                </li>
              );
            })}
          </ol>
          <datalist id="claimreview-presets">
            {RATING_PRESETS.map((p) => <option key={p.name} value={p.name} />)}
          </datalist>
          <div class="filters">
            <input aria-label={t('crp_reviewer')} placeholder={t('crp_reviewer_placeholder')} data-testid="claimreview-reviewer" value={reviewer.name} dir="auto"
              onInput={(e) => setReviewer({ ...reviewer, name: (e.target as HTMLInputElement).value })} />
            <select aria-label={t('crp_reviewer_is')} data-testid="claimreview-reviewer-type" value={reviewer.type}
              onChange={(e) => setReviewer({ ...reviewer, type: (e.target as HTMLSelectElement).value as 'Organization' | 'Person' })}>
              <option value="Organization">{t('crp_organisation')}</option>
              <option value="Person">{t('crp_person')}</option>
            </select>
            <input type="url" aria-label={t('crp_reviewer_url')} placeholder={t('crp_reviewer_url')} value={reviewer.url}
              onInput={(e) => setReviewer({ ...reviewer, url: (e.target as HTMLInputElement).value })} />
            <input type="url" aria-label={t('crp_review_url')} placeholder={t('crp_review_url_placeholder')} data-testid="claimreview-url" value={reviewUrl}
              onInput={(e) => setReviewUrl((e.target as HTMLInputElement).value)} />
            <button type="button" data-testid="claimreview-export" disabled={busy} onClick={() => void doExport()}>{t('crp_export')}</button>
          </div>
        </>
      )}
      {status && (
        <div class={status.kind === 'error' ? 'notice' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="claimreview-status" dir="auto">
          {status.text}
          {status.details?.length ? <ul>{status.details.map((d, k) => <li key={k}>{d}</li>)}</ul> : null}
        </div>
      )}
    </section>
  );
}
