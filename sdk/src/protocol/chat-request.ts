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

const BODY_KEYS = new Set(['messages', 'conversationId']);
const TURN_KEYS = new Set(['role', 'content']);
const MAX_CONVERSATION_ID = 256;

function invalid(message: string): never {
  throw new ProtocolError('invalid_request', message);
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid('The body must be a JSON object like {"messages":[{"role":"user","content":"Hi"}]}.');
  }
  const body = value as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.has(key)) invalid(`Unknown field "${key}"; allowed: messages, conversationId.`);
  }
  const { messages, conversationId } = body;
  if (!Array.isArray(messages) || messages.length === 0) {
    invalid('"messages" must be a non-empty array.');
  }
  if (messages.length > limits.maxMessages) {
    invalid(`Too many messages (${messages.length}); at most ${limits.maxMessages} are accepted.`);
  }
  const turns: ChatTurn[] = messages.map((turn: unknown, i) => {
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) {
      invalid(`messages[${i}] must be an object with "role" and "content".`);
    }
    const t = turn as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (!TURN_KEYS.has(key)) invalid(`Unknown field "${key}" in messages[${i}].`);
    }
    if (t.role !== 'user' && t.role !== 'assistant') {
      invalid(`messages[${i}].role must be "user" or "assistant".`);
    }
    if (typeof t.content !== 'string' || t.content.trim() === '') {
      invalid(`messages[${i}].content must be a non-empty string.`);
    }
    if (t.content.length > limits.maxMessageChars) {
      invalid(
        `messages[${i}].content has ${t.content.length} characters; at most ${limits.maxMessageChars} are accepted.`,
      );
    }
    return { role: t.role, content: t.content };
  });
  if (turns[turns.length - 1]!.role !== 'user') {
    invalid('The last message must be from the user.');
  }
  if (conversationId !== undefined) {
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
  return { messages: turns };
}
