import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatbotClient, type ChatbotError } from '../../src/index.js';
import { realDelay, until } from './bounded-wait.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import { type ObservedFetch, observedFetch } from './observed-fetch.js';
import { DONE, delta, ENDPOINT, HEARTBEAT, START, USER_REQUEST } from './sse-fixtures.js';
import { LiveStream } from './sse-response.js';

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => {
  network.reset();
  vi.useRealTimers();
});
afterAll(() => network.close());

const IDLE = 45_000;
let live: LiveStream;
let observed: ObservedFetch;
let requests: number;

beforeEach(() => {
  live = new LiveStream();
  observed = observedFetch();
  requests = 0;
  network.use(
    http.post(ENDPOINT, () => {
      requests++;
      return live.response();
    }),
  );
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

function send() {
  return new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch: observed.fetch })
    .send(USER_REQUEST)
    .then(
      (value) => ({ value, error: undefined }),
      (error: ChatbotError) => ({ value: undefined, error }),
    );
}

/** Pushes `text` and waits until the client has read it and armed its next idle timer. */
async function deliver(text: string): Promise<void> {
  const before = observed.bodies[0]?.bytesRead ?? 0;
  live.push(text);
  await until(() => (observed.bodies[0]?.bytesRead ?? 0) > before, 'the client to read');
  await realDelay(1);
}

describe('idle timeout (default 45 s)', () => {
  it('silence after some text is timeout, keeps the text, and is not retried', async () => {
    const sent = send();
    await deliver(START + delta('So far'));
    await vi.advanceTimersByTimeAsync(IDLE - 1);
    expect(observed.bodies[0]!.cancelled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await sent;
    expect(error).toMatchObject({ code: 'timeout', partialText: 'So far', retryable: true });
    expect(error!.message).toContain('45000 ms');
    expect(observed.bodies[0]!.cancelled).toBe(true);
    expect(requests).toBe(1);
  });

  it('heartbeat comments reset it, so a slow answer still completes', async () => {
    const sent = send();
    await deliver(START);
    for (let i = 0; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(IDLE - 1000);
      await deliver(HEARTBEAT);
    }
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    await deliver(delta('Late') + DONE);
    const { value, error } = await sent;
    expect(error).toBeUndefined();
    expect(value!.text).toBe('Late');
  });

  it('heartbeats only postpone it: silence after the last one still times out', async () => {
    const sent = send();
    await deliver(START);
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    await deliver(HEARTBEAT);
    await vi.advanceTimersByTimeAsync(IDLE);
    expect((await sent).error).toMatchObject({ code: 'timeout', partialText: '' });
  });

  it('a byte that completes no event still resets it', async () => {
    const sent = send();
    await deliver(START);
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    await deliver('event: del');
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    await deliver('ta\ndata: {"text":"ok"}\n\n');
    await vi.advanceTimersByTimeAsync(IDLE - 1000);
    await deliver(DONE);
    expect((await sent).value?.text).toBe('ok');
  });

  it('waiting that long for the response itself is timeout too, and the request is cut', async () => {
    let arrived = false;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    network.use(
      http.post(ENDPOINT, async () => {
        arrived = true;
        await answered;
        return live.response();
      }),
    );
    const sent = send();
    let settled = false;
    void sent.then(() => {
      settled = true;
    });
    await until(() => arrived, 'the request to arrive');
    await vi.advanceTimersByTimeAsync(IDLE - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await sent).error).toMatchObject({ code: 'timeout', partialText: '' });
    answer();
  });

  it('an error status whose body never ends is decided by its status after the timeout', async () => {
    network.use(http.post(ENDPOINT, () => new HttpResponse(live.body, { status: 503 })));
    const sent = new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      fetch: observed.fetch,
      retry: false,
    })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    await deliver('{"error":');
    await vi.advanceTimersByTimeAsync(IDLE);
    expect(await sent).toMatchObject({ code: 'unavailable', status: 503 });
  });

  it('honours idleTimeoutMs', async () => {
    const sent = new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      fetch: observed.fetch,
      idleTimeoutMs: 1000,
    })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    let settled = false;
    void sent.then(() => {
      settled = true;
    });
    await deliver(START);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await sent).toMatchObject({ code: 'timeout' });
  });
});
