import { portFromEnv } from './dev-stack-port.js';
import type { FunctionUrlIamAuth } from './function-url/function-url-emulator.js';
import { LOCAL_BEDROCK_CREDENTIALS, LOCAL_FUNCTION_URL_CREDENTIALS } from './local-credentials.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** Default port of `chatbot-server serve`. */
export const DEFAULT_SERVE_PORT = 8787;
/** Default port of `chatbot-server bedrock-emulator`. */
export const DEFAULT_BEDROCK_EMULATOR_PORT = 8788;

/** `FUNCTION_URL_AUTH` (`NONE` default, or `AWS_IAM`) as the emulator's auth option. */
export function functionUrlAuthFromEnvironment(env: Environment): 'NONE' | FunctionUrlIamAuth {
  const mode = (env.FUNCTION_URL_AUTH ?? 'NONE').trim().toUpperCase();
  if (mode === 'NONE' || mode === '') return 'NONE';
  if (mode !== 'AWS_IAM') {
    throw new Error(`FUNCTION_URL_AUTH is "${env.FUNCTION_URL_AUTH}"; set it to NONE or AWS_IAM.`);
  }
  const region = env.AWS_REGION?.trim();
  if (!region)
    throw new Error('Set AWS_REGION: FUNCTION_URL_AUTH=AWS_IAM checks signatures scoped to it.');
  return {
    type: 'AWS_IAM',
    region,
    credentials: {
      accessKeyId: env.FUNCTION_URL_ACCESS_KEY_ID ?? LOCAL_FUNCTION_URL_CREDENTIALS.accessKeyId,
      secretAccessKey:
        env.FUNCTION_URL_SECRET_ACCESS_KEY ?? LOCAL_FUNCTION_URL_CREDENTIALS.secretAccessKey,
    },
  };
}

/**
 * Gives the AWS SDK credentials when Bedrock is the local emulator and the environment has
 * none, so the SDK does not wander off to instance metadata. Mutates `env` (process.env).
 */
export function provideLocalBedrockCredentials(env: Record<string, string | undefined>): void {
  if (!env.BEDROCK_ENDPOINT || env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE) return;
  env.AWS_ACCESS_KEY_ID = LOCAL_BEDROCK_CREDENTIALS.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = LOCAL_BEDROCK_CREDENTIALS.secretAccessKey;
}

/** `PORT` as a port number, or the default (the same rule as every port of the local stack). */
export function portFromEnvironment(env: Environment, fallback: number): number {
  return portFromEnv(env, 'PORT', fallback);
}
