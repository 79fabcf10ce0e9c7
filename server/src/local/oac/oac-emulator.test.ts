import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStackError } from '../dev-stack-errors.js';
import { LOCAL_FUNCTION_URL_CREDENTIALS as LOCAL_AWS_CREDENTIALS } from '../local-credentials.js';
import { type OacEmulator, startOacEmulator } from './oac-emulator.js';

interface Echo {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
  signedHeaders: string[];
  signatureValid: boolean;
  bodyHashValid: boolean;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * What a Function URL with AWS_IAM checks: the SigV4 signature over the signed headers, and the
 * signed body hash against the body actually received. Recomputed with @smithy/signature-v4.
 */
async function checkSigV4(req: IncomingMessage, body: Buffer) {
  const auth = req.headers.authorization ?? '';
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return { signatureValid: false, bodyHashValid: false, signedHeaders: [] };
  const [, accessKeyId, , region, service, signedList, signature] = match;
  const signedHeaders = signedList!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) headers[name] = String(req.headers[name] ?? '');
  const amzDate = String(req.headers['x-amz-date']);
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const url = new URL(req.url ?? '/', 'http://origin');
  const query: Record<string, string> = Object.fromEntries(url.searchParams);
  const signer = new SignatureV4({
    credentials: LOCAL_AWS_CREDENTIALS,
    region: region!,
    service: service!,
    sha256: Sha256,
    applyChecksum: false,
  });
  // With no hash header, the signer hashes the body Lambda received; with one, it uses the header.
  const claimedHash = req.headers['x-amz-content-sha256'];
  const expected = await signer.sign(
    {
      method: req.method!,
      protocol: 'http:',
      hostname: 'origin',
      path: url.pathname,
      query,
      headers,
      body: new Uint8Array(body),
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expectedSignature = /Signature=([0-9a-f]{64})/.exec(
    String(expected.headers.authorization),
  )?.[1];
  return {
    signedHeaders,
    signatureValid:
      accessKeyId === LOCAL_AWS_CREDENTIALS.accessKeyId &&
      service === 'lambda' &&
      expectedSignature === signature,
    bodyHashValid: claimedHash === sha256Hex(body),
  };
}

let origin: Server;
let originUrl: string;
let oac: OacEmulator;
const closedEarly: string[] = [];

beforeAll(async () => {
  origin = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      for (const word of ['one', 'two', 'three', 'four']) {
        res.write(`data: ${word}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      res.end();
      return;
    }
    if (req.url === '/silent') {
      res.on('close', () => closedEarly.push('/silent'));
      return; // Never answers.
    }
    if (req.url === '/endless') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      res.write(': open\n\n');
      const timer = setInterval(() => res.write('data: more\n\n'), 20);
      res.on('close', () => {
        clearInterval(timer);
        closedEarly.push('/endless');
      });
      return;
    }
    const echo: Echo = {
      method: req.method!,
      url: req.url!,
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body: body.toString('utf8'),
      ...(await checkSigV4(req, body)),
    };
    res.writeHead(200, { 'content-type': 'application/json', 'x-origin': 'echo' });
    res.end(JSON.stringify(echo));
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as { port: number }).port}/`;
  oac = await startOacEmulator({ origin: originUrl, port: 0, originResponseTimeoutMs: 400 });
});

afterAll(async () => {
  await oac?.close();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(new URL(path, oac.endpoint), { method: 'POST', headers, body });
  return { response, echo: (await response.json()) as Echo };
}

describe('CloudFront OAC emulator', () => {
  it('forwards viewer headers, drops Host, overwrites Authorization with a SigV4 signature that verifies', async () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'Hello 👋' }] });
    const { response, echo } = await post('/chat?lang=en&x=a%20b', body, {
      authorization: 'Bearer user-jwt-that-must-not-arrive',
      'content-type': 'application/json',
      'x-chatbot-token': 'user-jwt',
      'x-chatbot-request-id': 'req-1',
      'x-forwarded-for': '203.0.113.7',
      'x-amz-content-sha256': sha256Hex(body),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-origin')).toBe('echo');
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/chat?lang=en&x=a%20b');
    expect(echo.body).toBe(body);
    expect(echo.headers['x-chatbot-token']).toBe('user-jwt');
    expect(echo.headers['x-chatbot-request-id']).toBe('req-1');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['x-forwarded-for']).toBe('203.0.113.7, 127.0.0.1');
    // Host is the origin's, not the viewer's (which named the OAC emulator's port).
    expect(echo.headers.host).toBe(new URL(originUrl).host);
    expect(echo.rawHeaders.filter((h) => h.toLowerCase() === 'host')).toHaveLength(1);
    expect(echo.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${LOCAL_AWS_CREDENTIALS.accessKeyId}/\\d{8}/us-east-1/lambda/aws4_request, `,
      ),
    );
    expect(JSON.stringify(echo.headers)).not.toContain('user-jwt-that-must-not-arrive');
    expect(echo.signedHeaders).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(echo.signatureValid).toBe(true);
    expect(echo.bodyHashValid).toBe(true);
  });

  it('signs a wrong body hash as given, so the Function URL can refuse it', async () => {
    const { echo } = await post('/chat', '{"messages":[]}', {
      'x-amz-content-sha256': sha256Hex('something else'),
    });
    expect(echo.headers['x-amz-content-sha256']).toBe(sha256Hex('something else'));
    expect(echo.signatureValid).toBe(true);
    expect(echo.bodyHashValid).toBe(false);
  });

  it('invents no body hash when the viewer sent none, so the signature does not match the body', async () => {
    const { echo } = await post('/chat', '{"messages":[]}', { 'content-type': 'application/json' });
    expect(echo.headers['x-amz-content-sha256']).toBeUndefined();
    expect(echo.signedHeaders).toEqual(['host', 'x-amz-date']);
    // Signed as the empty body, but a body came: the Function URL's 403.
    expect(echo.signatureValid).toBe(false);
  });

  it('forwards and signs CORS preflights like any other request', async () => {
    const response = await fetch(new URL('/chat', oac.endpoint), {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' },
    });
    const echo = (await response.json()) as Echo;
    expect(echo.method).toBe('OPTIONS');
    expect(echo.headers.origin).toBe('http://127.0.0.1:5173');
    // No body and no hash header: signed as the empty body, which is what arrived.
    expect(echo.signedHeaders).toEqual(['host', 'x-amz-date']);
    expect(echo.signatureValid).toBe(true);
  });

  it('streams the answer through as it arrives, without buffering', async () => {
    const started = Date.now();
    const response = await fetch(new URL('/stream', oac.endpoint));
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const arrivals: number[] = [];
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      arrivals.push(Date.now() - started);
      text += decoder.decode(chunk, { stream: true });
    }
    expect(text).toBe('data: one\n\ndata: two\n\ndata: three\n\ndata: four\n\n');
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    // The first chunk arrives long before the origin finished (4 x 150 ms).
    expect(arrivals[0]!).toBeLessThan(arrivals.at(-1)! - 250);
  });

  it('answers 504 when the origin stays silent past the origin response timeout', async () => {
    const response = await fetch(new URL('/silent', oac.endpoint));
    expect(response.status).toBe(504);
    expect(await response.text()).toMatch(/origin response timeout/);
    await expect.poll(() => closedEarly.includes('/silent'), { timeout: 2000 }).toBe(true);
  });

  it('closes the origin request when the viewer goes away mid-stream', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL('/endless', oac.endpoint), { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => closedEarly.includes('/endless'), { timeout: 2000 }).toBe(true);
  });

  it('answers 502 with what to do when the function URL is down', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const orphan = await startOacEmulator({ origin: `http://127.0.0.1:${deadPort}/`, port: 0 });
    try {
      const response = await fetch(orphan.endpoint, { method: 'POST', body: 'x' });
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/chatbot-server serve/);
    } finally {
      await orphan.close();
    }
  });

  it('names a busy port in a typed error', async () => {
    const error = await startOacEmulator({
      origin: originUrl,
      port: oac.port,
      portEnvVar: 'CHATBOT_OAC_PORT',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalStackError);
    expect((error as LocalStackError).code).toBe('port_in_use');
    expect((error as Error).message).toContain(`Port ${oac.port}`);
    expect((error as Error).message).toContain('CHATBOT_OAC_PORT');
  });
});
