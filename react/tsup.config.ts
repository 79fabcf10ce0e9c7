import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['react', 'zustand', '@chatbot/sdk'],
  // Next.js App Router: the hooks and the provider are client-only.
  banner: { js: "'use client';" },
});
