import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/** Credentials whose signatures a local Function URL accepts (AWS_IAM auth). */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4VerifierOptions {
  /** The one identity allowed to invoke (what the function's resource policy grants). */
  credentials: SigningCredentials;
  region: string;
  /** Default `lambda`, the signing name of Function URLs. */
  service?: string;
  /** Largest clock difference accepted, ms. Default 5 minutes, like AWS. */
  maxSkewMs?: number;
  now?: () => number;
}

/** The request as received, headers in lower case. */
export interface SignedRequest {
  method: string;
  /** Path and query as received (`req.url`). */
  url: string;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

export type SigV4Result = { ok: true; accessKeyId: string } | { ok: false; message: string };

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';

function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function hexSha256(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a request's SigV4 `Authorization` header the way a Function URL with AWS_IAM auth
 * does: known key, scope (date, region, service), time skew, the `x-amz-content-sha256` body
 * hash when sent, and the signature itself, recomputed with @smithy/signature-v4 over exactly
 * the headers the caller signed.
 */
export async function verifySigV4(
  request: SignedRequest,
  options: SigV4VerifierOptions,
): Promise<SigV4Result> {
  const service = options.service ?? 'lambda';
  const authorization = request.headers.authorization;
  if (authorization === undefined) {
    return { ok: false, message: 'Missing Authentication Token: sign the request with SigV4.' };
  }
  const m = AUTHORIZATION.exec(authorization.trim());
  if (!m)
    return {
      ok: false,
      message: 'The Authorization header is not a SigV4 (AWS4-HMAC-SHA256) signature.',
    };
  const [, accessKeyId, scopeDate, region, scopeService, signedHeaderList, signature] =
    m as unknown as string[];
  if (accessKeyId !== options.credentials.accessKeyId) {
    return { ok: false, message: 'The security token included in the request is invalid.' };
  }
  if (region !== options.region || scopeService !== service) {
    return {
      ok: false,
      message: `Credential should be scoped to region "${options.region}" and service "${service}".`,
    };
  }
  const amzDate = request.headers['x-amz-date'];
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (signingDate === undefined) return { ok: false, message: 'Sign with an X-Amz-Date header.' };
  if (amzDate!.slice(0, 8) !== scopeDate) {
    return { ok: false, message: 'The credential scope date does not match X-Amz-Date.' };
  }
  const skew = Math.abs((options.now?.() ?? Date.now()) - signingDate.getTime());
  if (skew > (options.maxSkewMs ?? 5 * 60_000)) {
    return {
      ok: false,
      message: 'Signature expired: X-Amz-Date is too far from the current time.',
    };
  }
  const signedHeaders = signedHeaderList!.split(';');
  if (!signedHeaders.includes('host'))
    return { ok: false, message: 'The host header must be signed.' };
  const contentHash = request.headers['x-amz-content-sha256'];
  if (contentHash !== undefined && !sameText(contentHash, hexSha256(request.body))) {
    // Function URLs hash the body they received; OAC forwards the viewer's hash unchanged.
    return {
      ok: false,
      message: `${SIGNATURE_MISMATCH} The x-amz-content-sha256 does not match the body.`,
    };
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = request.headers[name];
    if (value === undefined)
      return { ok: false, message: `The signed header "${name}" is missing.` };
    headers[name] = value;
  }
  const url = new URL(request.url, 'http://host.invalid');
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const prior = query[key];
    query[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service,
    sha256: Sha256,
    // Hash the body only when the caller did not send its hash; never add a header it did not sign.
    applyChecksum: false,
  });
  const expected = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query,
      headers,
      body: request.body,
    },
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expectedSignature =
    /Signature=([0-9a-f]{64})/.exec(expected.headers.authorization ?? '')?.[1] ?? '';
  if (!sameText(expectedSignature, signature!)) return { ok: false, message: SIGNATURE_MISMATCH };
  return { ok: true, accessKeyId: accessKeyId! };
}
