import { isJsonObject, type JsonObject } from './json-object.js';
import { ProtocolError } from './protocol-error.js';
import type { SseMessage } from './sse-event-parser.js';
import {
  type ChatEvent,
  ERROR_STATUS,
  type ErrorResponseBody,
  type ServerErrorCode,
} from './wire-types.js';

/** The JSON shape of an event's data: each field's `typeof`, or the shape of a nested object. */
type Shape = { [field: string]: 'string' | 'number' | 'boolean' | Shape };

// The data of each event protocol v1 defines (the SSE event name is its `type`). The only
// place the shapes are spelled: the decoder checks them and copies exactly these fields.
const SHAPES: Record<string, Shape> = {
  start: { requestId: 'string', messageId: 'string', model: 'string' },
  delta: { text: 'string' },
  done: { stopReason: 'string', usage: { inputTokens: 'number', outputTokens: 'number' } },
  error: { code: 'string', message: 'string', retryable: 'boolean' },
};

const ERROR_RESPONSE: Shape = { error: { code: 'string', message: 'string' } };

/**
 * `value` checked against `shape`, as a new object holding only the shape's fields. Throws
 * `ProtocolError('invalid_event')` naming the first field that is missing or of the wrong type.
 */
function pick(value: JsonObject, shape: Shape, event: string, path?: string): JsonObject {
  const out: JsonObject = {};
  for (const [name, type] of Object.entries(shape)) {
    const at = path ? `${path}.${name}` : name;
    const field = value[name];
    const nested = typeof type === 'object';
    if (nested ? !isJsonObject(field) : typeof field !== type) {
      throw new ProtocolError(
        'invalid_event',
        `The "${event}" event needs "${at}" to be a ${nested ? 'JSON object' : type}; got ${JSON.stringify(field) ?? 'nothing'}.`,
      );
    }
    out[name] = nested ? pick(field as JsonObject, type, event, at) : field;
  }
  return out;
}

/** The data of an `event`: JSON text, checked against `shape` (see `pick`). */
function decodeData(data: string, shape: Shape, event: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {}
  if (!isJsonObject(value)) {
    throw new ProtocolError(
      'invalid_event',
      `The data of a "${event}" event is not a JSON object.`,
    );
  }
  return pick(value, shape, event);
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
  const type = message.event;
  if (!Object.hasOwn(SHAPES, type)) return undefined;
  const event = { type, ...decodeData(message.data, SHAPES[type]!, type) } as ChatEvent;
  // An unknown code from a newer server is still an error; report it as upstream.
  if (event.type === 'error' && !isServerErrorCode(event.code)) event.code = 'upstream_error';
  return event;
}

/**
 * Reads the JSON body of an error answered before the stream, or `undefined` when the text is
 * not that shape (a proxy's HTML error page, say).
 */
export function parseErrorResponse(text: string): ErrorResponseBody['error'] | undefined {
  try {
    const { error } = decodeData(text, ERROR_RESPONSE, 'error') as unknown as ErrorResponseBody;
    return isServerErrorCode(error.code) ? error : undefined;
  } catch {
    return undefined;
  }
}
