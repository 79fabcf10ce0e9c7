import { defineConfig } from 'tsup';

export default defineConfig([
  // The library: core, ports, Lambda adapter, and the local runtime for dev stacks and tests.
  {
    entry: { index: 'src/index.ts', 'local/index': 'src/local/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'node22',
    platform: 'node',
    treeshake: true,
  },
  // `chatbot-server`, and the local stack behind `npm run dev`: ESM only, run, never imported.
  {
    entry: { cli: 'src/cli.ts', 'dev-stack': 'src/local/dev-stack.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node22',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The Lambda function code: one file, the protocol bundled in, runtime dependencies left to
  // the layer (dist/layer). It must never reach src/local (checked by test/lambda-build.test.ts).
  {
    entry: { index: 'src/lambda/index.ts' },
    outDir: 'dist/lambda',
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    dts: false,
    clean: false,
    sourcemap: true,
    splitting: false,
    target: 'node22',
    platform: 'node',
    noExternal: ['@chatbot/sdk'],
    external: ['jose', '@aws-sdk/client-bedrock-runtime'],
  },
]);
