import type { ChatHandlerOptions } from '../lambda/create-chat-handler.js';
import { createChatHandler } from '../lambda/create-chat-handler.js';
import { handlerOptionsFromEnvironment } from '../lambda/handler-options-from-environment.js';
import { installAwsLambdaGlobal } from './function-url/aws-lambda-global.js';
import {
  type FunctionUrlEmulatorOptions,
  type StreamingLambdaHandler,
  startFunctionUrlEmulator,
} from './function-url/function-url-emulator.js';
import type { RunningServer } from './running-server.js';

export interface ChatFunctionUrlOptions extends Omit<FunctionUrlEmulatorOptions, 'handler'> {
  /** The variables the Lambda entry reads (ENVIRONMENT_VARIABLES). */
  env: Readonly<Record<string, string | undefined>>;
  /** Options laid over those the environment gives (e.g. short heartbeats in tests). */
  overrides?: Partial<ChatHandlerOptions>;
}

/**
 * The chat handler, configured from `env` exactly as the Lambda entry configures itself, behind
 * a local Function URL. For dev stacks and tests in one process; `chatbot-server serve` runs
 * the built entry file itself.
 */
export async function startChatFunctionUrl(
  options: ChatFunctionUrlOptions,
): Promise<RunningServer> {
  installAwsLambdaGlobal();
  const { env, overrides, ...emulator } = options;
  const handler = awslambda.streamifyResponse(
    createChatHandler({ ...handlerOptionsFromEnvironment(env), ...overrides }),
  ) as unknown as StreamingLambdaHandler;
  return startFunctionUrlEmulator({ ...emulator, handler });
}
