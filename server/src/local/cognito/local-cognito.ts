import { startCognitoLocalProcess } from './cognito-local-process.js';
import {
  DEFAULT_LOCAL_USER_POOL,
  type LocalUserPoolSpec,
  seedLocalUserPool,
} from './local-user-pool-seed.js';
import { startRefreshTokenShim } from './refresh-token-shim.js';

export interface LocalCognitoOptions {
  /** Folder that receives `.cognito/`; the dev stack passes the repo root. */
  dataRoot: string;
  /** cognito-local's port; 0 picks a free one. */
  port: number;
  /** The refresh shim's port (what browsers call); 0 picks a free one. */
  shimPort: number;
  portEnvVar?: string;
  shimPortEnvVar?: string;
  userPool?: LocalUserPoolSpec;
}

export interface LocalCognito {
  /** The refresh shim: Amplify's `userPoolEndpoint` and the API endpoint for tools. */
  endpoint: string;
  /** cognito-local itself (its issuer domain). */
  cognitoLocalEndpoint: string;
  /** cognito-local names pools `local_<id>`, so the region Amplify derives is `local`. */
  region: string;
  userPoolId: string;
  clientId: string;
  /** `iss` of its tokens. */
  issuer: string;
  jwksUrl: string;
  demoUser: { username: string; password: string };
  /** Resolves with cognito-local's last output if it exits. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Starts cognito-local, seeds it (idempotent) and puts the refresh shim in front of it. */
export async function startLocalCognito(options: LocalCognitoOptions): Promise<LocalCognito> {
  const cognito = await startCognitoLocalProcess({
    dataRoot: options.dataRoot,
    port: options.port,
    ...(options.portEnvVar ? { portEnvVar: options.portEnvVar } : {}),
  });
  try {
    const seeded = await seedLocalUserPool(
      cognito.endpoint,
      options.userPool ?? DEFAULT_LOCAL_USER_POOL,
    );
    const shim = await startRefreshTokenShim({
      upstream: cognito.endpoint,
      port: options.shimPort,
      ...(options.shimPortEnvVar ? { portEnvVar: options.shimPortEnvVar } : {}),
    });
    const issuer = `${cognito.endpoint}/${seeded.userPoolId}`;
    return {
      endpoint: shim.endpoint,
      cognitoLocalEndpoint: cognito.endpoint,
      region: seeded.userPoolId.split('_')[0] ?? 'local',
      userPoolId: seeded.userPoolId,
      clientId: seeded.clientId,
      issuer,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      demoUser: seeded.demoUser,
      exited: cognito.exited.then(() => cognito.recentOutput()),
      stop: async () => {
        await shim.close();
        await cognito.stop();
      },
    };
  } catch (error) {
    await cognito.stop();
    throw error;
  }
}
