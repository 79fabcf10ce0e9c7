import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatbotClient, type ChatbotError, type TokenRequest } from '../../src/index.js';
import { HEADERS } from '../../src/protocol/index.js';
import { realDelay, until } from './bounded-wait.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import { type ObservedFetch, observedFetch } from './observed-fetch.js';
import {
  DONE,
  delta,
  ENDPOINT,
  errorEvent,
  HAPPY_ANSWER,
  START,
  USER_REQUEST,
} from './sse-fixtures.js';
import { errorResponse, LiveStream, sseResponse } from './sse-response.js';

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => {
  network.reset();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => network.close());

interface Seen {
  token: string | null;
  requestId: string | null;
}

/** Answers the n-th request (0-based) with `answers[n]`; records what each request carried. */
function scripted(answers: (() => Response | Promise<Response>)[]): Seen[] {
  const seen: Seen[] = [];
  network.use(
    http.post(ENDPOINT, ({ request }) => {
      const answer = answers[seen.length] ?? answers[answers.length - 1]!;
      seen.push({
        token: request.headers.get(HEADERS.token),
        requestId: request.headers.get(HEADERS.requestId),
      });
      return answer();
    }),
  );
  return seen;
}

const happy = () => sseResponse(HAPPY_ANSWER);
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: undefined }),
    (error: ChatbotError) => ({ value: undefined, error }),
  );

describe('401: one refresh, one replay', () => {
  it('refreshes the token once and replays with the same request id', async () => {
    const seen = scripted([() => errorResponse(401, 'unauthorized'), happy]);
    const getToken = vi.fn((request?: TokenRequest) => (request?.forceRefresh ? 'fresh' : 'stale'));
    const result = await new ChatbotClient({ endpoint: ENDPOINT, getToken }).send(USER_REQUEST);
    expect(result.text).toBe('Hello, world');
    expect(seen.map((s) => s.token)).toEqual(['stale', 'fresh']);
    expect(seen[1]!.requestId).toBe(seen[0]!.requestId);
    expect(getToken.mock.calls).toEqual([[{ forceRefresh: false }], [{ forceRefresh: true }]]);
  });

  it('a second 401 is unauthorized, after exactly two requests', async () => {
    const seen = scripted([() => errorResponse(401, 'unauthorized')]);
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt' }).send(USER_REQUEST),
    );
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, retryable: false });
    expect(seen).toHaveLength(2);
  });

  it('concurrent sends that both get 401 share one refresh', async () => {
    let releaseRefresh!: () => void;
    const refreshed = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const getToken = vi.fn(async (request?: TokenRequest) => {
      if (!request?.forceRefresh) return 'stale';
      await refreshed;
      return 'fresh';
    });
    const tokens: (string | null)[] = [];
    network.use(
      http.post(ENDPOINT, ({ request }) => {
        const token = request.headers.get(HEADERS.token);
        tokens.push(token);
        return token === 'fresh' ? happy() : errorResponse(401, 'unauthorized');
      }),
    );
    const client = new ChatbotClient({ endpoint: ENDPOINT, getToken });
    const both = Promise.all([client.send(USER_REQUEST), client.send(USER_REQUEST)]);
    await until(() => tokens.length === 2, 'both first attempts');
    await until(() => getToken.mock.calls.length === 3, 'the refresh to start');
    releaseRefresh();
    const results = await both;
    expect(results.map((r) => r.text)).toEqual(['Hello, world', 'Hello, world']);
    expect(getToken.mock.calls.filter(([r]) => r?.forceRefresh)).toHaveLength(1);
    expect(tokens.sort()).toEqual(['fresh', 'fresh', 'stale', 'stale']);
  });

  it('a send whose 401 arrives after another send refreshed takes that token', async () => {
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { open, opened };
    };
    const refresh = gate();
    const secondAnswer = gate();
    const getToken = vi.fn(async (request?: TokenRequest) => {
      if (!request?.forceRefresh) return 'stale';
      await refresh.opened;
      return 'fresh';
    });
    const tokens: (string | null)[] = [];
    network.use(
      http.post(ENDPOINT, async ({ request }) => {
        const token = request.headers.get(HEADERS.token);
        tokens.push(token);
        if (token === 'fresh') return happy();
        // The second stale request is answered only after the first send has finished.
        if (tokens.filter((t) => t === 'stale').length === 2) await secondAnswer.opened;
        return errorResponse(401, 'unauthorized');
      }),
    );
    const client = new ChatbotClient({ endpoint: ENDPOINT, getToken });
    const first = client.send(USER_REQUEST);
    await until(() => getToken.mock.calls.length === 2, 'the first send to start refreshing');
    const second = client.send(USER_REQUEST);
    await until(() => tokens.length === 2, "the second send's stale request");
    refresh.open();
    expect((await first).text).toBe('Hello, world');
    secondAnswer.open();
    expect((await second).text).toBe('Hello, world');
    expect(getToken.mock.calls.filter(([r]) => r?.forceRefresh)).toHaveLength(1);
    expect(tokens).toEqual(['stale', 'stale', 'fresh', 'fresh']);
  });
});

