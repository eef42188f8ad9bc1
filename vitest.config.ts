import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/fuzz/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
