/** Apply the user's theme choice ('system' | 'light' | 'dark') from storage.local. */
import browser from 'webextension-polyfill';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function setThemeAttr(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
}

export function applyStoredTheme(): void {
  void browser.storage.local.get('theme').then((got) => {
    const t = got.theme;
    if (t === 'light' || t === 'dark' || t === 'system') setThemeAttr(t);
  });
}
