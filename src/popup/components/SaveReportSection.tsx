import { useState } from 'preact/hooks';
import { callWorker } from '../../shared/contract/call';

/** "Save page to library": the page becomes a report in the user's store (related coverage then finds it). */
export function SaveReportSection(props: { tabId: number | null; savedReportId: string | null; analysed: boolean }) {
  const [saved, setSaved] = useState<string | null>(props.savedReportId);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });
  if (props.tabId === null) return null;

  const save = async () => {
    setStatus({ kind: 'busy', text: 'Saving…' });
    try {
      const res = await callWorker('report/save-page', { tabId: props.tabId!, ...(note.trim() ? { note } : {}) });
      setSaved(res.saved.reportId);
      setStatus({ kind: 'done', text: res.saved.updated ? 'Updated in your library.' : 'Saved to your library.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `Could not save: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <section aria-labelledby="h-save" data-testid="save-report">
      <h2 id="h-save">Your library</h2>
      {saved ? (
        <p data-testid="saved-state">
          This page is in your library.{' '}
          <a href={`/src/library/index.html#report=${encodeURIComponent(saved)}`} target="_blank">Open in library</a>
        </p>
      ) : (
        <p class="muted">Save this page as a report: its citation details, sourcing and claims are kept (not its full text), and it will show up as related coverage on other pages.</p>
      )}
      {props.analysed ? (
        <>
          <label class="muted" for="save-note">Note (optional)</label>
          <textarea id="save-note" dir="auto" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} data-testid="save-note" />
          <div class="row">
            <button onClick={save} disabled={status.kind === 'busy'} data-testid="save-page">{saved ? 'Update saved report' : 'Save page to library'}</button>
          </div>
        </>
      ) : (
        <p class="muted">Analyse the page first to save it.</p>
      )}
      {status.text && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind === 'error' ? 'error' : 'muted'} data-testid="save-status">{status.text}</p>
      )}
    </section>
  );
}
