import { connect } from 'node:http2';
import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type BedrockEmulator,
  startBedrockEmulator,
} from '../src/local/bedrock-emulator/bedrock-emulator.js';
import {
  BEDROCK_SCENARIO_NAMES,
  SCENARIO_HEADER,
} from '../src/local/bedrock-emulator/bedrock-scenarios.js';
import { LOCAL_BEDROCK_CREDENTIALS } from '../src/local/local-credentials.js';
import { FAST_TIMING } from './support/chat-stack.js';

let emulator: BedrockEmulator;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  emulator = await startBedrockEmulator({ timing: FAST_TIMING });
  client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: LOCAL_BEDROCK_CREDENTIALS,
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client?.destroy();
  await emulator?.close();
});

function converse(prompt: string) {
  return new ConverseStreamCommand({
    modelId: 'm',
    messages: [{ role: 'user', content: [{ text: prompt }] }],
  });
}

test('the x-chatbot-scenario header picks a scenario too (for callers that can set headers)', async () => {
  const command = converse('no prefix here');
  command.middlewareStack.add(
    (next) => async (args) => {
      (args.request as { headers: Record<string, string> }).headers[SCENARIO_HEADER] = 'throttled';
      return next(args);
    },
    { step: 'build' },
  );
  await expect(client.send(command)).rejects.toBeInstanceOf(ThrottlingException);
  expect(emulator.requests.at(-1)!.scenario).toBe('throttled');
});

test('an unknown scenario is a ValidationException naming it', async () => {
  const error = await client.send(converse('[scenario:nope] hi')).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationException);
  expect((error as Error).message).toContain('"nope"');
});

test('an unsigned call is refused 403', async () => {
  const session = connect(emulator.url);
  try {
    const status = await new Promise<number>((resolve, reject) => {
      const stream = session.request({
        ':method': 'POST',
        ':path': '/model/m/converse-stream',
        'content-type': 'application/json',
      });
      stream.on('response', (headers) => resolve(Number(headers[':status'])));
      stream.on('error', reject);
      stream.end('{"messages":[]}');
      stream.resume();
    });
    expect(status).toBe(403);
  } finally {
    session.close();
  }
});

test('the scenario list is typed and complete', () => {
  expect(BEDROCK_SCENARIO_NAMES).toEqual([
    'normal',
    'slow-first-token',
    'throttled',
    'unavailable',
    'throttled-after-start',
    'mid-stream-error',
    'long-answer',
    'multibyte',
  ]);
});

test('a timing assigned after start applies to the next request', async () => {
  const before = emulator.timing;
  emulator.timing = { ...before, longAnswerTokens: 3 };
  try {
    const output = await client.send(converse('[scenario:long-answer] hi'));
    let deltas = 0;
    for await (const event of output.stream!) if (event.contentBlockDelta) deltas += 1;
    expect(deltas).toBe(3);
  } finally {
    emulator.timing = before;
  }
});
