import { ServerError } from '../core/server-error.js';

/** Seconds a client is told to wait after Bedrock throttled, unless Bedrock said otherwise. */
const DEFAULT_THROTTLE_RETRY_AFTER_SECONDS = 2;

function retryAfterOf(error: { $response?: { headers?: Record<string, string> } }): number {
  const header = error.$response?.headers?.['retry-after'];
  const seconds = header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_THROTTLE_RETRY_AFTER_SECONDS;
}

/**
 * A Bedrock runtime failure (an SDK exception, thrown before the stream or read from it as a
 * `:message-type: exception` frame) -> a `ServerError` the caller can act on. Names are the
 * modelled exceptions of ConverseStream and InvokeModelWithResponseStream.
 */
export function bedrockError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    $response?: { headers?: Record<string, string> };
  };
  const name = e.name ?? 'Error';
  const cause = { cause: error };
  switch (name) {
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
      return new ServerError(
        'rate_limited',
        'The model is busy (Bedrock throttled the request). Retry after the time given.',
        {
          ...cause,
          retryAfterSeconds: retryAfterOf(e),
        },
      );
    case 'ServiceUnavailableException':
    case 'ModelNotReadyException':
      return new ServerError(
        'unavailable',
        'The model service is unavailable right now; try again shortly.',
        {
          ...cause,
          retryAfterSeconds: 5,
        },
      );
    case 'ModelStreamErrorException':
    case 'ModelTimeoutException':
    case 'ModelErrorException':
    case 'InternalServerException':
      return new ServerError(
        'upstream_error',
        `The model failed while answering (${name}); try again.`,
        cause,
      );
    case 'ValidationException':
      return new ServerError(
        'invalid_request',
        'Bedrock rejected the conversation (ValidationException); it may be too long for the model. Start a shorter one.',
        { ...cause, retryable: false },
      );
    case 'AccessDeniedException':
    case 'ResourceNotFoundException':
    case 'UnrecognizedClientException':
      return new ServerError(
        'internal_error',
        `The server cannot use the model (${name}); its operator must fix the model id or permissions.`,
        { ...cause, retryable: false },
      );
    default:
      return new ServerError(
        'upstream_error',
        `Calling the model failed (${name}); try again.`,
        cause,
      );
  }
}

/**
 * Event-stream exception members that the SDK may hand over as union members instead of
 * throwing them (`{ throttlingException: {...} }`): find one and give its error name.
 */
export function exceptionMemberName(event: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(event)) {
    if (key.endsWith('Exception') && event[key] !== undefined) {
      return key.charAt(0).toUpperCase() + key.slice(1);
    }
  }
  return undefined;
}
