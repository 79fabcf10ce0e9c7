import { ERROR_STATUS, type ServerErrorCode } from '../protocol/index.js';
import type { ChatbotErrorCode } from './chatbot-error.js';

/**
 * A protocol error code (HTTP error body or `error` event) as a client error code. Most are
 * the same; method_not_allowed (405), unsupported_media_type (415) and internal_error (500) mean
 * a misconfigured endpoint or a server bug the caller cannot act on differently: `http`.
 */
export function clientCodeOf(code: ServerErrorCode): ChatbotErrorCode {
  return [405, 415, 500].includes(ERROR_STATUS[code]) ? 'http' : (code as ChatbotErrorCode);
}

/** The server code protocol v1 answers with `status`, if any. */
export function serverCodeOfStatus(status: number): ServerErrorCode | undefined {
  return (Object.keys(ERROR_STATUS) as ServerErrorCode[]).find(
    (code) => ERROR_STATUS[code] === status,
  );
}
