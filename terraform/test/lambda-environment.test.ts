import { beforeAll, describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_VARIABLES,
  RESERVED_BY_LAMBDA,
} from '../../server/src/lambda/environment-variables.js';
import { compileLocals, compileValue } from './hcl-expression-evaluator.js';
import {
  type Body,
  loadTerraformConfig,
  MODULE_DIR,
  onlyBody,
  resource,
  type TerraformConfig,
} from './terraform-config.js';

/** Only the local stack sets these; a deployed function must not. */
const LOCAL_ONLY = ['BEDROCK_ENDPOINT'];
/** Optional overrides the module leaves to the server's default (<issuer>/.well-known/jwks.json). */
const LEFT_TO_SERVER_DEFAULT = ['COGNITO_JWKS_URL'];

let config: TerraformConfig;
let variables: Record<string, unknown>;

beforeAll(async () => {
  config = await loadTerraformConfig(MODULE_DIR);
  const environment = onlyBody(
    resource(config, 'aws_lambda_function', 'chatbot').environment,
    'environment',
  );
  variables = environment.variables as Body;
});

describe('the function environment', () => {
  it('sets exactly the server variables that are neither Lambda-reserved, local-only nor left to defaults', () => {
    const serverNames = Object.keys(ENVIRONMENT_VARIABLES);
    const expected = serverNames.filter(
      (name) =>
        !(RESERVED_BY_LAMBDA as readonly string[]).includes(name) &&
        !LOCAL_ONLY.includes(name) &&
        !LEFT_TO_SERVER_DEFAULT.includes(name),
    );
    expect(
      Object.keys(variables).sort(),
      'a name the server reads is missing from lambda.tf (or classify it in this test)',
    ).toEqual(expected.sort());
  });

  it('sets no name the server does not read, and none Lambda reserves', () => {
    for (const name of Object.keys(variables)) {
      expect(Object.keys(ENVIRONMENT_VARIABLES), name).toContain(name);
      expect(RESERVED_BY_LAMBDA, name).not.toContain(name);
    }
    expect(RESERVED_BY_LAMBDA).toContain('AWS_REGION');
  });

  it('passes the inputs through in the shapes the server parses', async () => {
    const locals = await compileLocals(config.locals);
    const scope = {
      var: {
        project: 'chatbot',
        environment: 'dev',
        cognito_user_pool_id: 'us-east-1_AbC123',
        cognito_client_id: 'client123',
        cognito_token_use: 'access',
        bedrock_model_id: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
        bedrock_api: 'invoke',
        allowed_origins: ['https://app.example.com', 'http://localhost:5173'],
        function_source_dir: null,
      },
      data: { aws_partition: { current: { partition: 'aws', dns_suffix: 'amazonaws.com' } } },
      path: { module: '.' },
    };
    const evaluate = await compileValue(variables);
    expect(evaluate({ ...scope, local: locals(scope) })).toEqual({
      COGNITO_USER_POOL_ID: 'us-east-1_AbC123',
      // From the pool's own Region, even when the function runs elsewhere.
      COGNITO_ISSUER: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123',
      COGNITO_CLIENT_ID: 'client123',
      COGNITO_TOKEN_USE: 'access',
      BEDROCK_MODEL_ID: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
      BEDROCK_API: 'invoke',
      // The server splits on commas.
      ALLOWED_ORIGINS: 'https://app.example.com,http://localhost:5173',
    });
  });
});
