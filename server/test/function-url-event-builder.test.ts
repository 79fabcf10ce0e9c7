import { expect, test } from 'vitest';
import { buildFunctionUrlEvent } from '../src/local/function-url/function-url-event-builder.js';

test('builds a payload 2.0 event: lower-case headers, query, cookies, text body as is', () => {
  const event = buildFunctionUrlEvent({
    method: 'POST',
    url: '/chat?a=1&a=2&b=x',
    headers: {
      host: '127.0.0.1:8787',
      'content-type': 'application/json',
      cookie: 'k=v; z=1',
      'x-list': ['p', 'q'],
    },
    body: Buffer.from('{"x":1}'),
    sourceIp: '127.0.0.1',
  }) as Record<string, unknown> & { requestContext: Record<string, unknown> };
  expect(event).toMatchObject({
    version: '2.0',
    routeKey: '$default',
    rawPath: '/chat',
    rawQueryString: 'a=1&a=2&b=x',
    cookies: ['k=v', 'z=1'],
    queryStringParameters: { a: '1,2', b: 'x' },
    body: '{"x":1}',
    isBase64Encoded: false,
  });
  expect(event.headers).toMatchObject({ 'x-list': 'p,q', host: '127.0.0.1:8787' });
  expect(event.headers).not.toHaveProperty('cookie');
  expect(event.requestContext).toMatchObject({
    http: { method: 'POST', path: '/chat', sourceIp: '127.0.0.1' },
    stage: '$default',
  });
});

test('a binary content type, or base64Body, arrives base64-encoded', () => {
  const bytes = Buffer.from([0, 1, 2, 255]);
  const binary = buildFunctionUrlEvent({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
    sourceIp: '::1',
  });
  expect(binary).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  const forced = buildFunctionUrlEvent({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{}'),
    sourceIp: '::1',
    base64Body: true,
  });
  expect(forced).toMatchObject({
    body: Buffer.from('{}').toString('base64'),
    isBase64Encoded: true,
  });
});
