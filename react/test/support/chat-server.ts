import { ChatbotClient } from '@chatbot/sdk';
import {
  type ChatEvent,
  type ChatRequestBody,
  encodeEvent,
  HEADERS,
  MEDIA_TYPES,
  validateChatRequest,
} from '@chatbot/sdk/protocol';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';

/** Same origin as the test page, so the service worker sees the request. */
export const endpoint = new URL('/api/chat', location.origin).href;

export const worker = setupWorker();

/** One streamed answer, fed by the test event by event while the response stays open. */
export class AnswerStream {
  readonly body: ReadableStream<Uint8Array>;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #nextId = 1;
  readonly #encoder = new TextEncoder();
  /** The client cancelled the response body (it aborted the request). */
  cancelled = false;

  constructor(
    readonly request: ChatRequestBody,
    readonly headers: Headers,
  ) {
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }

  /** Sends these events in one network chunk; nothing once the client has cancelled. */
  send(...events: ChatEvent[]): this {
    if (this.cancelled) return this;
    const text = events.map((event) => encodeEvent(event, this.#nextId++)).join('');
    this.#controller.enqueue(this.#encoder.encode(text));
    return this;
  }

  close(): void {
    try {
      this.#controller.close();
    } catch {
      // Already closed or cancelled by the client's abort: nothing left to end.
    }
  }
}

/**
 * The edge the hooks talk to: an MSW handler that records each request and answers it with an
 * `AnswerStream` the test drives (or with a response the test queued).
 */
export class ChatServer {
  readonly answers: AnswerStream[] = [];
  #taken = 0;
  readonly #queued: Response[] = [];
  readonly #waiting: Array<(answer: AnswerStream) => void> = [];

  readonly handler = http.post(endpoint, async ({ request }) => {
    const body = validateChatRequest(await request.json());
    const next = this.#queued.shift();
    if (next) return next;
    const answer = new AnswerStream(body, request.headers);
    this.answers.push(answer);
    this.#waiting.shift()?.(answer);
    return new HttpResponse(answer.body, {
      headers: { 'Content-Type': MEDIA_TYPES.eventStreamUtf8 },
    });
  });

  /** How many requests reached the server. */
  get requests(): number {
    return this.answers.length;
  }

  /** Answers the next request with `response` instead of a stream. */
  respondOnce(response: Response): void {
    this.#queued.push(response);
  }

  /** The answer stream of the next request not yet taken by the test, once it has arrived. */
  answer(): Promise<AnswerStream> {
    const n = this.#taken++;
    const known = this.answers[n];
    if (known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`request #${n} never arrived`)), 5000);
      this.#waiting.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }
}

/** The real client, as an app would build it; the test token keeps Amplify out. */
export function testClient(): ChatbotClient {
  return new ChatbotClient({ endpoint, getToken: () => 'test-token', retry: false });
}

export const tokenHeader = HEADERS.token;
export const start: ChatEvent = { type: 'start', requestId: 'r1', messageId: 'm1', model: 'test' };
export const delta = (text: string): ChatEvent => ({ type: 'delta', text });
export const done: ChatEvent = {
  type: 'done',
  stopReason: 'end_turn',
  usage: { inputTokens: 3, outputTokens: 5 },
};
