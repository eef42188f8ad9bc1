/**
 * `npm run demo:firefox` (or `bash scripts/run.sh demo --firefox`): the demo in Debian's Firefox
 * ESR with the Firefox build (dist-firefox/). Serves the demo pages on 127.0.0.1 and opens each
 * with the add-on installed. With no display (or --headless) it runs headless, saves a screenshot
 * of every page and of its popup (opened as a tab) to demo-output/firefox/, and prints what the
 * add-on found. With a display it leaves Firefox open for you to explore.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { badgeText, launchFirefox, openPopup, openTab, storedAnalysis, testIdText, waitFor } from './lib/firefox';
import { startStaticServer } from './lib/static-server';

const DEMO_DIR = path.resolve('public/demo');
const OUT = path.resolve('demo-output/firefox');

async function main() {
  const headless = !process.env.DISPLAY || process.argv.includes('--headless') || !!process.env.CI;
  mkdirSync(OUT, { recursive: true });
  const srv = await startStaticServer({ '/': DEMO_DIR });
  const ff = await launchFirefox({ headless });
  const pages = readdirSync(DEMO_DIR).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
  console.log(`Provenance demo in Firefox — ${pages.length} pages served from ${srv.origin}/\n`);
  for (const file of pages) {
    const { page, tabId } = await openTab(ff, `${srv.origin}/${file}`);
    // On-topic pages get a stored analysis; give off-topic ones a few seconds, then move on.
    await waitFor(() => storedAnalysis(ff, tabId), 'the analysis', 6_000).catch(() => null);
    const name = file.replace(/\.html$/, '');
    await page.screenshot({ path: path.join(OUT, `${name}-page.png`) as `${string}.png` });
    const badge = await badgeText(ff, tabId);
    const popup = await openPopup(ff, tabId);
    await popup.screenshot({ path: path.join(OUT, `${name}-popup.png`) as `${string}.png`, fullPage: true });
    const related = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="related-item"] .r-title')].map((e) => e.textContent ?? ''));
    console.log(`● ${file}`);
    console.log(`  verdict : ${(await testIdText(popup, 'verdict'))?.trim() ?? '?'} — ${(await testIdText(popup, 'reason'))?.trim() ?? ''}`);
    console.log(`  badge   : ${badge || '(none)'}`);
    console.log(`  outlet  : ${((await testIdText(popup, 'source-name')) ?? (await testIdText(popup, 'no-notes')) ?? '').trim()}`);
    console.log(`  related : ${related.length ? related.map((r) => `\n    - ${r}`).join('') : '(none)'}`);
    if (headless) {
      await popup.close();
      await page.close();
    }
  }
  console.log(`\nScreenshots in ${path.relative(process.cwd(), OUT)}/`);
  if (headless) {
    await ff.close();
    await srv.close();
  } else {
    console.log('Firefox left open: close it to end the demo.');
    await new Promise<void>((resolve) => ff.browser.on('disconnected', () => resolve()));
    await srv.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
