import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../tooling/vitest-chromium.ts';

// The same suite runs twice: in Node (>= 22) and in real Chromium. Files named *.node.test.ts
// need Node-only APIs and run only there; *.browser.test.ts only in Chromium.
export default defineConfig({
  // Serves /mockServiceWorker.js to the browser project (MSW intercepts fetch there).
  plugins: [msw({ mode: 'worker-only' })],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.node.test.ts'],
          // Benchmarks are measured in Node only (`npm run bench`).
          benchmark: { include: [] },
          browser: chromiumBrowser(),
        },
      },
    ],
    testTimeout: 30_000,
  },
});
