import { createServer, type IncomingHttpHeaders, request, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../dev-stack-port.js';
import { readRequestBody } from '../read-request-body.js';
import { AMZ_JSON_1_1, COGNITO_TARGET_PREFIX } from './cognito-api-call.js';

export interface RefreshTokenShimOptions {
  /** cognito-local, e.g. `http://127.0.0.1:9229`. */
  upstream: string;
  /** 0 picks a free port. */
  port: number;
  portEnvVar?: string;
}

export interface RefreshTokenShim {
  /** `http://127.0.0.1:<port>`: give this to Amplify as `userPoolEndpoint`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Cognito request bodies are a few kilobytes; anything far larger is a mistake, not a sign-in. */
const MAX_BODY_BYTES = 1024 * 1024;
const REFRESH_TARGET = `${COGNITO_TARGET_PREFIX}.GetTokensFromRefreshToken`;
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
]);

function cognitoError(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': AMZ_JSON_1_1, 'access-control-allow-origin': '*' });
  res.end(JSON.stringify({ __type: type, message }));
}

/**
 * GetTokensFromRefreshToken (what Amplify 6 calls on `forceRefresh`) as the InitiateAuth
 * REFRESH_TOKEN_AUTH call cognito-local understands. Returns null when the body is not usable.
 */
export function refreshAsInitiateAuth(body: Buffer): Buffer | null {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof input !== 'object' || input === null) return null;
  const { ClientId, RefreshToken, ClientMetadata } = input as Record<string, unknown>;
  if (typeof ClientId !== 'string' || typeof RefreshToken !== 'string') return null;
  return Buffer.from(
    JSON.stringify({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId,
      AuthParameters: { REFRESH_TOKEN: RefreshToken },
      ...(ClientMetadata === undefined ? {} : { ClientMetadata }),
    }),
  );
}

function forwardHeaders(headers: IncomingHttpHeaders, body: Buffer) {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  out['content-length'] = String(body.length);
  return out;
}

/**
 * A loopback proxy in front of cognito-local that passes every call through unchanged except
 * GetTokensFromRefreshToken, which cognito-local 5.3 does not know, rewritten to InitiateAuth.
 */
export async function startRefreshTokenShim(
  options: RefreshTokenShimOptions,
): Promise<RefreshTokenShim> {
  const upstream = new URL(options.upstream);
  const server = createServer(async (req, res) => {
    let body: Buffer | undefined;
    try {
      body = await readRequestBody(req, MAX_BODY_BYTES);
    } catch {
      return; // The viewer went away; nothing to answer.
    }
    if (body === undefined) {
      cognitoError(res, 413, 'InvalidParameterException', 'Request body is larger than 1 MiB.');
      return;
    }
    const headers = forwardHeaders(req.headers, body);
    if (req.method === 'POST' && req.headers['x-amz-target'] === REFRESH_TARGET) {
      const rewritten = refreshAsInitiateAuth(body);
      if (rewritten === null) {
        cognitoError(
          res,
          400,
          'InvalidParameterException',
          'GetTokensFromRefreshToken needs a JSON body with string ClientId and RefreshToken.',
        );
        return;
      }
      body = rewritten;
      headers['x-amz-target'] = `${COGNITO_TARGET_PREFIX}.InitiateAuth`;
      headers['content-length'] = String(body.length);
    }
    const upstreamRequest = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
      },
      (upstreamResponse) => {
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', (error) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      cognitoError(
        res,
        502,
        'CognitoLocalUnreachable',
        `cognito-local at ${options.upstream} did not answer (${error.message}); is it running?`,
      );
    });
    upstreamRequest.end(body);
  });
  const port = await listenOnLoopback(
    server,
    options.port,
    'Cognito refresh shim',
    options.portEnvVar,
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
