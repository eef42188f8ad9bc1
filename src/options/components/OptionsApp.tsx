import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { StoreStats } from '../../shared/messages';
import { callWorker } from '../../shared/contract/call';
import { setThemeAttr, type ThemeChoice } from '../../ui/apply-theme';
import { PacksPanel } from './PacksPanel';
import { t, t as tt } from '../../shared/i18n';

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
      <h1>{t('opt_title')}</h1>
      <h2>{t('opt_appearance')}</h2>
      <div role="radiogroup" aria-label={t('opt_theme')}>
        {(['system', 'light', 'dark'] as const).map((t) => (
          <label key={t}>
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} />
            {t === 'system' ? tt('opt_theme_system') : t === 'light' ? tt('opt_theme_light') : tt('opt_theme_dark')}
          </label>
        ))}
      </div>
      <h2>{t('save_heading')}</h2>
      {error && <p class="notice" role="alert">{error}</p>}
      {!stats && !error && <p class="muted">{t('common_loading')}</p>}
      {stats && (
        <>
          <p data-testid="store-counts">
            {t('opt_counts', stats.reports, stats.sources)}
          </p>
          <table>
            <thead><tr><th>{t('packs_pack')}</th><th>{t('packs_version')}</th><th>{t('packs_reports')}</th></tr></thead>
            <tbody>
              {stats.packs.map((p) => (
                <tr key={p.id}><td dir="auto">{p.name}</td><td>{p.version}</td><td>{p.reports}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <PacksPanel />
      <h2>{t('opt_privacy')}</h2>
      <p>
        {t('opt_privacy_text')}
      </p>
    </main>
  );
}
