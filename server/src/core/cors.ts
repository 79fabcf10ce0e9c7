import { HEADERS } from '@chatbot/sdk/protocol';
import type { ResponseHeaders } from './chat-http.js';

/** Request headers a browser may send cross-origin (answered to a preflight). */
const ALLOWED_REQUEST_HEADERS = [
  'content-type',
  HEADERS.token,
  HEADERS.requestId,
  HEADERS.contentSha256,
].join(', ');

/** Whether `origin` is in `allowedOrigins` (`*` allows any). */
export function isOriginAllowed(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): origin is string {
  if (origin === undefined || origin === '') return false;
  return allowedOrigins.includes('*') || allowedOrigins.includes(origin);
}

/** CORS headers for an actual (non-preflight) response; empty when the origin is not allowed. */
export function corsResponseHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): ResponseHeaders {
  if (!isOriginAllowed(origin, allowedOrigins)) return {};
  return {
    'access-control-allow-origin': origin,
    // The client reads Retry-After to back off; browsers hide it cross-origin unless exposed.
    'access-control-expose-headers': `${HEADERS.retryAfter}, ${HEADERS.requestId}`,
    vary: 'origin',
  };
}

/** Headers of a 204 answer to an allowed preflight. */
export function corsPreflightHeaders(origin: string): ResponseHeaders {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_REQUEST_HEADERS,
    'access-control-max-age': '600',
    vary: 'origin',
  };
}
