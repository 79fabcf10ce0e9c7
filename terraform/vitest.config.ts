import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The HCL parser is a wasm module; its first load takes a moment on a busy machine.
    testTimeout: 20_000,
  },
});
