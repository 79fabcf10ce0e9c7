/** Protocol version carried by this module. Bumped only for incompatible wire changes. */
export const PROTOCOL_VERSION = 1;

/** Header names of protocol v1. Lower-case, as HTTP/2 and Lambda deliver them. */
export const HEADERS = {
  /** The user's Cognito JWT. Not `authorization`: CloudFront OAC overwrites that with SigV4. */
  token: 'x-chatbot-token',
  /** One UUID per logical send, identical on every retry of it. */
  requestId: 'x-chatbot-request-id',
  /** Lowercase hex SHA-256 of the exact body bytes; OAC and the Function URL require it for POST. */
  contentSha256: 'x-amz-content-sha256',
  retryAfter: 'retry-after',
} as const;

export const MEDIA_TYPES = {
  json: 'application/json',
  eventStream: 'text/event-stream',
  /** The exact content-type of a protocol v1 stream response. */
  eventStreamUtf8: 'text/event-stream; charset=utf-8',
} as const;

/** `cache-control` of a stream response: no caching, and no proxy may transform (compress) it. */
export const STREAM_CACHE_CONTROL = 'no-cache, no-transform';

export type ChatRole = 'user' | 'assistant';

export interface ChatTurn {
  role: ChatRole;
  content: string;
}

/** The JSON body of a chat request. */
export interface ChatRequestBody {
  messages: ChatTurn[];
  conversationId?: string;
}

/** Error codes a server sends, as an HTTP error body before the stream or as an `error` event. */
export type ServerErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'upstream_error'
  | 'unavailable'
  | 'internal_error';

/** HTTP status for each error code when it is answered before the stream starts. */
export const ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  unavailable: 503,
};

/** Codes whose failure may succeed when tried again later (given nothing was streamed yet). */
export const RETRYABLE_CODES: ReadonlySet<ServerErrorCode> = new Set<ServerErrorCode>([
  'rate_limited',
  'upstream_error',
  'unavailable',
]);

/** Body of an error answered before the stream starts (`content-type: application/json`). */
export interface ErrorResponseBody {
  error: { code: ServerErrorCode; message: string };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Event names on the wire. The only place they are spelled. */
export const EVENT_NAMES = {
  start: 'start',
  delta: 'delta',
  done: 'done',
  error: 'error',
} as const;

/** The answer has begun: the model accepted the request. Always the first event. */
export interface StartEvent {
  type: 'start';
  requestId: string;
  messageId: string;
  model: string;
}

/** A piece of answer text, to be appended to what came before. */
export interface DeltaEvent {
  type: 'delta';
  text: string;
}

/** The answer is complete. Terminal. */
export interface DoneEvent {
  type: 'done';
  stopReason: string;
  usage: TokenUsage;
}

/** The answer failed after it started. Terminal; text already sent stays valid. */
export interface ErrorEvent {
  type: 'error';
  code: ServerErrorCode;
  message: string;
  retryable: boolean;
}

/** One typed protocol event. A stream is `start`, any `delta`s, then `done` or `error`. */
export type ChatEvent = StartEvent | DeltaEvent | DoneEvent | ErrorEvent;

/** The comment written as a heartbeat while the model is silent. */
export const HEARTBEAT_COMMENT = 'ping';
