/**
 * Where the quick pass spends its time. The content script's own measure
 * ("provenance:quick") is one number; this splits it by re-running the same source
 * modules (src/content/quick-input.ts, src/core/detect) in a fresh page's main world of a
 * plain Chromium (no extension), bundled on the fly with esbuild. Each page gets a cold
 * run, like the content script gets on every page load, then a warm repeat.
 *
 * Steps: compileProfile (runs at content-script module load, outside the measure),
 * readQuickInput (DOM reads), building the quick scanner regex (first use of
 * profile.quick), the first exec of that regex on a tiny string (regex compilation),
 * quickCheck (folding + scanning; on the first long scan V8 also tiers the regex up to
 * native code), and a warm quickCheck+readQuickInput repeat (the steady-state cost).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

export const BREAKDOWN_STEPS = ['compileProfile', 'readQuickInput', 'buildQuickScanner', 'firstRegexExec', 'quickCheck', 'warmRepeat'] as const;
export type BreakdownStep = (typeof BREAKDOWN_STEPS)[number];

/** Build the diagnostic bundle; null when esbuild is unavailable. */
export async function buildBreakdownBundle(repoRoot: string): Promise<string | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-bench-'));
  const entry = path.join(dir, 'entry.ts');
  const imp = (p: string) => JSON.stringify(path.join(repoRoot, p));
  writeFileSync(
    entry,
    `import profileJson from ${imp('src/core/detect/profiles/islamic-state.json')};
import { compileProfile, quickCheck } from ${imp('src/core/detect/index.ts')};
import { readQuickInput } from ${imp('src/content/quick-input.ts')};
(globalThis as any).__provenanceQuickBreakdown = () => {
  const T: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => { const n = performance.now(); T[k] = n - t; t = n; };
  const profile = compileProfile(profileJson); lap('compileProfile');
  const input = readQuickInput(document); lap('readQuickInput');
  const scanner = profile.quick; lap('buildQuickScanner');
  scanner.re.lastIndex = 0; scanner.re.exec('x'); scanner.re.lastIndex = 0; lap('firstRegexExec');
  const q = quickCheck(input, profile); lap('quickCheck');
  quickCheck(readQuickInput(document), profile); lap('warmRepeat');
  return { times: T, worth: q.worth, reason: q.reason, regexChars: scanner.re.source.length };
};`,
  );
  try {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome116', logLevel: 'silent' });
    return r.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BreakdownRow {
  url: string;
  times: Record<BreakdownStep, number>;
  reason: string;
}

/** Run the bundle once (cold) in a fresh page per URL. */
export async function runBreakdown(context: BrowserContext, bundle: string, urls: string[]): Promise<BreakdownRow[]> {
  const rows: BreakdownRow[] = [];
  for (const url of urls) {
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 20_000 }).catch(() => undefined);
      await page.evaluate(bundle);
      const r = (await page.evaluate('globalThis.__provenanceQuickBreakdown()')) as { times: Record<BreakdownStep, number>; reason: string };
      rows.push({ url, times: r.times, reason: r.reason });
    } catch {
      /* a page that breaks the diagnostic is simply left out */
    } finally {
      await page.close();
    }
  }
  return rows;
}
