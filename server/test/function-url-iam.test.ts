import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCAL_FUNCTION_URL_CREDENTIALS } from '../src/local/local-credentials.js';
import { ask, eventTypes, postChat } from './support/chat-responses.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';

const REGION = 'eu-west-1';

interface SignOptions {
  body: string;
  /** The hash header to send; default the body's true hash. */
  contentSha256?: string | null;
  secretAccessKey?: string;
  service?: string;
  signingDate?: Date;
  path?: string;
  query?: Record<string, string>;
  extraHeaders?: Record<string, string>;
}

/** Signs like CloudFront OAC does for a Lambda origin: SigV4, service lambda, body hash header. */
async function signedHeaders(url: string, options: SignOptions): Promise<Record<string, string>> {
  const { host, port } = new URL(url);
  const headers: Record<string, string> = {
    host,
    'content-type': 'application/json',
    ...options.extraHeaders,
  };
  const hash =
    options.contentSha256 === undefined
      ? createHash('sha256').update(options.body).digest('hex')
      : options.contentSha256;
  if (hash !== null) headers['x-amz-content-sha256'] = hash;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: LOCAL_FUNCTION_URL_CREDENTIALS.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? LOCAL_FUNCTION_URL_CREDENTIALS.secretAccessKey,
    },
    region: REGION,
    service: options.service ?? 'lambda',
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: Number(port),
      path: options.path ?? '/',
      query: options.query ?? {},
      headers,
      body: options.body,
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  const { host: _host, ...sendable } = signed.headers;
  return sendable;
}

describe('the Function URL emulator with FUNCTION_URL_AUTH=AWS_IAM', () => {
  let stack: ChatStack;
  let token: string;
  beforeAll(async () => {
    stack = await startChatStack({
      auth: { type: 'AWS_IAM', region: REGION, credentials: LOCAL_FUNCTION_URL_CREDENTIALS },
    });
    token = await stack.jwks.token();
  });
  afterAll(() => stack?.close());

  const body = JSON.stringify(ask('Hello through OAC'));

  test('a correctly signed request reaches the handler and streams', async () => {
    const headers = await signedHeaders(stack.url, {
      body,
      extraHeaders: { 'x-chatbot-token': token },
    });
    const exchange = await postChat(stack.url, { body, headers });
    expect(exchange.status).toBe(200);
    expect(eventTypes(exchange)).toMatch(/^start( delta)+ done$/);
  });

  test('the signature may also leave the body hash to be computed (no x-amz-content-sha256)', async () => {
    const headers = await signedHeaders(stack.url, {
      body,
      contentSha256: null,
      extraHeaders: { 'x-chatbot-token': token },
    });
    expect((await postChat(stack.url, { body, headers })).status).toBe(200);
  });

  test('a signed path and query string (as OAC forwards the viewer path) verify', async () => {
    const headers = await signedHeaders(stack.url, {
      body,
      path: '/api/chat',
      query: { a: '1 2', b: 'x/y' },
      extraHeaders: { 'x-chatbot-token': token },
    });
    const exchange = await postChat(`${stack.url}/api/chat?a=1%202&b=x%2Fy`, { body, headers });
    expect(exchange.status).toBe(200);
    const tampered = await postChat(`${stack.url}/api/chat?a=1%202&b=other`, { body, headers });
    expect(tampered.status).toBe(403);
  });

  const refusals: [
    string,
    () => Promise<{ headers: Record<string, string>; body: string }>,
    RegExp,
  ][] = [
    [
      'no signature',
      async () => ({ headers: { 'x-chatbot-token': token }, body }),
      /Missing Authentication Token/,
    ],
    [
      'signed with the wrong secret',
      async () => ({
        headers: await signedHeaders(stack.url, {
          body,
          secretAccessKey: 'wrong',
          extraHeaders: { 'x-chatbot-token': token },
        }),
        body,
      }),
      /signature we calculated does not match/,
    ],
    [
      'a body hash that is not the hash of the body',
      async () => ({
        headers: await signedHeaders(stack.url, {
          body,
          contentSha256: createHash('sha256').update('other').digest('hex'),
          extraHeaders: { 'x-chatbot-token': token },
        }),
        body,
      }),
      /x-amz-content-sha256 does not match the body/,
    ],
    [
      'a body changed after signing',
      async () => ({
        headers: await signedHeaders(stack.url, {
          body,
          extraHeaders: { 'x-chatbot-token': token },
        }),
        body: JSON.stringify(ask('Something else entirely')),
      }),
      /x-amz-content-sha256 does not match the body/,
    ],
    [
      'a signed header changed after signing',
      async () => {
        const headers = await signedHeaders(stack.url, {
          body,
          extraHeaders: { 'x-chatbot-token': token },
        });
        return { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body };
      },
      /signature we calculated does not match/,
    ],
    [
      'signed for another service',
      async () => ({
        headers: await signedHeaders(stack.url, {
          body,
          service: 'execute-api',
          extraHeaders: { 'x-chatbot-token': token },
        }),
        body,
      }),
      /service "lambda"/,
    ],
    [
      'signed 10 minutes ago',
      async () => ({
        headers: await signedHeaders(stack.url, {
          body,
          signingDate: new Date(Date.now() - 10 * 60_000),
          extraHeaders: { 'x-chatbot-token': token },
        }),
        body,
      }),
      /Signature expired/,
    ],
  ];

  test.each(refusals)(
    '%s: 403 InvalidSignatureException, handler not run',
    async (_name, make, message) => {
      const logsBefore = stack.logs.length;
      const bedrockBefore = stack.bedrock.requests.length;
      const request = await make();
      const response = await fetch(stack.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
      const answer = (await response.json()) as { message: string };
      expect(answer.message).toMatch(message);
      expect(stack.logs.length).toBe(logsBefore);
      expect(stack.bedrock.requests.length).toBe(bedrockBefore);
    },
  );
});
