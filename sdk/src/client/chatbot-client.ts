import {
  type ChatEvent,
  type ChatRequestBody,
  DEFAULT_REQUEST_LIMITS,
  type DoneEvent,
  HEADERS,
  MEDIA_TYPES,
  ProtocolError,
  type RequestLimits,
  type StartEvent,
  type TokenUsage,
} from '../protocol/index.js';
import { abortableDelay } from './abortable-delay.js';
import { amplifyIdToken } from './amplify-token.js';
import { readChatEvents } from './chat-event-reader.js';
import { ChatbotError, type ChatbotErrorCode, type ChatbotErrorDetails } from './chatbot-error.js';
import { readErrorResponse } from './error-response.js';
import { IdleTimeout, within } from './idle-timer.js';
import { encodeRequestBody } from './request-body.js';
import {
  type RetryOptions,
  type RetryPolicy,
  resolveRetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
import { clientCodeOf } from './server-error-code.js';
import { type IssuedToken, type TokenProvider, TokenSource } from './token-source.js';

/** Options of `new ChatbotClient(...)`. */
export interface ChatbotClientOptions {
  /** The chatbot URL (the CloudFront distribution in front of the Function URL). */
  endpoint: string | URL;
  /** The user's JWT. Default: the Amplify user's Cognito ID token (loads `aws-amplify/auth`). */
  getToken?: TokenProvider;
  /** Header that carries the token. Default `x-chatbot-token` (OAC overwrites `Authorization`). */
  tokenHeader?: string;
  /** Extra headers for every request; a function is called once per attempt. */
  headers?:
    | Record<string, string>
    | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Retries before any answer text arrived; `false` for none. Default 3 attempts. */
  retry?: RetryOptions | false;
  /** Give up after this long without a byte (heartbeats count). Default 45000. */
  idleTimeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /** Request limits checked before sending; set them to the server's if it changed them. */
  limits?: Partial<RequestLimits>;
}

/** Options of one `stream` call. */
export interface StreamOptions {
  /** Aborting it stops the request and the reading at once. */
  signal?: AbortSignal;
}

/** A finished answer. */
export interface ChatResult {
  text: string;
  messageId: string;
  stopReason: string;
  usage: TokenUsage;
}

/** Callbacks of one `send` call. Each fires at most in this order, and none after an abort. */
export interface SendOptions extends StreamOptions {
  /** The answer began. After a retry that happened before any text, it can fire again. */
  onStart?: (event: StartEvent) => void;
  /** A piece of text arrived; `text` is the whole answer so far. */
  onDelta?: (delta: string, text: string) => void;
  onDone?: (result: ChatResult) => void;
  /** The send failed (not called for `aborted`, nor for an exception thrown by a callback). */
  onError?: (error: ChatbotError) => void;
}

/** Progress of one send, shared by its attempts. */
interface SendState {
  requestId: string;
  text: string;
}

/**
 * Streams chat answers from the chatbot endpoint: builds and hashes the request, sends the
 * user's token, reads the SSE answer, retries what is safe to retry, and stops on abort.
 */
export class ChatbotClient {
  readonly #endpoint: string;
  readonly #tokens: TokenSource;
  readonly #tokenHeader: string;
  readonly #headers: ChatbotClientOptions['headers'];
  readonly #retry: RetryPolicy;
  readonly #idleTimeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #limits: RequestLimits;

  constructor(options: ChatbotClientOptions) {
    this.#endpoint = String(options.endpoint);
    this.#tokens = new TokenSource(options.getToken ?? amplifyIdToken);
    this.#tokenHeader = options.tokenHeader ?? HEADERS.token;
    this.#headers = options.headers;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
    // Looked up per call, so a fetch patched later (tests, polyfills) is used, and never called
    // as a method of this object (browsers throw "Illegal invocation").
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#limits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  }

  /**
   * Sends `request` and yields its events: `start`, any `delta`s, then `done`. A server `error`
   * event, like every other failure, is thrown as a `ChatbotError`. Leaving the loop early
   * (`break`, `return()`) aborts the request.
   */
  stream(request: ChatRequestBody, options: StreamOptions = {}): AsyncIterable<ChatEvent> {
    return {
      [Symbol.asyncIterator]: () => {
        const controller = new AbortController();
        const events = this.#run(request, options.signal, controller);
        return {
          next: () => events.next(),
          return: (value?: unknown) => {
            controller.abort();
            return events.return(value as undefined);
          },
        };
      },
    };
  }

  /**
   * Sends `request`, reports progress through the callbacks, and resolves to the whole answer.
   * Rejects with the `ChatbotError` (after `onError`), or with what a callback threw; a throwing
   * callback stops the stream and is never retried.
   */
  async send(request: ChatRequestBody, options: SendOptions = {}): Promise<ChatResult> {
    const { onStart, onDelta, onDone, onError, signal } = options;
    let text = '';
    let messageId = '';
    let done: DoneEvent | undefined;
    // Set while a callback runs: its exception is the caller's own, passed on untouched.
    let inCallback = false;
    try {
      for await (const event of this.stream(request, { signal })) {
        inCallback = true;
        if (event.type === 'start') {
          messageId = event.messageId;
          onStart?.(event);
        } else if (event.type === 'delta') {
          text += event.text;
          onDelta?.(event.text, text);
        } else if (event.type === 'done') {
          done = event;
        }
        inCallback = false;
      }
    } catch (error) {
      if (!inCallback && error instanceof ChatbotError && error.code !== 'aborted') {
        onError?.(error);
      }
      throw error;
    }
    const result: ChatResult = {
      text,
      messageId,
      stopReason: done!.stopReason,
      usage: done!.usage,
    };
    onDone?.(result);
    return result;
  }

  async *#run(
    request: ChatRequestBody,
    userSignal: AbortSignal | undefined,
    controller: AbortController,
  ): AsyncGenerator<ChatEvent, void, undefined> {
    const signal = controller.signal;
    const state: SendState = { requestId: crypto.randomUUID(), text: '' };
    const onUserAbort = () => controller.abort(userSignal!.reason);
    if (userSignal?.aborted) onUserAbort();
    userSignal?.addEventListener('abort', onUserAbort);
    try {
      yield* this.#attempts(request, state, signal);
    } catch (error) {
      throw this.#classify(error, state, signal);
    } finally {
      userSignal?.removeEventListener('abort', onUserAbort);
      // Whatever ended the send, nothing of it may live on: a request given up on after a
      // timeout, or a body not read to its end, is cut here.
      controller.abort();
    }
  }

  async *#attempts(
    request: ChatRequestBody,
    state: SendState,
    signal: AbortSignal,
  ): AsyncGenerator<ChatEvent, void, undefined> {
    signal.throwIfAborted();
    const body = await encodeRequestBody(request, this.#limits);
    const token = (issue: Promise<IssuedToken>) =>
      issue.catch((cause) => {
        throw fail('unauthorized', state, `getToken failed: ${cause}`, { cause });
      });
    let issued = await token(this.#tokens.current());
    let replayedAfter401 = false;
    for (let attempt = 1; ; ) {
      signal.throwIfAborted();
      // Headers, not a record, so a caller's `Content-Type` is replaced rather than doubled.
      const headers = new Headers(
        typeof this.#headers === 'function'
          ? await Promise.resolve()
              .then(this.#headers)
              .catch((cause) => {
                throw fail('invalid_request', state, `headers() failed: ${cause}`, { cause });
              })
          : this.#headers,
      );
      headers.set('content-type', MEDIA_TYPES.json);
      headers.set('accept', MEDIA_TYPES.eventStream);
      headers.set(HEADERS.requestId, state.requestId);
      headers.set(HEADERS.contentSha256, body.sha256);
      if (issued.token) headers.set(this.#tokenHeader, issued.token);
      let failure: ChatbotError;
      let retryAfterMs: number | undefined;
      try {
        const response = await within(
          this.#fetch(this.#endpoint, { method: 'POST', headers, body: body.bytes, signal }),
          this.#idleTimeoutMs,
        );
        if (response.ok) {
          yield* this.#answer(response, state, signal);
          return;
        }
        ({ error: failure, retryAfterMs } = await readErrorResponse(
          response,
          state.requestId,
          this.#idleTimeoutMs,
        ));
        if (response.status === 401 && !replayedAfter401) {
          // One refresh and one replay: the token had probably just expired. Without a new
          // token there is nothing to replay, and the server's 401 is the answer.
          replayedAfter401 = true;
          issued = await token(this.#tokens.refresh(issued.generation));
          if (issued.token) continue;
        }
      } catch (error) {
        failure = this.#classify(error, state, signal);
      }
      // Retry only what cannot duplicate output: nothing streamed yet, and a failure that may
      // pass (connection, 429/502/503, a retryable error event). A timeout is not retried: the
      // model may still be answering, and a re-POST would pay for it twice.
      if (
        !failure.retryable ||
        failure.code === 'timeout' ||
        state.text !== '' ||
        attempt >= this.#retry.maxAttempts
      ) {
        throw failure;
      }
      await abortableDelay(retryDelayMs(this.#retry, attempt, retryAfterMs), signal);
      attempt++;
    }
  }

  /** Reads a 2xx answer; returns after `done`, throws on anything else. */
  async *#answer(
    response: Response,
    state: SendState,
    signal: AbortSignal,
  ): AsyncGenerator<ChatEvent, void, undefined> {
    const type = response.headers.get('content-type');
    if (!type?.startsWith(MEDIA_TYPES.eventStream) || !response.body) {
      await response.body?.cancel();
      throw fail('protocol', state, `Got "${type}", not an event stream: check the endpoint.`);
    }
    for await (const event of readChatEvents(response.body, this.#idleTimeoutMs, signal)) {
      if (event.type === 'error') {
        throw fail(clientCodeOf(event.code), state, event.message, { retryable: event.retryable });
      }
      if (event.type === 'delta') state.text += event.text;
      yield event;
      if (event.type === 'done') return;
    }
    throw fail('truncated', state, 'The stream ended before "done"; send again.');
  }

  /** Any failure of a send as a `ChatbotError` that carries its request ID and partial text. */
  #classify(cause: unknown, state: SendState, signal: AbortSignal): ChatbotError {
    if (signal.aborted) return fail('aborted', state, 'Aborted.', { cause: signal.reason });
    // Every ChatbotError of a send is made with its state (`fail`, `readErrorResponse` before
    // any text), so it is passed on as it is.
    if (cause instanceof ChatbotError) return cause;
    if (cause instanceof IdleTimeout) {
      return fail('timeout', state, `No data for ${this.#idleTimeoutMs} ms; send again.`, {
        cause,
      });
    }
    if (cause instanceof ProtocolError) {
      return cause.code === 'invalid_request'
        ? fail('invalid_request', state, `${cause.message} Nothing was sent.`, { cause })
        : fail('protocol', state, `Bad event stream: ${cause.message}`, { cause });
    }
    if (cause instanceof RangeError) {
      return fail('payload_too_large', state, cause.message, { cause });
    }
    return fail('network', state, 'The connection failed; check the network and send again.', {
      cause,
    });
  }
}

function fail(
  code: ChatbotErrorCode,
  state: SendState,
  message: string,
  details?: ChatbotErrorDetails,
): ChatbotError {
  return new ChatbotError(code, message, {
    ...details,
    requestId: state.requestId,
    partialText: state.text,
  });
}
