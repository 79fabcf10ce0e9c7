#!/usr/bin/env node
// The `chatbot-server` command. A committed file, so npm can link it before the first build;
// the command itself is built to dist/cli.js.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('chatbot-server: dist/cli.js is missing; run `npm run build -w server` first.');
  process.exit(1);
}
await import(cli.href);
