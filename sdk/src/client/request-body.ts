import {
  DEFAULT_REQUEST_LIMITS,
  type RequestLimits,
  validateChatRequest,
} from '../protocol/index.js';

/** A request body serialised once, with the SHA-256 of exactly those bytes. */
export interface EncodedRequestBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** Lowercase hex, as `x-amz-content-sha256` wants it. */
  sha256: string;
}

/**
 * Validates `request` as protocol v1, serialises it once and hashes those bytes.
 * The same bytes must be both hashed and sent: CloudFront OAC signs the hash and the Function
 * URL rejects a body that does not match it. Throws `ProtocolError('invalid_request')`, and a
 * `RangeError` when the body exceeds `limits.maxBodyBytes`.
 */
export async function encodeRequestBody(
  request: unknown,
  limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
): Promise<EncodedRequestBody> {
  const body = validateChatRequest(request, limits);
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  if (bytes.length > limits.maxBodyBytes) {
    throw new RangeError(
      `The body is ${bytes.length} bytes, over ${limits.maxBodyBytes}: send fewer or shorter messages.`,
    );
  }
  return { bytes, sha256: await sha256Hex(bytes) };
}

/** Lowercase hex SHA-256 through WebCrypto (browsers, workers and Node >= 22 alike). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
