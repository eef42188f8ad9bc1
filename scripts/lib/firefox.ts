/**
 * Drive Debian's Firefox ESR with the Firefox build (dist-firefox/) through puppeteer-core over
 * WebDriver BiDi (Playwright needs its own patched Firefox). Shared by the Firefox end-to-end
 * tests (tests/e2e-firefox/) and the Firefox demo (scripts/demo-firefox.ts).
 *
 * - The add-on is installed as a temporary add-on; the pref `extensions.webextensions.uuids`
 *   fixes its moz-extension:// origin, so tests know where its pages are.
 * - `page.goto` on a moz-extension: page never resolves (no BiDi load event): navigation is
 *   started without waiting, then the page's readyState is awaited.
 * - Extension APIs (tabs, action, storage.session, the background page) are reached from an
 *   extension page kept open for the purpose (`api`).
 */
import { DEV_MEASURES_KEY } from '../../src/shared/dev-flags';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import gecko from './gecko.json' with { type: 'json' };

const GECKO_ID = gecko.id;

export const FIREFOX = process.env.FIREFOX_PATH ?? firstExisting(['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox']);
export const DIST_FIREFOX = path.resolve(process.env.PROVENANCE_DIST_FIREFOX ?? 'dist-firefox');
/** The add-on's fixed internal UUID in test profiles (random per profile otherwise). */
export const FIXED_UUID = '5b0c1f4e-8d3a-4c7e-9f21-6a4d2e8b7c10';
export const EXT_ORIGIN = `moz-extension://${FIXED_UUID}`;

function firstExisting(paths: string[]): string {
  return paths.find((p) => existsSync(p)) ?? paths[0];
}

/** Generous: two shared cores, eight jobs at once. */
export const WAIT_MS = Number(process.env.FIREFOX_WAIT_MS ?? 45_000);

