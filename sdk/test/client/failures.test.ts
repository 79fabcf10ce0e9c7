import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatbotClient, type ChatbotError } from '../../src/index.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import { DONE, delta, ENDPOINT, errorEvent, START, USER_REQUEST } from './sse-fixtures.js';
import { errorResponse, LiveStream, sseResponse } from './sse-response.js';

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => network.reset());
afterAll(() => network.close());

// No retries here: these tests are about how each failure is reported.
const client = () =>
  new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt-1', retry: false });

async function failure(): Promise<ChatbotError> {
  const error = await client()
    .send(USER_REQUEST)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (error === undefined) throw new Error('the send was expected to fail');
  return error as ChatbotError;
}

describe('failures after the stream started', () => {
  it('a stream that ends without done is truncated and keeps the partial text', async () => {
    network.use(http.post(ENDPOINT, () => sseResponse([START, delta('Half an ')])));
    const error = await failure();
    expect(error).toMatchObject({
      name: 'ChatbotError',
      code: 'truncated',
      partialText: 'Half an ',
    });
    expect(error.retryable).toBe(true);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unfinished last event counts as truncated, not as done', async () => {
    network.use(http.post(ENDPOINT, () => sseResponse([START, delta('A'), DONE.slice(0, -1)])));
    expect(await failure()).toMatchObject({ code: 'truncated', partialText: 'A' });
  });

  it("the server's error event ends the send with its code and the partial text", async () => {
    network.use(
      http.post(ENDPOINT, () =>
        sseResponse([START, delta('Some'), errorEvent('upstream_error', true)]),
      ),
    );
    const error = await failure();
    expect(error).toMatchObject({
      code: 'upstream_error',
      retryable: true,
      partialText: 'Some',
      message: 'The model failed (upstream_error).',
    });
    expect(error.status).toBeUndefined();
  });

  it('an internal_error event is reported as http', async () => {
    network.use(
      http.post(ENDPOINT, () => sseResponse([START, errorEvent('internal_error', false)])),
    );
    expect(await failure()).toMatchObject({ code: 'http', retryable: false });
  });

  it('an event with a broken shape is protocol (regression: text in the same chunk before it was lost)', async () => {
    network.use(
      http.post(ENDPOINT, () =>
        sseResponse([START, delta('ok'), 'event: delta\ndata: {"text":5}\n\n']),
      ),
    );
    expect(await failure()).toMatchObject({ code: 'protocol', partialText: 'ok' });
  });

  it('a connection cut mid-answer keeps the partial text', async () => {
    // The cut comes after the client has read the text: a cut drops whatever is still queued.
    // MSW's Node interceptor turns a cut into an early end, so the code is truncated there.
    const live = new LiveStream();
    network.use(http.post(ENDPOINT, () => live.response()));
    live.push(START + delta('Cut '));
    const error = await client()
      .send(USER_REQUEST, { onDelta: () => live.fail() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ partialText: 'Cut ', retryable: true });
    expect(['network', 'truncated']).toContain((error as ChatbotError).code);
  });

  it('a body that errors while being read is network', async () => {
    const encoder = new TextEncoder();
    let pulls = 0;
    const fetch: typeof globalThis.fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulls++;
            if (pulls === 1) controller.enqueue(encoder.encode(START + delta('Cut ')));
            else controller.error(new TypeError('connection reset'));
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const error = await new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt', fetch })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', partialText: 'Cut ' });
    expect((error as ChatbotError).cause).toBeInstanceOf(TypeError);
  });
});

describe('failures before the stream', () => {
  it.each([
    [400, 'invalid_request', 'invalid_request', false],
    [401, 'unauthorized', 'unauthorized', false],
    [403, 'forbidden', 'forbidden', false],
    [413, 'payload_too_large', 'payload_too_large', false],
    [429, 'rate_limited', 'rate_limited', true],
    [500, 'internal_error', 'http', false],
    [502, 'upstream_error', 'upstream_error', true],
    [503, 'unavailable', 'unavailable', true],
  ])('a %i %s body becomes %s', async (status, serverCode, code, retryable) => {
    network.use(http.post(ENDPOINT, () => errorResponse(status, serverCode)));
    const error = await failure();
    expect(error).toMatchObject({ code, status, retryable });
    expect(error.message).toBe(`Refused with ${serverCode}.`);
  });

  it("a proxy's HTML error page is read by its status", async () => {
    network.use(
      http.post(ENDPOINT, () =>
        HttpResponse.html('<html><body>Bad gateway</body></html>', { status: 502 }),
      ),
    );
    const error = await failure();
    expect(error).toMatchObject({ code: 'upstream_error', status: 502, retryable: true });
    expect(error.message).toBe('HTTP 502: check the endpoint and OAC.');
  });

  it('an unknown status is http', async () => {
    network.use(http.post(ENDPOINT, () => HttpResponse.text('teapot', { status: 418 })));
    expect(await failure()).toMatchObject({ code: 'http', status: 418, retryable: false });
  });

  it('a 200 that is JSON, not an event stream, is protocol', async () => {
    network.use(http.post(ENDPOINT, () => HttpResponse.json({ answer: 'hi' })));
    const error = await failure();
    expect(error).toMatchObject({ code: 'protocol', retryable: false });
    expect(error.message).toContain('application/json');
  });

  it('a refused connection is network', async () => {
    network.use(http.post(ENDPOINT, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({ code: 'network', retryable: true, partialText: '' });
  });

  it('a headers function that throws is invalid_request, and nothing is sent', async () => {
    let requests = 0;
    network.use(
      http.post(ENDPOINT, () => {
        requests++;
        return sseResponse([START, DONE]);
      }),
    );
    const error = await new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => 'jwt',
      headers: async () => {
        throw new Error('no tenant');
      },
    })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect((error as Error).message).toContain('no tenant');
    expect(requests).toBe(0);
  });

  it('a token provider that throws is unauthorized, and nothing is sent', async () => {
    let requests = 0;
    network.use(
      http.post(ENDPOINT, () => {
        requests++;
        return sseResponse([START, DONE]);
      }),
    );
    const error = await new ChatbotClient({
      endpoint: ENDPOINT,
      getToken: () => {
        throw new Error('no session');
      },
    })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', retryable: false });
    expect((error as Error).message).toContain('no session');
    expect(requests).toBe(0);
  });
});
