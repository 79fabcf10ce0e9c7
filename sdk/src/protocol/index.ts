/**
 * `@chatbot/sdk/protocol`: the wire protocol v1 shared by client and server.
 * See docs/protocol.md. Depends on nothing but web-standard APIs.
 */
export * from './chat-event-decoder.js';
export * from './chat-request.js';
export { ProtocolError, type ProtocolErrorCode } from './protocol-error.js';
export * from './sse-decoder.js';
export * from './sse-encoder.js';
export type { SseEventParserCallbacks, SseMessage } from './sse-event-parser.js';
export { SseEventParser } from './sse-event-parser.js';
export { SseLineSplitter } from './sse-line-splitter.js';
export * from './wire-types.js';
