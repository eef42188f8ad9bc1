import { useState } from 'preact/hooks';
import { callWorker } from '../../shared/contract/call';
import { t } from '../../shared/i18n';

/** "Save page to library": the page becomes a report in the user's store (related coverage then finds it). */
export function SaveReportSection(props: { tabId: number | null; savedReportId: string | null; analysed: boolean }) {
  const [saved, setSaved] = useState<string | null>(props.savedReportId);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({ kind: 'idle', text: '' });
  if (props.tabId === null) return null;

  const save = async () => {
    setStatus({ kind: 'busy', text: t('common_saving') });
    try {
      const res = await callWorker('report/save-page', { tabId: props.tabId!, ...(note.trim() ? { note } : {}) });
      setSaved(res.saved.reportId);
      setStatus({ kind: 'done', text: res.saved.updated ? t('save_updated') : t('save_saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('common_could_not_save', e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <section aria-labelledby="h-save" data-testid="save-report">
      <h2 id="h-save">{t('save_heading')}</h2>
      {saved ? (
        <p data-testid="saved-state">
          {t('save_in_library')}{' '}
          <a href={`/src/library/index.html#report=${encodeURIComponent(saved)}`} target="_blank">{t('save_open')}</a>
        </p>
      ) : (
        <p class="muted">{t('save_hint')}</p>
      )}
      {props.analysed ? (
        <>
          <label class="muted" for="save-note">{t('save_note')}</label>
          <textarea id="save-note" dir="auto" rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} data-testid="save-note" />
          <div class="row">
            <button onClick={save} disabled={status.kind === 'busy'} data-testid="save-page">{saved ? t('save_update') : t('save_save')}</button>
          </div>
        </>
      ) : (
        <p class="muted">{t('save_first')}</p>
      )}
      {status.text && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind === 'error' ? 'error' : 'muted'} data-testid="save-status">{status.text}</p>
      )}
    </section>
  );
}
