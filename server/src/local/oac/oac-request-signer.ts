import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** SigV4 service name of Lambda Function URLs (what OAC signs for an origin of type `lambda`). */
export const FUNCTION_URL_SIGNING_SERVICE = 'lambda';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface OriginRequestToSign {
  method: string;
  /** The origin URL including path and query, e.g. `http://127.0.0.1:9000/chat?x=1`. */
  url: URL;
  /** The viewer's `x-amz-content-sha256`, if it sent one: signed exactly as given. */
  contentSha256: string | undefined;
}

/** Headers OAC puts on the origin request; each overwrites any viewer header of that name. */
export interface OacSignatureHeaders {
  host: string;
  'x-amz-date': string;
  authorization: string;
  'x-amz-content-sha256'?: string;
  'x-amz-security-token'?: string;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * Signs an origin request the way CloudFront OAC does for a Lambda Function URL: SigV4, service
 * `lambda`, over Host, X-Amz-Date and the viewer's X-Amz-Content-Sha256. The body is never read:
 * its hash is whatever the viewer claimed (none counts as the empty body), so a missing or wrong
 * hash is caught by the Function URL, as in AWS.
 */
export async function signOriginRequest(
  request: OriginRequestToSign,
  credentials: SigningCredentials,
  region: string,
  signingDate: Date = new Date(),
): Promise<OacSignatureHeaders> {
  const signer = new SignatureV4({
    credentials,
    region,
    service: FUNCTION_URL_SIGNING_SERVICE,
    sha256: Sha256,
    // Never invent a body hash: Lambda must see exactly what the viewer sent.
    applyChecksum: false,
  });
  const host = request.url.host;
  const headers: Record<string, string> = { host };
  if (request.contentSha256 !== undefined) {
    headers['x-amz-content-sha256'] = request.contentSha256;
  }
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      ...(request.url.port ? { port: Number(request.url.port) } : {}),
      path: request.url.pathname,
      query: queryOf(request.url),
      headers,
    },
    { signingDate },
  );
  const out: OacSignatureHeaders = {
    host,
    'x-amz-date': String(signed.headers['x-amz-date']),
    authorization: String(signed.headers.authorization),
  };
  if (request.contentSha256 !== undefined) out['x-amz-content-sha256'] = request.contentSha256;
  if (credentials.sessionToken) out['x-amz-security-token'] = credentials.sessionToken;
  return out;
}
