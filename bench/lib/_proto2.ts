import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../scripts/lib/static-server';
const server = await startStaticServer({ '/demo/': path.resolve('public/demo'), '/rd/': '/work/shared/corpus/readability' });
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext();
await ctx.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
const src = readFileSync('/tmp/diag.js', 'utf8');
for (const f of ['/rd/001/source.html', '/rd/bbc-1/source.html', '/demo/mosul-it-experts.html', '/rd/wikipedia/source.html']) {
  const page = await ctx.newPage();
  await page.goto(server.origin + f);
  await page.evaluate(src);
  console.log(f, JSON.stringify(await page.evaluate(() => (globalThis as any).__diag())), JSON.stringify(await page.evaluate(() => (globalThis as any).__diag())));
  await page.close();
}
await browser.close(); await server.close();
