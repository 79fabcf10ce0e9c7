import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ask, eventTypes, postChat } from './support/chat-responses.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';

describe('bad input is answered with the protocol JSON error before any Bedrock call', () => {
  let stack: ChatStack;
  let token: string;
  beforeAll(async () => {
    stack = await startChatStack({ overrides: { limits: { maxBodyBytes: 4096 } } });
    token = await stack.jwks.token();
  });
  afterAll(() => stack?.close());

  const long = 'x'.repeat(32_001);
  const cases: [
    string,
    { body?: unknown; headers?: Record<string, string>; method?: string },
    number,
    string,
    RegExp,
  ][] = [
    ['GET', { method: 'GET' }, 405, 'method_not_allowed', /POST/],
    ['PUT', { method: 'PUT' }, 405, 'method_not_allowed', /POST/],
    [
      'text/plain',
      { headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
      /application\/json/,
    ],
    [
      'no content-type',
      { headers: { 'content-type': '' } },
      415,
      'unsupported_media_type',
      /application\/json/,
    ],
    [
      'body over maxBodyBytes',
      { body: ask('y'.repeat(5000)) },
      413,
      'payload_too_large',
      /at most 4096/,
    ],
    ['not JSON', { body: '{"messages":' }, 400, 'invalid_request', /not valid UTF-8 JSON/],
    [
      'invalid UTF-8',
      { body: new Uint8Array([0x7b, 0xff, 0x7d]) },
      400,
      'invalid_request',
      /UTF-8/,
    ],
    ['a JSON array', { body: '[]' }, 400, 'invalid_request', /JSON object/],
    ['no messages', { body: { messages: [] } }, 400, 'invalid_request', /non-empty array/],
    [
      'unknown top-level field',
      { body: { messages: [{ role: 'user', content: 'hi' }], model: 'x' } },
      400,
      'invalid_request',
      /Unknown field "model"/,
    ],
    [
      'unknown message field',
      { body: { messages: [{ role: 'user', content: 'hi', name: 'a' }] } },
      400,
      'invalid_request',
      /Unknown field "name"/,
    ],
    [
      'system role',
      { body: { messages: [{ role: 'system', content: 'hi' }] } },
      400,
      'invalid_request',
      /role/,
    ],
    [
      'empty content',
      { body: { messages: [{ role: 'user', content: '  ' }] } },
      400,
      'invalid_request',
      /non-empty string/,
    ],
    [
      'non-string content',
      { body: { messages: [{ role: 'user', content: [{ text: 'hi' }] }] } },
      400,
      'invalid_request',
      /non-empty string/,
    ],
    [
      'last message from the assistant',
      {
        body: {
          messages: [
            { role: 'user', content: 'a' },
            { role: 'assistant', content: 'b' },
          ],
        },
      },
      400,
      'invalid_request',
      /last message/,
    ],
    [
      'too many messages',
      { body: { messages: Array.from({ length: 101 }, () => ({ role: 'user', content: 'a' })) } },
      400,
      'invalid_request',
      /Too many messages/,
    ],
  ];

  test.each(cases)('%s', async (_name, request, status, code, message) => {
    const before = stack.bedrock.requests.length;
    const exchange = await postChat(stack.url, { token, ...(request as object) } as Parameters<
      typeof postChat
    >[1]);
    expect(exchange.status).toBe(status);
    expect(exchange.headers.get('content-type')).toBe('application/json');
    const body = exchange.json as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(stack.bedrock.requests.length).toBe(before);
    if (status === 405) expect(exchange.headers.get('allow')).toBe('POST, OPTIONS');
  });

  test('a message over maxMessageChars is 400 (the default limit, body limit raised)', async () => {
    const roomy = await startChatStack({ overrides: { limits: { maxBodyBytes: 1_000_000 } } });
    try {
      const exchange = await postChat(roomy.url, {
        token: await roomy.jwks.token(),
        body: ask(long),
      });
      expect(exchange.status).toBe(400);
      expect(exchange.json).toMatchObject({ error: { code: 'invalid_request' } });
      expect(roomy.bedrock.requests).toHaveLength(0);
    } finally {
      await roomy.close();
    }
  });

  test('content-type with parameters and other casing is still JSON', async () => {
    const exchange = await postChat(stack.url, {
      token,
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(exchange.status).toBe(200);
  });
});

describe('CORS', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack();
  });
  afterAll(() => stack?.close());

  test('a preflight from an allowed origin is answered 204 with the headers the client sends', async () => {
    const response = await fetch(stack.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-chatbot-token');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-amz-content-sha256');
  });

  test('a preflight from another origin is refused 403 forbidden', async () => {
    const response = await fetch(stack.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('responses to an allowed origin carry allow-origin and expose Retry-After', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      headers: { origin: 'https://app.example.com' },
    });
    expect(eventTypes(exchange)).toMatch(/done$/);
    expect(exchange.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(exchange.headers.get('access-control-expose-headers')).toContain('retry-after');
    const refused = await postChat(stack.url, { headers: { origin: 'https://app.example.com' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});

describe('a body the Function URL delivers base64-encoded', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack({ base64Bodies: true });
  });
  afterAll(() => stack?.close());

  test('is decoded before it is read (isBase64Encoded)', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token(),
      body: ask('héllo 👋'),
    });
    expect(exchange.status).toBe(200);
    expect(exchange.text).toContain('You said: héllo 👋');
  });
});
