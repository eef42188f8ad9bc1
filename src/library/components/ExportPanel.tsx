import { useState } from 'preact/hooks';
import type { ImportProblem } from '../../core/export/types';
import { MAX_PACK_BYTES } from '../../core/packs/limits';
import { tooLargeMessage } from '../../core/packs/validate';
import type { HighlightsImportSummary } from '../../store/highlights-io';
import { callWorker } from '../../shared/contract/call';
import type { ExportedFile, ExportFormat } from '../../shared/contract/worker';
import { ClaimReviewPanel } from './ClaimReviewPanel';

/** Fired on window after an import changed the stored highlights, so lists can reload. */
export const HIGHLIGHTS_CHANGED_EVENT = 'provenance:highlights-changed';

const EXPORTS: { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'web-annotation', label: 'Web Annotation (.jsonld)', hint: 'W3C standard; annotation tools' },
  { id: 'hypothesis', label: 'Hypothesis (.json)', hint: 'the Hypothesis client export format: import into a Hypothesis group' },
  { id: 'csl', label: 'Citations (CSL-JSON)', hint: 'Zotero and other reference managers' },
  { id: 'markdown', label: 'Markdown notes (.zip)', hint: 'one file per page, for note-taking apps' },
  { id: 'csv', label: 'Spreadsheet (.csv)', hint: 'one row per highlight' },
  { id: 'own', label: 'Provenance backup (.json)', hint: 'saved reports and highlights, to import into Provenance' },
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
  const kind = s.format === 'provenance-pack' ? 'a Provenance export' : s.format === 'web-annotation' ? 'a Web Annotation file' : s.format === 'hypothesis' ? 'a Hypothesis export' : 'the file';
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.unchanged} already here`];
  if (s.keptLocal) parts.push(`${s.keptLocal} kept as they are (your copy is newer)`);
  let text = `${fileName}: ${plural(s.read, 'highlight')} read from ${kind} — ${parts.join(', ')}.`;
  if (s.skipped) text += ` ${plural(s.skipped, 'item')} skipped.`;
  if (s.reports) text += ` The file also holds ${plural(s.reports, 'saved report')}: this import adds highlights only.`;
  return text;
}

function problemText(p: ImportProblem): string {
  return `${p.severity === 'error' ? 'Skipped' : 'Note'} ${p.path}${p.id ? ` (${p.id})` : ''}: ${p.message}`;
}

/** Export the user's highlights and saved reports, and import highlights from a file. All text is rendered as text. */
export function ExportPanel() {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  /** Run one call to the worker (which owns the database), showing it as busy. */
  const withWorker = async <T,>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    try {
      return await fn();
    } catch (e) {
      setStatus({ kind: 'error', text: `${label} failed: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const doExport = async (e: (typeof EXPORTS)[number]) => {
    setStatus(null);
    setProblems([]);
    const file = await withWorker('Export', async () => (await callWorker('library/export', { format: e.id })).file);
    if (!file) return;
    download(file);
    setStatus({ kind: 'ok', text: `Saved ${file.name}.` });
  };

  const doImport = async (file: File) => {
    setStatus(null);
    setProblems([]);
    if (file.size > MAX_PACK_BYTES) {
      setStatus({ kind: 'error', text: `${file.name}: ${tooLargeMessage(file.size).replace(/^pack/, 'file')}` });
      return;
    }
    const text = await file.text().catch((e: unknown) => {
      setStatus({ kind: 'error', text: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    });
    if (text === null) return;
    const s = await withWorker('Import', async () => (await callWorker('highlights/import', { text })).summary);
    if (!s) return;
    setStatus({ kind: s.read || !s.problems.length ? 'ok' : 'error', text: summaryText(s, file.name) });
    setProblems(s.problems);
    if (s.added || s.updated) window.dispatchEvent(new CustomEvent(HIGHLIGHTS_CHANGED_EVENT));
  };

  return (
    <section class="export-panel" data-testid="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">Export and import</h2>
      <p class="muted">Your highlights and saved reports, as files you keep. Nothing is sent anywhere. Citations, notes and annotations link each page's archived copy at the time you saved it (web.archive.org; the link is only written, never fetched).</p>
      <div class="filters">
        {EXPORTS.map((e) => (
          <button key={e.id} type="button" data-testid={`export-${e.id}`} title={e.hint} disabled={!!busy} onClick={() => void doExport(e)}>
            {e.label}
          </button>
        ))}
      </div>
      <label>
        Import highlights (a Provenance backup, Web Annotation JSON-LD or a Hypothesis export):{' '}
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" data-testid="import-file" disabled={!!busy}
          onChange={(ev) => {
            const input = ev.target as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void doImport(f);
          }} />
      </label>
      {busy && <p class="muted" role="status">{busy}…</p>}
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
