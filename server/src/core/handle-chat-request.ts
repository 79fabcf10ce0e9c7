import {
  type ChatEvent,
  DEFAULT_REQUEST_LIMITS,
  type ErrorResponseBody,
  HEADERS,
  MEDIA_TYPES,
  type RequestLimits,
  STREAM_CACHE_CONTROL,
} from '@chatbot/sdk/protocol';
import { type AnswerStats, answerEventsStage } from './answer-events-stage.js';
import type { ChatHttpRequest, ChatHttpResponse, ResponseHeaders } from './chat-http.js';
import { parseChatRequest } from './chat-request-parser.js';
import { corsPreflightHeaders, corsResponseHeaders, isOriginAllowed } from './cors.js';
import { heartbeatStage } from './heartbeat-stage.js';
import type { AuthPort, ModelPort } from './ports.js';
import { describeCause, type RequestLogEntry, type RequestLogger } from './request-log.js';
import { ServerError, toServerError } from './server-error.js';
import { sseTextStage } from './sse-text-stage.js';
import { startGate } from './start-gate.js';

/** Everything the core needs, passed in: it reads no environment and knows no platform. */
export interface ChatCoreDeps {
  auth: AuthPort;
  model: ModelPort;
  limits: RequestLimits;
  /** Header carrying the user's JWT (lower case). Never `authorization`: OAC owns that. */
  tokenHeader: string;
  /** Origins answered with CORS headers; `*` allows any. */
  allowedOrigins: readonly string[];
  /** Longest wait for the model to accept before `start` is sent anyway. */
  startGraceMs: number;
  /** Silence after which a `: ping` comment is sent. */
  heartbeatIntervalMs: number;
  logger: RequestLogger;
  /** Milliseconds, for durations in the log. */
  now: () => number;
  /** Makes the protocol ids (`messageId`, and `requestId` when the client sent none). */
  newId: () => string;
}

/** Defaults of the optional dependencies. */
export const CORE_DEFAULTS = {
  tokenHeader: HEADERS.token,
  limits: DEFAULT_REQUEST_LIMITS,
  startGraceMs: 1_000,
  heartbeatIntervalMs: 15_000,
} as const;

/** Outcomes logged at `info`; any error code is a `warn` or `error`. */
const QUIET_OUTCOMES = new Set(['done', 'preflight', 'aborted']);

/** A client-chosen request id is echoed only when it is short and plain. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function errorResponse(error: ServerError, headers: ResponseHeaders): ChatHttpResponse {
  const body: ErrorResponseBody = { error: { code: error.code, message: error.message } };
  const extra: ResponseHeaders = { 'content-type': MEDIA_TYPES.json, 'cache-control': 'no-store' };
  if (error.retryAfterSeconds !== undefined) {
    extra[HEADERS.retryAfter] = String(Math.max(0, Math.ceil(error.retryAfterSeconds)));
  }
  if (error.code === 'method_not_allowed') extra.allow = 'POST, OPTIONS';
  return {
    kind: 'fixed',
    status: error.status,
    headers: { ...headers, ...extra },
    body: JSON.stringify(body),
  };
}

function readToken(value: string | undefined): string | undefined {
  const token = value?.trim().replace(/^Bearer\s+/i, '');
  return token === '' ? undefined : token;
}

/**
 * The chat handler core: one HTTP request -> one response, either an error answered in one
 * piece (before any model call for bad requests) or a 200 whose body streams protocol v1 SSE.
 * Writes exactly one log line per request.
 */
