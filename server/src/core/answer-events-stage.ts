import type { ChatEvent, TokenUsage } from '@chatbot/sdk/protocol';
import type { ModelChunk } from './ports.js';
import { describeCause } from './request-log.js';
import { ServerError, toServerError } from './server-error.js';

/** What the stage learned about the answer, for the request log. */
export interface AnswerStats {
  firstTextAt?: number;
  usage?: TokenUsage;
  /** `done`, `aborted`, or the code of the error event sent. */
  outcome: string;
  /** The underlying error of an `error` event, for the log. */
  cause?: string;
}

export interface AnswerEventsOptions {
  start: Extract<ChatEvent, { type: 'start' }>;
  /** The model's chunks; may still be on its way when `start` is sent after the grace period. */
  chunks: Promise<AsyncIterable<ModelChunk>>;
  signal: AbortSignal;
  now: () => number;
  stats: AnswerStats;
}

/**
 * Stream stage: model chunks -> protocol events. Always `start` first; then a `delta` per
 * non-empty text; then exactly one terminal event, `done` or `error`. A failure after `start`
 * becomes an `error` event (text already sent stays valid). When `signal` was aborted (the
 * client left) the stage ends quietly: there is nobody to tell.
 */
export async function* answerEventsStage(options: AnswerEventsOptions): AsyncGenerator<ChatEvent> {
  const { stats, signal } = options;
  yield options.start;
  try {
    let stop: Extract<ModelChunk, { type: 'stop' }> | undefined;
    for await (const chunk of await options.chunks) {
      if (chunk.type === 'stop') {
        stop = chunk;
      } else if (chunk.text !== '') {
        stats.firstTextAt ??= options.now();
        yield { type: 'delta', text: chunk.text };
      }
    }
    if (stop === undefined) {
      throw new ServerError(
        'upstream_error',
        'The model stream ended without a stop reason; the answer may be cut short. Try again.',
      );
    }
    stats.usage = stop.usage;
    stats.outcome = 'done';
    yield { type: 'done', stopReason: stop.stopReason, usage: stop.usage };
  } catch (error) {
    if (signal.aborted) {
      stats.outcome = 'aborted';
      return;
    }
    const failure = toServerError(error);
    stats.outcome = failure.code;
    const cause = describeCause(error);
    if (cause !== undefined) stats.cause = cause;
    yield {
      type: 'error',
      code: failure.code,
      message: failure.message,
      retryable: failure.retryable,
    };
  }
}
