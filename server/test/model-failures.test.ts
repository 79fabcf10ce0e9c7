import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withScenario } from '../src/local/bedrock-emulator/bedrock-scenarios.js';
import { ask, eventTypes, postChat } from './support/chat-responses.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';

describe.each(['converse', 'invoke'] as const)('Bedrock %s failures', (api) => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack({ api, timing: { slowFirstTokenDelayMs: 450 } });
  });
  afterAll(() => stack?.close());

  test('throttling before start is a plain 429 with Retry-After', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('throttled', 'Hi')),
    });
    expect(exchange.status).toBe(429);
    expect(exchange.json).toMatchObject({ error: { code: 'rate_limited' } });
    expect(exchange.headers.get('retry-after')).toBe('2');
    expect(await stack.bedrock.requests.at(-1)!.ended).toBe('refused');
    expect(stack.logs.at(-1)).toMatchObject({ status: 429, outcome: 'rate_limited' });
    // The operator sees what Bedrock said; the caller gets the protocol's message.
    expect(stack.logs.at(-1)!.cause).toMatch(/^ThrottlingException: Too many requests/);
  });

  test('service unavailable before start is a plain 503', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('unavailable', 'Hi')),
    });
    expect(exchange.status).toBe(503);
    expect(exchange.json).toMatchObject({ error: { code: 'unavailable' } });
    expect(exchange.headers.get('retry-after')).not.toBeNull();
  });

  test('throttling after start is a retryable error event, and the text already sent stays', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('throttled-after-start', 'Hi')),
    });
    expect(exchange.status).toBe(200);
    expect(eventTypes(exchange)).toBe('start delta delta delta error');
    expect(exchange.text).toBe('Hello from the ');
    expect(exchange.events.at(-1)).toMatchObject({
      type: 'error',
      code: 'rate_limited',
      retryable: true,
    });
    expect(stack.logs.at(-1)).toMatchObject({
      status: 200,
      outcome: 'rate_limited',
      level: 'warn',
    });
  });

  test('a model stream error mid-answer is a retryable upstream_error event', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('mid-stream-error', 'Hi')),
    });
    expect(eventTypes(exchange)).toBe('start delta delta delta error');
    expect(exchange.events.at(-1)).toMatchObject({
      type: 'error',
      code: 'upstream_error',
      retryable: true,
    });
    expect(exchange.text).toBe('Hello from the ');
  });

  test('a slow first token gets start at once, then heartbeats until the text comes', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('slow-first-token', 'Hi')),
    });
    expect(eventTypes(exchange)).toMatch(/^start( delta)+ done$/);
    const kinds = exchange.arrivals.map((a) =>
      a.kind === 'comment' ? `:${a.text}` : a.event.type,
    );
    const firstDelta = kinds.indexOf('delta');
    // 450 ms of silence with a 100 ms heartbeat: several pings, all between start and the text.
    const pings = kinds.slice(1, firstDelta);
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pings)).toEqual(new Set([':ping']));
    expect(kinds[0]).toBe('start');
  });
});

describe('the client going away', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack({ timing: { tokenIntervalMs: 100 } });
  });
  afterAll(() => stack?.close());

  test('aborts the Bedrock request (seen at the emulator) and logs the request as aborted', async () => {
    const controller = new AbortController();
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask('Tell me a long story please'),
      signal: controller.signal,
      onArrival: (arrival) => {
        if (arrival.kind === 'event' && arrival.event.type === 'delta') controller.abort();
      },
    });
    expect(exchange.events.map((e) => e.type)).toContain('delta');
    const call = stack.bedrock.requests.at(-1)!;
    expect(await call.ended).toBe('aborted');
    // The answer has 11 words at 100 ms each; the abort cut it well short.
    expect(call.deltasSent).toBeLessThan(6);
    await expect.poll(() => stack.logs.at(-1)?.outcome, { timeout: 5_000 }).toBe('aborted');
  });
});
