/**
 * Where the quick and full passes spend their time. The content script's own measures
 * ("provenance:quick", "provenance:full") are one number each; this splits them by re-running
 * the modules the content script imports (read from src/content/index.ts and full-pass.ts) in
 * a fresh page's main world of a plain Chromium (no extension), bundled on the fly with
 * esbuild. Each page gets a cold run, like the content script gets on every page load, then
 * a warm repeat.
 *
 * Quick steps: readQuickInput (bounded DOM reads), prefold (the prefilter's native folding of
 * the read head text, cold; quickFold on a tree without the prefilter), quickScan (the
 * prefilter, then the exact term search where it lets the page through), a warm
 * readQuickInput + quickScan repeat, and the same warm repeat without the prefilter
 * (exactWarm: what the prefilter saves once the code is warm; equal to warmRepeat on a tree
 * without it). Full steps: extractArticle (the declared body or Readability, metadata,
 * language), detectTopic, extractClaimReviews, then both repeated warm.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

export const BREAKDOWN_STEPS = ['readQuickInput', 'prefold', 'quickScan', 'warmRepeat', 'exactWarm'] as const;
export type BreakdownStep = (typeof BREAKDOWN_STEPS)[number];
/** The full pass split the same way (after an untimed quick pass, as in the content script). */
export const FULL_STEPS = ['extractArticle', 'detectTopic', 'claimReviews', 'extractWarm', 'detectWarm'] as const;
export type FullStep = (typeof FULL_STEPS)[number];

