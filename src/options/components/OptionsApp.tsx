import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { StoreStats } from '../../shared/messages';
import { callWorker } from '../../shared/contract/call';
import { setThemeAttr, type ThemeChoice } from '../../ui/apply-theme';
import { PacksPanel } from './PacksPanel';

export function OptionsApp() {
  const [theme, setTheme] = useState<ThemeChoice>('system');
  const [stats, setStats] = useState<StoreStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void browser.storage.local.get('theme').then((g) => {
      if (g.theme === 'light' || g.theme === 'dark' || g.theme === 'system') setTheme(g.theme);
    });
    callWorker('store/stats')
      .then((res) => setStats(res.stats))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const choose = (t: ThemeChoice) => {
    setTheme(t);
    setThemeAttr(t);
    void browser.storage.local.set({ theme: t });
  };

  return (
    <main>
      <h1>Provenance settings</h1>
      <h2>Appearance</h2>
      <div role="radiogroup" aria-label="Theme">
        {(['system', 'light', 'dark'] as const).map((t) => (
          <label key={t}>
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} />
            {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </div>
      <h2>Your library</h2>
      {error && <p class="notice" role="alert">{error}</p>}
      {!stats && !error && <p class="muted">Loading…</p>}
      {stats && (
        <>
          <p data-testid="store-counts">
            {stats.reports} reports and {stats.sources} outlet profiles stored on this computer.
          </p>
          <table>
            <thead><tr><th>Pack</th><th>Version</th><th>Reports</th></tr></thead>
            <tbody>
              {stats.packs.map((p) => (
                <tr key={p.id}><td dir="auto">{p.name}</td><td>{p.version}</td><td>{p.reports}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <PacksPanel />
      <h2>Privacy</h2>
      <p>
        Provenance analyses pages inside your browser. It sends nothing anywhere: no page addresses, no text, no
        statistics. Everything it stores stays in this browser profile.
      </p>
    </main>
  );
}
