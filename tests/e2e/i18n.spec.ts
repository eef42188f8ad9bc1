/**
 * The interface in the browser's language (issue #15, acceptance 3): Chromium started with
 * `--lang=ar` shows the popup on the Arabic demo page entirely in Arabic, laid out right to
 * left; with `--lang=fr`, the French demo page's popup entirely in French. "Entirely": once
 * the page's own data (titles, names, quotes, outlet names) is set aside, no word of the
 * English interface is left. Screenshots go to docs/screenshots/popup-{ar,fr}[-dark].png.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

type Catalog = Record<string, { message: string }>;
const catalog = (lang: string): Catalog => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const words = (s: string) => s.toLowerCase().match(/[\p{L}']+/gu) ?? [];

/** Words of the English interface that no message of `lang` uses (so seeing one means English leaked). */
function englishOnlyWords(lang: string): Set<string> {
  const other = new Set(Object.values(catalog(lang)).flatMap((e) => words(e.message.replace(/\$[A-Z_]+\$/g, ' '))));
  const en = Object.values(catalog('en')).flatMap((e) => words(e.message.replace(/\$[A-Z_]+\$/g, ' ')));
  return new Set(en.filter((w) => w.length > 2 && !other.has(w) && w !== 'provenance'));
}

/** The popup's text without the page's own data (titles, names, quotes, outlets, notes). */
async function interfaceText(popup: Page): Promise<string> {
  return popup.evaluate(() => {
    const root = document.body.cloneNode(true) as HTMLElement;
    const data = 'bdi, q, kbd, textarea, input, .quote, .r-title, .page-title, [data-testid="related-summary"], [data-testid="source-name"], [data-testid="source-notes"], [data-testid="user-notes"], .muted > span[dir="auto"], [data-testid="claim-elsewhere"] > span[dir="auto"]';
    root.querySelectorAll(data).forEach((el) => el.remove());
    // Names, titles and terms the analysis sets into its sentences come isolated (U+2068 … U+2069).
    return (root.innerText ?? root.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, ' ');
  });
}

const CASES = [
  { lang: 'ar', page: 'detainees-transfer-ar.html', dir: 'rtl', verdict: 'عن تنظيم الدولة الإسلامية' },
  { lang: 'fr', page: 'mosul-resistance-fr.html', dir: 'ltr', verdict: 'Sur l’État islamique' },
] as const;

for (const c of CASES) {
  test.describe(`interface in ${c.lang}`, () => {
    let h: Harness;
    test.beforeAll(async () => {
      h = await startHarness({ lang: c.lang });
    });
    test.afterAll(async () => {
      await h?.close();
    });

    test(`popup on ${c.page} is entirely in ${c.lang}, ${c.dir}`, async () => {
      const { tabId } = await openTab(h.context, h.url(c.page));
      expect(await waitForAnalysis(h.context, tabId)).toBe(true);
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await openPopup(h.context, h.extensionId, tabId, scheme);
        await expect(popup.getByTestId('related-item').first()).toBeVisible();
        expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([c.lang, c.dir]);
        expect(await popup.evaluate(() => getComputedStyle(document.querySelector('header.top')!).direction)).toBe(c.dir);
        await expect(popup.getByTestId('verdict')).toHaveText(c.verdict);
        // Open the collapsed parts too, so that their wording is checked.
        await popup.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const text = await interfaceText(popup);
        const leaked = words(text).filter((w) => englishOnlyWords(c.lang).has(w));
        expect(leaked, `English words left in the ${c.lang} popup:\n${text}`).toEqual([]);
        if (c.lang === 'ar') {
          // Arabic: no Latin word at all once the page's data is set aside (the brand name excepted).
          const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== 'Provenance');
          expect(latin, text).toEqual([]);
        }
        await popup.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = false)));
        await popup.screenshot({ path: `docs/screenshots/popup-${c.lang}${scheme === 'dark' ? '-dark' : ''}.png`, fullPage: true });
        await popup.close();
      }
    });
  });
}
