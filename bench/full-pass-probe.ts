/**
 * Development probe for the content script's full pass (issue #14): times extractArticle,
 * detectTopic and extractClaimReviews cold (a fresh page's main world per run, as the content
 * script gets on every page load) and warm on the demo pages that the content script finds on
 * topic, for one or more source trees side by side (A B A B per page, so machine load hits
 * them alike). The bundle is the one bench:content's breakdown uses (bench/lib/quick-breakdown).
 *
 *   npx tsx bench/full-pass-probe.ts [--rounds 3] [--profile] [repoRoot ...]
 *   npx tsx bench/full-pass-probe.ts --quick 60 [repoRoot ...]
 *
 * `--quick N`: the quick pass instead, on about N corpus pages (../shared, read at run time),
 * cold per page and tree side by side, with the pages where the trees' answers differ.
 *
 * Without a repo root it measures this tree. `--profile` adds a sampled CPU profile of the
 * cold runs (self time by function, summed over pages) for the first tree. Prints only; the
 * figure of record stays `npm run bench:content`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { BREAKDOWN_STEPS, buildBreakdownBundle, runQuickSideBySide } from './lib/quick-breakdown';
import { corpusRoots, listPages } from './lib/corpus';
import { blockNonLocal } from './lib/content-page';
import { median, fmt } from './lib/stats';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  args.splice(i, 1);
  return true;
};
const opt = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const rounds = Number(opt('--rounds') ?? 3);
const quickN = Number(opt('--quick') ?? 0);
const profile = !!flag('--profile');
/** `--regex`: time every RegExp execution (first and later calls per source) in the cold runs of the first tree. */
const regexTimes = !!flag('--regex');
/** `--profile-warm`: profile 5 warm runs after the cold one instead. */
const profileWarm = !!flag('--profile-warm');
/**
 * `--cpu`: the main thread's CPU time (DevTools' ThreadTime metric) of the cold full pass
 * (extractArticle, detectTopic, extractClaimReviews), less sensitive to other load on the
 * machine than the wall-clock laps.
 */
const cpuMode = !!flag('--cpu');
/** `--steps`: time the extraction's own steps cold, in order (metadata, body, furniture, the rest), instead. */
const stepsMode = !!flag('--steps');

/** A bundle timing extraction step by step (each step cold, in the order extractArticle runs them). */
async function stepsBundle(root: string): Promise<string> {
  const esbuild = await import('esbuild');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-probe-'));
  const src = (p: string) => JSON.stringify(path.join(root, p));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, `${cpuMode ? `(globalThis as any).__provenanceCpu = () => {
  const a = extractArticle(document, { url: location.href, maxTextChars: 60000 });
  const v = detectTopic(detectInput(a), DEFAULT_PROFILE);
  extractClaimReviews(document);
  return v.onTopic;
};
(globalThis as any).__provenanceQuick = () => quickScan(readQuickInput(document), QUICK_TERMS);
` : ''}import { readRawMeta, resolveMeta } from ${src('src/core/extract/metadata')};
import { extractBody } from ${src('src/core/extract/body')};
import { stripFurniture } from ${src('src/core/extract/furniture')};
import { extractArticle, extractClaimReviews } from ${src('src/core/extract')};
import { detectTopic } from ${src('src/core/detect/detect')};
import { DEFAULT_PROFILE } from ${src('src/core/detect/default-profile')};
import { detectInput } from ${src('src/core/article-input')};
import { quickScan } from ${src('src/core/detect/quick-scan')};
import { QUICK_TERMS } from ${src('src/core/detect/quick-terms.generated')};
import { readQuickInput } from ${src('src/core/extract/quick-input')};
(globalThis as any).__provenanceFullBreakdown = () => {
  const T: Record<string, number> = {};
  quickScan(readQuickInput(document), QUICK_TERMS);
  let t = performance.now();
  const lap = (k: string) => { const n = performance.now(); T[k] = n - t; t = n; };
  const raw = readRawMeta(document); lap('readRawMeta');
  resolveMeta(raw, location.href); lap('resolveMeta');
  const b = extractBody(document, { maxTextChars: 60000, maxElements: 20000, maxBodyTextChars: 2e6, maxDepth: 100 }); lap('extractBody');
  stripFurniture(b.paras); lap('stripFurniture');
  const a = extractArticle(document, { url: location.href, maxTextChars: 60000 }); lap('extractRest');
  const v = detectTopic(detectInput(a), DEFAULT_PROFILE); lap('detectTopic');
  extractClaimReviews(document); lap('claimReviews');
  extractArticle(document, { url: location.href, maxTextChars: 60000 }); lap('extractWarm');
  detectTopic(detectInput(a), DEFAULT_PROFILE); lap('detectWarm');
  return { times: T, worth: v.onTopic, reason: v.onTopic ? 'on-topic' : 'off-topic' };
};`);
  try {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'chrome116', logLevel: 'silent' });
    return r.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const REGEX_PATCH = `(() => {
  const exec = RegExp.prototype.exec; const T = new Map();
  RegExp.prototype.exec = function (s) {
    const t = performance.now(); const r = exec.call(this, s); const d = performance.now() - t;
    const k = this.source.slice(0, 90) + ' /' + this.flags; let e = T.get(k);
    if (!e) { e = { first: d, rest: 0, n: 0, len: String(s).length }; T.set(k, e); } else { e.rest += d; e.n++; }
    return r;
  };
  globalThis.__regexTimes = () => [...T].map(([k, v]) => [k, v.first, v.rest, v.n, v.len]);
})();`;
const roots = args.length ? args.map((a) => path.resolve(a)) : [REPO];
const PAGES = ['amaq-claim', 'detainees-transfer-ar', 'mosul-it-experts', 'mosul-resistance-fr', 'nasdaq-repost', 'propaganda-defectors', 'recruiters-trial', 'social-media-app', 'unknown-outlet', 'wire-copy-ar', 'passing-mention', 'isis-goddess'];