/** Build the diagnostic bundle; null when esbuild (a dependency of tsx) is unavailable. */
export async function buildBreakdownBundle(repoRoot: string): Promise<{ code: string; modules: string[]; fullModules: string[] } | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const contentDir = path.join(repoRoot, 'src/content');
  const resolveTs = (p: string) => [p, `${p}.ts`, path.join(p, 'index.ts')].find((f) => existsSync(f) && !f.endsWith(path.sep)) ?? p;
  // The module each name is imported from, in the content script's own source (files move).
  const from = (file: string, name: string, fallback: string) => {
    const src = existsSync(path.join(contentDir, file)) ? readFileSync(path.join(contentDir, file), 'utf8') : '';
    const m = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`).exec(src);
    return resolveTs(m ? path.resolve(contentDir, m[1]) : path.join(repoRoot, fallback));
  };
  const mods = {
    quickScan: from('index.ts', 'quickScan', 'src/core/detect/quick-scan'),
    quickTerms: from('index.ts', 'QUICK_TERMS', 'src/core/detect/quick-terms.generated'),
    readQuickInput: from('index.ts', 'readQuickInput', 'src/core/extract/quick-input'),
    profile: from('full-pass.ts', 'DEFAULT_PROFILE', 'src/core/detect/default-profile'),
    detectTopic: from('full-pass.ts', 'detectTopic', 'src/core/detect/detect'),
    extract: from('full-pass.ts', 'extractArticle', 'src/core/extract'),
    detectInput: from('full-pass.ts', 'detectInput', 'src/core/article-input'),
  };
  // The prefilter beside the scan (src/core/detect/quick-prefilter.ts), when the tree has one.
  const prefilter = path.join(path.dirname(mods.quickScan), 'quick-prefilter.ts');
  const hasPrefilter = existsSync(prefilter);
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-bench-'));
  const entry = path.join(dir, 'entry.ts');
  const imp = (p: string) => JSON.stringify(p);
  writeFileSync(
    entry,
    `import { quickScan, quickFold } from ${imp(mods.quickScan)};
${hasPrefilter ? `import { prefold, usePrefilter } from ${imp(prefilter)};` : 'const prefold = (s: string) => quickFold(s); const usePrefilter = (_on: boolean) => {};'}
import { QUICK_TERMS } from ${imp(mods.quickTerms)};
import { readQuickInput } from ${imp(mods.readQuickInput)};
import { DEFAULT_PROFILE } from ${imp(mods.profile)};
import { detectTopic } from ${imp(mods.detectTopic)};
import { extractArticle, extractClaimReviews } from ${imp(mods.extract)};
import { detectInput } from ${imp(mods.detectInput)};
(globalThis as any).__provenanceFullBreakdown = () => {
  const T: Record<string, number> = {};
  // As in the content script, the quick pass has run first (untimed here).
  quickScan(readQuickInput(document), QUICK_TERMS);
  let t = performance.now();
  const lap = (k: string) => { const n = performance.now(); T[k] = n - t; t = n; };
  const a = extractArticle(document, { url: location.href, maxTextChars: 60000 }); lap('extractArticle');
  const v = detectTopic(detectInput(a), DEFAULT_PROFILE); lap('detectTopic');
  extractClaimReviews(document); lap('claimReviews');
  extractArticle(document, { url: location.href, maxTextChars: 60000 }); lap('extractWarm');
  detectTopic(detectInput(a), DEFAULT_PROFILE); lap('detectWarm');
  return { times: T, worth: v.onTopic, reason: v.onTopic ? 'on-topic' : 'off-topic' };
};
(globalThis as any).__provenanceQuickBreakdown = () => {
  const T: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => { const n = performance.now(); T[k] = n - t; t = n; };
  const input = readQuickInput(document); lap('readQuickInput');
  prefold(input.title + '\\u0001' + input.meta + '\\u0001' + input.textSlice.slice(0, 4000)); lap('prefold');
  const q = quickScan(input, QUICK_TERMS); lap('quickScan');
  quickScan(readQuickInput(document), QUICK_TERMS); lap('warmRepeat');
  usePrefilter(false);
  t = performance.now();
  quickScan(readQuickInput(document), QUICK_TERMS); lap('exactWarm');
  usePrefilter(true);
  return { times: T, worth: q.worth, reason: q.reason };
};`,
  );
  try {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome116', logLevel: 'silent' });
    const rel = (p: string) => path.relative(repoRoot, p).replace(/\/index\.ts$/, '').replace(/\.ts$/, '');
    return {
      code: r.outputFiles[0].text,
      modules: [rel(mods.readQuickInput), rel(mods.quickScan)],
      fullModules: [rel(mods.extract), rel(mods.detectInput), rel(mods.detectTopic)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BreakdownRow {
  url: string;
  times: Record<string, number>;
  reason: string;
}

/** Run the bundle once (cold) in a fresh page per URL. */
export async function runBreakdown(context: BrowserContext, bundle: string, urls: string[], which: 'quick' | 'full' = 'quick'): Promise<BreakdownRow[]> {
  const fn = which === 'quick' ? '__provenanceQuickBreakdown' : '__provenanceFullBreakdown';
  const rows: BreakdownRow[] = [];
  for (const url of urls) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
      await page.evaluate(bundle);
      const r = (await page.evaluate(`globalThis.${fn}()`)) as { times: Record<string, number>; reason: string };
      rows.push({ url, times: r.times, reason: r.reason });
    } catch {
      /* a page that breaks the diagnostic is simply left out */
    } finally {
      await page.close();
    }
  }
  return rows;
}

/**
 * The quick pass of several source trees side by side (A B A B per page: machine load hits
 * them alike): each bundle runs cold in its own fresh page. Returns per tree the rows, and
 * the pages where the trees' answers (worth and reason) differ.
 */
export async function runQuickSideBySide(context: BrowserContext, bundles: string[], urls: string[]): Promise<{ rows: BreakdownRow[][]; differ: string[] }> {
  const rows: BreakdownRow[][] = bundles.map(() => []);
  const differ: string[] = [];
  for (const url of urls) {
    const got: (string | null)[] = [];
    for (let k = 0; k < bundles.length; k++) {
      const [r] = await runBreakdown(context, bundles[k], [url]);
      got.push(r ? r.reason : null);
      if (r) rows[k].push(r);
    }
    if (got.some((g) => g !== got[0])) differ.push(`${url}: ${got.join(' | ')}`);
  }
  return { rows, differ };
}
