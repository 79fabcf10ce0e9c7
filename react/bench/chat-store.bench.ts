import type { ChatEvent } from '@chatbot/sdk/protocol';
import { expect, test } from 'vitest';
import { createChatStore } from '../src/create-chat-store.js';
import type { ChatMessage, FlushMode } from '../src/index.js';
import { delta, done, ScriptedTransport, start } from '../test/support/scripted-transport.js';

// What one streamed answer costs the store, without React: 10,000 deltas of 4 characters.
const deltas: ChatEvent[] = Array.from({ length: 10_000 }, () => delta('tok '));

function history(n: number): ChatMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `h${i}`,
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: `message ${i}`,
    status: 'done' as const,
    createdAt: i,
  }));
}

async function stream(flush: FlushMode, earlier: ChatMessage[]): Promise<number> {
  const transport = new ScriptedTransport();
  const store = createChatStore({ client: transport, flush, initialMessages: earlier });
  let notified = 0;
  store.subscribe(() => notified++);
  const sent = store.getState().send('question');
  transport.last.push(start, ...deltas, done);
  const answer = await sent;
  expect(answer.content.length).toBe(40_000);
  return notified;
}

test('10,000 deltas: buffering makes the cost independent of earlier messages', async ({
  bench,
}) => {
  const long = history(1000);
  await bench.compare(
    bench('buffered (published at done)', () => stream(60_000, [])),
    bench('buffered, after 1,000 messages', () => stream(60_000, long)),
    bench('flush "sync" (published per delta)', () => stream('sync', [])),
    bench('flush "sync", after 1,000 messages', () => stream('sync', long)),
    { iterations: 10, time: 2000 },
  );
});
