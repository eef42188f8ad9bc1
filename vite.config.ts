/**
 * Build configuration for both targets from the same sources:
 *   vite build                  → dist/          (Chromium: MV3 service worker)
 *   vite build --mode firefox   → dist-firefox/  (Firefox: background page from `background.scripts`)
 * The manifest differences live in one place (`manifestFor`); the content scripts are bundled
 * on their own, each into one file, so that no file is web-accessible (`contentScripts`, issue #15).
 */
import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import manifest from './manifest.json' with { type: 'json' };
// Firefox add-on id (required for MV3 in Firefox; also the key of the fixed-UUID pref in the tests).
import gecko from './scripts/lib/gecko.json' with { type: 'json' };
// The parts the worker injects on demand (src/shared/contract/injected.ts).
import injectedSources from './src/shared/contract/injected-parts.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';


/** The source manifest, adapted to the target. Chromium's is manifest.json as written. */
export function manifestFor(target: Target): Record<string, unknown> {
  // The content scripts are built apart (see contentScripts below) and added after crxjs.
  const { content_scripts: _builtApart, ...forCrx } = manifest;
  if (target === 'chrome') {
    // So is Chromium's service worker (classicWorker below), which crxjs would bundle as a module.
    const { background: _worker, ...rest } = forCrx;
    return rest;
  }
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = forCrx;
  return {
    ...rest,
    // Firefox has no extension service workers: the same module runs as a background page
    // (crxjs writes the loader into `scripts`).
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: gecko.id,
        // 140 ESR: background.type module, options_page, optional_host_permissions, data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

/** The demo pages live in public/demo for the local server; they are not part of the extension. */
function dropDemoFromDist(): Plugin {
  let outDir = 'dist';
  return {
    name: 'provenance:drop-demo',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      rmSync(path.resolve(outDir, 'demo'), { recursive: true, force: true });
    },
  };
}

/**
 * A page must not be able to tell that Provenance is installed (issue #15). crxjs loads a
 * content script as a small loader that imports its chunks from the extension, and so lists
 * those chunks as web-accessible at the extension's fixed id: any page could fetch
 * `chrome-extension://<id>/assets/<chunk>.js` and get 200. (Chromium's `use_dynamic_url` does
 * not help: a module fetched at the dynamic id is redirected to the fixed one, and its own
 * imports are then refused. Firefox refuses the imports without the list.)
 * So crxjs is given no content scripts; each one is bundled here on its own into a single
 * classic script (IIFE, its lazy imports inlined), which needs no web-accessible resources,
 * and added to the manifest crxjs wrote. The built manifest lists no web-accessible resources.
 * Only the small boot script (src/content/index.ts: the first pass, the message listener,
 * the highlight triggers) is listed in the manifest and loaded on every page; the parts the
 * worker injects on demand with `scripting.executeScript` (src/shared/contract/injected-parts.json: the full
 * analyser, the page tools) are bundled the same way but not listed (issue #17: a single
 * ~260 kB script cost every page ~20 ms of compile and evaluation).
 */
function contentScripts(target: Target): Plugin {
  let outDir = 'dist';
  let minify: boolean | 'oxc' | 'terser' | 'esbuild' = true;
  return {
    name: 'provenance:content-scripts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
      minify = config.build.minify;
    },
    async closeBundle() {
      const scripts = manifest.content_scripts.map((cs) => ({ ...cs, js: cs.js.map(builtName) }));
      const sources = [...manifest.content_scripts.flatMap((cs) => cs.js), ...Object.values(injectedSources)];
      {
        for (const src of sources) {
          const fileName = builtName(src);
          await build(classicScriptConfig({ src, fileName, outDir, target, minify }));
        }
      }
      if (target === 'chrome') await build(classicScriptConfig({ src: manifest.background.service_worker, fileName: WORKER_FILE, outDir, target, minify }));
      const file = path.resolve(outDir, 'manifest.json');
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (m.web_accessible_resources) throw new Error('the built manifest lists web-accessible resources: pages could detect the extension');
      m.content_scripts = scripts;
      // A classic service worker (no "type": "module"): see classicScriptConfig.
      if (target === 'chrome') m.background = { service_worker: WORKER_FILE };
      writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
    },
  };
}

/**
 * Chromium's service worker, built the same way into one classic script. Chromium keeps a
 * V8 code cache for a classic service worker's script (made when the worker is installed)
 * and none for a module worker's modules: a restarted module worker compiled its ~470 kB of
 * modules again at every start (~40 ms on a quiet machine); a classic one reads them
 * compiled. MV3 workers cannot import() anyway, so one file loses nothing.
 */
const WORKER_FILE = 'background.js';

/** One source file into one classic script (IIFE) in `outDir`. */
function classicScriptConfig(o: { src: string; fileName: string; outDir: string; target: Target; minify: boolean | 'oxc' | 'terser' | 'esbuild' }) {
  return {
    configFile: false as const,
    logLevel: 'warn' as const,
    publicDir: false as const,
    // Vite's dynamic-import helper reads import.meta, which a classic script has not; with the
    // lazy imports inlined the helper never builds a URL.
    define: { 'import.meta.url': 'undefined', 'import.meta.resolve': 'undefined' },
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
    build: {
      outDir: o.outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: buildTarget(o.target),
      minify: o.minify,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: path.resolve(o.src),
        // One file; each module's body is wrapped and run when first imported, so the lazily
        // imported parts (the full pass, the highlight page code) still run only when needed.
        output: { format: 'iife' as const, entryFileNames: o.fileName, codeSplitting: false, strictExecutionOrder: true },
      },
    },
  };
}

/** src/content/index.ts → content/src-content-index.js (the name keeps the source path, as crxjs's did; = builtContentName). */
function builtName(src: string): string {
  return `content/${src.replace(/\.ts$/, '.js').replace(/\//g, '-')}`;
}

function buildTarget(target: Target): string[] {
  return target === 'firefox' ? ['firefox140'] : ['chrome116'];
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target) as any, browser: target }), dropDemoFromDist(), contentScripts(target)],
    oxc: {
      jsx: { runtime: 'automatic', importSource: 'preact' },
    },
    build: {
      outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: buildTarget(target),
      sourcemap: false,
      modulePreload: false,
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        // Extension pages not named in the manifest.
        input: { library: 'src/library/index.html' },
      },
    },
  };
});
