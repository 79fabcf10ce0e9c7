import { decodeChatEvent, decodeSse } from '@chatbot/sdk/protocol';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { answerEventsStage } from '../src/core/answer-events-stage.js';
import type { ModelChunk } from '../src/core/ports.js';
import { sseTextStage } from '../src/core/sse-text-stage.js';

// Whatever text the model produces (any Unicode, CR/LF, lone surrogates), the SSE the handler
// writes decodes with the sdk's decoder, cut into any byte chunks, to exactly the same deltas.

async function sseFor(deltas: string[]): Promise<string> {
  const chunks = (async function* (): AsyncGenerator<ModelChunk> {
    for (const text of deltas) yield { type: 'text', text };
    yield {
      type: 'stop',
      stopReason: 'end_turn',
      usage: { inputTokens: 1, outputTokens: deltas.length },
    };
  })();
  const events = answerEventsStage({
    start: { type: 'start', requestId: 'r', messageId: 'm', model: 'x' },
    chunks: Promise.resolve(chunks),
    signal: new AbortController().signal,
    now: () => 0,
    stats: { outcome: 'aborted' },
  });
  let text = '';
  for await (const piece of sseTextStage(events)) text += piece;
  return text;
}

function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let last = 0;
  for (const p of sorted) {
    out.push(bytes.subarray(last, p));
    last = p;
  }
  out.push(bytes.subarray(last));
  return out;
}

test('model deltas -> SSE bytes -> any chunking -> the same deltas', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('\r\n', '\r', '\n\n', 'data: x'),
        ),
        { maxLength: 20 },
      ),
      fc.array(fc.nat(), { maxLength: 10 }),
      async (deltas, points) => {
        const bytes = new TextEncoder().encode(await sseFor(deltas));
        const events = decodeSse(cut(bytes, points)).map((m) => decodeChatEvent(m)!);
        const expected = deltas.filter((d) => d !== '');
        expect(events.map((e) => e.type)).toEqual([
          'start',
          ...expected.map(() => 'delta'),
          'done',
        ]);
        const texts = events.flatMap((e) => (e.type === 'delta' ? [e.text] : []));
        // Exact, lone surrogates included: JSON.stringify writes them as \uXXXX escapes.
        expect(texts).toEqual(expected);
      },
    ),
    { numRuns: 200 },
  );
});
