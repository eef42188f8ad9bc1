/**
 * Accessibility audit (issue #15, acceptance 6): axe-core run inside the extension's pages —
 * the popup on an on-topic, an Arabic and an off-topic page, the options and the library —
 * in the light and the dark theme, with an English and an Arabic interface: 0 violations.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPopup, openTab, waitForAnalysis } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** Run axe in the page (injected through the DevTools protocol: extension pages' CSP forbids inline scripts). */
async function audit(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

const describe = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');

const POPUP_PAGES = [
  { name: 'on-topic', file: 'mosul-it-experts.html', analysed: true },
  { name: 'Arabic', file: 'detainees-transfer-ar.html', analysed: true },
  { name: 'off-topic', file: 'isis-goddess.html', analysed: false },
];

for (const lang of ['en', 'ar'] as const) {
  test.describe(`axe, ${lang} interface`, () => {
    let h: Harness;
    test.beforeAll(async () => {
      h = await startHarness({ lang });
    });
    test.afterAll(async () => {
      await h?.close();
    });

    for (const p of POPUP_PAGES) {
      test(`popup on the ${p.name} page: no violations, light and dark`, async () => {
        const { page, tabId } = await openTab(h.context, h.url(p.file));
        if (p.analysed) expect(await waitForAnalysis(h.context, tabId)).toBe(true);
        else await page.waitForTimeout(800);
        for (const scheme of ['light', 'dark'] as const) {
          const popup = await openPopup(h.context, h.extensionId, tabId, scheme);
          await expect(popup.getByTestId('highlights-empty')).toBeVisible();
          const v = await audit(popup);
          expect(v, `${p.name} popup, ${scheme}, ${lang}:\n${describe(v)}`).toEqual([]);
          await popup.close();
        }
        await page.close();
      });
    }

    for (const where of [
      { name: 'options', path: 'src/options/index.html', ready: 'packs-table' },
      { name: 'library', path: 'src/library/index.html', ready: 'library-count' },
    ]) {
      test(`${where.name} page: no violations, light and dark`, async () => {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await h.context.newPage();
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(`chrome-extension://${h.extensionId}/${where.path}`);
          await expect(page.getByTestId(where.ready)).toBeVisible({ timeout: 15_000 });
          const v = await audit(page);
          expect(v, `${where.name}, ${scheme}, ${lang}:\n${describe(v)}`).toEqual([]);
          await page.close();
        }
      });
    }
  });
}
