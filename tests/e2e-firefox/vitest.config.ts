/**
 * Runner for the Firefox end-to-end suite (`npm run test:firefox`): vitest drives Debian's
 * Firefox ESR through puppeteer-core, one file at a time, each with its own browser.
 * Results go to test-results/firefox.json for the closing summary (scripts/test-summary.mjs).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/firefox.json' },
  },
});