export async function handleChatRequest(
  request: ChatHttpRequest,
  deps: ChatCoreDeps,
): Promise<ChatHttpResponse> {
  const startedAt = deps.now();
  const headers = request.headers;
  const clientRequestId = headers[HEADERS.requestId];
  const requestId =
    clientRequestId !== undefined && SAFE_REQUEST_ID.test(clientRequestId)
      ? clientRequestId
      : deps.newId();
  const origin = headers.origin;
  const cors = corsResponseHeaders(origin, deps.allowedOrigins);
  const log: Omit<RequestLogEntry, 'status' | 'outcome' | 'durationMs' | 'level'> = {
    msg: 'chat_request',
    requestId,
    model: deps.model.modelId,
  };
  if (request.platformRequestId !== undefined) log.platformRequestId = request.platformRequestId;
  const finish = (status: number, outcome: string, extra: Partial<RequestLogEntry> = {}) => {
    const level =
      status >= 500 || outcome === 'internal_error'
        ? 'error'
        : status >= 400 || !QUIET_OUTCOMES.has(outcome)
          ? 'warn'
          : 'info';
    deps.logger({
      ...log,
      level,
      status,
      outcome,
      ...extra,
      durationMs: Math.round(deps.now() - startedAt),
    });
  };
  const fail = (error: unknown): ChatHttpResponse => {
    const failure = toServerError(error);
    const cause = describeCause(error);
    finish(failure.status, failure.code, cause === undefined ? {} : { cause });
    return errorResponse(failure, cors);
  };

  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') {
    if (!isOriginAllowed(origin, deps.allowedOrigins)) {
      return fail(
        new ServerError('forbidden', 'This origin is not allowed; add it to ALLOWED_ORIGINS.'),
      );
    }
    finish(204, 'preflight');
    return { kind: 'fixed', status: 204, headers: corsPreflightHeaders(origin), body: '' };
  }
  if (method !== 'POST') {
    return fail(
      new ServerError(
        'method_not_allowed',
        `${method} is not supported; send the chat request with POST.`,
      ),
    );
  }

  // The token is checked before anything else is looked at: no work, no model call, for anyone
  // without one.
  const token = readToken(headers[deps.tokenHeader]);
  if (token === undefined) {
    return fail(
      new ServerError(
        'unauthorized',
        `Send the user's Cognito token in the "${deps.tokenHeader}" header.`,
      ),
    );
  }
  try {
    const claims = await deps.auth.verify(token);
    log.sub = claims.sub;
  } catch (error) {
    return fail(error);
  }

  let body: ReturnType<typeof parseChatRequest>;
  try {
    body = parseChatRequest(headers['content-type'], request.body, deps.limits);
  } catch (error) {
    return fail(error);
  }

  const controller = new AbortController();
  const onClientGone = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) onClientGone();
  request.signal?.addEventListener('abort', onClientGone, { once: true });

  const opening = deps.model.open({ messages: body.messages, requestId }, controller.signal);
  // The stream may start before `opening` settles; a later rejection is read by the stage.
  opening.catch(() => {});
  const gate = await startGate(opening, deps.startGraceMs);
  if (gate.kind === 'rejected') {
    request.signal?.removeEventListener('abort', onClientGone);
    if (controller.signal.aborted) {
      // The client left before the model answered: nobody reads this response. 499 is the
      // usual log status for "client closed the request".
      finish(499, 'aborted');
      return errorResponse(new ServerError('unavailable', 'The request was cancelled.'), cors);
    }
    return fail(gate.error);
  }

  const start: ChatEvent & { type: 'start' } = {
    type: 'start',
    requestId,
    messageId: deps.newId(),
    model: deps.model.modelId,
  };
  const stats: AnswerStats = { outcome: 'aborted' };
  const events = answerEventsStage({
    start,
    chunks: opening,
    signal: controller.signal,
    now: deps.now,
    stats,
  });
  const text = heartbeatStage(sseTextStage(events), deps.heartbeatIntervalMs);

  async function* body200(): AsyncGenerator<string> {
    try {
      yield* text;
    } finally {
      // Finished, failed, or abandoned by the consumer: release the model request either way.
      controller.abort();
      request.signal?.removeEventListener('abort', onClientGone);
      const extra: Partial<RequestLogEntry> = {};
      if (stats.firstTextAt !== undefined)
        extra.timeToFirstTokenMs = Math.round(stats.firstTextAt - startedAt);
      if (stats.cause !== undefined) extra.cause = stats.cause;
      if (stats.usage) {
        extra.inputTokens = stats.usage.inputTokens;
        extra.outputTokens = stats.usage.outputTokens;
      }
      finish(200, stats.outcome, extra);
    }
  }

  return {
    kind: 'stream',
    status: 200,
    headers: {
      ...cors,
      'content-type': MEDIA_TYPES.eventStreamUtf8,
      'cache-control': STREAM_CACHE_CONTROL,
      [HEADERS.requestId]: requestId,
    },
    body: body200(),
  };
}
