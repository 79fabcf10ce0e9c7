/** What went wrong, for `switch (error.code)`. See docs/sdk.md for what each one means. */
export type ChatbotErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'invalid_request'
  | 'payload_too_large'
  | 'upstream_error'
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'truncated'
  | 'protocol'
  | 'http';

/** The optional parts of a `ChatbotError`. */
export interface ChatbotErrorDetails {
  status?: number | undefined;
  retryable?: boolean | undefined;
  requestId?: string | undefined;
  partialText?: string | undefined;
  cause?: unknown;
}

// Failures that may pass when the same request is sent again later.
const TRANSIENT = new Set<ChatbotErrorCode>([
  'rate_limited',
  'upstream_error',
  'unavailable',
  'network',
  'timeout',
  'truncated',
]);

/** The one error type `ChatbotClient` rejects and throws with. Switch on `code`. */
export class ChatbotError extends Error {
  override readonly name = 'ChatbotError';
  // `declare`: set in the constructor only (no separate field definitions in the output).
  declare readonly code: ChatbotErrorCode;
  /** The HTTP status, when the server answered with an error status. */
  declare readonly status: number | undefined;
  /** Whether sending the same request again later may succeed. */
  declare readonly retryable: boolean;
  /** The `x-chatbot-request-id` of the send (the same on every attempt); quote it in bug reports. */
  declare readonly requestId: string;
  /** Answer text streamed before the failure; never thrown away. Empty when none arrived. */
  declare readonly partialText: string;

  constructor(code: ChatbotErrorCode, message: string, details: ChatbotErrorDetails = {}) {
    // Error sets `cause` only when `details` has one, as it would from `{ cause }`.
    super(message, details);
    this.code = code;
    this.status = details.status;
    this.retryable = details.retryable ?? TRANSIENT.has(code);
    this.requestId = details.requestId ?? '';
    this.partialText = details.partialText ?? '';
  }
}
