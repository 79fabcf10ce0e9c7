/** Why the store refused or ended a send on its own. */
export type ChatStoreErrorCode =
  /** `send` or `retry` while an answer is still in flight (the store does not queue). */
  | 'busy'
  /** `send` with text that is empty or only whitespace. */
  | 'empty_message'
  /** `retry` with no user message to send again. */
  | 'nothing_to_retry'
  /** A hook found no client: pass `client` or render inside `<ChatbotProvider client>`. */
  | 'no_client'
  /** The stream ended without a `done` or `error` event. */
  | 'truncated'
  /** The server sent an `error` event (the code is in `serverCode`). */
  | 'server_error'
  /** Something threw that was not a coded error; it is kept in `cause`. */
  | 'unexpected';

/** An error raised by the chat store itself. Switch on `code`. */
export class ChatStoreError extends Error {
  override readonly name = 'ChatStoreError';
  readonly code: ChatStoreErrorCode;
  readonly retryable: boolean;
  /** The protocol error code of a server `error` event. */
  readonly serverCode?: string;
  // Never set by the store; declared so `ChatError` (this or `ChatbotError`) reads the same.
  declare readonly status?: number;
  declare readonly requestId?: string;
  declare readonly partialText?: string;

  constructor(
    code: ChatStoreErrorCode,
    message: string,
    options: { retryable?: boolean; serverCode?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.serverCode !== undefined) this.serverCode = options.serverCode;
  }
}
