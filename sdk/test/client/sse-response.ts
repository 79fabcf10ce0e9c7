// Streaming responses for MSW handlers, driven by the test.
import { HttpResponse } from 'msw';
import { MEDIA_TYPES } from '../../src/protocol/index.js';

const encoder = new TextEncoder();

/** How a scripted stream ends after its chunks. */
export type StreamEnd = 'close' | 'error' | 'hang';

/**
 * An SSE response that sends `chunks` one per read, then closes, errors (a cut connection) or
 * hangs. Chunks go out on pull because erroring a stream drops what is still queued in it.
 */
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
        else if (end === 'error') controller.error(new TypeError('connection reset'));
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
