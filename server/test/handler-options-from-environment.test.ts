import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '../src/lambda/configuration-error.js';
import { ENVIRONMENT_VARIABLES } from '../src/lambda/environment-variables.js';
import { handlerOptionsFromEnvironment } from '../src/lambda/handler-options-from-environment.js';

const base = {
  AWS_REGION: 'eu-west-1',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
  COGNITO_CLIENT_ID: 'client-1',
  BEDROCK_MODEL_ID: 'anthropic.claude-3-haiku-20240307-v1:0',
};

function failure(env: Record<string, string>): ConfigurationError {
  try {
    handlerOptionsFromEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('handlerOptionsFromEnvironment', () => {
  test('the minimal configuration gives converse, id tokens and no CORS origins', () => {
    const options = handlerOptionsFromEnvironment(base);
    expect(options.model.modelId).toBe(base.BEDROCK_MODEL_ID);
    expect(options.allowedOrigins).toEqual([]);
  });

  test('ALLOWED_ORIGINS is a trimmed comma-separated list', () => {
    const options = handlerOptionsFromEnvironment({
      ...base,
      ALLOWED_ORIGINS: ' https://a.example , https://b.example,, ',
    });
    expect(options.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  test.each([
    ['AWS_REGION', { AWS_REGION: '' }],
    ['COGNITO_CLIENT_ID', { COGNITO_CLIENT_ID: ' ' }],
    ['COGNITO_USER_POOL_ID', { COGNITO_USER_POOL_ID: '' }],
    ['BEDROCK_MODEL_ID', { BEDROCK_MODEL_ID: '' }],
    ['BEDROCK_API', { BEDROCK_API: 'converse-stream' }],
    ['COGNITO_TOKEN_USE', { COGNITO_TOKEN_USE: 'ID' }],
    ['COGNITO_ISSUER', { COGNITO_ISSUER: 'not a url' }],
  ])('a missing or wrong %s fails naming it', (name, change) => {
    const error = failure({ ...base, ...change });
    expect(error.variable).toBe(name);
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toContain(name);
  });

  test('every variable it reads is one ENVIRONMENT_VARIABLES documents', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(
      new URL('../src/lambda/handler-options-from-environment.ts', import.meta.url),
      'utf8',
    );
    const read = [...source.matchAll(/\(env, '([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(read.length).toBeGreaterThan(5);
    for (const name of read) expect(Object.keys(ENVIRONMENT_VARIABLES)).toContain(name);
  });
});
