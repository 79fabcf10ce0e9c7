import { LocalStackError } from '../dev-stack-errors.js';

/** The JSON-1.1 protocol prefix of every Cognito user pool operation. */
export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';
export const AMZ_JSON_1_1 = 'application/x-amz-json-1.1';

/** An error answer from Cognito (or cognito-local): `__type` names it, as in AWS. */
export class CognitoApiError extends LocalStackError {
  readonly type: string;
  readonly status: number;

  constructor(operation: string, status: number, type: string, message: string) {
    super(
      'cognito_api_error',
      `Cognito ${operation} failed (${status} ${type}): ${message}. If .cognito/ holds data from ` +
        'another version, delete the folder and start again.',
    );
    this.type = type;
    this.status = status;
  }
}

/**
 * Calls one Cognito user pool operation over its HTTP API (POST /, `x-amz-target`, JSON 1.1),
 * as the AWS SDK and Amplify do. Resolves with the parsed answer; rejects with `CognitoApiError`.
 */
export async function callCognitoApi<T>(
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
  signal: AbortSignal = AbortSignal.timeout(10_000),
): Promise<T> {
  const response = await fetch(new URL('/', endpoint), {
    method: 'POST',
    headers: {
      'content-type': AMZ_JSON_1_1,
      'x-amz-target': `${COGNITO_TARGET_PREFIX}.${operation}`,
    },
    body: JSON.stringify(input),
    signal,
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { message: text.slice(0, 200) };
  }
  if (!response.ok) {
    const type = typeof body.__type === 'string' ? body.__type : 'UnknownError';
    const message = typeof body.message === 'string' ? body.message : 'no message';
    throw new CognitoApiError(operation, response.status, type, message);
  }
  return body as T;
}
