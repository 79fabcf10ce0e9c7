import {
  SseEventParser,
  type SseEventParserCallbacks,
  type SseMessage,
} from './sse-event-parser.js';
import { SseLineSplitter } from './sse-line-splitter.js';

/** Default cap on one line or one event's data, in UTF-16 code units (about 16 MB of text). */
export const DEFAULT_MAX_BUFFER_SIZE = 16 * 1024 * 1024;

export interface SseDecoderOptions extends SseEventParserCallbacks {
  /** Largest line, and largest event data, accepted before a `buffer_overflow` error. */
  maxBufferSize?: number;
}

/**
 * Decodes a `text/event-stream` from bytes, chunked any way, into events.
 *
 * Stage 1 here is bytes -> text. WHATWG: "Streams must be decoded using the UTF-8 decode
 * algorithm." That algorithm strips one leading BOM, which `TextDecoder` does by default
 * (`ignoreBOM: false`), and `stream: true` keeps a multi-byte character split across chunks
 * whole. Lines and events are the next stages (`SseLineSplitter`, `SseEventParser`).
 */
export class SseDecoder {
  readonly #text = new TextDecoder(); // UTF-8, BOM stripped: the defaults
  readonly #lines: SseLineSplitter;
  readonly #events: SseEventParser;

  constructor(options: SseDecoderOptions) {
    const max = options.maxBufferSize ?? DEFAULT_MAX_BUFFER_SIZE;
    this.#events = new SseEventParser(options, max);
    this.#lines = new SseLineSplitter((line) => this.#events.line(line), max);
  }

  /** The last event ID string (see `SseEventParser.lastEventId`). */
  get lastEventId(): string {
    return this.#events.lastEventId;
  }

  /** Feeds bytes. Events complete within them are delivered before this returns. */
  push(bytes: Uint8Array): void {
    const text = this.#text.decode(bytes, { stream: true });
    if (text !== '') this.#lines.push(text);
  }

  /** Ends the input: flushes the text decoder and discards any unfinished line or event. */
  end(): void {
    const rest = this.#text.decode();
    if (rest !== '') this.#lines.push(rest);
    this.#lines.end();
    this.#events.end();
  }
}

/** Decodes a whole byte sequence (tests, fixtures, small bodies). */
export function decodeSse(
  chunks: Iterable<Uint8Array>,
  options: Omit<SseDecoderOptions, 'onEvent'> = {},
): SseMessage[] {
  const out: SseMessage[] = [];
  const decoder = new SseDecoder({ ...options, onEvent: (message) => out.push(message) });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return out;
}

/** A `TransformStream` from response bytes to SSE messages, for `body.pipeThrough(...)`. */
export function createSseDecoderStream(
  options: Omit<SseDecoderOptions, 'onEvent'> = {},
): TransformStream<Uint8Array, SseMessage> {
  let decoder: SseDecoder;
  return new TransformStream<Uint8Array, SseMessage>({
    start(controller) {
      decoder = new SseDecoder({ ...options, onEvent: (message) => controller.enqueue(message) });
    },
    transform(chunk) {
      decoder.push(chunk);
    },
    flush() {
      decoder.end();
    },
  });
}
