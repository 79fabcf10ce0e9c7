import {
  type ChatRequestBody,
  MEDIA_TYPES,
  ProtocolError,
  type RequestLimits,
  validateChatRequest,
} from '@chatbot/sdk/protocol';
import { ServerError } from './server-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a `content-type` value is JSON (`application/json`, any parameters, any case). */
function isJson(contentType: string | undefined): boolean {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence === MEDIA_TYPES.json;
}

/**
 * Body bytes -> a validated protocol request, or a `ServerError` (415, 413, 400) naming the
 * problem. Runs before any model call.
 */
export function parseChatRequest(
  contentType: string | undefined,
  body: Uint8Array,
  limits: RequestLimits,
): ChatRequestBody {
  if (!isJson(contentType)) {
    throw new ServerError(
      'unsupported_media_type',
      `Send the body as JSON with "content-type: ${MEDIA_TYPES.json}" (got ${contentType ? `"${contentType}"` : 'none'}).`,
    );
  }
  if (body.byteLength > limits.maxBodyBytes) {
    throw new ServerError(
      'payload_too_large',
      `The body has ${body.byteLength} bytes; at most ${limits.maxBodyBytes} are accepted. Send fewer or shorter messages.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch {
    throw new ServerError('invalid_request', 'The body is not valid UTF-8 JSON.');
  }
  try {
    return validateChatRequest(value, limits);
  } catch (error) {
    if (error instanceof ProtocolError) throw new ServerError('invalid_request', error.message);
    throw error;
  }
}
