import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { AuthPort, VerifiedClaims } from '../core/ports.js';
import { ServerError } from '../core/server-error.js';

/** Options of {@link cognitoAuth}. */
export interface CognitoAuthOptions {
  /** The user pool's issuer, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123`. */
  issuer: string;
  /** Default `<issuer>/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** The app client id the tokens must be issued to. */
  clientId: string;
  /** Which token the client sends. Default `id`. */
  tokenUse?: 'id' | 'access';
  /** Allowed clock skew for `exp`/`nbf`, in seconds. Default 60. */
  clockToleranceSeconds?: number;
  /** Longest wait for the key set, in ms. Default 5000. */
  jwksTimeoutMs?: number;
}

/**
 * jose error codes that mean "this token is not acceptable". Everything else (the key set
 * could not be fetched, timed out, or was not a key set) is our side failing: 503.
 */
const BAD_TOKEN_CODES = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

function unauthorized(reason: string, cause?: unknown): ServerError {
  return new ServerError('unauthorized', `The token was rejected (${reason}). Sign in again.`, {
    cause,
  });
}

function checkCognitoClaims(
  payload: JWTPayload,
  clientId: string,
  tokenUse: 'id' | 'access',
): VerifiedClaims {
  if (payload.token_use !== tokenUse) {
    throw unauthorized(`token_use is not "${tokenUse}"`);
  }
  // AWS, "Client and audience validation for Amazon Cognito": "Amazon Cognito ID tokens have an
  //  aud claim that contains the app client ID. Access tokens have a client_id claim that also
  //  contains the app client ID."
  if (tokenUse === 'id') {
    const aud = payload.aud;
    const audiences = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
    if (!audiences.includes(clientId)) throw unauthorized('issued to another app client');
  } else if (payload.client_id !== clientId) {
    throw unauthorized('issued to another app client');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthorized('no subject');
  return { ...payload, sub: payload.sub };
}

/**
 * Verifies Cognito user pool JWTs with `jose`: RS256 only, against the pool's JWKS (fetched once
 * and cached, refetched for an unknown `kid`), `iss`, `exp`/`nbf` within the clock tolerance,
 * `token_use`, and the app client id. Bad tokens: `unauthorized`; JWKS unreachable: `unavailable`.
 */
export function cognitoAuth(options: CognitoAuthOptions): AuthPort {
  const issuer = options.issuer.replace(/\/+$/, '');
  const tokenUse = options.tokenUse ?? 'id';
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/.well-known/jwks.json`), {
    timeoutDuration: options.jwksTimeoutMs ?? 5_000,
  });
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer,
          algorithms: ['RS256'],
          clockTolerance,
        }));
      } catch (error) {
        if (error instanceof errors.JOSEError && BAD_TOKEN_CODES.has(error.code)) {
          throw unauthorized(error.code, error);
        }
        throw new ServerError(
          'unavailable',
          'The sign-in keys (JWKS) could not be fetched; try again shortly.',
          { cause: error, retryAfterSeconds: 5 },
        );
      }
      return checkCognitoClaims(payload, options.clientId, tokenUse);
    },
  };
}
