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
  },
  preview: { host: '127.0.0.1' },
  build: { sourcemap: true },
});
