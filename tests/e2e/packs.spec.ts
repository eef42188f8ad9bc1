import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from './harness';
import { dumpStore, testPack } from './pack-fixtures';

/** What the local pack server does for each path; the tests change it between steps. */
type Behaviour =
  | { kind: 'pack'; body: string; etag?: string; lastModified?: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'truncate'; body: string }
  | { kind: 'huge'; bytes: number };

const routes = new Map<string, Behaviour>();
const seen: { path: string; ifNoneMatch?: string; status: number; method?: string; ifModifiedSince?: string; cookie?: string; headers?: string[] }[] = [];

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'if-none-match, if-modified-since, accept',
  'access-control-expose-headers': 'etag, last-modified, content-length',
};

function packRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://x');
  if (!url.pathname.startsWith('/packs/')) return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return true;
  }
  const b = routes.get(url.pathname);
  const inm = req.headers['if-none-match'] as string | undefined;
  const ims = req.headers['if-modified-since'] as string | undefined;
  const log = (status: number) =>
    seen.push({ path: url.pathname, ifNoneMatch: inm, status, method: req.method, ifModifiedSince: ims, cookie: req.headers.cookie, headers: Object.keys(req.headers).sort() });
  if (!b) {
    log(404);
    res.writeHead(404, CORS).end('no pack here');
  } else if (b.kind === 'pack') {
    if ((b.etag && inm === b.etag) || (b.lastModified && ims === b.lastModified)) {
      log(304);
      res.writeHead(304, { ...CORS, ...(b.etag ? { etag: b.etag } : {}) }).end();
    } else {
      log(200);
      res.writeHead(200, {
        ...CORS, 'content-type': 'application/json', ...(b.etag ? { etag: b.etag } : {}), 'content-length': Buffer.byteLength(b.body),
        ...(b.lastModified ? { 'last-modified': b.lastModified, 'set-cookie': 'tracker=1; Path=/' } : {}),
      });
      res.end(b.body);
    }
  } else if (b.kind === 'status') {
    log(b.status);
    res.writeHead(b.status, CORS).end('server trouble');
  } else if (b.kind === 'hang') {
    log(0);
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
    res.write('{"format": "provenance-pack/1", ');
    // …and never finishes.
  } else if (b.kind === 'truncate') {
    log(200);
    res.writeHead(200, { ...CORS, 'content-type': 'application/json', 'content-length': Buffer.byteLength(b.body) });
    res.write(b.body.slice(0, Math.floor(b.body.length / 2)));
    setTimeout(() => res.destroy(), 50);
  } else if (b.kind === 'huge') {
    log(200);
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' }); // no length: the cap must hold while streaming
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < b.bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  }
  return true;
}

let h: Harness;
let options: Page;

