/**
 * `node server/dist/dev-stack.js`: the local stack behind `npm run dev`. Starts every part on
 * loopback, writes `.local-stack.json`, prints one summary, and stops everything on Ctrl-C.
 *
 * Environment: CHATBOT_*_PORT (see dev-stack-config.ts), CHATBOT_LOCAL_STACK_FILE (default
 * <repo>/.local-stack.json), CHATBOT_COGNITO_DATA_DIR (default <repo>, holding .cognito/),
 * CHATBOT_NO_PLAYGROUND=1 (no Vite), CHATBOT_QUIET=1 (only the summary and errors).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devStackPortsFromEnv } from './dev-stack-config.js';
import { LocalStackError } from './dev-stack-errors.js';
import { removeLocalStackInfo, writeLocalStackInfo } from './dev-stack-info.js';
import { type DevStack, startDevStack } from './dev-stack-start.js';
import { formatDevStackSummary } from './dev-stack-summary.js';

// Built to server/dist/dev-stack.js: the CLI is its sibling and the repo two folders up.
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(process.env.CHATBOT_REPO_ROOT ?? join(here, '..', '..'));
const infoFile = resolve(
  process.env.CHATBOT_LOCAL_STACK_FILE ?? join(repoRoot, '.local-stack.json'),
);
const quiet = process.env.CHATBOT_QUIET === '1';

function print(part: string, line: string) {
  if (!quiet && line.trim() !== '') console.log(`[${part}] ${line}`);
}

async function main(): Promise<void> {
  let stack: DevStack | undefined;
  let stopRequested = false;
  let stopping: Promise<void> | undefined;
  const shutdown = (code: number) => {
    if (!stack) {
      // Still starting: the parts started so far are stopped as soon as the start returns.
      stopRequested = true;
      return Promise.resolve();
    }
    stopping ??= (async () => {
      removeLocalStackInfo(infoFile);
      await stack?.stop();
      process.exit(code);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  stack = await startDevStack({
    repoRoot,
    ports: devStackPortsFromEnv(process.env),
    cognitoDataRoot: resolve(process.env.CHATBOT_COGNITO_DATA_DIR ?? repoRoot),
    withPlayground: process.env.CHATBOT_NO_PLAYGROUND !== '1',
    serverCli: join(here, 'cli.js'),
    log: print,
  });
  if (stopRequested) {
    await stack.stop();
    process.exit(0);
  }
  writeLocalStackInfo(infoFile, stack.info);
  const devStartedAt = Number(process.env.CHATBOT_DEV_STARTED_AT);
  console.log(
    formatDevStackSummary(
      stack.info,
      stack.readyAfterMs,
      infoFile,
      Number.isFinite(devStartedAt) && devStartedAt > 0 ? devStartedAt : undefined,
    ),
  );
  const crash = await stack.unexpectedExit;
  console.error(`\n${crash}\nStopping the local stack.`);
  await shutdown(1);
}

// Nothing to remove on a failed start: the file is written only once all is up, and a busy
// port may mean another stack owns the file.
main().catch((error: unknown) => {
  if (error instanceof LocalStackError) {
    console.error(`\nThe local stack did not start (${error.code}): ${error.message}`);
  } else {
    console.error('\nThe local stack did not start:', error);
  }
  process.exit(1);
});
