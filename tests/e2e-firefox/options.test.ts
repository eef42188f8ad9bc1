/**
 * Firefox: the options page imports a pack from a file, and subscribing to a pack URL asks
 * for that host's permission (the real browser.permissions.request, recorded on the way
 * through) and imports the pack served by the local HTTP server.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { testPack } from '../e2e/pack-fixtures';
import { launchFirefox, openExtensionPage, waitFor, type Firefox } from '../../scripts/lib/firefox';
import { startDemoServer, type StaticServer } from './server';

const SUB_PACK = JSON.stringify(testPack({ id: 'sub-pack', version: '1.2.0', reports: 3 }));

let ff: Firefox;
let server: StaticServer;
let options: Page;
beforeAll(async () => {
  server = await startDemoServer(async (req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/packs/sub.json') return false;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(SUB_PACK);
    return true;
  });
  ff = await launchFirefox();
  options = await openExtensionPage(ff.browser, 'src/options/index.html');
  await options.waitForSelector('[data-testid="packs-table"]', { timeout: 60_000 });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const text = (sel: string) => options.evaluate((s) => document.querySelector(s)?.textContent ?? '', sel);

test('import from a file: problems listed with their JSON paths; a valid pack is imported and listed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prov-ff-pack-'));
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...testPack({ id: 'file-pack' }), updated: 'yesterday' }));
  const good = path.join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(testPack({ id: 'file-pack', reports: 4 })));

  const input = (await options.$('[data-testid="pack-file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(broken);
  await waitFor(async () => /not imported/.test(await text('[data-testid="pack-notice"]')), 'the "not imported" notice');
  expect(await text('[data-testid="pack-problems"]')).toContain('$.updated');
  expect(await options.$('[data-pack-id="file-pack"]')).toBeNull();

  await waitFor(() => options.evaluate(() => !(document.querySelector('[data-testid="pack-file"]') as HTMLInputElement).disabled), 'the file input');
  await input.uploadFile(good);
  await waitFor(async () => /Imported/.test(await text('[data-testid="pack-notice"]')), 'the "Imported" notice');
  await waitFor(async () => (await text('[data-pack-id="file-pack"]')).includes('4'), 'the imported pack in the table');
});

test('subscribing asks for that one host, at that moment, and imports the served pack', async () => {
  // Record what the page asks for and pass the call on to Firefox's own permissions.request.
  await options.evaluate(() => {
    const b = (globalThis as any).browser;
    const real = b.permissions.request.bind(b.permissions);
    const asked: unknown[] = ((window as any).__asked = []);
    b.permissions.request = (req: unknown) => {
      asked.push(req);
      return real(req);
    };
  });
  const url = `${server.origin}/packs/sub.json`;
  await options.type('[data-testid="sub-url"]', url);
  await options.click('[data-testid="sub-submit"]');
  await waitFor(() => options.$(`[data-sub-url="${url}"]`), 'the subscription row');
  expect(await options.evaluate(() => (window as any).__asked)).toEqual([{ origins: [`${server.origin}/*`] }]);
  await waitFor(async () => (await text('[data-pack-id="sub-pack"]')).includes('3'), 'the subscribed pack in the table');
  expect(await text('[data-testid="pack-notice"]')).toMatch(/Subscribed/);
  expect(server.log.filter((l) => l.startsWith('GET /packs/sub.json')).length).toBeGreaterThan(0);
});
