// `npm run dev`: builds what the local stack runs (server, and the packages the playground
// imports), then starts the stack (server/dist/dev-stack.js), which starts the playground too.
// Ports and options: docs/local-stack.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.env.CHATBOT_DEV_STARTED_AT ??= String(Date.now());

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `Node ${process.versions.node} is too old for the local stack (needs 22+). Run it through npm ` +
      '(`npm run dev`), which uses the Node 24 from node_modules, or install Node 22+.',
  );
  process.exit(1);
}

const turbo = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'turbo.cmd' : 'turbo',
);
if (!existsSync(turbo)) {
  console.error('turbo is not installed: run `npm install` at the repository root first.');
  process.exit(1);
}
console.log(
  'Building @chatbot/server, @chatbot/react and @chatbot/sdk (cached after the first run)...',
);
const build = spawnSync(
  turbo,
  [
    'run',
    'build',
    '--filter=@chatbot/server',
    '--filter=@chatbot/react',
    '--output-logs=errors-only',
  ],
  { cwd: root, stdio: 'inherit', env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env } },
);
if (build.status !== 0) {
  console.error('The build failed (see above); the local stack was not started.');
  process.exit(build.status ?? 1);
}

// Starts everything and stays running until Ctrl-C.
await import(pathToFileURL(join(root, 'server', 'dist', 'dev-stack.js')).href);
