import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type BedrockEmulator,
  startBedrockEmulator,
} from '../src/local/bedrock-emulator/bedrock-emulator.js';
import { eventTypes, postChat } from './support/chat-responses.js';
import { FAST_TIMING, TEST_MODEL_ID } from './support/chat-stack.js';
import { type LocalJwks, startLocalJwks } from './support/local-jwks.js';

// `chatbot-server serve` (the package's bin) runs the built Lambda entry (dist/lambda/index.mjs)
// in a child process.
const cli = join(import.meta.dirname, '..', 'bin', 'chatbot-server.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

async function listening(process: Run): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(process.output());
    if (match) return match[1]!;
    if (process.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`chatbot-server did not start:\n${process.output()}`);
}

describe('chatbot-server serve', () => {
  let jwks: LocalJwks;
  let bedrock: BedrockEmulator;
  let env: Record<string, string>;
  const children: Run[] = [];
  beforeAll(async () => {
    jwks = await startLocalJwks();
    bedrock = await startBedrockEmulator({ timing: FAST_TIMING });
    env = {
      PORT: '0',
      AWS_REGION: 'eu-west-1',
      COGNITO_CLIENT_ID: jwks.clientId,
      COGNITO_ISSUER: jwks.issuer,
      BEDROCK_MODEL_ID: TEST_MODEL_ID,
      BEDROCK_ENDPOINT: bedrock.url,
    };
  });
  afterAll(async () => {
    for (const child of children) child.child.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
    await bedrock?.close();
    await jwks?.close();
  });

  test('serves the Lambda entry configured from the environment', async () => {
    const server = run(['serve'], env);
    children.push(server);
    const url = await listening(server);
    const exchange = await postChat(url, { token: await jwks.token() });
    expect(exchange.status).toBe(200);
    expect(eventTypes(exchange)).toMatch(/^start( delta)+ done$/);
    // The entry logs one JSON line per request on stdout.
    await expect
      .poll(() => server.output(), { timeout: 5_000 })
      .toMatch(/"msg":"chat_request".*"outcome":"done"/);
  });

  test('with FUNCTION_URL_AUTH=AWS_IAM an unsigned request is refused 403', async () => {
    const server = run(['serve'], { ...env, FUNCTION_URL_AUTH: 'AWS_IAM' });
    children.push(server);
    const url = await listening(server);
    const response = await fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  test.each([
    ['COGNITO_CLIENT_ID', { COGNITO_CLIENT_ID: '' }],
    ['BEDROCK_MODEL_ID', { BEDROCK_MODEL_ID: '' }],
    ['AWS_REGION', { AWS_REGION: '' }],
    ['COGNITO_USER_POOL_ID', { COGNITO_ISSUER: '' }],
    ['BEDROCK_API', { BEDROCK_API: 'chat' }],
    ['COGNITO_TOKEN_USE', { COGNITO_TOKEN_USE: 'refresh' }],
  ])('fails at start-up naming %s when it is missing or wrong', async (name, change) => {
    const server = run(['serve'], { ...env, ...change });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(name);
    expect(server.output()).not.toContain('listening on');
  });
});
