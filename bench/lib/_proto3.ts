import path from 'node:path';
import { launchWithExtension } from '../../scripts/lib/browser';
import { startStaticServer } from '../../scripts/lib/static-server';
const server = await startStaticServer({ '/demo/': path.resolve('public/demo'), '/rd/': '/work/shared/corpus/readability' });
const { context } = await launchWithExtension();
for (const f of ['/rd/001/source.html', '/rd/002/source.html']) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: any[] = [];
  cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  let ctxId = -1;
  cdp.on('Runtime.executionContextCreated', (e: any) => { if (e.context.name === 'Provenance') ctxId = e.context.id; });
  cdp.on('Runtime.exceptionThrown', (e: any) => console.log('exc ctx', e.exceptionDetails.executionContextId, 'prov', ctxId, e.exceptionDetails.exception?.description?.slice(0, 80)));
  cdp.on('Runtime.consoleAPICalled', (e: any) => { if (e.executionContextId === ctxId) console.log('prov console', e.type, e.args.map((a: any) => a.value ?? a.description).join(' ').slice(0, 100)); });
  await cdp.send('Runtime.enable');
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' } as any);
  await page.goto(server.origin + f);
  await page.waitForTimeout(1500);
  const r = await cdp.send('Runtime.evaluate', { expression: `setTimeout(() => { throw new Error('bench-probe') }, 0); Promise.reject(new Error('bench-probe-rej')); console.debug('Provenance: probe'); 1`, contextId: ctxId });
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await done;
  const names = new Map<string, number>();
  for (const e of events) {
    const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '';
    if (String(url).startsWith('chrome-extension://') && e.ph === 'X') { const k = `${e.name} ${String(url).split('/').pop()}`; names.set(k, (names.get(k) ?? 0) + e.dur / 1000); }
  }
  console.log(f, events.length, [...names.entries()].map(([k, v]) => `${k}=${v.toFixed(2)}`).join('\n  '));
  const fcs = events.filter((e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith('chrome-extension')).map((e) => [e.args.data.functionName, (e.dur / 1000).toFixed(2)]);
  console.log('functioncalls', JSON.stringify(fcs).slice(0, 800));
  await page.close();
}
await context.close(); await server.close();
