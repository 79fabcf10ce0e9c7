import type { RequestLogEntry } from '../../src/core/request-log.js';
import type { ChatHandlerOptions } from '../../src/lambda/create-chat-handler.js';
import type { BedrockEmulatorTiming } from '../../src/local/bedrock-emulator/answer-script.js';
import {
  type BedrockEmulator,
  startBedrockEmulator,
} from '../../src/local/bedrock-emulator/bedrock-emulator.js';
import type { FunctionUrlIamAuth } from '../../src/local/function-url/function-url-emulator.js';
import { LOCAL_BEDROCK_CREDENTIALS } from '../../src/local/local-credentials.js';
import type { RunningServer } from '../../src/local/running-server.js';
import { startChatFunctionUrl } from '../../src/local/start-chat-function-url.js';
import { type LocalJwks, startLocalJwks } from './local-jwks.js';

export const TEST_MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';

/** Fast emulator timing for tests. */
export const FAST_TIMING: Partial<BedrockEmulatorTiming> = {
  firstTokenDelayMs: 5,
  tokenIntervalMs: 5,
  slowFirstTokenDelayMs: 400,
};

export interface ChatStackOptions {
  api?: 'converse' | 'invoke';
  timing?: Partial<BedrockEmulatorTiming>;
  overrides?: Partial<ChatHandlerOptions>;
  env?: Record<string, string>;
  auth?: 'NONE' | FunctionUrlIamAuth;
  base64Bodies?: boolean;
}

export interface ChatStack {
  /** The local Function URL. */
  url: string;
  bedrock: BedrockEmulator;
  jwks: LocalJwks;
  functionUrl: RunningServer;
  /** Log entries the handler wrote, one per request. */
  logs: RequestLogEntry[];
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The whole server side on loopback: a JWKS, the Bedrock emulator, and the chat handler
 * configured from Lambda-style environment variables behind the Function URL emulator. The
 * real AWS SDK client talks to the emulator through BEDROCK_ENDPOINT.
 */
export async function startChatStack(options: ChatStackOptions = {}): Promise<ChatStack> {
  const jwks = await startLocalJwks();
  const bedrock = await startBedrockEmulator({ timing: { ...FAST_TIMING, ...options.timing } });
  // The SDK reads credentials from the environment; the emulator only checks they were used.
  process.env.AWS_ACCESS_KEY_ID ??= LOCAL_BEDROCK_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_BEDROCK_CREDENTIALS.secretAccessKey;
  const env: Record<string, string> = {
    AWS_REGION: 'eu-west-1',
    COGNITO_CLIENT_ID: jwks.clientId,
    COGNITO_ISSUER: jwks.issuer,
    COGNITO_JWKS_URL: jwks.jwksUrl,
    BEDROCK_MODEL_ID: TEST_MODEL_ID,
    BEDROCK_API: options.api ?? 'converse',
    BEDROCK_ENDPOINT: bedrock.url,
    ALLOWED_ORIGINS: 'https://app.example.com',
    ...options.env,
  };
  const logs: RequestLogEntry[] = [];
  const functionUrl = await startChatFunctionUrl({
    env,
    overrides: {
      startGraceMs: 200,
      heartbeatIntervalMs: 100,
      logger: (entry) => logs.push(entry),
      ...options.overrides,
    },
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.base64Bodies ? { base64Bodies: true } : {}),
  });
  return {
    url: functionUrl.url,
    bedrock,
    jwks,
    functionUrl,
    logs,
    env,
    close: async () => {
      await functionUrl.close();
      await bedrock.close();
      await jwks.close();
    },
  };
}
