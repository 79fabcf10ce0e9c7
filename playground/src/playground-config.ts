/** Where the playground sends chats and signs users in. */
export interface PlaygroundConfig {
  /** The chatbot endpoint: CloudFront (or the local OAC emulator). */
  endpoint: string;
  cognito: {
    userPoolId: string;
    clientId: string;
    region: string;
    /** cognito-local (through the refresh shim); undefined for real Cognito. */
    endpoint: string | undefined;
  };
  /** The local stack's demo login, shown as a hint; undefined for a deployed stack. */
  demoUser: { username: string; password: string } | undefined;
}

/** A required setting is missing: the message names the variable to set. */
export class PlaygroundConfigError extends Error {
  override readonly name = 'PlaygroundConfigError';
  readonly code = 'missing_config';
  readonly missing: readonly string[];

  constructor(missing: readonly string[]) {
    super(
      `Set ${missing.join(', ')} in playground/.env (see playground/.env.example), or start the ` +
        'local stack with `npm run dev` at the repository root, which sets them for you.',
    );
    this.missing = missing;
  }
}

type Env = Readonly<Record<string, string | boolean | undefined>>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Reads the `VITE_*` settings; throws `PlaygroundConfigError` naming every missing one. */
export function readPlaygroundConfig(env: Env): PlaygroundConfig {
  const required = [
    'VITE_CHATBOT_ENDPOINT',
    'VITE_COGNITO_USER_POOL_ID',
    'VITE_COGNITO_CLIENT_ID',
  ] as const;
  const missing = required.filter((name) => read(env, name) === undefined);
  if (missing.length > 0) throw new PlaygroundConfigError(missing);
  const userPoolId = read(env, 'VITE_COGNITO_USER_POOL_ID')!;
  const demoUsername = read(env, 'VITE_DEMO_USERNAME');
  const demoPassword = read(env, 'VITE_DEMO_PASSWORD');
  return {
    endpoint: read(env, 'VITE_CHATBOT_ENDPOINT')!,
    cognito: {
      userPoolId,
      clientId: read(env, 'VITE_COGNITO_CLIENT_ID')!,
      // Cognito pool ids start with their region (eu-west-1_AbC123; cognito-local: local_...).
      region: read(env, 'VITE_COGNITO_REGION') ?? userPoolId.split('_')[0] ?? '',
      endpoint: read(env, 'VITE_COGNITO_ENDPOINT'),
    },
    demoUser:
      demoUsername && demoPassword ? { username: demoUsername, password: demoPassword } : undefined,
  };
}
