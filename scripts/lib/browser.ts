/**
 * Launch Debian's Chromium with the built extension (dist/) via Playwright, and the
 * helpers tests, the demo and benchmarks share: find the extension id and worker,
 * map a page to its tab id, open the popup for a tab.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_MEASURES_KEY } from '../../src/shared/dev-flags';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const DIST = path.resolve(process.env.PROVENANCE_DIST ?? 'dist');

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
}

export function chromiumArgs(dist = DIST): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/**
 * `devMeasures` (default on): the content script records its timings on each page's
 * performance timeline (src/shared/dev-flags.ts), where tests and benchmarks read them; the
 * demo turns it off, as a user's install has it.
 * `lang`: the browser's interface language ("ar", "fr"): Chromium's `--lang` (and LANGUAGE
 * for Linux builds that read it), which sets `i18n.getUILanguage` and the extension's locale.
 */
export async function launchWithExtension(opts: { userDataDir?: string; headless?: boolean; colorScheme?: 'light' | 'dark'; lang?: string; devMeasures?: boolean } = {}): Promise<Launched> {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error(`No built extension in ${DIST}: run "npm run build" first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium".`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'provenance-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: opts.lang ? [...chromiumArgs(), `--lang=${opts.lang}`] : chromiumArgs(),
    ...(opts.lang ? { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang}.UTF-8` } } : {}),
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
  });
  const worker = await serviceWorker(context);
  await setDevMeasures(context, opts.devMeasures ?? true);
  return { context, worker, extensionId: new URL(worker.url()).host, userDataDir };
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
}

/** Turn the content script's performance measures on or off (pages loaded from now on). */
export async function setDevMeasures(context: BrowserContext, on: boolean): Promise<void> {
  await inWorker(context, ({ key, on }: { key: string; on: boolean }) => (on ? chrome.storage.local.set({ [key]: true }) : chrome.storage.local.remove(key)), { key: DEV_MEASURES_KEY, on });
}

/** Open `url` in a new tab and return the page with its extension tab id. */
export async function openTab(context: BrowserContext, url: string): Promise<{ page: Page; tabId: number }> {
  const tabIds = () => inWorker(context, async () => (await chrome.tabs.query({})).map((t) => t.id!), null);
  const before: number[] = await tabIds();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const after: number[] = await tabIds();
  const fresh = after.filter((id) => !before.includes(id));
  if (fresh.length !== 1) throw new Error(`could not identify the tab for ${url} (${fresh.length} new tabs)`);
  return { page, tabId: fresh[0] };
}

/**
 * Evaluate in the extension's service worker, getting the live one each time: MV3 workers
 * are stopped when idle and restarted on the next event, and a stopped worker's handle is dead.
 */
export async function inWorker<R, A>(context: BrowserContext, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const w = await serviceWorker(context);
    try {
      return await w.evaluate(fn as never, arg);
    } catch (e) {
      if (attempt >= 3 || !/closed|destroyed|Target/i.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function badgeText(context: BrowserContext, tabId: number): Promise<string> {
  return inWorker(context, (id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Wait until the worker has a stored analysis for the tab (on-topic pages) or time runs out. */
export async function waitForAnalysis(context: BrowserContext, tabId: number, timeoutMs = 10_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const has = await inWorker(context, async (id: number) => {
      const k = `tab:${id}`;
      return !!(await chrome.storage.session.get(k))[k];
    }, tabId);
    if (has) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function openPopup(context: BrowserContext, extensionId: string, tabId: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid="article"], [data-testid="unreadable"], [data-testid="error"]', { timeout: 15_000 });
  return popup;
}

/** Stop every service worker through the DevTools protocol (as Chrome stops an idle one). */
export async function stopServiceWorkers(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
}
