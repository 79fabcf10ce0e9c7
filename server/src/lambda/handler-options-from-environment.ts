import { cognitoAuth } from '../auth/cognito-auth.js';
import { bedrockConverse } from '../bedrock/bedrock-converse.js';
import { bedrockInvoke } from '../bedrock/bedrock-invoke.js';
import { ConfigurationError } from './configuration-error.js';
import type { ChatHandlerOptions } from './create-chat-handler.js';
import type { EnvironmentVariableName } from './environment-variables.js';

type Environment = Readonly<Record<string, string | undefined>>;

function read(env: Environment, name: EnvironmentVariableName): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function required(env: Environment, name: EnvironmentVariableName, why: string): string {
  const value = read(env, name);
  if (value === undefined) {
    throw new ConfigurationError(name, `Set the environment variable ${name}: ${why}`);
  }
  return value;
}

function oneOf<T extends string>(
  env: Environment,
  name: EnvironmentVariableName,
  allowed: readonly T[],
): T {
  const value = read(env, name) ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(
      name,
      `${name} is "${value}"; set it to one of: ${allowed.join(', ')}.`,
    );
  }
  return value as T;
}

/**
 * The handler options of the ready Lambda entry, from the variables the Terraform module sets
 * (see ENVIRONMENT_VARIABLES). Throws `ConfigurationError` naming the first missing or wrong one.
 */
export function handlerOptionsFromEnvironment(env: Environment): ChatHandlerOptions {
  const region = required(env, 'AWS_REGION', 'the AWS region of Cognito and Bedrock.');
  const clientId = required(
    env,
    'COGNITO_CLIENT_ID',
    'the app client id the tokens are issued to.',
  );
  let issuer = read(env, 'COGNITO_ISSUER');
  if (issuer === undefined) {
    const poolId = required(
      env,
      'COGNITO_USER_POOL_ID',
      'the user pool whose tokens are accepted (or set COGNITO_ISSUER).',
    );
    issuer = `https://cognito-idp.${region}.amazonaws.com/${poolId}`;
  }
  try {
    new URL(issuer);
  } catch {
    throw new ConfigurationError('COGNITO_ISSUER', `COGNITO_ISSUER "${issuer}" is not a URL.`);
  }
  const tokenUse = oneOf(env, 'COGNITO_TOKEN_USE', ['id', 'access'] as const);
  const jwksUrl = read(env, 'COGNITO_JWKS_URL');
  const modelId = required(env, 'BEDROCK_MODEL_ID', 'the Bedrock model or inference profile id.');
  const api = oneOf(env, 'BEDROCK_API', ['converse', 'invoke'] as const);
  const endpoint = read(env, 'BEDROCK_ENDPOINT');
  const bedrock = { modelId, region, ...(endpoint === undefined ? {} : { endpoint }) };
  const allowedOrigins = (read(env, 'ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  return {
    auth: cognitoAuth({
      issuer,
      clientId,
      tokenUse,
      ...(jwksUrl === undefined ? {} : { jwksUrl }),
    }),
    model: api === 'invoke' ? bedrockInvoke(bedrock) : bedrockConverse(bedrock),
    allowedOrigins,
  };
}
