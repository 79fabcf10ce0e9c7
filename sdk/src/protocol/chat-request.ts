import { isJsonObject, type JsonObject } from './json-object.js';
import { ProtocolError } from './protocol-error.js';
import type { ChatRequestBody, ChatTurn } from './wire-types.js';

/** Limits a server applies to a request; the defaults of protocol v1. */
export interface RequestLimits {
  /** Largest body, in bytes. Answered with 413 `payload_too_large`. */
  maxBodyBytes: number;
  /** Most messages in one request. */
  maxMessages: number;
  /** Longest message content, in characters. */
  maxMessageChars: number;
}

export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = {
  maxBodyBytes: 256 * 1024,
  maxMessages: 100,
  maxMessageChars: 32_000,
};

const MAX_CONVERSATION_ID = 256;

function invalid(message: string): never {
  throw new ProtocolError('invalid_request', message);
}

/** Refuses the first field of `value` not in `allowed`, naming the fields that are. */
function onlyFields(value: JsonObject, allowed: string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      invalid(`Unknown field "${key}"${where}; allowed: ${allowed.join(', ')}.`);
    }
  }
}

/** Refuses `count` over `max`. */
function atMost(count: number, max: number, what: string): void {
  if (count > max) invalid(`Too many ${what} (${count}); at most ${max} are accepted.`);
}

/**
 * Checks that `value` (parsed JSON) is a protocol v1 request body within `limits` and returns it
 * typed. Throws `ProtocolError('invalid_request')` naming the first problem. Both sides use it:
 * the client before sending, the server before calling the model.
 */
export function validateChatRequest(
  value: unknown,
  limits: Pick<RequestLimits, 'maxMessages' | 'maxMessageChars'> = DEFAULT_REQUEST_LIMITS,
): ChatRequestBody {
  if (!isJsonObject(value)) {
    invalid(
      'The body must be a JSON object like {"messages": [{"role": "user", "content": "Hi"}]}.',
    );
  }
  onlyFields(value, ['messages', 'conversationId'], '');
  const { messages, conversationId } = value;
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid('"messages" must be a non-empty array.');
  }
  atMost(messages.length, limits.maxMessages, 'messages');
  const turns = messages.map((turn: unknown, i): ChatTurn => {
    const where = `messages[${i}]`;
    const fields = isJsonObject(turn) ? turn : {};
    onlyFields(fields, ['role', 'content'], ` in ${where}`);
    const { role, content } = fields;
    if (
      (role !== 'user' && role !== 'assistant') ||
      typeof content !== 'string' ||
      content.trim() === ''
    ) {
      invalid(`${where} must be {"role": "user" or "assistant", "content": a non-empty string}.`);
    }
    atMost(content.length, limits.maxMessageChars, `characters in ${where}.content`);
    return { role, content };
  });
  if (turns[turns.length - 1]!.role !== 'user') {
    invalid('The last message must be from the user.');
  }
  if (conversationId === undefined) return { messages: turns };
  if (
    typeof conversationId !== 'string' ||
    conversationId === '' ||
    conversationId.length > MAX_CONVERSATION_ID
  ) {
    invalid(
      `"conversationId" must be a non-empty string of at most ${MAX_CONVERSATION_ID} characters.`,
    );
  }
  return { messages: turns, conversationId };
}
