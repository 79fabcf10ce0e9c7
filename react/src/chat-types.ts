import type { ChatbotError } from '@chatbot/sdk';
import type { ChatEvent, ChatRequestBody, TokenUsage } from '@chatbot/sdk/protocol';
import type { ChatStoreError } from './chat-store-error.js';

/** Where a message is in its life. Only assistant answers are ever `streaming`, `stopped` or `error`. */
export type ChatMessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** Where the conversation is: waiting for the first event (`submitted`), receiving, or failed. */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'error';

/**
 * The error a store reports: the client's `ChatbotError` (network, auth, server codes...) or a
 * `ChatStoreError` raised by the store itself. Switch on `code`; both keep `retryable`.
 */
export type ChatError = ChatbotError | ChatStoreError;

/** One message of the conversation. Immutable: a change publishes a new object. */
export interface ChatMessage {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly content: string;
  readonly status: ChatMessageStatus;
  /** Why an answer failed (status `error`). */
  readonly error?: ChatError;
  /** Token counts of a finished answer. */
  readonly usage?: TokenUsage;
  /** The model's stop reason of a finished answer (e.g. `end_turn`, `max_tokens`). */
  readonly stopReason?: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/**
 * What the store needs from a client: `ChatbotClient` from `@chatbot/sdk` fits. A stream yields
 * protocol events and throws (or yields an `error` event) on failure; aborting `signal` ends it.
 * Another transport should throw `ChatbotError`s; anything else thrown becomes `unexpected`.
 */
export interface ChatTransport {
  stream(request: ChatRequestBody, options?: { signal?: AbortSignal }): AsyncIterable<ChatEvent>;
}

/**
 * When streamed text reaches subscribers: once per animation frame (the default; a 16 ms timer
 * where `requestAnimationFrame` does not exist, as in Node), on every delta (`sync`), or at most
 * once per that many milliseconds.
 */
export type FlushMode = 'animationFrame' | 'sync' | number;

/** Callbacks of one `send` or `retry`. */
export interface SendCallbacks {
  /** The answer ended, completely (`status: 'done'`) or stopped by the user (`'stopped'`). */
  onFinish?: (message: ChatMessage) => void;
  /** The answer failed; the error is also on the message and in the store's `error`. */
  onError?: (error: ChatError) => void;
}
