import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { MAX_PACK_BYTES } from '../../core/packs/limits';
import { tooLargeMessage } from '../../core/packs/validate';
import type { PackImported, PackProblem, PackSummary, SubscriptionView } from '../../shared/messages';
import { callWorker } from '../../shared/contract/call';
import { CallError } from '../../shared/contract/reply';
import { formatDate, t } from '../../shared/i18n';

type Notice = { kind: 'ok' | 'error'; text: string; problems?: PackProblem[] } | null;

function when(ts?: number): string {
  return ts ? formatDate(ts, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' }) : '—';
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PacksPanel() {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [subs, setSubs] = useState<SubscriptionView[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [sha, setSha] = useState('');
  const [drag, setDrag] = useState(false);

  const refresh = async () => {
    const res = await callWorker('packs/list');
    setPacks(res.packs);
    setSubs(res.subscriptions);
  };
  useEffect(() => void refresh().catch((e: unknown) => setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) })), []);

  const showResult = (r: PackImported) => {
    setNotice({
      kind: 'ok',
      text: r.status === 'unchanged' ? t('packs_up_to_date', r.packName) : t('packs_imported', r.packName, r.reports, r.sources),
      problems: r.warnings,
    });
  };

  const importFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_PACK_BYTES) {
      setNotice({ kind: 'error', text: t('packs_not_imported', tooLargeMessage(file.size)) });
      return;
    }
    setBusy(true);
    try {
      showResult(await callWorker('packs/import', { text: await file.text() }));
      await refresh();
    } catch (e) {
      // A pack the worker refused: its message already says so, with the problems listed.
      if (e instanceof CallError && e.kind === 'failed') setNotice({ kind: 'error', text: e.message, problems: e.problems });
      else setNotice({ kind: 'error', text: t('packs_not_imported', e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };

  const doSubscribe = async (e: Event) => {
    e.preventDefault();
    setNotice(null);
    setBusy(true);
    try {
      // Ask for access to that host only now, when the user subscribes (optional permission).
      try {
        const origin = new URL(url.trim()).origin;
        await browser.permissions.request({ origins: [`${origin}/*`] });
      } catch {
        /* refused or not a URL: the worker explains what went wrong */
      }
      const s = (await callWorker('packs/subscribe', { url: url.trim(), sha256: sha.trim() || undefined })).subscription;
      setNotice(s.lastError ? { kind: 'error', text: t('packs_subscribed_failed', s.lastError) } : { kind: 'ok', text: t('packs_subscribed', s.lastResult ?? '') });
      setUrl('');
      setSha('');
      await refresh();
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  /** Run one pack action, show its outcome, reload the list. */
  const act = async (action: () => Promise<SubscriptionView | null>) => {
    setBusy(true);
    try {
      const s = await action();
      if (s) setNotice(s.lastError ? { kind: 'error', text: t('packs_update_failed', s.lastError) } : { kind: 'ok', text: t('packs_checked', s.lastResult ?? '') });
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
    try {
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const doExport = async (ids?: string[]) => {
    try {
      const { pack } = await callWorker('packs/export', ids ? { ids } : {});
      download(`${pack.id}.json`, JSON.stringify(pack, null, 2));
    } catch (e) {
      setNotice({ kind: 'error', text: t('common_export_failed', e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <>
      <h2>{t('packs_heading')}</h2>
      {notice && (
        <div class={notice.kind === 'error' ? 'notice' : 'ok-notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="pack-notice">
          <p dir="auto">{notice.text}</p>
          {notice.problems && notice.problems.length > 0 && (
            <ul data-testid="pack-problems">
              {notice.problems.map((p, i) => <li key={i} dir="auto"><code>{p.path}</code>: {p.message}</li>)}
            </ul>
          )}
        </div>
      )}
      {!packs ? <p class="muted">{t('common_loading')}</p> : (
        <table data-testid="packs-table">
          <thead><tr><th>{t('packs_pack')}</th><th>{t('packs_version')}</th><th>{t('packs_reports')}</th><th>{t('packs_outlets')}</th><th>{t('packs_imported_at')}</th><th><span class="sr-only">{t('packs_actions')}</span></th></tr></thead>
          <tbody>
            {packs.length === 0 && <tr><td colSpan={6} class="muted">{t('packs_none')}</td></tr>}
            {packs.map((p) => (
              <tr key={p.id} data-pack-id={p.id}>
                <td dir="auto"><strong>{p.name}</strong><br /><span class="muted" dir="auto">{p.publisher}</span></td>
                <td>{p.version}</td><td>{p.reports}</td><td>{p.sources}</td><td>{when(p.importedAt)}</td>
                <td>
                  <button onClick={() => doExport([p.id])} disabled={busy}>{t('packs_export')}</button>{' '}
                  <button onClick={() => confirm(t('packs_remove_confirm', p.name)) && act(() => callWorker('packs/remove', { packId: p.id }).then(() => null))} disabled={busy}>{t('packs_remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row" style="margin-block:8px">
        <button onClick={() => doExport()} disabled={busy || !packs?.length} data-testid="export-all">{t('packs_export_all')}</button>
      </div>

      <h3>{t('packs_import_heading')}</h3>
      <label
        class={`dropzone${drag ? ' drag' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDrag(true); }}
        onDragLeave={() => setDrag(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDrag(false);
          const f = e.dataTransfer?.files?.[0];
          if (f) void importFile(f);
        }}
      >
        {t('packs_drop')}{' '}
        <input type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy}
          onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void importFile(f); (e.target as HTMLInputElement).value = ''; }} />
      </label>

      <h3>{t('packs_subscribe_heading')}</h3>
      <form onSubmit={doSubscribe} class="subscribe">
        <label>{t('packs_address')} <input type="url" required placeholder="https://example.org/pack.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} data-testid="sub-url" size={40} /></label>
        <label>{t('packs_sha')} <input type="text" pattern="[0-9a-fA-F]{64}" value={sha} onInput={(e) => setSha((e.target as HTMLInputElement).value)} size={20} data-testid="sub-sha" /></label>
        <button class="primary" type="submit" disabled={busy} data-testid="sub-submit">{t('packs_subscribe')}</button>
      </form>
      <p class="muted">{t('packs_subscribe_hint')}</p>
      {subs.length > 0 && (
        <table data-testid="subs-table">
          <thead><tr><th>{t('packs_address')}</th><th>{t('packs_last_checked')}</th><th>{t('packs_result')}</th><th>{t('packs_next_check')}</th><th><span class="sr-only">{t('packs_actions')}</span></th></tr></thead>
          <tbody>
            {subs.map((s) => (
              <tr key={s.url} data-sub-url={s.url}>
                <td style="word-break:break-all">{s.url}</td>
                <td>{when(s.lastChecked)}</td>
                <td data-testid="sub-result">{s.lastError ? <span class="error-text">{t('packs_failed', s.lastError)}</span> : s.lastResult ?? '—'}</td>
                <td>{when(s.nextCheck)}</td>
                <td>
                  <button onClick={() => act(() => callWorker('packs/check', { url: s.url }).then((r) => r.subscription))} disabled={busy}>{t('packs_update_now')}</button>{' '}
                  <button onClick={() => act(() => callWorker('packs/unsubscribe', { url: s.url }).then(() => null))} disabled={busy}>{t('packs_unsubscribe')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
