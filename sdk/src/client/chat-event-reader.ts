import { type ChatEvent, decodeChatEvent, SseDecoder } from '../protocol/index.js';
import { within } from './idle-timer.js';

/**
 * Response bytes -> protocol events: the reader (with the idle timer) feeds the protocol's SSE
 * decoder, whose messages `decodeChatEvent` types. Ends when the body ends; whether that was
 * too early is the caller's call. Aborting `signal`, or leaving the loop, cancels the reader at
 * once. Throws what the stages throw: `IdleTimeout`, `ProtocolError`, or the read's own error.
 */
export async function* readChatEvents(
  body: ReadableStream<Uint8Array>,
  idleTimeoutMs: number,
  signal: AbortSignal,
): AsyncGenerator<ChatEvent, void, undefined> {
  const reader = body.getReader();
  const events: ChatEvent[] = [];
  const decoder = new SseDecoder({
    onEvent(message) {
      const event = decodeChatEvent(message);
      if (event !== undefined) events.push(event);
    },
  });
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  // No need to remove it: the send's signal is aborted when the send ends, whatever ended it.
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await within(reader.read(), idleTimeoutMs);
      signal.throwIfAborted();
      // A chunk can hold good events and then a broken one: the good ones are delivered
      // before the error, so no text that arrived is lost.
      let broken: [unknown] | undefined;
      try {
        if (done) decoder.end();
        else decoder.push(value);
      } catch (error) {
        broken = [error];
      }
      // Several events can arrive in one chunk; the consumer may stop after any of them.
      for (let i = 0; i < events.length; i++) {
        yield events[i]!;
        signal.throwIfAborted();
      }
      events.length = 0;
      if (broken) throw broken[0];
      if (done) return;
    }
  } finally {
    cancel();
  }
}
