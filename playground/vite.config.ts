import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Loopback only (the machine's other interfaces must stay closed); the port moves with
// CHATBOT_PLAYGROUND_PORT so several stacks can run side by side.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.CHATBOT_PLAYGROUND_PORT || 5173),
    strictPort: true,
    // The e2e suite turns file watching off: a rebuild of a linked package mid-test would reload
    // the page under it.
    ...(process.env.CHATBOT_PLAYGROUND_WATCH === '0' ? { watch: null } : {}),
  },
  // Its own pre-bundle cache for the e2e suite, so it never races a developer's dev server.
  ...(process.env.CHATBOT_PLAYGROUND_CACHE_DIR
    ? { cacheDir: process.env.CHATBOT_PLAYGROUND_CACHE_DIR }
    : {}),
  // Bundled at start-up rather than on first load, so the first page view does not reload.
  optimizeDeps: { include: ['aws-amplify', 'aws-amplify/auth', 'react', 'react-dom/client'] },
  preview: { host: '127.0.0.1' },
  build: { sourcemap: true },
});
