import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStackError } from '../dev-stack-errors.js';
import { AMZ_JSON_1_1, CognitoApiError, callCognitoApi } from './cognito-api-call.js';
import { type LocalCognito, startLocalCognito } from './local-cognito.js';

interface AuthResult {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string };
}

const dataRoot = mkdtempSync(join(tmpdir(), 'chatbot-cognito-test-'));
let cognito: LocalCognito;

async function signIn(endpoint: string, password: string) {
  return callCognitoApi<AuthResult>(endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: cognito.clientId,
    AuthParameters: { USERNAME: cognito.demoUser.username, PASSWORD: password },
  });
}

async function verifyIdToken(token: string) {
  const jwks = createRemoteJWKSet(new URL(cognito.jwksUrl));
  const { payload } = await jwtVerify(token, jwks, {
    issuer: cognito.issuer,
    audience: cognito.clientId,
  });
  return payload;
}

beforeAll(async () => {
  cognito = await startLocalCognito({ dataRoot, port: 0, shimPort: 0 });
}, 30_000);

afterAll(async () => {
  await cognito?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('local Cognito', () => {
  it('signs the demo user in with USER_PASSWORD_AUTH and issues an ID token the JWKS verifies', async () => {
    const { AuthenticationResult } = await signIn(cognito.endpoint, cognito.demoUser.password);
    expect(AuthenticationResult?.RefreshToken).toBeTruthy();
    const payload = await verifyIdToken(AuthenticationResult!.IdToken!);
    expect(payload.email).toBe(cognito.demoUser.username);
    expect(payload.token_use).toBe('id');
    expect(cognito.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local_/);
    expect(cognito.region).toBe('local');
  });

  it('refuses a wrong password with the Cognito error type', async () => {
    const error = await signIn(cognito.endpoint, 'not-the-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoApiError);
    expect((error as CognitoApiError).code).toBe('cognito_api_error');
    expect((error as CognitoApiError).status).toBe(400);
  });

  it('answers GetTokensFromRefreshToken through the shim, which cognito-local alone cannot', async () => {
    const { AuthenticationResult } = await signIn(cognito.endpoint, cognito.demoUser.password);
    const input = { ClientId: cognito.clientId, RefreshToken: AuthenticationResult!.RefreshToken };

    const direct = await callCognitoApi(
      cognito.cognitoLocalEndpoint,
      'GetTokensFromRefreshToken',
      input,
    ).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(CognitoApiError);

    const refreshed = await callCognitoApi<AuthResult>(
      cognito.endpoint,
      'GetTokensFromRefreshToken',
      input,
    );
    const payload = await verifyIdToken(refreshed.AuthenticationResult!.IdToken!);
    expect(payload.email).toBe(cognito.demoUser.username);
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a refresh with a bad body with a typed Cognito error, not a crash', async () => {
    const response = await fetch(cognito.endpoint, {
      method: 'POST',
      headers: {
        'content-type': AMZ_JSON_1_1,
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      },
      body: '{"ClientId": 42}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'InvalidParameterException' });
  });

  it('passes CORS preflights through to cognito-local (browsers call the shim)', async () => {
    const response = await fetch(cognito.endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-amz-target',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('finds the same pool, client and user again on a restart over the same data', async () => {
    const first = { userPoolId: cognito.userPoolId, clientId: cognito.clientId };
    await cognito.stop();
    cognito = await startLocalCognito({ dataRoot, port: 0, shimPort: 0 });
    expect({ userPoolId: cognito.userPoolId, clientId: cognito.clientId }).toEqual(first);
    const { UserPools = [] } = await callCognitoApi<{ UserPools?: unknown[] }>(
      cognito.endpoint,
      'ListUserPools',
      { MaxResults: 60 },
    );
    expect(UserPools).toHaveLength(1);
    const { AuthenticationResult } = await signIn(cognito.endpoint, cognito.demoUser.password);
    expect(AuthenticationResult?.IdToken).toBeTruthy();
  }, 30_000);

  it('names a busy port in a typed error', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startLocalCognito({
        dataRoot,
        port,
        shimPort: 0,
        portEnvVar: 'CHATBOT_COGNITO_PORT',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LocalStackError);
      expect((error as LocalStackError).code).toBe('port_in_use');
      expect((error as Error).message).toContain(String(port));
      expect((error as Error).message).toContain('CHATBOT_COGNITO_PORT');
    } finally {
      blocker.close();
    }
  });
});
