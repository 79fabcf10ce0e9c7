import { Writable } from 'node:stream';
import { beforeAll, expect, test } from 'vitest';
import type { ModelChunk, ModelPort } from '../src/core/ports.js';
import type { RequestLogEntry } from '../src/core/request-log.js';
import { createChatHandler } from '../src/lambda/create-chat-handler.js';
import {
  installAwsLambdaGlobal,
  type PreludeWritable,
  type ResponsePrelude,
} from '../src/local/function-url/aws-lambda-global.js';

// The adapter against a response stream that behaves like Lambda's when the viewer has gone
// without a 'close' first: the next write fails.

beforeAll(() => installAwsLambdaGlobal());

class FailingResponseStream extends Writable implements PreludeWritable {
  prelude: ResponsePrelude | undefined;
  readonly chunks: string[] = [];
  constructor(private readonly failAfter: number) {
    // No 'close' event: the failed write is the only sign that the viewer left.
    super({ emitClose: false });
  }
  setPrelude(prelude: ResponsePrelude): void {
    this.prelude = prelude;
  }
  setContentType(): void {}
  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    if (this.chunks.length >= this.failAfter) {
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      return;
    }
    this.chunks.push(chunk.toString());
    callback();
  }
}

test('a write that fails because the viewer left aborts the model and does not fail the invocation', async () => {
  const signals: AbortSignal[] = [];
  const model: ModelPort = {
    modelId: 'endless',
    async open(_input, signal) {
      signals.push(signal);
      return (async function* (): AsyncGenerator<ModelChunk> {
        for (let i = 0; ; i++) {
          if (signal.aborted) throw new Error('aborted');
          await new Promise((resolve) => setTimeout(resolve, 2));
          yield { type: 'text', text: `t${i} ` };
        }
      })();
    },
  };
  const logs: RequestLogEntry[] = [];
  const handler = createChatHandler({
    auth: { verify: async () => ({ sub: 'u' }) },
    model,
    logger: (entry) => logs.push(entry),
  });
  const stream = new FailingResponseStream(3);
  await handler(
    {
      requestContext: { http: { method: 'POST' } },
      headers: { 'x-chatbot-token': 't', 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
    },
    stream,
    { awsRequestId: 'lambda-1' },
  );
  expect(stream.prelude?.statusCode).toBe(200);
  expect(stream.chunks.join('')).toContain('event: start');
  expect(signals[0]!.aborted).toBe(true);
  await expect.poll(() => logs.at(-1)?.outcome).toBe('aborted');
  expect(logs.at(-1)).toMatchObject({ platformRequestId: 'lambda-1', status: 200 });
});

test('an error response is one JSON body with the status in the prelude', async () => {
  const handler = createChatHandler({
    auth: { verify: async () => ({ sub: 'u' }) },
    model: { modelId: 'm', open: () => Promise.reject(new Error('not called')) },
    logger: () => {},
  });
  const stream = new FailingResponseStream(10);
  await handler({ requestContext: { http: { method: 'DELETE' } }, headers: {} }, stream);
  expect(stream.prelude).toMatchObject({
    statusCode: 405,
    headers: { allow: 'POST, OPTIONS', 'content-type': 'application/json' },
  });
  expect(JSON.parse(stream.chunks.join(''))).toMatchObject({
    error: { code: 'method_not_allowed' },
  });
});
