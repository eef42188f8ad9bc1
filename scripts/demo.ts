/**
 * `npm run demo`: serve the demo pages on 127.0.0.1, open Chromium with the built
 * extension on each. With no display (or --headless) it runs headless, saves a
 * screenshot of every page and of its popup to demo-output/, and prints what the
 * extension found. With a display it leaves the browser open for you to explore.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { badgeText, launchWithExtension, openPopup, openTab, waitForAnalysis } from './lib/browser';
import { startStaticServer } from './lib/static-server';

const DEMO_DIR = path.resolve('public/demo');
const OUT = path.resolve('demo-output');

async function main() {
  const headless = !process.env.DISPLAY || process.argv.includes('--headless') || !!process.env.CI;
  mkdirSync(OUT, { recursive: true });
  const srv = await startStaticServer({ '/': DEMO_DIR });
  const { context, worker, extensionId } = await launchWithExtension({ headless, devMeasures: false });
  const pages = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
  console.log(`Provenance demo — ${pages.length} pages served from ${srv.origin}/\n`);
  for (const file of pages) {
    const { page, tabId } = await openTab(context, `${srv.origin}/${file}`);
    await waitForAnalysis(context, tabId, 4_000);
    const name = file.replace(/\.html$/, '');
    await page.screenshot({ path: path.join(OUT, `${name}-page.png`) });
    const badge = await badgeText(context, tabId);
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup(context, extensionId, tabId, scheme);
      await popup.waitForTimeout(150);
      await popup.screenshot({ path: path.join(OUT, `${name}-popup-${scheme}.png`), fullPage: true });
      if (scheme === 'light') {
        const verdict = (await popup.textContent('[data-testid="verdict"]'))?.trim() ?? '?';
        const reason = (await popup.textContent('[data-testid="reason"]'))?.trim() ?? '';
        const outlet = (await popup.locator('[data-testid="source-name"]').count())
          ? (await popup.textContent('[data-testid="source-name"]'))!.trim()
          : (await popup.textContent('[data-testid="no-notes"]'))?.trim() ?? '';
        const related = await popup.locator('[data-testid="related-item"] .r-title').allTextContents();
        const chain = await popup.locator('[data-testid="provenance"] li').allTextContents();
        console.log(`● ${file}`);
        console.log(`  verdict : ${verdict} — ${reason}`);
        console.log(`  badge   : ${badge || '(none)'}`);
        console.log(`  outlet  : ${outlet}`);
        if (chain.length) console.log(`  chain   : ${chain.join(' | ')}`);
        console.log(`  related : ${related.length ? related.map((r) => `\n    - ${r}`).join('') : '(none)'}`);
      }
      await popup.close();
    }
    if (headless) await page.close();
  }
  console.log(`\nScreenshots in ${path.relative(process.cwd(), OUT)}/`);
  if (headless) {
    await context.close();
    await srv.close();
  } else {
    console.log('Browser left open: close it to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await srv.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
