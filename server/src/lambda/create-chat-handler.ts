import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RequestLimits } from '@chatbot/sdk/protocol';
import type { ChatHttpRequest, ChatHttpResponse } from '../core/chat-http.js';
import {
  type ChatCoreDeps,
  CORE_DEFAULTS,
  handleChatRequest,
} from '../core/handle-chat-request.js';
import type { AuthPort, ModelPort } from '../core/ports.js';
import { jsonLineLogger, type RequestLogger } from '../core/request-log.js';
import type { FunctionUrlContext, FunctionUrlEvent } from './function-url-event.js';

/** Options of {@link createChatHandler}. */
export interface ChatHandlerOptions {
  /** Checks the user's token: `cognitoAuth(...)` or any `{ verify(token) }`. */
  auth: AuthPort;
  /** The model: `bedrockConverse(...)`, `bedrockInvoke(...)`, or any `ModelPort`. */
  model: ModelPort;
  /** Header carrying the user's JWT. Default `x-chatbot-token`. */
  tokenHeader?: string;
  /** Request limits; missing fields take the protocol defaults. */
  limits?: Partial<RequestLimits>;
  /** Browser origins answered with CORS headers (`*` for any). Default none. */
  allowedOrigins?: string[];
  /** Longest wait for the model to accept before `start` is sent anyway. Default 1000 ms. */
  startGraceMs?: number;
  /** Silence after `start` before a `: ping` comment. Default 15000 ms. */
  heartbeatIntervalMs?: number;
  /** Receives the one log entry per request. Default: a JSON line on stdout. */
  logger?: RequestLogger;
}

/** The function to wrap in `awslambda.streamifyResponse`. */
export type ChatStreamHandler = (
  event: FunctionUrlEvent,
  responseStream: Writable,
  context?: FunctionUrlContext,
) => Promise<void>;

function lowerCaseHeaders(
  headers: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

function eventBody(event: FunctionUrlEvent): Uint8Array {
  if (event.body === undefined || event.body === null) return new Uint8Array(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** Errors a write raises when the other end has gone (a close Lambda did not announce). */
const CLOSED_STREAM_CODES = new Set([
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'EPIPE',
  'ECONNRESET',
]);

function isClosedStreamError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CLOSED_STREAM_CODES.has(code);
}

/**
 * Writes a core response to Lambda's response stream. Always through `stream.pipeline` from a
 * Readable: the runtime holds small bare `write` calls back (aws-lambda-nodejs-runtime-interface-
 * client issues 94 and 102), and pipeline also tears the source down when the client leaves.
 */
async function writeResponse(response: ChatHttpResponse, responseStream: Writable): Promise<void> {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: response.status,
    headers: response.headers,
  });
  const source =
    response.kind === 'fixed'
      ? Readable.from([Buffer.from(response.body, 'utf8')])
      : Readable.from(response.body, { objectMode: false });
  await pipeline(source, stream);
}

/**
 * Builds the Function URL handler (RESPONSE_STREAM) for `awslambda.streamifyResponse`:
 * checks the token, validates the request, and streams the model's answer as protocol v1 SSE.
 */
export function createChatHandler(options: ChatHandlerOptions): ChatStreamHandler {
  const deps: ChatCoreDeps = {
    auth: options.auth,
    model: options.model,
    limits: { ...CORE_DEFAULTS.limits, ...options.limits },
    tokenHeader: (options.tokenHeader ?? CORE_DEFAULTS.tokenHeader).toLowerCase(),
    allowedOrigins: options.allowedOrigins ?? [],
    startGraceMs: options.startGraceMs ?? CORE_DEFAULTS.startGraceMs,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? CORE_DEFAULTS.heartbeatIntervalMs,
    logger: options.logger ?? jsonLineLogger,
    now: () => performance.now(),
    newId: () => crypto.randomUUID(),
  };
  return async (event, responseStream, context) => {
    const clientGone = new AbortController();
    // The response stream closing before it finished means the client went away: cancel the
    // model request now rather than when the next chunk fails to write.
    const onClose = () => {
      if (!responseStream.writableFinished) clientGone.abort(new Error('client disconnected'));
    };
    responseStream.once('close', onClose);
    const request: ChatHttpRequest = {
      method: event.requestContext.http.method,
      headers: lowerCaseHeaders(event.headers),
      body: eventBody(event),
      signal: clientGone.signal,
    };
    const platformRequestId = context?.awsRequestId ?? event.requestContext.requestId;
    if (platformRequestId !== undefined) request.platformRequestId = platformRequestId;
    try {
      const response = await handleChatRequest(request, deps);
      await writeResponse(response, responseStream);
    } catch (error) {
      // The client left mid-stream: nothing to answer and nothing to report to the runtime.
      if (clientGone.signal.aborted) return;
      // Whatever failed, the model request must not outlive the response.
      clientGone.abort(error);
      if (isClosedStreamError(error)) return;
      throw error;
    } finally {
      responseStream.off('close', onClose);
    }
  };
}
