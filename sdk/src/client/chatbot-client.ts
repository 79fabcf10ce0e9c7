import {
  type ChatEvent,
  type ChatRequestBody,
  DEFAULT_REQUEST_LIMITS,
  type DoneEvent,
  HEADERS,
  MEDIA_TYPES,
  ProtocolError,
  parseErrorResponse,
  RETRYABLE_CODES,
  type StartEvent,
  type TokenUsage,
} from '../protocol/index.js';
import { amplifyIdToken } from './amplify-token.js';
import { readChatEvents } from './chat-event-reader.js';
import { ChatbotError, type ChatbotErrorCode, type ChatbotErrorDetails } from './chatbot-error.js';
import { IdleTimeout, within } from './idle-timer.js';
import { encodeRequestBody } from './request-body.js';
import {
  parseRetryAfter,
  type RetryOptions,
  resolveRetryPolicy,
  retryDelayMs,
} from './retry-policy.js';
import { clientCodeOf, serverCodeOfStatus } from './server-error-code.js';
import { type IssuedToken, type TokenProvider, tokenSource } from './token-source.js';

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
  /**
   * Largest body sent, in bytes; a larger one is refused as `payload_too_large` before any
   * request. Default 256 KiB, protocol v1's; set it to the server's if it changed its limit.
   */
  maxBodyBytes?: number;
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

/** One send of a client: its request, its caller's signal, and the controller that ends it. */
type Run = (
  request: ChatRequestBody,
  userSignal: AbortSignal | undefined,
  controller: AbortController,
) => AsyncGenerator<ChatEvent, void, undefined>;

/**
 * Streams chat answers from the chatbot endpoint: builds and hashes the request, sends the
 * user's token, reads the SSE answer, retries what is safe to retry, and stops on abort.
 */
export class ChatbotClient {
  readonly #run: Run;