test.beforeAll(async () => {
  h = await startHarness({ extra: packRoute });
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html`);
  await expect(options.getByTestId('packs-table')).toBeVisible();
  // Short network timeout so the "server never answers" case is quick.
  await h.worker.evaluate(() => (globalThis as any).__provenance.db.settings.put({ key: 'fetchTimeoutMs', value: 1500 }));
});
test.afterAll(async () => {
  await h?.close();
});

async function send(msg: unknown): Promise<any> {
  return options.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

const packUrl = (name: string) => `${h.server.origin}/packs/${name}`;

test('subscribe, then update: 304 when unchanged, replaced when changed', async () => {
  routes.set('/packs/desk.json', { kind: 'pack', body: JSON.stringify(testPack({ version: '1.0.0', reports: 3 })), etag: '"v1"' });
  const sub = await send({ type: 'packs/subscribe', url: packUrl('desk.json') });
  expect(sub.ok).toBe(true);
  expect(sub.subscription.lastError).toBeUndefined();
  expect(sub.subscription.lastResult).toMatch(/updated: 3 reports/);
  expect(await h.worker.evaluate(() => (globalThis as any).__provenance.db.reports.where('packId').equals('desk-pack').count())).toBe(3);

  const again = await send({ type: 'packs/check', url: packUrl('desk.json') });
  expect(again.subscription.lastResult).toBe('unchanged');
  expect(seen.at(-1)).toMatchObject({ path: '/packs/desk.json', ifNoneMatch: '"v1"', status: 304 });

  routes.set('/packs/desk.json', { kind: 'pack', body: JSON.stringify(testPack({ version: '1.1.0', reports: 5 })), etag: '"v2"' });
  const changed = await send({ type: 'packs/check', url: packUrl('desk.json') });
  expect(changed.subscription.lastResult).toMatch(/updated: 5 reports/);
  expect(await h.worker.evaluate(() => (globalThis as any).__provenance.db.reports.where('packId').equals('desk-pack').count())).toBe(5);

  // The options page lists the subscription and its last result.
  await options.reload();
  await expect(options.locator(`[data-sub-url="${packUrl('desk.json')}"] [data-testid="sub-result"]`)).toContainText('updated: 5 reports');
});

test('a subscription sends only a GET of its URL: If-Modified-Since round trip, no cookies, nothing about the user', async () => {
  const lm = 'Sun, 01 Nov 2026 10:00:00 GMT';
  routes.set('/packs/lm.json', { kind: 'pack', body: JSON.stringify(testPack({ id: 'lm-pack', version: '1.0.0', reports: 2 })), lastModified: lm });
  const sub = await send({ type: 'packs/subscribe', url: packUrl('lm.json') });
  expect(sub.ok).toBe(true);
  const again = await send({ type: 'packs/check', url: packUrl('lm.json') });
  expect(again.subscription.lastResult).toBe('unchanged');
  const reqs = seen.filter((x) => x.path === '/packs/lm.json');
  expect(reqs.map((x) => [x.method, x.status])).toEqual([['GET', 200], ['GET', 304]]);
  expect(reqs[1].ifModifiedSince).toBe(lm);
  // The server set a cookie on the first answer: it is never sent back.
  expect(reqs.map((x) => x.cookie)).toEqual([undefined, undefined]);
  // Only standard request headers: no identifiers, no page data.
  const allowed = new Set(['accept', 'accept-encoding', 'accept-language', 'connection', 'host', 'if-modified-since', 'if-none-match', 'origin', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site', 'user-agent', 'cache-control', 'pragma', 'priority']);
  for (const r of reqs) expect(r.headers!.filter((x) => !allowed.has(x))).toEqual([]);
});

test('no host access at install beyond the content script; subscribing in Settings asks for that one host, at that moment', async () => {
  // Chrome lists the content script's match patterns as granted origins; nothing else is granted at install.
  const granted = await options.evaluate(() => chrome.permissions.getAll());
  const contentMatches = await options.evaluate(() => [...new Set(chrome.runtime.getManifest().content_scripts!.flatMap((c) => c.matches ?? []))]);
  expect([...(granted.origins ?? [])].sort()).toEqual(contentMatches.sort());
  expect(granted.permissions ?? []).not.toContain('tabs');
  // Headless Chromium cannot answer a permission prompt: record what is asked, and grant nothing.
  await options.evaluate(() => {
    const asked: unknown[] = ((window as any).__asked = []);
    const fake = (req: unknown) => {
      asked.push(req);
      return Promise.resolve(false);
    };
    (chrome.permissions as any).request = fake;
    if ((globalThis as any).browser?.permissions) (globalThis as any).browser.permissions.request = fake;
  });
  routes.set('/packs/ui.json', { kind: 'pack', body: JSON.stringify(testPack({ id: 'ui-pack', version: '1.0.0', reports: 1 })) });
  await options.getByTestId('sub-url').fill(packUrl('ui.json'));
  await options.getByTestId('sub-submit').click();
  await expect(options.locator(`[data-sub-url="${packUrl('ui.json')}"]`)).toBeVisible();
  expect(await options.evaluate(() => (window as any).__asked)).toEqual([{ origins: [`${h.server.origin}/*`] }]);
});

const failures: [string, () => Behaviour | null, RegExp, string?][] = [
  ['server error', () => ({ kind: 'status', status: 500 }), /server answered 500/],
  ['timeout', () => ({ kind: 'hang' }), /no (answer|data) .*within 2 s|no (answer|data) .*within 1 s|stopped: no data/],
  ['truncated body', () => ({ kind: 'truncate', body: JSON.stringify(testPack({ version: '9.0.0', reports: 50 })) }), /cut off/],
  ['wrong sha256', () => ({ kind: 'pack', body: JSON.stringify(testPack({ version: '9.0.0' })) }), /SHA-256/, 'f'.repeat(64)],
  ['invalid JSON', () => ({ kind: 'pack', body: '{"format": "provenance-pack/1", "id": "desk-pack",, }' }), /JSON/i],
  ['schema violations', () => ({ kind: 'pack', body: JSON.stringify({ ...testPack({ version: '9.0.0' }), reports: [{ id: 'Bad Id', title: 5 }] }) }), /\$\.reports\[0\]/],
  ['over 50 MB', () => ({ kind: 'huge', bytes: 51 * 1024 * 1024 }), /too large|50 MiB|limit/i],
];

for (const [name, behaviour, message, sha256] of failures) {
  test(`failed update (${name}): clear message, store byte-for-byte unchanged`, async () => {
    const before = await dumpStore(h.worker);
    const file = `/packs/fail-${name.replace(/\W+/g, '-')}.json`;
    routes.set(file, behaviour()!);
    const t0 = Date.now();
    const res = await send({ type: 'packs/subscribe', url: `${h.server.origin}${file}`, sha256 });
    expect(res.ok).toBe(true);
    expect(res.subscription.lastError).toMatch(message);
    expect(res.subscription.failures).toBe(1);
    expect(Date.now() - t0).toBeLessThan(30_000);
    // Only the subscription row itself changed.
    await send({ type: 'packs/unsubscribe', url: `${h.server.origin}${file}` });
    expect(await dumpStore(h.worker)).toBe(before);
  });
}

test('import from a file in the options page: problems listed with their JSON paths; valid pack imported', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prov-pack-'));
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...testPack({ id: 'file-pack' }), updated: 'yesterday', sources: [], reports: [{ id: 'r1', title: 'x', sourceId: 'nowhere', lang: 'en', summary: 's', tags: [], url: 'javascript:alert(1)' }] }));
  const before = await dumpStore(h.worker);
  await options.getByTestId('pack-file').setInputFiles(broken);
  await expect(options.getByTestId('pack-notice')).toContainText('not imported');
  const problems = await options.getByTestId('pack-problems').locator('li').allTextContents();
  expect(problems.some((p) => p.includes('$.updated'))).toBe(true);
  expect(problems.some((p) => p.includes('$.reports[0].url'))).toBe(true);
  expect(problems.some((p) => p.includes('$.reports[0].sourceId'))).toBe(true);
  expect(await dumpStore(h.worker)).toBe(before);

  const good = path.join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(testPack({ id: 'file-pack', reports: 4 })));
  await options.getByTestId('pack-file').setInputFiles(good);
  await expect(options.getByTestId('pack-notice')).toContainText('Imported');
  await expect(options.locator('[data-pack-id="file-pack"]')).toContainText('4');
});

test('an exported pack re-imports to the same store content, unknown fields preserved', async () => {
  const pack = testPack({ id: 'roundtrip-pack', reports: 2, extra: { futureField: { kept: [1, 2, 3] } } });
  (pack.reports[0] as any).futureReportField = 'still here';
  expect((await send({ type: 'packs/import', text: JSON.stringify(pack) })).ok).toBe(true);
  // Export through the store code the options page uses (exportPacks), run in the worker context.
  const out = await h.worker.evaluate(async () => {
    const p = (globalThis as any).__provenance;
    return p.exportPacks(['roundtrip-pack']);
  });
  expect(out.futureField).toEqual({ kept: [1, 2, 3] });
  expect(out.reports[0].futureReportField).toBe('still here');
  expect(out.reports.map((r: any) => r.id)).toEqual(pack.reports.map((r) => r.id));
  const before = await dumpStore(h.worker);
  const again = await send({ type: 'packs/import', text: JSON.stringify(out) });
  expect(again.ok && again.status).toBe('unchanged');
  expect(await dumpStore(h.worker)).toBe(before);
});

test('a subscription with the right sha256 is accepted', async () => {
  const body = JSON.stringify(testPack({ id: 'hashed-pack' }));
  routes.set('/packs/hashed.json', { kind: 'pack', body });
  const sha = createHash('sha256').update(body).digest('hex');
  const res = await send({ type: 'packs/subscribe', url: packUrl('hashed.json'), sha256: sha });
  expect(res.subscription.lastError).toBeUndefined();
  expect(res.subscription.lastResult).toMatch(/updated/);
});
