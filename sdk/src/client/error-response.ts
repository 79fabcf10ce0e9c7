import { HEADERS, parseErrorResponse, RETRYABLE_CODES } from '../protocol/index.js';
import { ChatbotError, type ChatbotErrorCode } from './chatbot-error.js';
import { parseRetryAfter } from './retry-policy.js';
import { clientCodeOf, serverCodeOfStatus } from './server-error-code.js';

// What to do next, per code, appended to the server's own message. Short: it ships to browsers.
const NEXT_STEP: Partial<Record<ChatbotErrorCode, string>> = {
  unauthorized: 'Sign in again.',
  forbidden: 'This user may not use the chatbot here.',
  rate_limited: 'Wait, then send again.',
  invalid_request: 'Fix the request.',
  payload_too_large: 'Send fewer or shorter messages.',
  upstream_error: 'Send again.',
  unavailable: 'Try again later.',
  http: 'Check the endpoint.',
};

/** An error status answered before any stream, with the wait its `Retry-After` asks for. */
export interface ErrorResponse {
  error: ChatbotError;
  retryAfterMs: number | undefined;
}

/**
 * Reads a non-2xx response: the protocol's JSON error body when there is one, else the status
 * alone (a proxy's HTML page still says 403 or 502). Unknown statuses become `http`.
 */
export async function readErrorResponse(
  response: Response,
  requestId: string,
): Promise<ErrorResponse> {
  const status = response.status;
  const body = parseErrorResponse(await response.text().catch(() => ''));
  const serverCode = body?.code ?? serverCodeOfStatus(status);
  const code = serverCode ? clientCodeOf(serverCode) : 'http';
  return {
    error: new ChatbotError(code, `${body?.message ?? `HTTP ${status}.`} ${NEXT_STEP[code]}`, {
      status,
      retryable: RETRYABLE_CODES.has(serverCode!),
      requestId,
    }),
    retryAfterMs: parseRetryAfter(response.headers.get(HEADERS.retryAfter)),
  };
}