  constructor(options: ChatbotClientOptions) {
    this.#run = sender(options);
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
}

/** The options of a client, resolved once, and what one send of it does. */
function sender(options: ChatbotClientOptions): Run {
  const endpoint = String(options.endpoint);
  const tokens = tokenSource(options.getToken ?? amplifyIdToken);
  const tokenHeader = options.tokenHeader ?? HEADERS.token;
  const extraHeaders = options.headers;
  const retry = resolveRetryPolicy(options.retry);
  const idleTimeoutMs = options.idleTimeoutMs ?? 45_000;
  // Looked up per call, so a fetch patched later (tests, polyfills) is used, and never called
  // as a method of an object (browsers throw "Illegal invocation").
  const post = options.fetch ?? ((input, init) => fetch(input, init));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_REQUEST_LIMITS.maxBodyBytes;

  return async function* run(request, userSignal, controller) {
    const signal = controller.signal;
    const requestId = crypto.randomUUID();
    // Answer text so far, shared by the attempts: once there is some, nothing is retried.
    let text = '';
    /** A failure of this send, with its request ID and the text streamed before it. */
    const fail = (code: ChatbotErrorCode, message: string, details?: ChatbotErrorDetails) =>
      new ChatbotError(code, message, { ...details, requestId, partialText: text });
    /** Any failure of this send as a `ChatbotError`. */
    const classify = (cause: unknown): ChatbotError => {
      // Every ChatbotError of a send is made by `fail`, with its state, so it is passed on as
      // it is (unless the send was aborted meanwhile).
      if (cause instanceof ChatbotError && !signal.aborted) return cause;
      const [code, message]: [ChatbotErrorCode, string] = signal.aborted
        ? ['aborted', 'Aborted.']
        : cause instanceof IdleTimeout
          ? ['timeout', `No data for ${idleTimeoutMs} ms; send again.`]
          : cause instanceof ProtocolError
            ? ['protocol', `Bad event stream: ${cause.message}`]
            : cause instanceof RangeError
              ? ['payload_too_large', cause.message]
              : ['network', 'The connection failed; check the network and send again.'];
      return fail(code, message, { cause: signal.aborted ? signal.reason : cause });
    };
    const token = (issue: Promise<IssuedToken>) =>
      issue.catch((cause) => {
        throw fail('unauthorized', `getToken failed: ${cause}`, { cause });
      });

    const onUserAbort = () => controller.abort(userSignal!.reason);
    if (userSignal?.aborted) onUserAbort();
    userSignal?.addEventListener('abort', onUserAbort);
    try {
      signal.throwIfAborted();
      const body = await encodeRequestBody(request, maxBodyBytes);
      let issued = await token(tokens.current());
      let replayedAfter401 = false;
      for (let attempt = 1; ; ) {
        signal.throwIfAborted();
        // Headers, not a record, so a caller's `Content-Type` is replaced rather than doubled.
        const headers = new Headers(
          typeof extraHeaders === 'function'
            ? await Promise.resolve()
                .then(extraHeaders)
                .catch((cause) => {
                  throw fail('invalid_request', `headers() failed: ${cause}`, { cause });
                })
            : extraHeaders,
        );
        headers.set('content-type', MEDIA_TYPES.json);
        headers.set('accept', MEDIA_TYPES.eventStream);
        headers.set(HEADERS.requestId, requestId);
        headers.set(HEADERS.contentSha256, body.sha256);
        if (issued.token) headers.set(tokenHeader, issued.token);
        let failure: ChatbotError;
        let retryAfterMs: number | undefined;
        try {
          const response = await within(
            post(endpoint, { method: 'POST', headers, body: body.bytes, signal }),
            idleTimeoutMs,
          );
          if (response.ok) {
            // A 2xx answer: events until `done`; anything else ends in a failure.
            const type = response.headers.get('content-type');
            if (!type?.startsWith(MEDIA_TYPES.eventStream) || !response.body) {
              await response.body?.cancel();
              throw fail('protocol', `Got "${type}", not an event stream: check the endpoint.`);
            }
            for await (const event of readChatEvents(response.body, idleTimeoutMs, signal)) {
              if (event.type === 'error') {
                throw fail(clientCodeOf(event.code), event.message, {
                  retryable: event.retryable,
                });
              }
              if (event.type === 'delta') text += event.text;
              yield event;
              if (event.type === 'done') return;
            }
            throw fail('truncated', 'The stream ended before "done"; send again.');
          }
          // An error status before any stream: the protocol's JSON error body when there is
          // one, else the status alone (a proxy's HTML page still says 403 or 502); a body that
          // never ends must not hang the send. Without a protocol message, something in front
          // of the chatbot answered (CloudFront, the Function URL's IAM check): most often a
          // wrong endpoint or OAC set-up. Unknown statuses become `http`.
          const status = response.status;
          const refusal = parseErrorResponse(
            await within(response.text(), idleTimeoutMs).catch(() => ''),
          );
          const serverCode = refusal?.code ?? serverCodeOfStatus(status);
          failure = fail(
            serverCode ? clientCodeOf(serverCode) : 'http',
            refusal?.message ?? `HTTP ${status}: check the endpoint and OAC.`,
            { status, retryable: RETRYABLE_CODES.has(serverCode!) },
          );
          retryAfterMs = parseRetryAfter(response.headers.get(HEADERS.retryAfter));
          if (response.status === 401 && !replayedAfter401) {
            // One refresh and one replay: the token had probably just expired. Without a new
            // token there is nothing to replay, and the server's 401 is the answer.
            replayedAfter401 = true;
            issued = await token(tokens.refresh(issued.generation));
            if (issued.token) continue;
          }
        } catch (error) {
          failure = classify(error);
        }
        // Retry only what cannot duplicate output: nothing streamed yet, and a failure that may
        // pass (connection, 429/502/503, a retryable error event). A timeout is not retried: the
        // model may still be answering, and a re-POST would pay for it twice.
        if (
          !failure.retryable ||
          failure.code === 'timeout' ||
          text !== '' ||
          attempt >= retry.maxAttempts
        ) {
          throw failure;
        }
        // The backoff: `within` times it out (and clears its timer); an abort ends it at once,
        // and the loop's first line then stops the send. The listener goes with the signal,
        // which `finally` aborts.
        if (!signal.aborted) {
          await within(
            new Promise((resolve) => signal.addEventListener('abort', resolve)),
            retryDelayMs(retry, attempt, retryAfterMs),
          ).catch(() => {});
        }
        attempt++;
      }
    } catch (error) {
      throw classify(error);
    } finally {
      userSignal?.removeEventListener('abort', onUserAbort);
      // Whatever ended the send, nothing of it may live on: a request given up on after a
      // timeout, or a body not read to its end, is cut here.
      controller.abort();
    }
  };
}
