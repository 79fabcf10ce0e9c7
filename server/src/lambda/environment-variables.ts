/**
 * The environment variables the Lambda entry reads. The Terraform module sets these names on
 * the function, and its tests compare against this list, so it is the single source of truth.
 */
export const ENVIRONMENT_VARIABLES = {
  COGNITO_USER_POOL_ID:
    'Cognito user pool id, e.g. eu-west-1_AbC123. Gives the issuer and JWKS URL.',
  COGNITO_CLIENT_ID:
    'App client id the tokens must be issued to (aud for ID tokens, client_id for access tokens).',
  COGNITO_ISSUER: 'Optional issuer override (cognito-local, or a custom domain).',
  COGNITO_JWKS_URL: 'Optional JWKS URL override; default is <issuer>/.well-known/jwks.json.',
  COGNITO_TOKEN_USE: 'Which token the client sends: id (default) or access.',
  BEDROCK_MODEL_ID: 'Bedrock model id or inference profile id.',
  BEDROCK_API: 'converse (ConverseStream, default) or invoke (InvokeModelWithResponseStream).',
  BEDROCK_ENDPOINT: 'Optional Bedrock runtime endpoint override (the local emulator).',
  ALLOWED_ORIGINS: 'Comma-separated browser origins allowed by CORS; empty allows none.',
  AWS_REGION: 'Set by Lambda itself; the Bedrock and Cognito region.',
} as const;

export type EnvironmentVariableName = keyof typeof ENVIRONMENT_VARIABLES;

/** Variables Lambda sets on its own; a Terraform module must not (and cannot) set them. */
export const RESERVED_BY_LAMBDA: readonly EnvironmentVariableName[] = ['AWS_REGION'];
