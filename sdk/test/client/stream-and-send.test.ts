import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatbotClient, ChatbotError } from '../../src/index.js';
import {
  type ChatEvent,
  HEADERS,
  type ProtocolError,
  validateChatRequest,
} from '../../src/protocol/index.js';
import { type MockNetwork, startMockNetwork } from './mock-network.js';
import {
  DONE,
  ENDPOINT,
  HAPPY_ANSWER,
  multiByteChunks,
  START,
  USER_REQUEST,
} from './sse-fixtures.js';
import { sseResponse } from './sse-response.js';

let network: MockNetwork;
beforeAll(async () => {
  network = await startMockNetwork();
});
afterEach(() => network.reset());
afterAll(() => network.close());

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function client(options: Partial<ConstructorParameters<typeof ChatbotClient>[0]> = {}) {
  return new ChatbotClient({ endpoint: ENDPOINT, getToken: () => 'jwt-1', ...options });
}

describe('ChatbotClient happy path', () => {
  it('stream yields start, the deltas and done, in order', async () => {
    network.use(http.post(ENDPOINT, () => sseResponse(HAPPY_ANSWER)));
    const events: ChatEvent[] = [];
    for await (const event of client().stream(USER_REQUEST)) events.push(event);
    expect(events).toEqual([
      { type: 'start', requestId: 'server-request', messageId: 'msg-1', model: 'test-model' },
      { type: 'delta', text: 'Hello' },
      { type: 'delta', text: ', world' },
      { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 7, outputTokens: 3 } },
    ]);
  });

  it('send fires the callbacks in order and resolves to the whole answer', async () => {
    network.use(http.post(ENDPOINT, () => sseResponse(HAPPY_ANSWER)));
    const calls: unknown[] = [];
    const result = await client().send(USER_REQUEST, {
      onStart: (event) => calls.push(['start', event.messageId]),
      onDelta: (piece, text) => calls.push(['delta', piece, text]),
      onDone: (done) => calls.push(['done', done.text]),
      onError: (error) => calls.push(['error', error]),
    });
    expect(calls).toEqual([
      ['start', 'msg-1'],
      ['delta', 'Hello', 'Hello'],
      ['delta', ', world', 'Hello, world'],
      ['done', 'Hello, world'],
    ]);
    expect(result).toEqual({
      text: 'Hello, world',
      messageId: 'msg-1',
      stopReason: 'end_turn',
      usage: { inputTokens: 7, outputTokens: 3 },
    });
  });

  it('keeps multi-byte characters whole when chunks split them', async () => {
    network.use(http.post(ENDPOINT, () => sseResponse(multiByteChunks())));
    const result = await client().send(USER_REQUEST);
    expect(result.text).toBe('3 € 🙂');
  });
});

