import { createServer } from 'node:http';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { listen, type RunningServer } from '../../src/local/running-server.js';

/** A Cognito-like key set on loopback and a token factory signing with its key. */
export interface LocalJwks {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** How many times the key set was fetched. */
  fetches: number;
  /** When false, the JWKS endpoint answers 500 (an outage). */
  up: boolean;
  /** An ID token (or `token_use: 'access'`) for `sub`, with claim overrides. */
  token(overrides?: TokenOverrides): Promise<string>;
  /** A token signed by a key that is not in the set but claims the set's `kid`. */
  tokenSignedByStranger(overrides?: TokenOverrides): Promise<string>;
  /** A token whose `kid` is not in the set. */
  tokenWithUnknownKid(): Promise<string>;
  server: RunningServer;
  close(): Promise<void>;
}

export interface TokenOverrides {
  claims?: Record<string, unknown>;
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  issuer?: string;
}

const KID = 'local-test-key-1';

export async function startLocalJwks(clientId = 'local-client-id'): Promise<LocalJwks> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const state = { fetches: 0, up: true };
  const server = createServer((req, res) => {
    state.fetches += 1;
    if (!state.up || !req.url?.endsWith('/.well-known/jwks.json')) {
      res.writeHead(state.up ? 404 : 500).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  const running = await listen(server, 0, '127.0.0.1');
  const issuer = `${running.url}/local_pool`;

  async function sign(
    key: CryptoKey,
    kid: string,
    overrides: TokenOverrides = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: 'user-sub-1',
      token_use: 'id',
      aud: clientId,
      'cognito:username': 'alice',
      ...overrides.claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(overrides.issuer ?? issuer)
      .setIssuedAt(now - 5)
      .setExpirationTime(now + (overrides.expiresIn ?? 3600))
      .sign(key);
  }

  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientId,
    get fetches() {
      return state.fetches;
    },
    get up() {
      return state.up;
    },
    set up(value: boolean) {
      state.up = value;
    },
    token: (overrides) => sign(privateKey, KID, overrides),
    tokenSignedByStranger: (overrides) => sign(stranger.privateKey, KID, overrides),
    tokenWithUnknownKid: () => sign(privateKey, 'some-other-kid'),
    server: running,
    close: () => running.close(),
  };
}
