import { useState } from 'preact/hooks';
import type { ImportProblem } from '../../core/export/types';
import { MAX_PACK_BYTES } from '../../core/packs/limits';
import { tooLargeMessage } from '../../core/packs/validate';
import type { HighlightsImportSummary } from '../../store/highlights-io';
import { callWorker } from '../../shared/contract/call';
import type { ExportedFile, ExportFormat } from '../../shared/contract/worker';
import { ClaimReviewPanel } from './ClaimReviewPanel';
import { t, tp, type MessageKey } from '../../shared/i18n';

/** Fired on window after an import changed the stored highlights, so lists can reload. */
export const HIGHLIGHTS_CHANGED_EVENT = 'provenance:highlights-changed';

const EXPORTS: { id: ExportFormat; label: MessageKey; hint: MessageKey }[] = [
  { id: 'web-annotation', label: 'exp_wa', hint: 'exp_wa_hint' },
  { id: 'hypothesis', label: 'exp_hypothesis', hint: 'exp_hypothesis_hint' },
  { id: 'csl', label: 'exp_csl', hint: 'exp_csl_hint' },
  { id: 'markdown', label: 'exp_markdown', hint: 'exp_markdown_hint' },
  { id: 'csv', label: 'exp_csv', hint: 'exp_csv_hint' },
  { id: 'own', label: 'exp_own', hint: 'exp_own_hint' },
];

/** The file's bytes (binary files come from the worker as base64). */
function fileBytes(file: ExportedFile): BlobPart {
  if (file.encoding === 'text') return file.data;
  const bin = atob(file.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function summaryText(s: HighlightsImportSummary, fileName: string): string {
  const kind = t(s.format === 'provenance-pack' ? 'imp_kind_own' : s.format === 'web-annotation' ? 'imp_kind_wa' : s.format === 'hypothesis' ? 'imp_kind_hypothesis' : 'imp_kind_file');
  let counts = t('imp_counts', s.added, s.updated, s.unchanged);
  if (s.keptLocal) counts = t('imp_counts_kept', counts, s.keptLocal);
  let text = tp('imp_read', s.read, fileName, kind, counts);
  if (s.skipped) text += ` ${tp('imp_skipped', s.skipped)}`;
  if (s.reports) text += ` ${tp('imp_reports', s.reports)}`;
  return text;
}

function problemText(p: ImportProblem): string {
  const where = p.id ? `${p.path} (${p.id})` : p.path;
  return t(p.severity === 'error' ? 'imp_problem_skipped' : 'imp_problem_note', where, p.message);
}

/** Export the user's highlights and saved reports, and import highlights from a file. All text is rendered as text. */
export function ExportPanel() {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  /** Run one call to the worker (which owns the database), showing it as busy. */
  const withWorker = async <T,>(what: 'export' | 'import', fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(t(what === 'export' ? 'exp_busy_export' : 'exp_busy_import'));
    try {
      return await fn();
    } catch (e) {
      setStatus({ kind: 'error', text: t(what === 'export' ? 'common_export_failed' : 'common_import_failed', e instanceof Error ? e.message : String(e)) });
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const doExport = async (e: (typeof EXPORTS)[number]) => {
    setStatus(null);
    setProblems([]);
    const file = await withWorker('export', async () => (await callWorker('library/export', { format: e.id })).file);
    if (!file) return;
    download(file);
    setStatus({ kind: 'ok', text: t('exp_saved', file.name) });
  };

  const doImport = async (file: File) => {
    setStatus(null);
    setProblems([]);
    if (file.size > MAX_PACK_BYTES) {
      setStatus({ kind: 'error', text: `${file.name}: ${tooLargeMessage(file.size).replace(/^pack/, 'file')}` });
      return;
    }
    const text = await file.text().catch((e: unknown) => {
      setStatus({ kind: 'error', text: t('imp_could_not_read', file.name, e instanceof Error ? e.message : String(e)) });
      return null;
    });
    if (text === null) return;
    const s = await withWorker('import', async () => (await callWorker('highlights/import', { text })).summary);
    if (!s) return;
    setStatus({ kind: s.read || !s.problems.length ? 'ok' : 'error', text: summaryText(s, file.name) });
    setProblems(s.problems);
    if (s.added || s.updated) window.dispatchEvent(new CustomEvent(HIGHLIGHTS_CHANGED_EVENT));
  };

  return (
    <section class="export-panel" data-testid="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exp_heading')}</h2>
      <p class="muted">{t('exp_hint')}</p>
      <div class="filters">
        {EXPORTS.map((e) => (
          <button key={e.id} type="button" data-testid={`export-${e.id}`} title={t(e.hint)} disabled={!!busy} onClick={() => void doExport(e)}>
            {t(e.label)}
          </button>
        ))}
      </div>
      <label>
        {t('imp_label')}{' '}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" data-testid="import-file" disabled={!!busy}
          onChange={(ev) => {
            const input = ev.target as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void doImport(f);
          }} />
      </label>
      {busy && <p class="muted" role="status">{busy}</p>}
      {status && (
        <p class={status.kind === 'error' ? 'notice' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="import-status" dir="auto">
          {status.text}
        </p>
      )}
      {problems.length > 0 && (
        <ul data-testid="import-problems" style="max-height: 240px; overflow: auto; font-size: 12px;">
          {problems.map((p, i) => <li key={i} dir="auto">{problemText(p)}</li>)}
        </ul>
      )}
      <ClaimReviewPanel onFile={download} />
    </section>
  );
}
