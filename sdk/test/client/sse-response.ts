// Streaming responses for MSW handlers, driven by the test.
import { HttpResponse } from 'msw';
import { MEDIA_TYPES } from '../../src/protocol/index.js';

const encoder = new TextEncoder();

/**
 * How a scripted stream ends after its chunks. No 'error' here: erroring a stream drops the
 * chunks still queued in it, and MSW reads ahead; cut a `LiveStream` once the client has read.
 */
export type StreamEnd = 'close' | 'hang';

/** An SSE response that sends `chunks` one per pull, then closes or hangs. */
export function sseResponse(
  chunks: (string | Uint8Array)[],
  end: StreamEnd = 'close',
): HttpResponse<ReadableStream> {
  let next = 0;
  return new HttpResponse(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[next++];
        if (chunk !== undefined) {
          controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        } else if (end === 'close') controller.close();
        // 'hang': never enqueue again; the stream stays open until cancelled.
        else return new Promise<void>(() => {});
      },
    }),
    { headers: { 'content-type': MEDIA_TYPES.eventStreamUtf8 } },
  );
}

/** A stream the test writes to while the client reads; records whether the client cancelled. */
export class LiveStream {
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  cancelled = false;
  readonly body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.#controller = controller;
    },
    cancel: () => {
      this.cancelled = true;
    },
  });

  response(): HttpResponse<ReadableStream> {
    return new HttpResponse(this.body, {
      headers: { 'content-type': MEDIA_TYPES.eventStreamUtf8 },
    });
  }

  push(text: string): void {
    this.#controller.enqueue(encoder.encode(text));
  }

  close(): void {
    this.#controller.close();
  }

  fail(): void {
    this.#controller.error(new TypeError('connection reset'));
  }
}

/** A JSON error body as protocol v1 answers before any stream. */
export function errorResponse(status: number, code: string, headers: Record<string, string> = {}) {
  return HttpResponse.json(
    { error: { code, message: `Refused with ${code}.` } },
    { status, headers },
  );
}
