import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serviceWorker } from '../../scripts/lib/browser';
import { startHarness, storeCounts } from './harness';
import defaultPack from '../../src/packs/default/pack.json' with { type: 'json' };

test('data persists across a browser restart; the default pack is never duplicated', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'provenance-persist-'));
  const expected = { reports: defaultPack.reports.length, sources: defaultPack.sources.length, packs: 1 };

  let h = await startHarness({ userDataDir: profile });
  expect(await storeCounts(h)).toEqual(expected);
  // A user record written now must survive the restart.
  await h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    await p.db.highlights.put({ id: 'h-persist', url: 'http://127.0.0.1/x', quote: 'kept across restarts', createdAt: 1 });
  });

  // Worker restart: stop every service worker through the DevTools protocol, then wake it with a message.
  await h.worker.evaluate(() => ((globalThis as any).__beforeStop = true));
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  await expect(page.getByTestId('store-counts')).toContainText(`${expected.reports} reports`);
  h.worker = await serviceWorker(h.context);
  expect(await h.worker.evaluate(() => (globalThis as any).__beforeStop ?? false)).toBe(false); // really a new worker
  expect(await storeCounts(h)).toEqual(expected);

  // A second install event (as after an update), twice at once with a popup message racing them.
  await h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    await Promise.all([p.onInstalled({ reason: 'update' }), p.onInstalled({ reason: 'install' })]);
  });
  expect(await storeCounts(h)).toEqual(expected);
  await h.close();

  // Browser restart with the same profile.
  h = await startHarness({ userDataDir: profile });
  expect(await storeCounts(h)).toEqual(expected);
  const kept = await h.worker.evaluate(async () => (await (globalThis as any).__provenance.db.highlights.get('h-persist'))?.quote);
  expect(kept).toBe('kept across restarts');
  await h.close();
});
