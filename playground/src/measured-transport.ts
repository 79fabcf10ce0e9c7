import type { ChatTransport } from '@chatbot/react';
import { ChatbotClient, type TokenProvider } from '@chatbot/sdk';
import type { ChatEvent, ChatRequestBody, ChatTurn, TokenUsage } from '@chatbot/sdk/protocol';
import { type ScenarioId, withScenario } from './scenarios.js';

/** The figures shown under one answer. */
export interface AnswerFigures {
  /** From the send to the first text, across retries. */
  timeToFirstTokenMs: number | undefined;
  /** Output tokens over the time from the first text to `done`. */
  tokensPerSecond: number | undefined;
  usage: TokenUsage | undefined;
  /** HTTP attempts beyond the first (the client retries before any text arrives). */
  retries: number;
  totalMs: number;
}

interface Run {
  startedAt: number;
  firstTextAt: number | undefined;
  endedAt: number | undefined;
  usage: TokenUsage | undefined;
  attempts: number;
}

export interface MeasuredTransportOptions {
  endpoint: string;
  /** Which emulator scenario the next request asks for. */
  scenario: () => ScenarioId;
  getToken?: TokenProvider;
}

function prefixLastTurn(messages: ChatTurn[], scenario: ScenarioId): ChatTurn[] {
  const last = messages.at(-1);
  if (!last) return messages;
  return [...messages.slice(0, -1), { ...last, content: withScenario(last.content, scenario) }];
}

/**
 * A `ChatbotClient` that also measures each answer and adds the scenario prefix to the prompt
 * it sends (the conversation shown keeps the text as typed). Sends never overlap (the store
 * refuses a second one), so "the last run" is the answer that just ended.
 */
export class MeasuredTransport implements ChatTransport {
  readonly #client: ChatbotClient;
  readonly #scenario: () => ScenarioId;
  #run: Run | undefined;

  constructor(options: MeasuredTransportOptions) {
    this.#scenario = options.scenario;
    this.#client = new ChatbotClient({
      endpoint: options.endpoint,
      ...(options.getToken ? { getToken: options.getToken } : {}),
      // One call per HTTP attempt: the way to count the client's retries from outside.
      fetch: (input, init) => {
        if (this.#run) this.#run.attempts++;
        return fetch(input, init);
      },
    });
  }

  async *stream(
    request: ChatRequestBody,
    options?: { signal?: AbortSignal },
  ): AsyncGenerator<ChatEvent> {
    const run: Run = {
      startedAt: performance.now(),
      firstTextAt: undefined,
      endedAt: undefined,
      usage: undefined,
      attempts: 0,
    };
    this.#run = run;
    const sent = { ...request, messages: prefixLastTurn(request.messages, this.#scenario()) };
    try {
      for await (const event of this.#client.stream(sent, options)) {
        if (event.type === 'delta' && run.firstTextAt === undefined) {
          run.firstTextAt = performance.now();
        }
        if (event.type === 'done') {
          // Recorded before the event is handed on: the store reports the finished answer
          // while this generator is still paused at the yield.
          run.endedAt = performance.now();
          run.usage = event.usage;
        }
        yield event;
      }
    } finally {
      run.endedAt ??= performance.now();
    }
  }

  /** Figures of the answer that just ended (or is streaming); undefined before the first send. */
  lastFigures(): AnswerFigures | undefined {
    const run = this.#run;
    if (!run) return undefined;
    const end = run.endedAt ?? performance.now();
    const streamingMs = run.firstTextAt === undefined ? 0 : end - run.firstTextAt;
    return {
      timeToFirstTokenMs:
        run.firstTextAt === undefined ? undefined : Math.round(run.firstTextAt - run.startedAt),
      tokensPerSecond:
        run.usage && streamingMs > 0
          ? Math.round((run.usage.outputTokens / streamingMs) * 1000 * 10) / 10
          : undefined,
      usage: run.usage,
      retries: Math.max(0, run.attempts - 1),
      totalMs: Math.round(end - run.startedAt),
    };
  }
}
