import { defineConfig } from 'vitest/config';

// Unit tests of the app's plain modules (src), and end-to-end tests: real Chromium (Playwright
// library) against the real local stack, which each e2e file starts on free ports. One file at
// a time: the machine is small and the stack is whole.
export default defineConfig({
  test: {
    name: 'playground-e2e',
    environment: 'node',
    include: ['src/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
