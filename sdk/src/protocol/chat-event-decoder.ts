import { ProtocolError } from './protocol-error.js';
import type { SseMessage } from './sse-event-parser.js';
import {
  type ChatEvent,
  ERROR_STATUS,
  type ErrorResponseBody,
  EVENT_NAMES,
  type ServerErrorCode,
} from './wire-types.js';

type Json = Record<string, unknown>;

function object(data: string, event: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new ProtocolError('invalid_event', `The data of a "${event}" event is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(
      'invalid_event',
      `The data of a "${event}" event is not a JSON object.`,
    );
  }
  return value as Json;
}

function field<T>(
  data: Json,
  event: string,
  name: string,
  type: 'string' | 'number' | 'boolean',
): T {
  const value = data[name];
  if (typeof value !== type) {
    throw new ProtocolError(
      'invalid_event',
      `The "${event}" event needs "${name}" to be a ${type}; got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  return value as T;
}

/** Whether `code` is one protocol v1 defines. */
export function isServerErrorCode(code: unknown): code is ServerErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);
}

/**
 * Stage 4 of the SSE decoder: an SSE message -> a typed protocol event.
 * Returns `undefined` for event names protocol v1 does not define, so a newer server can add
 * events without breaking older clients. Throws `ProtocolError('invalid_event')` when a known
 * event carries the wrong shape.
 */
export function decodeChatEvent(message: SseMessage): ChatEvent | undefined {
  const name = message.event;
  switch (name) {
    case EVENT_NAMES.start: {
      const d = object(message.data, name);
      return {
        type: 'start',
        requestId: field(d, name, 'requestId', 'string'),
        messageId: field(d, name, 'messageId', 'string'),
        model: field(d, name, 'model', 'string'),
      };
    }
    case EVENT_NAMES.delta: {
      const d = object(message.data, name);
      return { type: 'delta', text: field(d, name, 'text', 'string') };
    }
    case EVENT_NAMES.done: {
      const d = object(message.data, name);
      const usage = d.usage;
      if (typeof usage !== 'object' || usage === null) {
        throw new ProtocolError('invalid_event', 'The "done" event needs a "usage" object.');
      }
      return {
        type: 'done',
        stopReason: field(d, name, 'stopReason', 'string'),
        usage: {
          inputTokens: field(usage as Json, name, 'inputTokens', 'number'),
          outputTokens: field(usage as Json, name, 'outputTokens', 'number'),
        },
      };
    }
    case EVENT_NAMES.error: {
      const d = object(message.data, name);
      const code = field<string>(d, name, 'code', 'string');
      return {
        type: 'error',
        // An unknown code from a newer server is still an error; report it as upstream.
        code: isServerErrorCode(code) ? code : 'upstream_error',
        message: field(d, name, 'message', 'string'),
        retryable: field(d, name, 'retryable', 'boolean'),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Reads the JSON body of an error answered before the stream, or `undefined` when the text is
 * not that shape (a proxy's HTML error page, say).
 */
export function parseErrorResponse(text: string): ErrorResponseBody['error'] | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null) return undefined;
    const error = (body as Json).error;
    if (typeof error !== 'object' || error === null) return undefined;
    const { code, message } = error as Json;
    if (!isServerErrorCode(code) || typeof message !== 'string') return undefined;
    return { code, message };
  } catch {
    return undefined;
  }
}
