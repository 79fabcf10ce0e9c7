import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatbotClient, ChatbotError } from '@chatbot/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCognitoApi } from './cognito/cognito-api-call.js';
import type { LocalStackInfo } from './dev-stack-info.js';

// The built CLI behind `npm run dev`, run as a user runs it, without the playground.
const devStack = join(import.meta.dirname, '..', '..', 'dist', 'dev-stack.js');
const work = mkdtempSync(join(tmpdir(), 'chatbot-dev-stack-test-'));
const stackFile = join(work, 'local-stack.json');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runDevStack(extraEnv: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [devStack], {
    env: {
      ...process.env,
      CHATBOT_NO_PLAYGROUND: '1',
      CHATBOT_QUIET: '1',
      CHATBOT_LOCAL_STACK_FILE: stackFile,
      CHATBOT_COGNITO_DATA_DIR: work,
      CHATBOT_OAC_PORT: '0',
      CHATBOT_FUNCTION_URL_PORT: '0',
      CHATBOT_BEDROCK_PORT: '0',
      CHATBOT_COGNITO_PORT: '0',
      CHATBOT_COGNITO_SHIM_PORT: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitForFile(run: Run, timeoutMs: number): Promise<LocalStackInfo> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) {
      throw new Error(`dev-stack exited early (${run.child.exitCode}):\n${run.output()}`);
    }
    if (existsSync(stackFile)) return JSON.parse(readFileSync(stackFile, 'utf8')) as LocalStackInfo;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No ${stackFile} after ${timeoutMs} ms:\n${run.output()}`);
}

let stack: Run;
let info: LocalStackInfo;
let token: string;
const startedAt = Date.now();
let startupMs = 0;

beforeAll(async () => {
  stack = runDevStack();
  info = await waitForFile(stack, 30_000);
  startupMs = Date.now() - startedAt;
  const { AuthenticationResult } = await callCognitoApi<{
    AuthenticationResult?: { IdToken?: string };
  }>(info.cognito.endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: info.cognito.clientId,
    AuthParameters: { USERNAME: info.demoUser.username, PASSWORD: info.demoUser.password },
  });
  token = AuthenticationResult!.IdToken!;
}, 40_000);

afterAll(async () => {
  if (stack && stack.child.exitCode === null) {
    stack.child.kill('SIGTERM');
    await stack.exited;
  }
  rmSync(work, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const chatBody = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }] });

describe('the local stack (dev-stack CLI)', () => {
  it('writes .local-stack.json with the documented shape, on loopback only, within 30 s', () => {
    expect(startupMs).toBeLessThan(30_000);
    expect(info).toEqual({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      functionUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      bedrockEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      cognito: {
        endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        region: 'local',
        userPoolId: expect.stringMatching(/^local_/),
        clientId: expect.any(String),
      },
      playground: null,
      demoUser: { username: expect.stringContaining('@'), password: expect.any(String) },
    });
    expect(stack.output()).toContain('Local chatbot stack is up');
  });

  it('streams an answer through OAC emulator -> function -> Bedrock emulator', async () => {
    const client = new ChatbotClient({ endpoint: info.endpoint, getToken: () => token });
    const types: string[] = [];
    let text = '';
    for await (const event of client.stream({
      messages: [{ role: 'user', content: 'ping from the stack test' }],
    })) {
      types.push(event.type);
      if (event.type === 'delta') text += event.text;
    }
    expect(types[0]).toBe('start');
    expect(types.filter((t) => t === 'delta').length).toBeGreaterThanOrEqual(3);
    expect(types.at(-1)).toBe('done');
    expect(text).toContain('ping from the stack test');
  });

  it('refuses a request sent straight to the function URL (no SigV4) with 403', async () => {
    const body = chatBody('hi');
    const response = await fetch(info.functionUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chatbot-token': token,
        'x-amz-content-sha256': sha256(body),
      },
      body,
    });
    expect(response.status).toBe(403);
  });

  it('passes the Function URL 403 through when the body hash is wrong', async () => {
    const response = await fetch(info.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chatbot-token': token,
        'x-amz-content-sha256': sha256('another body'),
      },
      body: chatBody('hi'),
    });
    expect(response.status).toBe(403);
  });

  it('never delivers a JWT sent in Authorization: OAC overwrites it, so the function says 401', async () => {
    const body = chatBody('hi');
    const response = await fetch(info.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-amz-content-sha256': sha256(body),
      },
      body,
    });
    expect(response.status).toBe(401);
  });

  it('lets a scenario prefix reach the Bedrock emulator (throttled -> rate_limited)', async () => {
    const client = new ChatbotClient({
      endpoint: info.endpoint,
      getToken: () => token,
      retry: false,
    });
    const error = await client
      .send({ messages: [{ role: 'user', content: '[scenario:throttled] hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatbotError);
    expect((error as ChatbotError).code).toBe('rate_limited');
  });

  it('names a busy port and leaves the running stack and its file alone', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const second = runDevStack({ CHATBOT_OAC_PORT: String(port) });
      const code = await second.exited;
      expect(code).toBe(1);
      expect(second.output()).toContain(`Port ${port}`);
      expect(second.output()).toContain('CHATBOT_OAC_PORT');
      expect(existsSync(stackFile)).toBe(true);
    } finally {
      busy.close();
    }
  }, 20_000);

  it('stops every part and removes the file on SIGINT (Ctrl-C)', async () => {
    const functionUrl = info.functionUrl;
    stack.child.kill('SIGINT');
    const code = await Promise.race([
      stack.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000)),
    ]);
    expect(code).toBe(0);
    expect(existsSync(stackFile)).toBe(false);
    // The function URL was a child process: it must be gone too.
    await expect(fetch(functionUrl, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  }, 15_000);
});
