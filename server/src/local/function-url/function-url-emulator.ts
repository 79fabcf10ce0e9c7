import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { readRequestBody } from '../read-request-body.js';
import { listen, type RunningServer } from '../running-server.js';
import { installAwsLambdaGlobal, STREAMING_HANDLER } from './aws-lambda-global.js';
import { buildFunctionUrlEvent } from './function-url-event-builder.js';
import { FunctionUrlResponseStream } from './function-url-response-stream.js';
import { type SigningCredentials, verifySigV4 } from './sigv4-verifier.js';

/** Largest request body a Function URL accepts (6 MB). */
export const FUNCTION_URL_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** A handler wrapped in `awslambda.streamifyResponse`. */
export type StreamingLambdaHandler = (
  event: never,
  responseStream: Writable,
  context: never,
) => unknown;

/** `AWS_IAM`: check SigV4 like a Function URL with IAM auth. */
export interface FunctionUrlIamAuth {
  type: 'AWS_IAM';
  credentials: SigningCredentials;
  region: string;
}

export interface FunctionUrlEmulatorOptions {
  /** The streamified handler, e.g. the `handler` export of dist/lambda/index.mjs. */
  handler: StreamingLambdaHandler;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default 127.0.0.1. Loopback only: this is a development tool. */
  host?: string;
  /** Default `NONE`. */
  auth?: 'NONE' | FunctionUrlIamAuth;
  /** Base64-encode every body, as a Function URL does for binary content types. */
  base64Bodies?: boolean;
  /** Where handler crashes are reported. Default stderr. */
  onHandlerError?: (error: unknown) => void;
}

function awsError(res: ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  res.end(JSON.stringify({ message }));
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

/**
 * Runs a streaming Lambda handler behind a local Function URL: each HTTP request becomes a
 * payload 2.0 event, and whatever the handler writes to its response stream goes to the socket
 * as it is written (no buffering). Defines the `awslambda` global if needed.
 */
export async function startFunctionUrlEmulator(
  options: FunctionUrlEmulatorOptions,
): Promise<RunningServer> {
  installAwsLambdaGlobal();
  const handler = options.handler as unknown as ((...args: unknown[]) => unknown) & {
    [STREAMING_HANDLER]?: unknown;
  };
  if (handler[STREAMING_HANDLER] === undefined) {
    throw new TypeError(
      'The handler must be wrapped in awslambda.streamifyResponse (RESPONSE_STREAM).',
    );
  }
  const auth = options.auth ?? 'NONE';
  const onHandlerError =
    options.onHandlerError ??
    ((error: unknown) => console.error('[function-url] handler failed:', error));

  const server = createServer(async (req, res) => {
    try {
      const body = await readRequestBody(req, FUNCTION_URL_MAX_REQUEST_BYTES);
      if (body === undefined) {
        awsError(
          res,
          413,
          'RequestEntityTooLargeException',
          `Request must be smaller than ${FUNCTION_URL_MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`,
        );
        return;
      }
      let iam: { accessKey: string } | undefined;
      if (auth !== 'NONE') {
        const verdict = await verifySigV4(
          {
            method: req.method ?? 'GET',
            url: req.url ?? '/',
            headers: lowerCaseHeaders(req),
            body,
          },
          { credentials: auth.credentials, region: auth.region },
        );
        if (!verdict.ok) {
          awsError(res, 403, 'InvalidSignatureException', verdict.message);
          return;
        }
        iam = { accessKey: verdict.accessKeyId };
      }
      const event = buildFunctionUrlEvent({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        ...(options.base64Bodies ? { base64Body: true } : {}),
        ...(iam ? { iam } : {}),
      });
      const requestId = event.requestContext.requestId!;
      const stream = new FunctionUrlResponseStream(res, requestId);
      // The handler hears of a client that left through its own pipeline. A close that comes
      // after the handler stopped listening must not crash the emulator with an unhandled
      // 'error' (seen when Stop was pressed right as an answer ended).
      stream.on('error', () => {});
      // The client leaving closes the socket; Lambda then fails the stream the handler writes to.
      res.on('close', () => {
        if (!res.writableFinished) stream.destroy(new Error('The client closed the connection.'));
      });
      try {
        await handler(event, stream, {
          awsRequestId: requestId,
          functionName: 'local',
          getRemainingTimeInMillis: () => 900_000,
        });
      } catch (error) {
        onHandlerError(error);
        if (!res.headersSent) {
          awsError(res, 502, 'ServiceException', 'The Lambda function failed; see its log.');
          return;
        }
      }
      if (!stream.writableEnded && !stream.destroyed) stream.end();
    } catch (error) {
      onHandlerError(error);
      if (!res.headersSent)
        awsError(res, 500, 'ServiceException', 'The local Function URL failed.');
      else res.destroy();
    }
  });
  return listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
}
