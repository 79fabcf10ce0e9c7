import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStackInfo } from '@chatbot/server/local';

/** The `.local-stack.json` contract, as the stack writes it. */
export type { LocalStackInfo };

export interface RunningLocalStack {
  info: LocalStackInfo;
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}

const repoRoot = join(import.meta.dirname, '..', '..');
const devStack = join(repoRoot, 'server', 'dist', 'dev-stack.js');

/**
 * Starts the real local stack, playground included, the way `npm run dev` does, but on free
 * ports, with its own Cognito data and stack file, so it never meets a developer's running stack.
 */
export async function startLocalStack(timeoutMs = 60_000): Promise<RunningLocalStack> {
  if (!existsSync(devStack)) {
    throw new Error(`${devStack} is missing: build the server first (npx turbo run build).`);
  }
  const work = mkdtempSync(join(tmpdir(), 'chatbot-e2e-'));
  const stackFile = join(work, 'local-stack.json');
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [devStack], {
    env: {
      ...process.env,
      CHATBOT_LOCAL_STACK_FILE: stackFile,
      CHATBOT_COGNITO_DATA_DIR: work,
      CHATBOT_OAC_PORT: '0',
      CHATBOT_FUNCTION_URL_PORT: '0',
      CHATBOT_BEDROCK_PORT: '0',
      CHATBOT_COGNITO_PORT: '0',
      CHATBOT_COGNITO_SHIM_PORT: '0',
      CHATBOT_PLAYGROUND_PORT: '0',
      CHATBOT_PLAYGROUND_WATCH: '0',
      CHATBOT_PLAYGROUND_CACHE_DIR: join(work, 'vite-cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!existsSync(stackFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The local stack did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const info = JSON.parse(readFileSync(stackFile, 'utf8')) as LocalStackInfo;
  return { info, startupMs: Date.now() - started, output: () => output, stop };
}
