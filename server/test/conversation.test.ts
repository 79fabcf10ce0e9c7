import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MULTIBYTE_ANSWER, withScenario } from '../src/local/bedrock-emulator/bedrock-scenarios.js';
import { ask, eventTypes, postChat } from './support/chat-responses.js';
import { type ChatStack, startChatStack, TEST_MODEL_ID } from './support/chat-stack.js';

// Both Bedrock APIs, through the real SDK client, the emulator's event-stream wire format, the
// handler and the Function URL emulator, read back with the sdk's SseDecoder.
describe.each(['converse', 'invoke'] as const)('a conversation over Bedrock %s', (api) => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack({ api, timing: { tokenIntervalMs: 25 } });
  });
  afterAll(() => stack?.close());

  test('streams start, the deltas of the answer, then done with usage', async () => {
    const before = stack.bedrock.requests.length;
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      headers: { 'x-chatbot-request-id': 'req-123' },
      body: {
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'Tell me a story' },
        ],
      },
    });
    expect(exchange.status).toBe(200);
    expect(exchange.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(exchange.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(eventTypes(exchange)).toMatch(/^start( delta)+ done$/);
    expect(exchange.events[0]).toMatchObject({
      type: 'start',
      requestId: 'req-123',
      model: TEST_MODEL_ID,
    });
    expect(exchange.text).toBe('Hello from the local Bedrock emulator. You said: Tell me a story');
    const done = exchange.events.at(-1);
    expect(done).toMatchObject({ type: 'done', stopReason: 'end_turn' });
    if (done?.type !== 'done') throw new Error('no done');
    expect(done.usage.outputTokens).toBe(exchange.events.length - 2);
    expect(done.usage.inputTokens).toBeGreaterThan(0);

    const call = stack.bedrock.requests[before]!;
    expect(call.api).toBe(api);
    expect(call.modelId).toBe(TEST_MODEL_ID);
    expect(await call.ended).toBe('completed');
    const sent = call.body as { messages: { role: string }[] };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  test('deltas reach the client before the model has finished (incremental delivery)', async () => {
    const before = stack.bedrock.requests.length;
    let sentWhenFirstArrived: number | undefined;
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      onArrival: (arrival) => {
        if (
          arrival.kind === 'event' &&
          arrival.event.type === 'delta' &&
          sentWhenFirstArrived === undefined
        ) {
          sentWhenFirstArrived = stack.bedrock.requests[before]!.deltasSent;
        }
      },
    });
    const total = exchange.events.filter((event) => event.type === 'delta').length;
    expect(total).toBeGreaterThan(5);
    // 25 ms between deltas: had anything buffered the stream, all of them would have been sent.
    expect(sentWhenFirstArrived).toBeLessThan(total);
  });

  test('emoji and CJK split across frames and deltas arrive intact (multibyte)', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('multibyte', 'Say something in several scripts')),
    });
    expect(eventTypes(exchange)).toMatch(/^start( delta)+ done$/);
    expect(exchange.text).toBe(MULTIBYTE_ANSWER);
  });

  test('a 20,000-token answer arrives whole (long-answer)', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask(withScenario('long-answer', 'Write at length')),
    });
    const deltas = exchange.events.filter((event) => event.type === 'delta');
    expect(deltas).toHaveLength(20_000);
    expect(exchange.text.startsWith('w0 w1 w2 ')).toBe(true);
    expect(exchange.text.endsWith('w19999 ')).toBe(true);
    expect(exchange.events.at(-1)).toMatchObject({ type: 'done', stopReason: 'max_tokens' });
  });
});