interface Run { times: Record<string, number>; reason: string }

async function once(ctx: BrowserContext, code: string, url: string, prof: Map<string, number> | null): Promise<Run | null> {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (cpuMode) {
      await page.evaluate(code);
      await page.evaluate('globalThis.__provenanceQuick()');
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Performance.enable');
      const thread = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
      const t0 = await thread();
      const on = (await page.evaluate('globalThis.__provenanceCpu()')) as boolean;
      const t1 = await thread();
      return { times: { cpu: (t1 - t0) * 1000 }, reason: on ? 'on-topic' : 'off-topic' };
    }
    if (regexTimes && prof) await page.evaluate(REGEX_PATCH);
    await page.evaluate(code);
    if (regexTimes && prof) {
      const r = (await page.evaluate('globalThis.__provenanceFullBreakdown()')) as Run;
      const list = (await page.evaluate('globalThis.__regexTimes()')) as [string, number, number, number, number][];
      for (const [k, first, rest] of list) {
        prof.set(`first ${k}`, (prof.get(`first ${k}`) ?? 0) + first);
        prof.set(`rest  ${k}`, (prof.get(`rest  ${k}`) ?? 0) + rest);
      }
      return r;
    }
    if (!prof) return (await page.evaluate('globalThis.__provenanceFullBreakdown()')) as Run;
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    const r0 = profileWarm ? ((await page.evaluate('globalThis.__provenanceFullBreakdown()')) as Run) : null;
    await cdp.send('Profiler.start');
    const r = profileWarm ? r0! : ((await page.evaluate('globalThis.__provenanceFullBreakdown()')) as Run);
    if (profileWarm) await page.evaluate('for (let i = 0; i < 5; i++) globalThis.__provenanceFullBreakdown()');
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes as { id: number; children?: number[] }[]) for (const c of n.children ?? []) parent.set(c, n.id);
    const key = (id: number) => {
      const n = byId.get(id)!;
      return `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    };
    for (let i = 0; i < p.samples.length; i++) {
      const n = byId.get(p.samples[i]);
      if (!n) continue;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      const k = key(n.id);
      prof.set(k, (prof.get(k) ?? 0) + ms);
      // Inclusive time: every function on the stack, once.
      const seen = new Set<string>();
      for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
        const kk = `incl ${key(id)}`;
        if (seen.has(kk)) continue;
        seen.add(kk);
        prof.set(kk, (prof.get(kk) ?? 0) + ms);
      }
    }
    return r;
  } catch {
    return null;
  } finally {
    await page.close();
  }
}

/** `--quick N`: the quick pass of each tree, side by side on about N corpus pages. */
async function quickMain(): Promise<void> {
  const shared = path.resolve(process.env.PROVENANCE_SHARED ?? path.join(REPO, '..', 'shared'));
  const all = listPages(shared, REPO);
  if (!all.length) throw new Error(`no corpus pages under ${shared}/corpus`);
  const pages = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / quickN)) === 0);
  const server = await startStaticServer(corpusRoots(shared, REPO));
  const bundles: string[] = [];
  for (const r of roots) bundles.push(await breakdownCode(r));
  const { browser, ctx } = await openBlocked(server.origin);
  const { rows, differ } = await runQuickSideBySide(ctx, bundles, pages.map((p) => server.origin + p.urlPath));
  await browser.close();
  await server.close();
  for (let k = 0; k < roots.length; k++) {
    const off = rows[k].filter((r) => r.reason !== 'topic-named' && r.reason !== 'related-terms');
    const total = off.map((r) => r.times.readQuickInput + r.times.prefold + r.times.quickScan);
    console.log(`${roots[k]}: ${off.length} pages stopped at the quick pass; medians ms: ` + BREAKDOWN_STEPS.map((s) => `${s} ${fmt(median(off.map((r) => r.times[s])), 2)}`).join(' · ') + ` · read + fold + scan ${fmt(median(total), 2)}`);
  }
  console.log(differ.length ? `answers differ on ${differ.length} pages:\n${differ.join('\n')}` : 'answers: the same on every page');
}

/** The quick-breakdown bundle of one source tree. */
async function breakdownCode(root: string): Promise<string> {
  const b = await buildBreakdownBundle(root);
  if (!b) throw new Error('esbuild unavailable');
  return b.code;
}

/** Chromium with one context whose requests outside `origin` are blocked. */
async function openBlocked(origin: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext();
  await blockNonLocal(ctx, origin);
  return { browser, ctx };
}

async function main(): Promise<void> {
  if (quickN > 0) return quickMain();
  const server = await startStaticServer({ '/demo/': path.join(REPO, 'public/demo') });
  const bundles: string[] = [];
  for (const r of roots) {
    if (stepsMode || cpuMode) {
      bundles.push(await stepsBundle(r));
      continue;
    }
    bundles.push(await breakdownCode(r));
  }
  const { browser, ctx } = await openBlocked(server.origin);
  const rows = roots.map(() => new Map<string, Run[]>());
  const prof = profile || regexTimes || profileWarm ? new Map<string, number>() : null;
  for (let round = 0; round < rounds; round++) {
    for (const id of PAGES) {
      for (let k = 0; k < roots.length; k++) {
        const r = await once(ctx, bundles[k], `${server.origin}/demo/${id}.html`, k === 0 && round === 0 ? prof : null);
        if (!r) continue;
        const list = rows[k].get(id) ?? [];
        list.push(r);
        rows[k].set(id, list);
      }
    }
  }
  await browser.close();
  await server.close();
  const steps = cpuMode
    ? ['cpu']
    : stepsMode
    ? ['readRawMeta', 'resolveMeta', 'extractBody', 'stripFurniture', 'extractRest', 'detectTopic', 'claimReviews', 'extractWarm', 'detectWarm']
    : ['extractArticle', 'detectTopic', 'claimReviews', 'extractWarm', 'detectWarm'];
  for (let k = 0; k < roots.length; k++) {
    console.log(`\n${roots[k]} (${rounds} rounds; per page the median of its rounds, then the median over on-topic pages)`);
    const on = [...rows[k]].filter(([, runs]) => runs[0].reason === 'on-topic');
    console.log(`on-topic pages: ${on.length}; not: ${[...rows[k]].filter(([, r]) => r[0].reason !== 'on-topic').map(([id]) => id).join(', ')}`);
    const per = (s: string) => on.map(([, runs]) => median(runs.map((r) => r.times[s])));
    const full = on.map(([, runs]) => median(runs.map((r) => (cpuMode ? steps : stepsMode ? steps.slice(0, 7) : steps.slice(0, 3)).reduce((n, s) => n + r.times[s], 0))));
    console.log(steps.map((s) => `${s} ${fmt(median(per(s)), 2)}`).join(' · ') + ` · full (cold steps summed) ${fmt(median(full), 2)}`);
    for (const [id, runs] of on) console.log(`  ${id.padEnd(24)} ${steps.map((s) => fmt(median(runs.map((r) => r.times[s])), 1).padStart(6)).join(' ')}`);
  }
  if (prof) {
    console.log(regexTimes ? '\nRegExp execution (first call and later calls), ms summed over pages:' : '\nCPU profile of the cold runs (first tree, round 1), self ms summed over pages:');
    for (const [k, v] of [...prof].sort((a, b) => b[1] - a[1]).slice(0, 110)) console.log(`  ${fmt(v, 1).padStart(7)}  ${k}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
