import type { SigningCredentials } from './function-url/sigv4-verifier.js';

/**
 * The identity a local Function URL with `FUNCTION_URL_AUTH=AWS_IAM` accepts unless
 * `FUNCTION_URL_ACCESS_KEY_ID` / `FUNCTION_URL_SECRET_ACCESS_KEY` say otherwise. The local OAC
 * signs with the same pair. Not a secret: it only ever guards loopback.
 */
export const LOCAL_FUNCTION_URL_CREDENTIALS: Readonly<SigningCredentials> = {
  accessKeyId: 'AKIALOCALCLOUDFRONTOAC',
  secretAccessKey: 'local-oac-secret-for-loopback-only',
};

/**
 * Credentials the AWS SDK signs Bedrock calls with when it talks to the local emulator and the
 * environment has none (the emulator checks that calls are signed, not by whom).
 */
export const LOCAL_BEDROCK_CREDENTIALS: Readonly<SigningCredentials> = {
  accessKeyId: 'AKIALOCALBEDROCK',
  secretAccessKey: 'local-bedrock-secret-for-loopback-only',
};
