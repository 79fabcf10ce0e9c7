import { ChatbotError } from '@chatbot/sdk';
import type { ChatEvent, ChatRequestBody } from '@chatbot/sdk/protocol';
import type { ChatTransport } from '../../src/chat-types.js';

/** One call of `stream`: the test pushes its events, ends it or fails it. */
export class ScriptedStream implements AsyncIterable<ChatEvent> {
  readonly #items: ChatEvent[] = [];
  #ending: { error?: unknown } | undefined;
  #wake: (() => void) | undefined;
  returned = false;

  constructor(
    readonly request: ChatRequestBody,
    readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', () =>
      this.fail(new ChatbotError('aborted', 'The request was aborted.')),
    );
  }

  /** Events pushed and not yet taken by the reader. */
  get queued(): number {
    return this.#items.length;
  }

  push(...events: ChatEvent[]): this {
    this.#items.push(...events);
    this.#wake?.();
    return this;
  }

  end(): void {
    this.#ending ??= {};
    this.#wake?.();
  }

  fail(error: unknown): void {
    this.#ending ??= { error };
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ChatEvent> {
    try {
      for (;;) {
        const next = this.#items.shift();
        if (next) {
          yield next;
        } else if (this.#ending) {
          if ('error' in this.#ending) throw this.#ending.error;
          return;
        } else {
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
          });
          this.#wake = undefined;
        }
      }
    } finally {
      this.returned = true;
    }
  }
}

/**
 * A stand-in for `ChatbotClient` in the vanilla store tests only: every `stream` call is
 * recorded and driven by the test. The hook tests use the real client against MSW instead.
 */
export class ScriptedTransport implements ChatTransport {
  readonly calls: ScriptedStream[] = [];

  stream(request: ChatRequestBody, options?: { signal?: AbortSignal }): ScriptedStream {
    const call = new ScriptedStream(request, options?.signal);
    this.calls.push(call);
    return call;
  }

  get last(): ScriptedStream {
    const call = this.calls.at(-1);
    if (!call) throw new Error('stream() was not called');
    return call;
  }
}

/**
 * Lets the store's `for await` loop take every event pushed so far (microtasks only, so it
 * works under fake timers). Bounded: gives up after a million turns.
 */
export async function settle(stream?: ScriptedStream): Promise<void> {
  for (let i = 0; i < 1_000_000 && (stream?.queued ?? 0) > 0; i++) await Promise.resolve();
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

export const start: ChatEvent = { type: 'start', requestId: 'r1', messageId: 'm1', model: 'test' };
export const delta = (text: string): ChatEvent => ({ type: 'delta', text });
export const done: ChatEvent = {
  type: 'done',
  stopReason: 'end_turn',
  usage: { inputTokens: 3, outputTokens: 5 },
};
