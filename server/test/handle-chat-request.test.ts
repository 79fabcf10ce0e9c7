import { type ChatEvent, decodeChatEvent, decodeSse } from '@chatbot/sdk/protocol';
import { describe, expect, test } from 'vitest';
import type { ChatHttpResponse } from '../src/core/chat-http.js';
import {
  type ChatCoreDeps,
  CORE_DEFAULTS,
  handleChatRequest,
} from '../src/core/handle-chat-request.js';
import type { ModelChunk, ModelPort } from '../src/core/ports.js';
import type { RequestLogEntry } from '../src/core/request-log.js';
import { ServerError } from '../src/core/server-error.js';

// The core alone, with a scripted model port standing in for Bedrock at the port boundary.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ScriptedModel extends ModelPort {
  signals: AbortSignal[];
}

function scriptedModel(
  open: (signal: AbortSignal) => Promise<AsyncIterable<ModelChunk>>,
): ScriptedModel {
  const signals: AbortSignal[] = [];
  return {
    modelId: 'scripted',
    signals,
    open: (_input, signal) => {
      signals.push(signal);
      return open(signal);
    },
  };
}

async function* chunks(texts: string[], stop = true, gapMs = 0): AsyncGenerator<ModelChunk> {
  for (const text of texts) {
    if (gapMs) await sleep(gapMs);
    yield { type: 'text', text };
  }
  if (stop)
    yield {
      type: 'stop',
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: texts.length },
    };
}

function deps(model: ModelPort, logs: RequestLogEntry[] = []): ChatCoreDeps {
  return {
    auth: {
      verify: async (token) =>
        token === 'good' ? { sub: 'u1' } : Promise.reject(new ServerError('unauthorized', 'bad')),
    },
    model,
    limits: CORE_DEFAULTS.limits,
    tokenHeader: 'x-chatbot-token',
    allowedOrigins: [],
    startGraceMs: 50,
    heartbeatIntervalMs: 1_000,
    logger: (entry) => logs.push(entry),
    now: () => performance.now(),
    newId: () => 'id-1',
  };
}

function request(signal?: AbortSignal) {
  return {
    method: 'POST',
    headers: { 'x-chatbot-token': 'good', 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })),
    ...(signal ? { signal } : {}),
  };
}

async function events(response: ChatHttpResponse): Promise<ChatEvent[]> {
  if (response.kind !== 'stream')
    throw new Error(`expected a stream, got ${response.status} ${response.body}`);
  const text: string[] = [];
  for await (const piece of response.body) text.push(piece);
  return decodeSse([new TextEncoder().encode(text.join(''))]).map((m) => decodeChatEvent(m)!);
}

