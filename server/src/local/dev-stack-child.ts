import { spawn } from 'node:child_process';
import { LocalStackError } from './dev-stack-errors.js';

export interface ChildProcessSpec {
  /** Named in messages, e.g. "function URL (chatbot-server serve)". */
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Ready when a line of output matches, or when a URL answers HTTP. */
  ready: { line: RegExp } | { url: string };
  timeoutMs: number;
  /** Every line of output, as it comes (the dev stack prefixes and prints them). */
  onLine?: (line: string) => void;
}

export interface RunningChild {
  name: string;
  pid: number | undefined;
  /** The match of `ready.line`, if readiness was a line. */
  readyMatch: RegExpExecArray | undefined;
  /** The last lines of output, for error messages. */
  recentOutput(): string;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const LINES_KEPT = 40;
const STOP_GRACE_MS = 3000;

/** Starts a child process and resolves once it is ready; stops it and rejects if it is not. */
export async function startChildProcess(spec: ChildProcessSpec): Promise<RunningChild> {
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let readyMatch: RegExpExecArray | undefined;
  let markReady: (() => void) | undefined;
  const lineReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  let partial = { stdout: '', stderr: '' };
  const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = partial[stream] + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = { ...partial, [stream]: parts.pop() ?? '' };
    for (const raw of parts) {
      const line = raw.replace(/\r$/, '');
      lines.push(line);
      if (lines.length > LINES_KEPT) lines.shift();
      spec.onLine?.(line);
      if (!readyMatch && 'line' in spec.ready) {
        // Colour codes (Vite) must not hide a match.
        const match = spec.ready.line.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
        if (match) {
          readyMatch = match;
          markReady?.();
        }
      }
    }
  };
  child.stdout.on('data', onData('stdout'));
  child.stderr.on('data', onData('stderr'));
  const recentOutput = () => lines.join('\n');

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || spawnError) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  let settled = false;
  const urlReady = async (url: string) => {
    while (!settled) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await response.body?.cancel();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ('line' in spec.ready ? lineReady : urlReady(spec.ready.url)).then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), spec.timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  settled = true;
  if (outcome !== 'ready') {
    await stop();
    const how =
      outcome === 'timeout'
        ? `was not ready within ${spec.timeoutMs} ms`
        : `exited before it was ready${spawnError ? ` (${spawnError.message})` : ''}`;
    throw new LocalStackError(
      outcome === 'timeout' ? 'start_timeout' : 'process_exited',
      `${spec.name} ${how}. Its last output:\n${recentOutput() || '(none)'}`,
    );
  }
  return { name: spec.name, pid: child.pid, readyMatch, recentOutput, exited, stop };
}
