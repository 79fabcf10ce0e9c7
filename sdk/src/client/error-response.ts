import { HEADERS, parseErrorResponse, RETRYABLE_CODES } from '../protocol/index.js';
import { ChatbotError } from './chatbot-error.js';
import { within } from './idle-timer.js';
import { parseRetryAfter } from './retry-policy.js';
import { clientCodeOf, serverCodeOfStatus } from './server-error-code.js';

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
  idleTimeoutMs: number,
): Promise<ErrorResponse> {
  const status = response.status;
  // A body that never ends must not hang the send: after the idle timeout the status decides.
  const body = parseErrorResponse(await within(response.text(), idleTimeoutMs).catch(() => ''));
  const serverCode = body?.code ?? serverCodeOfStatus(status);
  const code = serverCode ? clientCodeOf(serverCode) : 'http';
  return {
    // Protocol messages already say what to do next. Without one, something in front of the
    // chatbot answered (CloudFront, the Function URL's IAM check): most often a wrong endpoint
    // or OAC set-up.
    error: new ChatbotError(code, body?.message ?? `HTTP ${status}: check the endpoint and OAC.`, {
      status,
      retryable: RETRYABLE_CODES.has(serverCode!),
      requestId,
    }),
    retryAfterMs: parseRetryAfter(response.headers.get(HEADERS.retryAfter)),
  };
}
