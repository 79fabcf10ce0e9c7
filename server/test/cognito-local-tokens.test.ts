import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cognitoAuth } from '../src/auth/cognito-auth.js';
import { ServerError } from '../src/core/server-error.js';
import { callCognitoApi } from '../src/local/cognito/cognito-api-call.js';
import { type LocalCognito, startLocalCognito } from '../src/local/cognito/local-cognito.js';

// Real Cognito tokens (cognito-local) through the auth port, both token uses.

const dataRoot = mkdtempSync(join(tmpdir(), 'chatbot-server-auth-'));
let cognito: LocalCognito;
let tokens: { IdToken: string; AccessToken: string };

beforeAll(async () => {
  cognito = await startLocalCognito({ dataRoot, port: 0, shimPort: 0 });
  const result = await callCognitoApi<{ AuthenticationResult: typeof tokens }>(
    cognito.endpoint,
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cognito.clientId,
      AuthParameters: { USERNAME: cognito.demoUser.username, PASSWORD: cognito.demoUser.password },
    },
  );
  tokens = result.AuthenticationResult;
}, 30_000);

afterAll(async () => {
  await cognito?.stop();
  rmSync(dataRoot, { recursive: true, force: true });
});

function auth(tokenUse: 'id' | 'access', clientId = cognito.clientId) {
  return cognitoAuth({ issuer: cognito.issuer, jwksUrl: cognito.jwksUrl, clientId, tokenUse });
}

test('an ID token from cognito-local is accepted as an ID token', async () => {
  const claims = await auth('id').verify(tokens.IdToken);
  expect(claims.sub).toMatch(/\S/);
});

test('an access token from cognito-local is accepted as an access token (client_id)', async () => {
  const claims = await auth('access').verify(tokens.AccessToken);
  expect(claims.sub).toMatch(/\S/);
  expect(claims.client_id).toBe(cognito.clientId);
});

test('each is refused where the other is expected, and for another app client', async () => {
  for (const attempt of [
    () => auth('id').verify(tokens.AccessToken),
    () => auth('access').verify(tokens.IdToken),
    () => auth('id', 'other-client').verify(tokens.IdToken),
    () => auth('access', 'other-client').verify(tokens.AccessToken),
  ]) {
    const error = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).code).toBe('unauthorized');
  }
});
