import type { Writable } from 'node:stream';

/** The mark `awslambda.streamifyResponse` puts on a handler, as Lambda's Node runtime does. */
export const STREAMING_HANDLER = Symbol.for('aws.lambda.runtime.handler.streaming');

/** The prelude a handler passes to `HttpResponseStream.from` (status, headers, cookies). */
export interface ResponsePrelude {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
}

/** A response stream that can take the prelude; the Function URL emulator gives handlers one. */
export interface PreludeWritable extends Writable {
  setPrelude(prelude: ResponsePrelude): void;
  setContentType(contentType: string): void;
}

function isPreludeWritable(stream: Writable): stream is PreludeWritable {
  return typeof (stream as Partial<PreludeWritable>).setPrelude === 'function';
}

/**
 * Defines the global `awslambda` (streamifyResponse, HttpResponseStream.from) the way Lambda's
 * Node runtime does. Members already present are kept; the object itself may already exist,
 * because the AWS SDK (@aws/lambda-invoke-store) puts `awslambda.InvokeStore` there on import.
 * Call before importing a Lambda entry that uses it at module level.
 */
export function installAwsLambdaGlobal(): void {
  const scope = globalThis as { awslambda?: Record<string, unknown> };
  scope.awslambda ??= {};
  const runtime = scope.awslambda;
  runtime.streamifyResponse ??= <T extends (...args: never[]) => unknown>(handler: T): T => {
    Object.defineProperty(handler, STREAMING_HANDLER, { value: 'response' });
    return handler;
  };
  runtime.HttpResponseStream ??= {
    from(stream: Writable, prelude: ResponsePrelude): Writable {
      if (!isPreludeWritable(stream)) {
        throw new TypeError('HttpResponseStream.from needs the response stream Lambda passed in.');
      }
      stream.setPrelude(prelude);
      return stream;
    },
  };
}
