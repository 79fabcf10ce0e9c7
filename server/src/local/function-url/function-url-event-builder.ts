import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FunctionUrlEvent } from '../../lambda/function-url-event.js';

/** Content types a Function URL passes as text; anything else arrives base64-encoded. */
const TEXT_CONTENT =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

export interface IncomingRequestParts {
  method: string;
  /** The request target, path and query (`req.url`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  sourceIp: string;
  /** Always base64-encode the body (as a Function URL does for binary content). */
  base64Body?: boolean;
  /** `requestContext.authorizer.iam` for a request that passed the AWS_IAM check. */
  iam?: { accessKey: string };
}

function joinHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'cookie') continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

/** An HTTP request -> a Lambda Function URL event, payload format 2.0. */
export function buildFunctionUrlEvent(
  parts: IncomingRequestParts,
): FunctionUrlEvent & Record<string, unknown> {
  const url = new URL(parts.url, 'http://function-url.invalid');
  const headers = joinHeaders(parts.headers);
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams)
    query[key] = key in query ? `${query[key]},${value}` : value;
  const binary = parts.base64Body || !TEXT_CONTENT.test(headers['content-type'] ?? '');
  const now = new Date();
  const requestId = randomUUID();
  const cookies = parts.headers.cookie?.split(/;\s*/).filter(Boolean);
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: parts.iam ? '123456789012' : 'anonymous',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: parts.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: parts.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(parts.iam ? { authorizer: { iam: { accessKey: parts.iam.accessKey } } } : {}),
    },
    ...(parts.body.byteLength > 0
      ? { body: parts.body.toString(binary ? 'base64' : 'utf8'), isBase64Encoded: binary }
      : { isBase64Encoded: false }),
  };
  return event;
}