describe('handleChatRequest', () => {
  test('a refusal that comes after the grace period is an error event after start', async () => {
    const model = scriptedModel(async () => {
      await sleep(120);
      throw new ServerError('rate_limited', 'busy', { retryAfterSeconds: 2 });
    });
    const response = await handleChatRequest(request(), deps(model));
    expect(response.status).toBe(200);
    const seen = await events(response);
    expect(seen.map((e) => e.type)).toEqual(['start', 'error']);
    expect(seen[1]).toMatchObject({ code: 'rate_limited', retryable: true });
  });

  test('a model slower than the grace period still streams its answer after start', async () => {
    const model = scriptedModel(async () => {
      await sleep(120);
      return chunks(['a', 'b']);
    });
    const seen = await events(await handleChatRequest(request(), deps(model)));
    expect(seen.map((e) => e.type)).toEqual(['start', 'delta', 'delta', 'done']);
  });

  test('a stream that ends without a stop reason ends with an error, keeping the text', async () => {
    const model = scriptedModel(async () => chunks(['partial '], false));
    const seen = await events(await handleChatRequest(request(), deps(model)));
    expect(seen.map((e) => e.type)).toEqual(['start', 'delta', 'error']);
    expect(seen[1]).toMatchObject({ text: 'partial ' });
    expect(seen[2]).toMatchObject({ code: 'upstream_error', retryable: true });
  });

  test('an unexpected failure is a non-retryable internal_error event whose message leaks nothing', async () => {
    const model = scriptedModel(async () =>
      (async function* () {
        yield { type: 'text', text: 'x' } as ModelChunk;
        throw new Error('secret stack detail');
      })(),
    );
    const seen = await events(await handleChatRequest(request(), deps(model)));
    expect(seen.at(-1)).toMatchObject({ type: 'error', code: 'internal_error', retryable: false });
    expect(JSON.stringify(seen)).not.toContain('secret stack detail');
  });

  test('the client going away (request signal) aborts the model request and logs aborted', async () => {
    const client = new AbortController();
    const logs: RequestLogEntry[] = [];
    const model = scriptedModel(async (signal) =>
      (async function* () {
        yield { type: 'text', text: 'first' } as ModelChunk;
        await new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      })(),
    );
    const response = await handleChatRequest(request(client.signal), deps(model, logs));
    if (response.kind !== 'stream') throw new Error('expected a stream');
    const iterator = response.body[Symbol.asyncIterator]();
    await iterator.next(); // start
    await iterator.next(); // delta
    const pending = iterator.next();
    client.abort();
    expect((await pending).done).toBe(true);
    expect(model.signals[0]!.aborted).toBe(true);
    expect(logs.at(-1)).toMatchObject({ status: 200, outcome: 'aborted', level: 'info' });
  });

  test('a consumer that stops reading releases the model request', async () => {
    const model = scriptedModel(async () => chunks(['a', 'b', 'c'], true, 10));
    const response = await handleChatRequest(request(), deps(model));
    if (response.kind !== 'stream') throw new Error('expected a stream');
    const iterator = response.body[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.();
    expect(model.signals[0]!.aborted).toBe(true);
  });

  test('a bad token never opens the model', async () => {
    const model = scriptedModel(async () => chunks(['a']));
    const response = await handleChatRequest(
      { ...request(), headers: { 'x-chatbot-token': 'bad', 'content-type': 'application/json' } },
      deps(model),
    );
    expect(response.status).toBe(401);
    expect(model.signals).toHaveLength(0);
  });

  test('a client request id that is not plain is replaced', async () => {
    const model = scriptedModel(async () => chunks(['a']));
    const req = request();
    const seen = await events(
      await handleChatRequest(
        { ...req, headers: { ...req.headers, 'x-chatbot-request-id': 'bad id\nwith newline' } },
        deps(model),
      ),
    );
    expect(seen[0]).toMatchObject({ type: 'start', requestId: 'id-1' });
  });
});

test('a client that leaves before the model answered is logged as aborted, not as a model error', async () => {
  const client = new AbortController();
  const logs: RequestLogEntry[] = [];
  const model = scriptedModel(
    (signal) =>
      new Promise((_, reject) => {
        signal.addEventListener('abort', () =>
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
        );
      }),
  );
  const pending = handleChatRequest(request(client.signal), {
    ...deps(model, logs),
    startGraceMs: 5_000,
  });
  await sleep(10);
  client.abort();
  await pending;
  expect(logs.at(-1)).toMatchObject({ status: 499, outcome: 'aborted' });
});

test('the token header is configurable, and Authorization is never read', async () => {
  const model = scriptedModel(async () => chunks(['a']));
  const custom = { ...deps(model), tokenHeader: 'x-my-token' };
  const withCustom = await handleChatRequest(
    { ...request(), headers: { 'x-my-token': 'good', 'content-type': 'application/json' } },
    custom,
  );
  expect(withCustom.status).toBe(200);
  const withDefault = await handleChatRequest(request(), custom);
  expect(withDefault.status).toBe(401);
  const withAuthorization = await handleChatRequest(
    { ...request(), headers: { authorization: 'good', 'content-type': 'application/json' } },
    deps(model),
  );
  expect(withAuthorization.status).toBe(401);
});
