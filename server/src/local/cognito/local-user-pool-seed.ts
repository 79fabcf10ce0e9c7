import { CognitoApiError, callCognitoApi } from './cognito-api-call.js';

/** What the local stack creates in cognito-local. Names find it again on the next start. */
export interface LocalUserPoolSpec {
  poolName: string;
  clientName: string;
  demoUser: { username: string; password: string };
}

export const DEFAULT_LOCAL_USER_POOL: Readonly<LocalUserPoolSpec> = {
  poolName: 'chatbot-local',
  clientName: 'chatbot-playground',
  demoUser: { username: 'demo@example.com', password: 'Demo-Passw0rd!' },
};

export interface SeededUserPool {
  userPoolId: string;
  clientId: string;
  demoUser: { username: string; password: string };
  /** True when this call created the pool (the first start on this data folder). */
  created: boolean;
}

interface UserPoolList {
  UserPools?: { Id?: string; Name?: string }[];
}
interface ClientList {
  UserPoolClients?: { ClientId?: string; ClientName?: string }[];
}

async function findOrCreatePool(endpoint: string, poolName: string) {
  const { UserPools = [] } = await callCognitoApi<UserPoolList>(endpoint, 'ListUserPools', {
    MaxResults: 60,
  });
  const existing = UserPools.find((pool) => pool.Name === poolName && pool.Id);
  if (existing?.Id) return { userPoolId: existing.Id, created: false };
  const { UserPool } = await callCognitoApi<{ UserPool?: { Id?: string } }>(
    endpoint,
    'CreateUserPool',
    {
      PoolName: poolName,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    },
  );
  if (!UserPool?.Id) {
    throw new CognitoApiError('CreateUserPool', 200, 'MissingId', 'the answer had no pool id');
  }
  return { userPoolId: UserPool.Id, created: true };
}

async function findOrCreateClient(endpoint: string, userPoolId: string, clientName: string) {
  const { UserPoolClients = [] } = await callCognitoApi<ClientList>(
    endpoint,
    'ListUserPoolClients',
    { UserPoolId: userPoolId, MaxResults: 60 },
  );
  const existing = UserPoolClients.find((c) => c.ClientName === clientName && c.ClientId);
  if (existing?.ClientId) return existing.ClientId;
  const { UserPoolClient } = await callCognitoApi<{ UserPoolClient?: { ClientId?: string } }>(
    endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: userPoolId,
      ClientName: clientName,
      // A public browser client: no secret, password sign-in (cognito-local has no SRP) + refresh.
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  );
  if (!UserPoolClient?.ClientId) {
    throw new CognitoApiError('CreateUserPoolClient', 200, 'MissingId', 'the answer had no id');
  }
  return UserPoolClient.ClientId;
}

async function ensureDemoUser(
  endpoint: string,
  userPoolId: string,
  user: LocalUserPoolSpec['demoUser'],
) {
  try {
    await callCognitoApi(endpoint, 'AdminGetUser', {
      UserPoolId: userPoolId,
      Username: user.username,
    });
  } catch (error) {
    if (!(error instanceof CognitoApiError) || error.type !== 'UserNotFoundException') throw error;
    await callCognitoApi(endpoint, 'AdminCreateUser', {
      UserPoolId: userPoolId,
      Username: user.username,
      UserAttributes: [
        { Name: 'email', Value: user.username },
        { Name: 'email_verified', Value: 'true' },
      ],
      MessageAction: 'SUPPRESS',
    });
  }
  // Always set it: the demo password in the summary must be the one that works, even if someone
  // changed it in an earlier session.
  await callCognitoApi(endpoint, 'AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: user.username,
    Password: user.password,
    Permanent: true,
  });
}

/**
 * Makes sure cognito-local holds the pool, app client and demo user of `spec`, creating only
 * what is missing, so it can run on every start.
 */
export async function seedLocalUserPool(
  endpoint: string,
  spec: LocalUserPoolSpec = DEFAULT_LOCAL_USER_POOL,
): Promise<SeededUserPool> {
  const { userPoolId, created } = await findOrCreatePool(endpoint, spec.poolName);
  const clientId = await findOrCreateClient(endpoint, userPoolId, spec.clientName);
  await ensureDemoUser(endpoint, userPoolId, spec.demoUser);
  return { userPoolId, clientId, demoUser: { ...spec.demoUser }, created };
}
