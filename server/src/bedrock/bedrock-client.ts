import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

/** Where and how the ports reach Bedrock when no client is given. */
export interface BedrockClientOptions {
  /** Default: the SDK's (AWS_REGION). */
  region?: string;
  /** Endpoint override, e.g. the local Bedrock emulator. */
  endpoint?: string;
}

/**
 * The default client. One attempt only: the SDK's retry backoff would push a throttling answer
 * past the start grace period, turning a clean 429 (which the browser client retries with
 * Retry-After) into an error event.
 */
export function createBedrockClient(options: BedrockClientOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    maxAttempts: 1,
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
}