describe('ChatbotClient request', () => {
  it('sends the token, a request id and the SHA-256 of exactly the bytes it sends', async () => {
    const seen: Record<string, unknown>[] = [];
    network.use(
      http.post(ENDPOINT, async ({ request }) => {
        const bytes = await request.arrayBuffer();
        seen.push({
          text: new TextDecoder().decode(bytes),
          hashOfBody: await sha256Hex(bytes),
          hashHeader: request.headers.get(HEADERS.contentSha256),
          token: request.headers.get(HEADERS.token),
          authorization: request.headers.get('authorization'),
          requestId: request.headers.get(HEADERS.requestId),
          contentType: request.headers.get('content-type'),
          accept: request.headers.get('accept'),
          extra: request.headers.get('x-app'),
        });
        return sseResponse(HAPPY_ANSWER);
      }),
    );
    await client({ headers: async () => ({ 'x-app': 'demo', 'Content-Type': 'text/plain' }) }).send(
      {
        messages: [{ role: 'user', content: 'Grüße 👋' }],
        conversationId: 'c-1',
      },
    );
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.text).toBe(
      JSON.stringify({ messages: [{ role: 'user', content: 'Grüße 👋' }], conversationId: 'c-1' }),
    );
    expect(request.hashHeader).toMatch(/^[0-9a-f]{64}$/);
    expect(request.hashHeader).toBe(request.hashOfBody);
    expect(request.token).toBe('jwt-1');
    expect(request.authorization).toBeNull();
    expect(request.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(request.contentType).toBe('application/json');
    expect(request.accept).toBe('text/event-stream');
    expect(request.extra).toBe('demo');
  });

  it('puts the token in the header named by tokenHeader, and none when getToken has none', async () => {
    const tokens: (string | null)[] = [];
    network.use(
      http.post(ENDPOINT, ({ request }) => {
        tokens.push(request.headers.get('x-other-token'), request.headers.get(HEADERS.token));
        return sseResponse(HAPPY_ANSWER);
      }),
    );
    await client({ tokenHeader: 'x-other-token' }).send(USER_REQUEST);
    await client({ getToken: () => undefined }).send(USER_REQUEST);
    expect(tokens).toEqual(['jwt-1', null, null, null]);
  });

  it("the protocol's headers win over the caller's, and each send gets a new request id", async () => {
    const seen: (string | null)[][] = [];
    network.use(
      http.post(ENDPOINT, ({ request }) => {
        seen.push([
          request.headers.get(HEADERS.requestId),
          request.headers.get(HEADERS.contentSha256),
          request.headers.get('x-static'),
        ]);
        return sseResponse(HAPPY_ANSWER);
      }),
    );
    const c = client({
      headers: { [HEADERS.requestId]: 'mine', [HEADERS.contentSha256]: 'bogus', 'x-static': 's' },
    });
    const stream = c.stream(USER_REQUEST);
    for await (const _ of stream) {
    }
    for await (const _ of stream) {
    }
    expect(seen).toHaveLength(2);
    for (const [requestId, hash, extra] of seen) {
      expect(requestId).not.toBe('mine');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(extra).toBe('s');
    }
    expect(seen[0]![0]).not.toBe(seen[1]![0]);
  });

  it('an invalid request comes back as invalid_request with the server message, sent once and not retried', async () => {
    // The server validates with the protocol's own validateChatRequest, as @chatbot/server does.
    const seen: unknown[] = [];
    const answered: string[] = [];
    network.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = await request.json();
        seen.push(body);
        try {
          validateChatRequest(body);
        } catch (error) {
          const message = (error as ProtocolError).message;
          answered.push(message);
          return HttpResponse.json(
            { error: { code: 'invalid_request', message } },
            { status: 400 },
          );
        }
        return sseResponse(HAPPY_ANSWER);
      }),
    );
    const attempts = [
      { messages: [] },
      { messages: [{ role: 'assistant', content: 'Hi' }] },
      { messages: [{ role: 'user', content: '   ' }] },
      { messages: [{ role: 'user', content: 'Hi' }], model: 'x' },
    ];
    for (const request of attempts) {
      const error = await client()
        .send(request as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChatbotError);
      expect(error).toMatchObject({ code: 'invalid_request', status: 400, retryable: false });
      // What the server said reaches the caller as it is: it tells what to fix.
      expect((error as ChatbotError).message).toBe(answered.at(-1));
    }
    expect(answered).toHaveLength(attempts.length);
    // Exactly the bytes given, once each: the client neither fixes nor retries a bad request.
    expect(seen).toEqual(attempts);
  });

  it('refuses a body over the size limit with payload_too_large and sends nothing', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const messages = Array.from({ length: 9 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: 'x'.repeat(31_000),
    }));
    const error = await client({ fetch })
      .send({ messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'payload_too_large', retryable: false });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('ignores events protocol v1 does not know', async () => {
    network.use(
      http.post(ENDPOINT, () =>
        sseResponse([START, 'event: future\ndata: {"x":1}\n\n', 'data: plain\n\n', DONE]),
      ),
    );
    const types: string[] = [];
    for await (const event of client().stream(USER_REQUEST)) types.push(event.type);
    expect(types).toEqual(['start', 'done']);
  });

  it('accepts a URL object as endpoint and a bare 200 without JSON is protocol', async () => {
    network.use(http.post(ENDPOINT, () => HttpResponse.text('hello')));
    const error = await client({ endpoint: new URL(ENDPOINT) })
      .send(USER_REQUEST)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'protocol', retryable: false });
  });
});