describe('backoff and Retry-After', () => {
  let observed: ObservedFetch;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    observed = observedFetch();
  });
  /**
   * Resolves once the client has read the n-th error response (1-based) to its end. From there
   * to scheduling the wait is only microtasks, which one real macrotask flushes.
   */
  const waiting = async (n: number) => {
    await until(() => observed.bodies[n - 1]?.finished === true, `error response ${n} read`);
    await realDelay(1);
  };

  it('429 with Retry-After waits exactly that long, then succeeds', async () => {
    const seen = scripted([
      () => errorResponse(429, 'rate_limited', { 'retry-after': '2' }),
      happy,
    ]);
    const sent = new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      fetch: observed.fetch,
    }).send(USER_REQUEST);
    await waiting(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await sent).text).toBe('Hello, world');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.requestId).toBe(seen[0]!.requestId);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    const seen = scripted([
      () => errorResponse(503, 'unavailable', { 'retry-after': '3600' }),
      happy,
    ]);
    const sent = new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      fetch: observed.fetch,
      retry: { maxDelayMs: 5000 },
    }).send(USER_REQUEST);
    await waiting(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await sent).text).toBe('Hello, world');
  });

  it('backs off with full jitter and gives up after maxAttempts', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const seen = scripted([() => errorResponse(502, 'upstream_error')]);
    const sent = settle(
      new ChatbotClient({
        endpoint: ENDPOINT,
        getToken: () => 'jwt',
        fetch: observed.fetch,
        retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 },
      }).send(USER_REQUEST),
    );
    // Attempt 2 waits random * 1000 = 500 ms; attempt 3 waits random * 2000 = 1000 ms.
    await waiting(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await waiting(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await sent;
    expect(error).toMatchObject({ code: 'upstream_error', status: 502, retryable: true });
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.requestId)).size).toBe(1);
  });

  it('retry: false makes one attempt', async () => {
    const seen = scripted([() => errorResponse(503, 'unavailable'), happy]);
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', retry: false }).send(
        USER_REQUEST,
      ),
    );
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(seen).toHaveLength(1);
  });

  it.each([
    [400, 'invalid_request'],
    [403, 'forbidden'],
    [413, 'payload_too_large'],
    [500, 'internal_error'],
  ])('does not retry %i', async (status, code) => {
    const seen = scripted([() => errorResponse(status, code), happy]);
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt' }).send(USER_REQUEST),
    );
    expect(error?.status).toBe(status);
    expect(seen).toHaveLength(1);
  });
});

describe('retries never duplicate output', () => {
  // Small real delays: these tests count attempts, they do not time them.
  const client = () =>
    new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });

  it('a refused connection is retried', async () => {
    const seen = scripted([() => HttpResponse.error(), happy]);
    expect((await client().send(USER_REQUEST)).text).toBe('Hello, world');
    expect(seen).toHaveLength(2);
  });

  it('a connection dropped after start but before any delta is retried', async () => {
    // The cut comes once the client has read `start`: a cut drops what is still queued.
    const live = new LiveStream();
    live.push(START);
    const seen = scripted([() => live.response(), happy]);
    const starts: string[] = [];
    const result = await client().send(USER_REQUEST, {
      onStart: (event) => {
        starts.push(event.messageId);
        if (starts.length === 1) live.fail();
      },
    });
    expect(result.text).toBe('Hello, world');
    expect(seen).toHaveLength(2);
    expect(starts).toEqual(['msg-1', 'msg-1']);
    expect(seen[1]!.requestId).toBe(seen[0]!.requestId);
  });

  it('a connection dropped after the first delta is not retried', async () => {
    const live = new LiveStream();
    live.push(START + delta('Partial'));
    const seen = scripted([() => live.response(), happy]);
    const { error } = await settle(client().send(USER_REQUEST, { onDelta: () => live.fail() }));
    expect(error?.partialText).toBe('Partial');
    // MSW's Node interceptor turns a cut into an early end (truncated); browsers say network.
    expect(['network', 'truncated']).toContain(error?.code);
    expect(seen).toHaveLength(1);
  });

  it('a retryable error event before any delta is retried', async () => {
    const seen = scripted([() => sseResponse([START, errorEvent('rate_limited', true)]), happy]);
    expect((await client().send(USER_REQUEST)).text).toBe('Hello, world');
    expect(seen).toHaveLength(2);
  });

  it('an error event after a delta ends the send with the partial text', async () => {
    const seen = scripted([
      () => sseResponse([START, delta('Some'), errorEvent('upstream_error', true)]),
      happy,
    ]);
    const { error } = await settle(client().send(USER_REQUEST));
    expect(error).toMatchObject({ code: 'upstream_error', partialText: 'Some', retryable: true });
    expect(seen).toHaveLength(1);
  });

  it('an error event the server marks not retryable is not retried', async () => {
    const seen = scripted([() => sseResponse([START, errorEvent('upstream_error', false)]), happy]);
    const { error } = await settle(client().send(USER_REQUEST));
    expect(error).toMatchObject({ code: 'upstream_error', retryable: false });
    expect(seen).toHaveLength(1);
  });

  it('a stream that ends right after start is retried', async () => {
    const seen = scripted([() => sseResponse([START]), () => sseResponse([START, DONE])]);
    expect((await client().send(USER_REQUEST)).text).toBe('');
    expect(seen).toHaveLength(2);
  });
});
