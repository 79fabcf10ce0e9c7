import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LocalStackError } from '../dev-stack-errors.js';
import { LOOPBACK_HOST, reservePort } from '../dev-stack-port.js';

export interface CognitoLocalProcessOptions {
  /** Folder that receives `.cognito/` (cognito-local's config and data). */
  dataRoot: string;
  /** 0 picks a free port. */
  port: number;
  /** Named in the port-in-use message. */
  portEnvVar?: string;
  /** How long to wait for `/health`; default 15 s. */
  startTimeoutMs?: number;
}

export interface CognitoLocalProcess {
  /** `http://127.0.0.1:<port>`, no trailing slash: cognito-local's issuer domain. */
  endpoint: string;
  port: number;
  /** The last lines cognito-local printed, for error messages. */
  recentOutput(): string;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

const OUTPUT_LINES_KEPT = 40;

const COGNITO_LOCAL_BIN = 'cognito-local/lib/bin/start.js';

function cognitoLocalBin(): string {
  try {
    return createRequire(import.meta.url).resolve(COGNITO_LOCAL_BIN);
  } catch {
    // A CommonJS build has no import.meta.url; node_modules is hoisted, so the working
    // directory (the repo or a workspace) finds it too.
    return createRequire(join(process.cwd(), 'package.json')).resolve(COGNITO_LOCAL_BIN);
  }
}

async function waitForHealth(
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new LocalStackError(
        'process_exited',
        `cognito-local exited (${child.exitCode ?? child.signalCode}) before it was ready. ` +
          `Its output:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: try again until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new LocalStackError(
    'start_timeout',
    `cognito-local did not answer ${endpoint}/health within ${timeoutMs} ms. Its output:\n${output()}`,
  );
}

/**
 * Starts cognito-local as a child process on loopback. It keeps its data in `<dataRoot>/.cognito`
 * (it only knows paths relative to its working directory), so users and pools survive restarts.
 */
export async function startCognitoLocalProcess(
  options: CognitoLocalProcessOptions,
): Promise<CognitoLocalProcess> {
  // cognito-local writes the port into every token's issuer, so it must know it before listening.
  const port = await reservePort(options.port, 'cognito-local', options.portEnvVar);
  mkdirSync(options.dataRoot, { recursive: true });
  const child = spawn(process.execPath, [cognitoLocalBin()], {
    cwd: options.dataRoot,
    env: { ...process.env, PORT: String(port), HOST: LOOPBACK_HOST, DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const recentOutput = () => lines.join('\n');
  const endpoint = `http://${LOOPBACK_HOST}:${port}`;

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(endpoint, child, options.startTimeoutMs ?? 15_000, recentOutput);
  } catch (error) {
    await stop();
    if (/EADDRINUSE/.test(recentOutput())) {
      // Someone took the port between our check and cognito-local's listen.
      throw new LocalStackError(
        'port_in_use',
        `Port ${port} (cognito-local) was taken while cognito-local started: try again` +
          `${options.portEnvVar ? ` or set ${options.portEnvVar}=<port>` : ''}.`,
        { cause: error },
      );
    }
    throw error;
  }
  return { endpoint, port, recentOutput, exited, stop };
}
