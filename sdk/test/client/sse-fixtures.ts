// Named fixtures for each wire edge case the client must handle. Built with the protocol's own
// encoder, so the client is tested against exactly what the server writes.
import { encodeComment, encodeEvent } from '../../src/protocol/index.js';

export const ENDPOINT = 'https://chatbot.test/chat';

export const START = encodeEvent(
  { type: 'start', requestId: 'server-request', messageId: 'msg-1', model: 'test-model' },
  1,
);
export const delta = (text: string, id = 2) => encodeEvent({ type: 'delta', text }, id);
export const DONE = encodeEvent(
  { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 7, outputTokens: 3 } },
  9,
);
export const HEARTBEAT = encodeComment();
export const errorEvent = (
  code: 'upstream_error' | 'rate_limited' | 'internal_error',
  retryable: boolean,
) => encodeEvent({ type: 'error', code, message: `The model failed (${code}).`, retryable }, 8);

/** A whole answer: "Hello, world". */
export const HAPPY_ANSWER = [START, delta('Hello', 2), delta(', world', 3), DONE];

/** "€" is E2 82 AC and "🙂" is F0 9F 99 82: every split below lands inside a character. */
export function multiByteChunks(): Uint8Array[] {
  const bytes = new TextEncoder().encode(START + delta('3 € 🙂') + DONE);
  const euro = indexOfBytes(bytes, [0xe2, 0x82, 0xac]);
  const smile = indexOfBytes(bytes, [0xf0, 0x9f, 0x99, 0x82]);
  const cuts = [euro + 1, euro + 2, smile + 1, smile + 3];
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(bytes.slice(from, cut));
    from = cut;
  }
  chunks.push(bytes.slice(from));
  return chunks;
}

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('needle not found');
}

export const USER_REQUEST = { messages: [{ role: 'user' as const, content: 'Hi there' }] };
