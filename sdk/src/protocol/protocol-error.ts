/** Why the protocol layer refused its input. */
export type ProtocolErrorCode =
  /** One line or one event grew past `maxBufferSize`. */
  | 'buffer_overflow'
  /** An event's name is known but its data is not the JSON shape protocol v1 defines. */
  | 'invalid_event'
  /** A request body is not the JSON shape protocol v1 defines. */
  | 'invalid_request';

/** Thrown by the protocol decoders and validators. Switch on `code`. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  // `declare`: set in the constructor only (no separate field definition in the output).
  declare readonly code: ProtocolErrorCode;

  constructor(code: ProtocolErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The `buffer_overflow` error of the SSE decoder's stages. */
export function overflow(what: string, max: number, size: number): ProtocolError {
  return new ProtocolError(
    'buffer_overflow',
    `${what} grew past ${max} characters (${size}); raise maxBufferSize if events this large are expected.`,
  );
}
