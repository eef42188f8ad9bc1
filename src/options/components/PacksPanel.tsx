import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { MAX_PACK_BYTES, tooLargeMessage } from '../../core/packs';
import type { PackProblem, PackResult, PackSummary, SubscriptionView, WorkerResponse } from '../../shared/messages';
import { openDb } from '../../store/db';
import { exportPacks } from '../../store/export-pack';

type Notice = { kind: 'ok' | 'error'; text: string; problems?: PackProblem[] } | null;

async function send<T extends WorkerResponse>(msg: unknown): Promise<T> {
  const res = (await browser.runtime.sendMessage(msg)) as T;
  if (!res) throw new Error('No answer from the background worker');
  return res;
}

function when(ts?: number): string {
  return ts ? new Date(ts).toLocaleString() : '—';
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
    const res = await send<WorkerResponse>({ type: 'packs/list' });
    if (res.ok && 'packs' in res) {
      setPacks(res.packs);
      setSubs(res.subscriptions);
    } else if (!res.ok) setNotice({ kind: 'error', text: res.error });
  };
  useEffect(() => void refresh().catch((e) => setNotice({ kind: 'error', text: String(e) })), []);

  const showResult = (r: PackResult) => {
    if (r.ok) {
      setNotice({
        kind: 'ok',
        text: r.status === 'unchanged' ? `“${r.packName}” is already up to date.` : `Imported “${r.packName}”: ${r.reports} reports, ${r.sources} outlets.`,
        problems: r.warnings,
      });
    } else setNotice({ kind: 'error', text: r.error, problems: r.problems });
  };

  const importFile = async (file: File) => {
    setNotice(null);
    if (file.size > MAX_PACK_BYTES) {
      setNotice({ kind: 'error', text: `The pack was not imported: ${tooLargeMessage(file.size)}` });
      return;
    }
    setBusy(true);
    try {
      showResult(await send<PackResult>({ type: 'packs/import', text: await file.text() }));
      await refresh();
    } catch (e) {
      setNotice({ kind: 'error', text: `The pack was not imported: ${e instanceof Error ? e.message : String(e)}` });
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
      const res = await send<WorkerResponse>({ type: 'packs/subscribe', url: url.trim(), sha256: sha.trim() || undefined });
      if (!res.ok) setNotice({ kind: 'error', text: res.error });
      else if ('subscription' in res) {
        const s = res.subscription;
        setNotice(s.lastError ? { kind: 'error', text: `Subscribed, but the first update failed: ${s.lastError}` } : { kind: 'ok', text: `Subscribed: ${s.lastResult}.` });
        setUrl('');
        setSha('');
      }
      await refresh();
    } catch (err) {
      setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const act = async (msg: unknown) => {
    setBusy(true);
    try {
      const res = await send<WorkerResponse>(msg);
      if (!res.ok) setNotice({ kind: 'error', text: res.error });
      else if ('subscription' in res) {
        const s = res.subscription;
        setNotice(s.lastError ? { kind: 'error', text: `Update failed: ${s.lastError}` } : { kind: 'ok', text: `Checked: ${s.lastResult}.` });
      }
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const doExport = async (ids?: string[]) => {
    const db = openDb();
    try {
      const pack = await exportPacks(db, ids);
      download(`${pack.id}.json`, JSON.stringify(pack, null, 2));
    } finally {
      db.close();
    }
  };

  return (
    <>
      <h2>Report packs</h2>
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
      {!packs ? <p class="muted">Loading…</p> : (
        <table data-testid="packs-table">
          <thead><tr><th>Pack</th><th>Version</th><th>Reports</th><th>Outlets</th><th>Imported</th><th></th></tr></thead>
          <tbody>
            {packs.length === 0 && <tr><td colSpan={6} class="muted">No packs. Import a file or subscribe to a URL below.</td></tr>}
            {packs.map((p) => (
              <tr key={p.id} data-pack-id={p.id}>
                <td dir="auto"><strong>{p.name}</strong><br /><span class="muted" dir="auto">{p.publisher}</span></td>
                <td>{p.version}</td><td>{p.reports}</td><td>{p.sources}</td><td>{when(p.importedAt)}</td>
                <td>
                  <button onClick={() => doExport([p.id])} disabled={busy}>Export</button>{' '}
                  <button onClick={() => confirm(`Remove “${p.name}” and its reports? Your notes on its outlets are kept.`) && act({ type: 'packs/remove', packId: p.id })} disabled={busy}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="row" style="margin-block:8px">
        <button onClick={() => doExport()} disabled={busy || !packs?.length} data-testid="export-all">Export everything as one pack</button>
      </div>

      <h3>Import a pack file</h3>
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
        Drop a pack (.json) here, or choose one:{' '}
        <input type="file" accept=".json,application/json" data-testid="pack-file" disabled={busy}
          onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void importFile(f); (e.target as HTMLInputElement).value = ''; }} />
      </label>

      <h3>Subscribe to a pack</h3>
      <form onSubmit={doSubscribe} class="subscribe">
        <label>Address <input type="url" required placeholder="https://example.org/pack.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} data-testid="sub-url" size={40} /></label>
        <label>SHA-256 (optional) <input type="text" pattern="[0-9a-fA-F]{64}" value={sha} onInput={(e) => setSha((e.target as HTMLInputElement).value)} size={20} data-testid="sub-sha" /></label>
        <button class="primary" type="submit" disabled={busy} data-testid="sub-submit">Subscribe</button>
      </form>
      <p class="muted">Provenance asks for access to that site when you subscribe, and checks it for updates (at most once an hour; daily unless the pack says otherwise). It sends nothing but the request for the file.</p>
      {subs.length > 0 && (
        <table data-testid="subs-table">
          <thead><tr><th>Address</th><th>Last checked</th><th>Result</th><th>Next check</th><th></th></tr></thead>
          <tbody>
            {subs.map((s) => (
              <tr key={s.url} data-sub-url={s.url}>
                <td style="word-break:break-all">{s.url}</td>
                <td>{when(s.lastChecked)}</td>
                <td data-testid="sub-result">{s.lastError ? <span class="error-text">Failed: {s.lastError}</span> : s.lastResult ?? '—'}</td>
                <td>{when(s.nextCheck)}</td>
                <td>
                  <button onClick={() => act({ type: 'packs/check', url: s.url })} disabled={busy}>Update now</button>{' '}
                  <button onClick={() => act({ type: 'packs/unsubscribe', url: s.url })} disabled={busy}>Unsubscribe</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
