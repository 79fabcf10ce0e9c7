import { http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatbotClient, type ChatbotError } from '../../src/index.js';
import { realDelay, until } from './bounded-wait.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import { observedFetch } from './observed-fetch.js';
import { DONE, delta, ENDPOINT, START, USER_REQUEST } from './sse-fixtures.js';
import { errorResponse, LiveStream } from './sse-response.js';

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => {
  network.reset();
  vi.useRealTimers();
});
afterAll(() => network.close());

function liveAnswer(): { live: LiveStream; requests: () => number } {
  const live = new LiveStream();
  let count = 0;
  network.use(
    http.post(ENDPOINT, () => {
      count++;
      return live.response();
    }),
  );
  return { live, requests: () => count };
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );

const inBrowser = typeof document !== 'undefined';

/**
 * Checks that the client left no timer behind. In Chromium nothing else uses timers here, so
 * the count must be zero. In Node, MSW's interceptor keeps timers of its own, so the check there
 * is that running all time forward makes nothing happen.
 */
async function expectNoTimersLeft(requestsBefore: number, requests: () => number) {
  if (inBrowser) expect(vi.getTimerCount()).toBe(0);
  await vi.advanceTimersByTimeAsync(120_000);
  expect(requests()).toBe(requestsBefore);
}

describe('abort through the signal', () => {
  it('stops mid-stream: aborted with the partial text, no further callbacks, nothing left behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { live, requests } = liveAnswer();
    const observed = observedFetch();
    const controller = new AbortController();
    const calls: string[] = [];
    live.push(START + delta('Par'));
    const sent = settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch: observed.fetch }).send(
        USER_REQUEST,
        {
          signal: controller.signal,
          onStart: () => calls.push('start'),
          onDelta: (piece) => {
            calls.push(`delta ${piece}`);
            // Text that arrived but was not read yet must not reach any callback.
            live.push(delta('tial') + DONE);
            controller.abort();
          },
          onDone: () => calls.push('done'),
          onError: () => calls.push('error'),
        },
      ),
    );
    const { error } = await sent;
    expect(error).toMatchObject({ name: 'ChatbotError', code: 'aborted', partialText: 'Par' });
    expect((error as ChatbotError).retryable).toBe(false);
    expect(calls).toEqual(['start', 'delta Par']);
    await until(() => observed.bodies[0]?.cancelled === true, 'the body to be cancelled');
    expect(requests()).toBe(1);
    await expectNoTimersLeft(1, requests);
    expect(calls).toEqual(['start', 'delta Par']);
  });

  it('an already aborted signal sends nothing', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch }).send(USER_REQUEST, {
        signal: AbortSignal.abort(),
      }),
    );
    expect(error).toMatchObject({ code: 'aborted', partialText: '' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('stops a request still waiting for its response', async () => {
    let arrived = false;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    network.use(
      http.post(ENDPOINT, async () => {
        arrived = true;
        // Held until after the abort; released so that no handler is left pending.
        await answered;
        return errorResponse(503, 'unavailable');
      }),
    );
    const controller = new AbortController();
    const sent = settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt' }).send(USER_REQUEST, {
        signal: controller.signal,
      }),
    );
    await until(() => arrived, 'the request to arrive');
    controller.abort();
    expect((await sent).error).toMatchObject({ code: 'aborted' });
    answer();
  });

  it('stops the wait between retries at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let requests = 0;
    network.use(
      http.post(ENDPOINT, () => {
        requests++;
        return errorResponse(503, 'unavailable', { 'retry-after': '10' });
      }),
    );
    const observed = observedFetch();
    const controller = new AbortController();
    const sent = settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch: observed.fetch }).send(
        USER_REQUEST,
        { signal: controller.signal },
      ),
    );
    await until(() => observed.bodies[0]?.finished === true, 'the 503 to be read');
    await realDelay(1);
    if (inBrowser) expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect((await sent).error).toMatchObject({ code: 'aborted' });
    await expectNoTimersLeft(1, () => requests);
  });
});

describe('abort by leaving the loop', () => {
  it('break cancels the body and sends nothing more', async () => {
    const { live, requests } = liveAnswer();
    const observed = observedFetch();
    live.push(START + delta('One'));
    const texts: string[] = [];
    const client = new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      fetch: observed.fetch,
    });
    for await (const event of client.stream(USER_REQUEST)) {
      if (event.type === 'delta') {
        texts.push(event.text);
        break;
      }
    }
    expect(texts).toEqual(['One']);
    await until(() => observed.bodies[0]?.cancelled === true, 'the body to be cancelled');
    expect(requests()).toBe(1);
  });

  it('return() while a read is pending ends that read as aborted', async () => {
    const { live } = liveAnswer();
    live.push(START);
    const iterator = new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt' })
      .stream(USER_REQUEST)
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'start' });
    const pending = settle(iterator.next());
    await realDelay(5);
    await expect(iterator.return!()).resolves.toEqual({ done: true, value: undefined });
    expect((await pending).error).toMatchObject({ code: 'aborted' });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});

describe('a throwing callback', () => {
  it('stops the stream, is passed on as thrown, and is never retried', async () => {
    const { live, requests } = liveAnswer();
    const observed = observedFetch();
    const boom = new Error('bug in the app');
    const calls: string[] = [];
    live.push(START + delta('A'));
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch: observed.fetch }).send(
        USER_REQUEST,
        {
          onDelta: (piece) => {
            calls.push(piece);
            live.push(delta('B') + DONE);
            throw boom;
          },
          onError: () => calls.push('error'),
          onDone: () => calls.push('done'),
        },
      ),
    );
    expect(error).toBe(boom);
    expect(calls).toEqual(['A']);
    await until(() => observed.bodies[0]?.cancelled === true, 'the body to be cancelled');
    expect(requests()).toBe(1);
  });

  it('a throwing onStart stops the stream before any text', async () => {
    const { live, requests } = liveAnswer();
    live.push(START + delta('A') + DONE);
    const onDelta = vi.fn();
    const { error } = await settle(
      new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt' }).send(USER_REQUEST, {
        onStart: () => {
          throw new TypeError('bad state');
        },
        onDelta,
      }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(onDelta).not.toHaveBeenCalled();
    expect(requests()).toBe(1);
  });
});
