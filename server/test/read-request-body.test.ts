import { createServer } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { readRequestBody } from '../src/local/read-request-body.js';
import { listen, type RunningServer } from '../src/local/running-server.js';

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A server that answers with what readRequestBody made of the body (limit 8 bytes). */
async function echoSize(): Promise<string> {
  running = await listen(
    createServer(async (req, res) => {
      const body = await readRequestBody(req, 8);
      if (body === undefined) res.writeHead(413).end('too large');
      else res.end(`got ${body.toString('utf8')}`);
    }),
    0,
    '127.0.0.1',
  );
  return running.url;
}

test('reads a body up to the limit exactly', async () => {
  const url = await echoSize();
  const response = await fetch(url, { method: 'POST', body: '12345678' });
  expect(await response.text()).toBe('got 12345678');
});

test('a body over the limit is undefined and the caller can still answer 413', async () => {
  const url = await echoSize();
  const response = await fetch(url, { method: 'POST', body: 'x'.repeat(100_000) });
  expect(response.status).toBe(413);
  expect(await response.text()).toBe('too large');
});