export interface Firefox {
  browser: Browser;
  /** An extension page kept open to call extension APIs from. */
  api: Page;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * `devMeasures` (default on): the content script records its timings on each page's
 * performance timeline (src/shared/dev-flags.ts), where tests read them; off as in a user's install.
 */
export async function launchFirefox(opts: { headless?: boolean; colorScheme?: 'light' | 'dark'; prefs?: Record<string, unknown>; devMeasures?: boolean } = {}): Promise<Firefox> {
  if (!existsSync(path.join(DIST_FIREFOX, 'manifest.json'))) throw new Error(`No Firefox build in ${DIST_FIREFOX}: run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it with "apt-get install -y firefox-esr" or set FIREFOX_PATH.`);
  const profileDir = mkdtempSync(path.join(tmpdir(), 'provenance-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: opts.headless ?? true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    // Release builds honour services.settings.server (below) only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      // Quiet browser: no updates, telemetry, captive-portal or connectivity checks, remote settings.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.update.enabled': false,
      // Remote Settings (blocklists, suggestions…) polls Mozilla's servers; Mozilla's own test profiles point it nowhere.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'ui.prefersReducedMotion': 1,
      ...opts.prefs,
      ...(opts.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1 } : {}),
    },
  });
  try {
    await browser.installExtension(DIST_FIREFOX); // (an absolute path)
    const api = await openExtensionPage(browser, 'src/options/index.html');
    // The background page is up once it answers a message.
    await waitFor(() => api.evaluate(() => (globalThis as any).chrome.runtime.getBackgroundPage().then((w: any) => !!w?.__provenance).catch(() => false)), 'the background page');
    if (opts.devMeasures ?? true) await api.evaluate((key: string) => (globalThis as any).chrome.storage.local.set({ [key]: true }), DEV_MEASURES_KEY);
    return {
      browser,
      api,
      profileDir,
      close: async () => {
        await browser.close().catch(() => undefined);
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** Poll `check` until it returns a truthy value (errors count as "not yet"); throws after WAIT_MS. */
export async function waitFor<T>(check: () => Promise<T> | T, what: string, timeoutMs = WAIT_MS): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Open an extension page (`rel` under the add-on's origin) in a new tab and wait until it has loaded. */
export async function openExtensionPage(browser: Browser, rel: string, page?: Page): Promise<Page> {
  const p = page ?? (await browser.newPage());
  // No load event is reported for moz-extension: pages over BiDi: start, then poll readyState.
  void p.goto(`${EXT_ORIGIN}/${rel}`).catch(() => undefined);
  // (page.url() is not updated either: the document's own location is read.)
  const want = `${EXT_ORIGIN}/${rel}`;
  await waitFor(() => p.evaluate((u) => location.href === u && document.readyState === 'complete', want), `${rel} to load`);
  return p;
}

/** Evaluate in the kept-open extension page (extension APIs available as `chrome`/`browser`). */
export function inExtension<R, A>(ff: Firefox, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return ff.api.evaluate(fn as never, arg) as Promise<R>;
}

export async function tabIds(ff: Firefox): Promise<number[]> {
  return inExtension(ff, async () => (await (globalThis as any).chrome.tabs.query({})).map((t: { id: number }) => t.id), null);
}

/** Open `url` in a new tab, wait for its load, and return the page with its extension tab id. */
export async function openTab(ff: Firefox, url: string): Promise<{ page: Page; tabId: number }> {
  const before = await tabIds(ff);
  const page = await ff.browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  const fresh = await waitFor(async () => {
    const f = (await tabIds(ff)).filter((id) => !before.includes(id));
    return f.length === 1 ? f : null;
  }, `the tab of ${url}`);
  return { page, tabId: fresh[0] };
}

/** The stored analysis for a tab (storage.session "tab:<id>"), or null. */
export async function storedAnalysis(ff: Firefox, tabId: number): Promise<unknown> {
  return inExtension(ff, async (id: number) => {
    const k = `tab:${id}`;
    return (await (globalThis as any).chrome.storage.session.get(k))[k] ?? null;
  }, tabId);
}

export async function waitForAnalysis(ff: Firefox, tabId: number): Promise<unknown> {
  return waitFor(() => storedAnalysis(ff, tabId), `the analysis of tab ${tabId}`);
}

export async function badgeText(ff: Firefox, tabId: number): Promise<string> {
  return inExtension(ff, (id: number) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Ask the content script of a tab for its state (waits for an analysis under way). */
export async function contentState(ff: Firefox, tabId: number): Promise<{ page: { stage: string; verdict: { onTopic: boolean } } | null; busy: boolean }> {
  return inExtension(ff, (id: number) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'content/get-state', wait: true }), tabId);
}

export async function openPopup(ff: Firefox, tabId: number): Promise<Page> {
  const popup = await ff.browser.newPage();
  await popup.setViewport({ width: 380, height: 600 });
  await openExtensionPage(ff.browser, `src/popup/index.html?tab=${tabId}`, popup);
  await popup.waitForSelector('[data-testid="article"], [data-testid="unreadable"], [data-testid="error"]', { timeout: WAIT_MS });
  return popup;
}

/** Text of the first element with the test id, or null. */
export async function testIdText(page: Page, id: string): Promise<string | null> {
  return page.evaluate((tid) => document.querySelector(`[data-testid="${tid}"]`)?.textContent ?? null, id);
}

export async function testIdCount(page: Page, id: string): Promise<number> {
  return page.evaluate((tid) => document.querySelectorAll(`[data-testid="${tid}"]`).length, id);
}

/**
 * Run `fn` with the background page's test hooks (`globalThis.__provenance` of the background,
 * reached through runtime.getBackgroundPage from the kept-open extension page). `fn` is sent
 * as source, like any puppeteer evaluate; its result comes back as JSON.
 */
export async function withBackground<R, A>(ff: Firefox, fn: (p: any, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const src = `(async () => {
    const bg = await browser.runtime.getBackgroundPage();
    await bg.__provenance.ensureSeeded();
    const r = await (${fn.toString()})(bg.__provenance, ${JSON.stringify(arg ?? null)});
    return JSON.parse(JSON.stringify(r ?? null));
  })()`;
  return ff.api.evaluate(src) as Promise<R>;
}
