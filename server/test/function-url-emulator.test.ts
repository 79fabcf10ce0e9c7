import type { Writable } from 'node:stream';
import { afterEach, expect, test } from 'vitest';
import { installAwsLambdaGlobal } from '../src/local/function-url/aws-lambda-global.js';
import {
  type StreamingLambdaHandler,
  startFunctionUrlEmulator,
} from '../src/local/function-url/function-url-emulator.js';
import type { RunningServer } from '../src/local/running-server.js';

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

test('serve_crashed_when_a_client_left_a_handler_that_does_not_listen_for_errors', async () => {
  installAwsLambdaGlobal();
  let streamOfFirstRequest: Writable | undefined;
  // A handler with bare writes and no 'error' listener, as plenty of Lambda code is written.
  // Lambda does not crash when its client leaves; neither may the emulator.
  const handler = awslambda.streamifyResponse(async (_event, stream) => {
    const first = streamOfFirstRequest === undefined;
    streamOfFirstRequest ??= stream;
    stream.write('hello ');
    if (first) await waitFor(() => stream.destroyed, 'the stream to be destroyed');
    else stream.end('again');
  }) as unknown as StreamingLambdaHandler;
  running = await startFunctionUrlEmulator({ handler, onHandlerError: () => {} });

  const leaving = new AbortController();
  const response = await fetch(running.url, { method: 'POST', signal: leaving.signal });
  const reader = response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('hello ');
  leaving.abort();
  await waitFor(() => streamOfFirstRequest?.destroyed === true, 'the emulator to see the close');

  // Still serving: the first client's leaving did not take the process down.
  const again = await fetch(running.url, { method: 'POST' });
  expect(await again.text()).toBe('hello again');
});
