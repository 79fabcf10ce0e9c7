import react from '@vitejs/plugin-react';
import { msw } from 'msw/vite';
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../tooling/vitest-chromium.ts';

// Three projects: the vanilla store and server rendering in Node (*.node.test.ts[x]), and the
// hooks in real Chromium against MSW streaming handlers (*.browser.test.ts[x]), once with the
// workspace's React 19 and once more with React 18.
export default defineConfig({
  // The worker-only plugin serves /mockServiceWorker.js so MSW can intercept fetch in Chromium.
  plugins: [react(), msw({ mode: 'worker-only' })],
  // Pre-bundled together up front: found one by one, react-dom/server got a React of its own.
  optimizeDeps: {
    include: [
      'react',
      'react/jsx-dev-runtime',
      'react/jsx-runtime',
      'react-dom/client',
      'react-dom/server',
      'zustand',
      'zustand/vanilla',
      'vitest-browser-react',
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
          provide: { reactMajor: '19' },
          // Benchmarks are measured in Node only (`npm run bench`).
          benchmark: { include: [] },
          browser: chromiumBrowser(),
        },
      },
      {
        // The same browser tests with React 18: react-18 and react-dom-18 are npm aliases of
        // react@18.3.1 and react-dom@18.3.1. Every import of react or react-dom, ours and our
        // dependencies' (zustand, vitest-browser-react, react-dom-18's own), resolves to that
        // one React 18 copy; react-version.browser.test.tsx checks it. react-dom-18's peer on
        // react 18 cannot be met next to the workspace's React 19, so the root package.json
        // overrides it to accept either: npm installs it, and this alias decides what it loads.
        extends: true,
        resolve: {
          alias: [
            { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
            { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
          ],
        },
        // Its own pre-bundle cache, so React 18 and 19 bundles never mix.
        cacheDir: 'node_modules/.vite-react18',
        test: {
          name: 'browser-react18',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          provide: { reactMajor: '18' },
          benchmark: { include: [] },
          browser: chromiumBrowser(),
        },
      },
    ],
    testTimeout: 20_000,
  },
});
