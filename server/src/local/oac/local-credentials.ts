/**
 * The AWS credentials of the local stack. The OAC emulator signs with them and the Function URL
 * emulator checks signatures with them, as CloudFront and Lambda share IAM in AWS. They are
 * deliberately not valid anywhere else.
 */
export const LOCAL_AWS_CREDENTIALS = {
  accessKeyId: 'AKIALOCALCHATBOTOAC0',
  secretAccessKey: 'local-chatbot-oac-secret-key-not-valid-in-aws',
} as const;

/** The region the local stack signs for and the Function URL emulator expects. */
export const LOCAL_AWS_REGION = 'us-east-1';

/** SigV4 service name of Lambda Function URLs (what OAC signs for an origin of type `lambda`). */
export const FUNCTION_URL_SIGNING_SERVICE = 'lambda';
