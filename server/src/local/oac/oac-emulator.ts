import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from 'node:http';
import { listenOnLoopback } from '../dev-stack-port.js';
import { LOCAL_FUNCTION_URL_CREDENTIALS } from '../local-credentials.js';
import { type SigningCredentials, signOriginRequest } from './oac-request-signer.js';

export interface OacEmulatorOptions {
  /** The Function URL (emulator) to forward to, e.g. `http://127.0.0.1:9001/`. */
  origin: string;
  /** 0 picks a free port. */
  port: number;
  portEnvVar?: string;
  /** The region the Function URL expects signatures for. Default us-east-1. */
  region?: string;
  /** Default: the local stack's fixed credentials, which the Function URL emulator knows. */
  credentials?: SigningCredentials;
  /**
   * CloudFront's origin response timeout: how long the origin may stay silent, before its first
   * byte and between bytes. Default 30 s, CloudFront's default.
   */
  originResponseTimeoutMs?: number;
  /** Called once per request with a one-line summary. */
  log?: (line: string) => void;
}

export interface OacEmulator {
  /** `http://127.0.0.1:<port>/`: what a browser calls, as it would call the distribution. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Never forwarded: `host` (the policy AllViewerExceptHostHeader drops it), hop-by-hop headers
 * (they describe one connection), and the headers OAC writes itself.
 */
const DROPPED_VIEWER_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
]);
const DROPPED_ORIGIN_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

function viewerHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (DROPPED_VIEWER_HEADERS.has(name)) continue;
    const value = raw[i + 1]!;
    const existing = headers[name];
    if (existing === undefined) headers[name] = value;
    else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return headers;
}

function originHeaders(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED_ORIGIN_HEADERS.has(name)) out[name] = value;
  }
  return out;
}

/** CloudFront answers its own errors in plain text (HTML in AWS); the viewer sees no origin body. */
function cloudFrontError(res: ServerResponse, status: number, message: string) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'x-cache': 'Error from cloudfront',
  });
  res.end(`${message}\n`);
}

/**
 * A CloudFront distribution with Origin Access Control in front of a Function URL, on loopback:
 * forwards every viewer header except Host, overwrites Authorization with its own SigV4 signature
 * (service `lambda`) over the viewer's x-amz-content-sha256, and streams the answer back as it
 * arrives, without buffering or caching.
 */
export async function startOacEmulator(options: OacEmulatorOptions): Promise<OacEmulator> {
  const origin = new URL(options.origin);
  const region = options.region ?? 'us-east-1';
  const credentials = options.credentials ?? LOCAL_FUNCTION_URL_CREDENTIALS;
  const timeoutMs = options.originResponseTimeoutMs ?? 30_000;

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const target = new URL(req.url ?? '/', origin);
    const contentSha256 = req.headers['x-amz-content-sha256'];
    let signature: Awaited<ReturnType<typeof signOriginRequest>>;
    try {
      signature = await signOriginRequest(
        {
          method: req.method ?? 'GET',
          url: target,
          contentSha256: Array.isArray(contentSha256) ? contentSha256.join(',') : contentSha256,
        },
        credentials,
        region,
      );
    } catch (error) {
      cloudFrontError(
        res,
        500,
        `500 Internal Error: the OAC emulator could not sign the request (${(error as Error).message}). Check its credentials and region.`,
      );
      return;
    }
    const viewerAddress = req.socket.remoteAddress ?? '127.0.0.1';
    const forwarded = viewerHeaders(req);
    const priorHops = forwarded['x-forwarded-for'];
    const headers = {
      ...forwarded,
      ...signature,
      // CloudFront appends the viewer's address to what the viewer sent.
      'x-forwarded-for': priorHops
        ? `${[priorHops].flat().join(', ')}, ${viewerAddress}`
        : viewerAddress,
      via: '1.1 local-oac-emulator.cloudfront.net (CloudFront)',
      'x-amz-cf-id': randomBytes(21).toString('base64url'),
    };

    const upstream = request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
    });
    let finished = false;
    let timedOut = false;
    upstream.setTimeout(timeoutMs, () => {
      timedOut = true;
      upstream.destroy(new Error(`origin silent for ${timeoutMs} ms`));
    });
    upstream.on('response', (originResponse) => {
      res.writeHead(originResponse.statusCode ?? 502, {
        ...originHeaders(originResponse.headers),
        'x-cache': 'Miss from cloudfront',
        via: '1.1 local-oac-emulator.cloudfront.net (CloudFront)',
      });
      // Headers go out now, not with the first chunk: the viewer sees the stream open at once.
      res.flushHeaders();
      originResponse.pipe(res);
      originResponse.on('end', () => {
        finished = true;
        options.log?.(
          `${req.method} ${req.url} -> ${originResponse.statusCode} (${Date.now() - started} ms)`,
        );
      });
      originResponse.on('error', () => res.destroy());
    });
    upstream.on('error', (error) => {
      if (finished) return;
      options.log?.(`${req.method} ${req.url} -> origin error: ${error.message}`);
      cloudFrontError(
        res,
        timedOut ? 504 : 502,
        timedOut
          ? `504 Gateway Timeout: the function URL ${origin.origin} sent nothing for ${timeoutMs} ms (CloudFront's origin response timeout).`
          : `502 Bad Gateway: the function URL ${origin.origin} did not answer (${error.message}). Is chatbot-server serve running?`,
      );
    });
    // A viewer that goes away (Stop in the browser) closes the origin request too, as CloudFront
    // does, so the function sees the disconnect and stops the model.
    res.on('close', () => {
      if (!finished) upstream.destroy();
    });
    req.pipe(upstream);
  });

  const port = await listenOnLoopback(
    server,
    options.port,
    'CloudFront OAC emulator',
    options.portEnvVar,
  );
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
