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
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

export const BREAKDOWN_STEPS = ['compileProfile', 'readQuickInput', 'buildQuickScanner', 'firstRegexExec', 'quickCheck', 'warmRepeat'] as const;
export type BreakdownStep = (typeof BREAKDOWN_STEPS)[number];
/** The full pass split the same way (after an untimed quick pass, as in the content script): extraction and detection, cold then warm. */
export const FULL_STEPS = ['extractArticle', 'buildLangScanner', 'langRegexScan', 'detectTopic', 'extractWarm', 'detectWarm'] as const;
export type FullStep = (typeof FULL_STEPS)[number];

/** Build the diagnostic bundle; null when esbuild (a dependency of tsx) or the profile file is unavailable. */
export async function buildBreakdownBundle(repoRoot: string): Promise<{ code: string; modules: string[]; fullModules: string[] } | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  // Import the same modules the content script imports (read from its source, as files move).
  const contentDir = path.join(repoRoot, 'src/content');
  const contentSrc = readFileSync(path.join(contentDir, 'index.ts'), 'utf8');
  const fromContent = (name: string, fallback: string) => {
    const m = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`).exec(contentSrc);
    return m ? path.resolve(contentDir, m[1]) : path.join(repoRoot, fallback);
  };
  const resolveTs = (p: string) => [p, `${p}.ts`, path.join(p, 'index.ts')].find((f) => existsSync(f) && !f.endsWith(path.sep)) ?? p;
  const quickInputModule = resolveTs(fromContent('readQuickInput', 'src/content/quick-input'));
  const detectModule = resolveTs(fromContent('quickCheck', 'src/core/detect'));
  // The full pass: the modules src/content/full-pass.ts imports.
  const fullSrcFile = path.join(contentDir, 'full-pass.ts');
  const fullSrc = existsSync(fullSrcFile) ? readFileSync(fullSrcFile, 'utf8') : '';
  const fromFull = (name: string) => {
    const m = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`).exec(fullSrc);
    return m ? resolveTs(path.resolve(contentDir, m[1])) : null;
  };
  const extractModule = fromFull('extractArticle') ?? resolveTs(path.join(repoRoot, 'src/core/extract'));
  const detectInputModule = fromFull('detectInput');
  const normalizeModule = resolveTs(path.join(repoRoot, 'src/core/text/normalize'));
  const profileJson = path.join(repoRoot, 'src/core/detect/profiles/islamic-state.json');
  if (!existsSync(profileJson)) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-bench-'));
  const entry = path.join(dir, 'entry.ts');
  const imp = (p: string) => JSON.stringify(path.isAbsolute(p) ? p : path.join(repoRoot, p));
  writeFileSync(
    entry,
    `import profileJson from ${imp(profileJson)};
import { compileProfile, quickCheck } from ${imp(detectModule)};
import { readQuickInput } from ${imp(quickInputModule)};
import { foldForMatching } from ${imp(normalizeModule)};
import { detectTopic } from ${imp(detectModule)};
import { extractArticle } from ${imp(extractModule)};
${detectInputModule ? `import { detectInput } from ${imp(detectInputModule)};` : 'const detectInput = (a: any) => ({ title: a.title, lead: a.lead, text: a.text, meta: a.description ?? "", lang: a.lang });'}
(globalThis as any).__provenanceFullBreakdown = () => {
  const T: Record<string, number> = {};
  // As in the content script, the quick pass has run first (untimed here).
  const profile = compileProfile(profileJson);
  quickCheck(readQuickInput(document), profile);
  let t = performance.now();
  const lap = (k: string) => { const n = performance.now(); T[k] = n - t; t = n; };
  const a = extractArticle(document, { url: location.href }); lap('extractArticle');
  const input = detectInput(a);
  // The scanner of the page's declared language (what detectTopic picks for these pages), built on first use.
  const lang = String(a.lang ?? '').toLowerCase().split(/[-_]/)[0];
  const sc = (profile.languages.get(lang) ?? profile.languages.get('*'))!.scanner; lap('buildLangScanner');
  // One pass of that regex over the folded text: its compilation and first run.
  sc.re.lastIndex = 0; const folded = foldForMatching(input.text, false).text; while (sc.re.exec(folded)); sc.re.lastIndex = 0; lap('langRegexScan');
  const v = detectTopic(input, profile); lap('detectTopic');
  extractArticle(document, { url: location.href }); lap('extractWarm');
  detectTopic(input, profile); lap('detectWarm');
  return { times: T, worth: v.onTopic, reason: v.onTopic ? 'on-topic' : 'off-topic' };
};
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
    const rel = (p: string) => path.relative(repoRoot, p).replace(/\/index\.ts$/, '').replace(/\.ts$/, '');
    return {
      code: r.outputFiles[0].text,
      modules: [rel(quickInputModule), rel(detectModule)],
      fullModules: [rel(extractModule), ...(detectInputModule ? [rel(detectInputModule)] : []), rel(detectModule)],
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
