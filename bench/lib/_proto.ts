import path from 'node:path';
import { launchWithExtension } from '../../scripts/lib/browser';
import { startStaticServer } from '../../scripts/lib/static-server';
const t0 = Date.now();
const server = await startStaticServer({ '/demo/': path.resolve('public/demo'), '/rd/': '/work/shared/corpus/readability' });
const { context, worker } = await launchWithExtension();
console.log('launch', Date.now() - t0);
await context.route('**/*', (route) => {
  const u = new URL(route.request().url());
  if ((u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') && u.hostname !== '127.0.0.1') return route.abort('blockedbyclient');
  return route.continue();
});
for (const f of ['/demo/mosul-it-experts.html', '/rd/bbc-1/source.html', '/rd/001/source.html']) {
  const before: number[] = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const page = await context.newPage();
  const after: number[] = await worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
  const tabId = after.filter((i) => !before.includes(i))[0];
  const cdp = await context.newCDPSession(page);
  const ctxs = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', (e: any) => ctxs.set(e.context.id, `${e.context.name}|${e.context.auxData?.type}`));
  cdp.on('Runtime.consoleAPICalled', (e: any) => console.log('console', e.type, ctxs.get(e.executionContextId), e.args.map((a: any) => a.value ?? a.description).join(' ').slice(0, 200)));
  cdp.on('Runtime.exceptionThrown', (e: any) => console.log('exc', ctxs.get(e.exceptionDetails.executionContextId), e.exceptionDetails.exception?.description?.slice(0, 200)));
  await cdp.send('Runtime.enable');
  page.on('console', (m) => console.log('pw console', m.type(), m.text().slice(0, 100)));
  page.on('pageerror', (e) => console.log('pw pageerror', String(e).slice(0, 100)));
  const tl = Date.now();
  await page.goto(server.origin + f, { waitUntil: 'load' });
  console.log(f, 'tab', tabId, 'load', Date.now() - tl);
  for (let i = 0; i < 40; i++) {
    const m = await page.evaluate(() => performance.getEntriesByType('measure').map((e) => [e.name, e.duration]));
    const st = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'content/get-state' }), tabId).catch((e) => String(e));
    if (m.length && !(st as any).busy) { console.log(JSON.stringify(m), JSON.stringify(st).slice(0, 300)); break; }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log('ctxs', [...ctxs.values()]);
  await page.close();
}
await context.close(); await server.close();
console.log('total', Date.now() - t0);
