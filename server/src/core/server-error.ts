import { ERROR_STATUS, RETRYABLE_CODES, type ServerErrorCode } from '@chatbot/sdk/protocol';

export interface ServerErrorOptions {
  /** Whether the same request may succeed later; defaults to the protocol's RETRYABLE_CODES. */
  retryable?: boolean;
  /** Seconds for the `Retry-After` header of a 429/503 answered before the stream. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A failure the handler reports to the caller: an HTTP error before the stream starts, an
 * `error` event after. Ports throw it; switch on `code`.
 */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  readonly code: ServerErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ServerErrorCode, message: string, options: ServerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_CODES.has(code);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The HTTP status this error is answered with before the stream starts. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Any thrown value as a ServerError; unknown failures become a non-retryable internal error. */
export function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  return new ServerError(
    'internal_error',
    'The chat server failed unexpectedly; the request id in its logs tells what happened.',
    { cause: error, retryable: false },
  );
}
