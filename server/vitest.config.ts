import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    environment: 'node',
    // The local stack's parts keep their tests beside them.
    include: ['test/**/*.test.ts', 'src/local/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
