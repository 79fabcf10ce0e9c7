// What the client adds on top of the SSE decoder for one long answer: 20,000 deltas (~1 MB) in
// 1 KB chunks through an in-memory `fetch`, read with `stream` and with `send`. Run with
// `npm run bench -w sdk`. Measured here (2 shared cores): decoder ~8 ms, client ~30-50 ms, i.e.
// 1.5-2.5 µs per event for the async-iterator stages, far below any model's token rate.
// Vitest warns about module export getters: sources run through its module runner, which adds
// a little to the client's many cross-module calls; the built package is somewhat faster.
import { expect, test } from 'vitest';
import { ChatbotClient } from '../src/index.js';
import { encodeEvent, SseDecoder } from '../src/protocol/index.js';

const utf8 = new TextEncoder();
const DELTAS = 20_000;

const answer = utf8.encode(
  [
    encodeEvent({ type: 'start', requestId: 'r', messageId: 'm', model: 'bench' }, 0),
    ...Array.from({ length: DELTAS }, (_, i) =>
      encodeEvent({ type: 'delta', text: `tok${i} ` }, i),
    ),
    encodeEvent(
      { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 1, outputTokens: 1 } },
      0,
    ),
  ].join(''),
);
const chunks: Uint8Array[] = [];
for (let i = 0; i < answer.length; i += 1024) chunks.push(answer.subarray(i, i + 1024));

/** A `fetch` that answers every request with the whole answer, one 1 KB chunk per pull. */
const inMemoryFetch: typeof fetch = async () => {
  let next = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream; charset=utf-8' } },
  );
};

const client = new ChatbotClient({
  endpoint: 'https://chatbot.bench/',
  getToken: () => 'jwt',
  fetch: inMemoryFetch,
});
const request = { messages: [{ role: 'user' as const, content: 'Write a long answer.' }] };

test('one 20,000-delta answer (~1 MB, 1 KB chunks): client vs bare decoder', async ({ bench }) => {
  await bench.compare(
    bench('SseDecoder alone (baseline)', () => {
      let count = 0;
      const decoder = new SseDecoder({
        onEvent: () => {
          count++;
        },
      });
      for (const chunk of chunks) decoder.push(chunk);
      decoder.end();
      expect(count).toBe(DELTAS + 2);
    }),
    bench('client.stream', async () => {
      let count = 0;
      for await (const _event of client.stream(request)) count++;
      expect(count).toBe(DELTAS + 2);
    }),
    bench('client.send', async () => {
      let pieces = 0;
      const result = await client.send(request, {
        onDelta: () => {
          pieces++;
        },
      });
      expect(pieces).toBe(DELTAS);
      expect(result.text.length).toBeGreaterThan(DELTAS * 5);
    }),
    { iterations: 10, time: 2000 },
  );
});
