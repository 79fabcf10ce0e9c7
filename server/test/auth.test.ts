import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postChat } from './support/chat-responses.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('auth: every bad token is 401 unauthorized and Bedrock is never called', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack();
  });
  afterAll(() => stack?.close());

  const cases: [
    string,
    (s: ChatStack) => Promise<{ token?: string; headers?: Record<string, string> }>,
  ][] = [
    ['missing', async () => ({})],
    ['empty', async () => ({ token: '   ' })],
    ['malformed', async () => ({ token: 'not-a-jwt' })],
    [
      'expired beyond the 60 s skew',
      async (s) => ({ token: await s.jwks.token({ expiresIn: -90 }) }),
    ],
    [
      'signed by another key under the same kid',
      async (s) => ({ token: await s.jwks.tokenSignedByStranger() }),
    ],
    [
      'alg none',
      async (s) => {
        const claims = JSON.parse(
          Buffer.from((await s.jwks.token()).split('.')[1]!, 'base64url').toString(),
        );
        return { token: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.` };
      },
    ],
    [
      'HS256 signed with the public JWKS as the secret',
      async (s) => {
        const jwks = await (await fetch(s.jwks.jwksUrl)).text();
        const now = Math.floor(Date.now() / 1000);
        const token = await new SignJWT({ sub: 'mallory', token_use: 'id', aud: s.jwks.clientId })
          .setProtectedHeader({ alg: 'HS256', kid: 'local-test-key-1' })
          .setIssuer(s.jwks.issuer)
          .setExpirationTime(now + 600)
          .sign(new TextEncoder().encode(jwks));
        return { token };
      },
    ],
    ['unknown kid', async (s) => ({ token: await s.jwks.tokenWithUnknownKid() })],
    [
      'wrong issuer',
      async (s) => ({
        token: await s.jwks.token({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/other' }),
      }),
    ],
    [
      'wrong audience',
      async (s) => ({ token: await s.jwks.token({ claims: { aud: 'another-client' } }) }),
    ],
    [
      'wrong token_use',
      async (s) => ({ token: await s.jwks.token({ claims: { token_use: 'access' } }) }),
    ],
    [
      'sent in Authorization instead of x-chatbot-token (OAC owns that header)',
      async (s) => ({ headers: { authorization: `Bearer ${await s.jwks.token()}` } }),
    ],
  ];

  test.each(cases)('%s', async (_name, make) => {
    const before = stack.bedrock.requests.length;
    const exchange = await postChat(stack.url, await make(stack));
    expect(exchange.status).toBe(401);
    expect(exchange.json).toMatchObject({ error: { code: 'unauthorized' } });
    expect(stack.bedrock.requests.length).toBe(before);
    expect(stack.logs.at(-1)).toMatchObject({
      status: 401,
      outcome: 'unauthorized',
      level: 'warn',
    });
  });

  test('a token expired less than 60 s ago is still accepted (clock skew)', async () => {
    const exchange = await postChat(stack.url, {
      token: await stack.jwks.token({ expiresIn: -30 }),
    });
    expect(exchange.status).toBe(200);
  });

  test('the log line holds the user sub but never the token or the prompt', async () => {
    const token = await stack.jwks.token();
    const exchange = await postChat(stack.url, {
      token,
      body: { messages: [{ role: 'user', content: 'my secret prompt text' }] },
    });
    expect(exchange.status).toBe(200);
    const entry = stack.logs.at(-1)!;
    expect(entry).toMatchObject({ sub: 'user-sub-1', status: 200, outcome: 'done', level: 'info' });
    expect(entry.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(entry.outputTokens).toBeGreaterThan(0);
    const line = JSON.stringify(entry);
    expect(line).not.toContain(token);
    expect(line).not.toContain(token.split('.')[2]!);
    expect(line).not.toContain('secret prompt');
  });
});

describe('auth with access tokens (COGNITO_TOKEN_USE=access)', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack({ env: { COGNITO_TOKEN_USE: 'access' } });
  });
  afterAll(() => stack?.close());

  test('the app client is checked against client_id', async () => {
    const good = await stack.jwks.token({
      claims: { token_use: 'access', aud: undefined, client_id: stack.jwks.clientId },
    });
    expect((await postChat(stack.url, { token: good })).status).toBe(200);
    const other = await stack.jwks.token({
      claims: { token_use: 'access', aud: undefined, client_id: 'another-client' },
    });
    const refused = await postChat(stack.url, { token: other });
    expect(refused.status).toBe(401);
    const idToken = await stack.jwks.token();
    expect((await postChat(stack.url, { token: idToken })).status).toBe(401);
  });
});

describe('auth when the JWKS cannot be fetched', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    stack = await startChatStack();
  });
  afterAll(() => stack?.close());

  test('answers 503 unavailable, not a crash, and calls no model', async () => {
    stack.jwks.up = false;
    const exchange = await postChat(stack.url, { token: await stack.jwks.token() });
    expect(exchange.status).toBe(503);
    expect(exchange.json).toMatchObject({ error: { code: 'unavailable' } });
    expect(exchange.headers.get('retry-after')).toBe('5');
    expect(stack.bedrock.requests).toHaveLength(0);
    expect(stack.jwks.fetches).toBeGreaterThan(0);
    // Once the keys are back, the same kind of token works.
    stack.jwks.up = true;
    expect((await postChat(stack.url, { token: await stack.jwks.token() })).status).toBe(200);
  });
});

describe('auth when the JWKS host refuses connections', () => {
  let stack: ChatStack;
  beforeAll(async () => {
    // Port 9 (discard) is closed on loopback here; the fetch fails at connect.
    stack = await startChatStack({
      env: { COGNITO_JWKS_URL: 'http://127.0.0.1:9/pool/.well-known/jwks.json' },
    });
  });
  afterAll(() => stack?.close());

  test('answers 503 unavailable', async () => {
    const exchange = await postChat(stack.url, { token: await stack.jwks.token() });
    expect(exchange.status).toBe(503);
    expect(exchange.json).toMatchObject({ error: { code: 'unavailable' } });
    expect(stack.bedrock.requests).toHaveLength(0);
  });
});

test('the log of a refused token says why, without the token', async () => {
  const stack = await startChatStack();
  try {
    const token = await stack.jwks.token({ expiresIn: -600 });
    await postChat(stack.url, { token });
    const entry = stack.logs.at(-1)!;
    expect(entry.cause).toMatch(/^JWTExpired: /);
    expect(JSON.stringify(entry)).not.toContain(token.split('.')[1]!);
  } finally {
    await stack.close();
  }
});
