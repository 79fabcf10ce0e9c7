/**
 * `@chatbot/server/local`: the local runtime for development and tests. A Function URL
 * emulator for streaming Lambda handlers (with optional SigV4 checking) and a Bedrock runtime
 * emulator speaking the real event-stream wire format. Never part of the Lambda build.
 */
export {
  type BedrockEmulatorTiming,
  DEFAULT_BEDROCK_EMULATOR_TIMING,
} from './bedrock-emulator/answer-script.js';
export {
  type BedrockEmulator,
  type BedrockEmulatorOptions,
  type BedrockEmulatorRequest,
  type BedrockRequestOutcome,
  startBedrockEmulator,
} from './bedrock-emulator/bedrock-emulator.js';
export {
  BEDROCK_SCENARIO_NAMES,
  BEDROCK_SCENARIOS,
  type BedrockScenarioName,
  MULTIBYTE_ANSWER,
  MULTIBYTE_DELTAS,
  SCENARIO_HEADER,
  scenarioFromPrompt,
  withScenario,
} from './bedrock-emulator/bedrock-scenarios.js';
export type { LocalStackInfo } from './dev-stack-info.js';
export { installAwsLambdaGlobal, STREAMING_HANDLER } from './function-url/aws-lambda-global.js';
export {
  FUNCTION_URL_MAX_REQUEST_BYTES,
  type FunctionUrlEmulatorOptions,
  type FunctionUrlIamAuth,
  type StreamingLambdaHandler,
  startFunctionUrlEmulator,
} from './function-url/function-url-emulator.js';
export { buildFunctionUrlEvent } from './function-url/function-url-event-builder.js';
export {
  type SignedRequest,
  type SigningCredentials,
  type SigV4Result,
  type SigV4VerifierOptions,
  verifySigV4,
} from './function-url/sigv4-verifier.js';
export { LOCAL_BEDROCK_CREDENTIALS, LOCAL_FUNCTION_URL_CREDENTIALS } from './local-credentials.js';
export {
  DEFAULT_BEDROCK_EMULATOR_PORT,
  DEFAULT_SERVE_PORT,
  functionUrlAuthFromEnvironment,
  portFromEnvironment,
  provideLocalBedrockCredentials,
} from './local-function-url-config.js';
export type { RunningServer } from './running-server.js';
export { type ChatFunctionUrlOptions, startChatFunctionUrl } from './start-chat-function-url.js';
