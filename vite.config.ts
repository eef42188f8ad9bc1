import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { rmSync } from 'node:fs';
import path from 'node:path';
import manifest from './manifest.json' with { type: 'json' };

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

export default defineConfig({
  plugins: [crx({ manifest: manifest as any }), dropDemoFromDist()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    modulePreload: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // Extension pages not named in the manifest.
      input: { library: 'src/library/index.html' },
    },
  },
});
