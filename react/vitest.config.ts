import react from '@vitejs/plugin-react';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../tooling/vitest-chromium.ts';

// Two projects: the vanilla store and server rendering in Node (*.node.test.ts[x]), and the
// hooks in real Chromium against MSW streaming handlers (*.browser.test.ts[x]).
export default defineConfig({
  // The worker-only plugin serves /mockServiceWorker.js so MSW can intercept fetch in Chromium.
  plugins: [react(), msw({ mode: 'worker-only' })],
  // Pre-bundled together up front: found one by one, react-dom/server got a React of its own.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'react-dom/server',
      'zustand',
      'zustand/vanilla',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          // Benchmarks are measured in Node only (`npm run bench`).
          benchmark: { include: [] },
          browser: chromiumBrowser(),
        },
      },
    ],
    testTimeout: 20_000,
  },
});
