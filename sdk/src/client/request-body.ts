import type { ChatRequestBody } from '../protocol/index.js';

/** A request body serialised once, with the SHA-256 of exactly those bytes. */
export interface EncodedRequestBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** Lowercase hex, as `x-amz-content-sha256` wants it. */
  sha256: string;
}

/**
 * Serialises `request` once and hashes those bytes. The same bytes must be both hashed and
 * sent: CloudFront OAC signs the hash and the Function URL rejects a body that does not match.
 * Throws a `RangeError` when the body exceeds `maxBodyBytes`: a body that large could never be
 * accepted, so it is refused before any request. The shape itself is checked by the server
 * (`validateChatRequest`, answered as 400 `invalid_request` before any model call); checking it
 * here too would cost the 4 KB budget a fifth for no saving but one cheap request.
 */
export async function encodeRequestBody(
  request: ChatRequestBody,
  maxBodyBytes: number,
): Promise<EncodedRequestBody> {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  if (bytes.length > maxBodyBytes) {
    throw new RangeError(
      `The body is ${bytes.length} bytes, over ${maxBodyBytes}: send fewer or shorter messages.`,
    );
  }
  return { bytes, sha256: await sha256Hex(bytes) };
}

/** Lowercase hex SHA-256 through WebCrypto (browsers, workers and Node >= 22 alike). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
