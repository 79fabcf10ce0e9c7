import { afterAll, beforeAll, describe, test } from 'vitest';
import { CORE_DEFAULTS, handleChatRequest } from '../src/core/handle-chat-request.js';
import type { ModelChunk, ModelPort } from '../src/core/ports.js';
import { withScenario } from '../src/local/bedrock-emulator/bedrock-scenarios.js';
import { ask, postChat } from '../test/support/chat-responses.js';
import { type ChatStack, startChatStack } from '../test/support/chat-stack.js';

// How much the handler itself costs per delta, and what a whole local stack delivers. Run with
// `npm run bench -w server`. Measured here (2 shared cores, Node 24): the core's stages take
// ~50-65 ms for 20,000 deltas (~3 µs each); the whole stack (SDK event-stream decoding over
// HTTP/2, handler, Function URL emulator, fetch, SseDecoder) ~0.6-0.8 s (~35 µs each); the first
// delta of a short answer ~10-15 ms after the request, 5 ms of it the emulator's own delay.
// Any model's token rate is far slower than either.

const DELTAS = 20_000;

const inMemoryModel: ModelPort = {
  modelId: 'in-memory',
  async open() {
    return (async function* (): AsyncGenerator<ModelChunk> {
      for (let i = 0; i < DELTAS; i++) yield { type: 'text', text: `w${i} ` };
      yield {
        type: 'stop',
        stopReason: 'end_turn',
        usage: { inputTokens: 1, outputTokens: DELTAS },
      };
    })();
  },
};

const body = new TextEncoder().encode(JSON.stringify(ask('Hi')));

test('handler core: model chunks -> SSE text', async ({ bench }) => {
  await bench(
    `${DELTAS} deltas through start gate, events, SSE encoding and heartbeat stages`,
    async () => {
      const response = await handleChatRequest(
        {
          method: 'POST',
          headers: { 'x-chatbot-token': 't', 'content-type': 'application/json' },
          body,
        },
        {
          auth: { verify: async () => ({ sub: 'bench' }) },
          model: inMemoryModel,
          limits: CORE_DEFAULTS.limits,
          tokenHeader: 'x-chatbot-token',
          allowedOrigins: [],
          startGraceMs: 1_000,
          heartbeatIntervalMs: 15_000,
          logger: () => {},
          now: () => performance.now(),
          newId: () => 'id',
        },
      );
      if (response.kind !== 'stream') throw new Error('expected a stream');
      let bytes = 0;
      for await (const text of response.body) bytes += text.length;
      if (bytes < DELTAS * 30) throw new Error(`only ${bytes} characters`);
    },
  ).run({ iterations: 10, time: 2_000 });
});

describe('whole local stack: SDK -> Bedrock emulator (HTTP/2 event stream) -> handler -> Function URL -> fetch', () => {
  let stack: ChatStack;
  let token: string;
  beforeAll(async () => {
    stack = await startChatStack({ overrides: { logger: () => {} } });
    token = await stack.jwks.token();
  });
  afterAll(() => stack?.close());

  test('throughput and first delta', async ({ bench }) => {
    await bench.compare(
      bench(`a ${DELTAS}-delta answer (long-answer), read with the sdk SseDecoder`, async () => {
        const exchange = await postChat(stack.url, {
          token,
          body: ask(withScenario('long-answer', 'go')),
        });
        if (exchange.events.length !== DELTAS + 2)
          throw new Error(`got ${exchange.events.length} events`);
      }),
      bench(
        'time to the first delta of a short answer (emulator first-token delay 5 ms)',
        async () => {
          const controller = new AbortController();
          await postChat(stack.url, {
            token,
            signal: controller.signal,
            onArrival: (arrival) => {
              if (arrival.kind === 'event' && arrival.event.type === 'delta') controller.abort();
            },
          });
        },
      ),
      { iterations: 5, time: 2_000 },
    );
  });
});
