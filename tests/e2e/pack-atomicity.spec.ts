import { expect, test } from '@playwright/test';
import { serviceWorker } from '../../scripts/lib/browser';
import { startHarness, type Harness } from './harness';
import { testPack } from './pack-fixtures';

let h: Harness;
test.beforeAll(async () => {
  h = await startHarness();
});
test.afterAll(async () => {
  await h?.close();
});

const N = 20_000;

function bigPack(version: string) {
  const p = testPack({ id: 'big-pack', version, reports: N });
  for (const r of p.reports) r.title = `[${version}] ${r.title}`;
  return JSON.stringify(p);
}

/** State of the big pack in the store, and whether its postings index agrees with its reports. */
async function inspect(h: Harness) {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/src/options/index.html`); // wakes the worker
  h.worker = await serviceWorker(h.context);
  await page.close();
  return h.worker.evaluate(async () => {
    const db = (globalThis as any).__provenance.db;
    const pack = await db.packs.get('big-pack');
    const reports = await db.reports.where('packId').equals('big-pack').toArray();
    const versions = [...new Set(reports.map((r: any) => r.record.title.slice(1, r.record.title.indexOf(']'))))];
    // Every posting points at one of the pack's reports, and every report's terms are indexed.
    const ns = new Set(reports.map((r: any) => r.n));
    let postings = 0;
    let dangling = 0;
    for (const s of await db.segments.where('packId').equals('big-pack').toArray()) {
      for (const n of s.ns) {
        postings++;
        if (!ns.has(n)) dangling++;
      }
    }
    let terms = 0;
    for (const r of reports) terms += r.pf.w.length + (r.pf.e ? r.pf.e.split('\n').length : 0);
    return { packVersion: pack?.version ?? null, count: reports.length, versions, statsAgree: dangling === 0 && postings >= terms && postings > 0 };
  });
}

test('worker stopped in the middle of a 20k-report import: the store holds the old pack or the new, never a mix', async () => {
  test.setTimeout(300_000);
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  const v0 = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'packs/import', text }), bigPack('0.0.1'));
  expect(v0.ok).toBe(true);
  // How long replacing 20k reports by 20k others takes, uninterrupted.
  const t0 = Date.now();
  const v1 = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'packs/import', text }), bigPack('1.0.0'));
  const importMs = Date.now() - t0;
  expect(v1.ok).toBe(true);
  expect(await inspect(h)).toEqual({ packVersion: '1.0.0', count: N, versions: ['1.0.0'], statsAgree: true });

  const outcomes: string[] = [];
  const cdpPage = await h.context.newPage();
  const cdp = await h.context.newCDPSession(cdpPage);
  await cdp.send('ServiceWorker.enable');
  let version = 1;
  // Stop the worker at fractions of a full import's duration: early ones land mid-import
  // (validation, feature computation or the write transaction), the last after it ended.
  for (const delay of [0.15, 0.45, 0.75, 2.5].map((f) => Math.round(f * importMs))) {
    version++;
    const next = `${version}.0.0`;
    const text = bigPack(next);
    await options.evaluate((t) => {
      void chrome.runtime.sendMessage({ type: 'packs/import', text: t }).catch(() => undefined); // the worker dies before answering
    }, text);
    await new Promise((r) => setTimeout(r, delay));
    await cdp.send('ServiceWorker.stopAllWorkers');
    const state = await inspect(h);
    expect(state.statsAgree).toBe(true);
    expect(state.versions.length).toBe(1);
    expect(state.count).toBe(N);
    expect(state.versions[0]).toBe(state.packVersion);
    const prev = `${version - 1}.0.0`;
    expect([prev, next]).toContain(state.packVersion);
    outcomes.push(`${delay} ms → ${state.packVersion === next ? 'new' : 'old'}`);
    if (state.packVersion === prev) {
      // Old pack kept: the next round must start from it, so re-number.
      version--;
    }
  }
  console.log(`20k import took ${importMs} ms; kill outcomes: ${outcomes.join('; ')}`);
  expect(outcomes.at(-1)).toMatch(/new$/);
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join('; ') });
});
