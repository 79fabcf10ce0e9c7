/**
 * `@chatbot/server`: the streaming Lambda handler for protocol v1, its Cognito and Bedrock
 * ports, and the plain core they plug into. The local runtime is in `@chatbot/server/local`.
 */
export { type CognitoAuthOptions, cognitoAuth } from './auth/cognito-auth.js';
export { type BedrockConverseOptions, bedrockConverse } from './bedrock/bedrock-converse.js';
export { bedrockError } from './bedrock/bedrock-error.js';
export { type BedrockInvokeOptions, bedrockInvoke } from './bedrock/bedrock-invoke.js';
export type {
  ChatHttpFixedResponse,
  ChatHttpRequest,
  ChatHttpResponse,
  ChatHttpStreamResponse,
  ResponseHeaders,
} from './core/chat-http.js';
export { type ChatCoreDeps, CORE_DEFAULTS, handleChatRequest } from './core/handle-chat-request.js';
export type { AuthPort, ModelChunk, ModelInput, ModelPort, VerifiedClaims } from './core/ports.js';
export { jsonLineLogger, type RequestLogEntry, type RequestLogger } from './core/request-log.js';
export { ServerError, type ServerErrorOptions } from './core/server-error.js';
export { ConfigurationError } from './lambda/configuration-error.js';
export {
  type ChatHandlerOptions,
  type ChatStreamHandler,
  createChatHandler,
} from './lambda/create-chat-handler.js';
export {
  ENVIRONMENT_VARIABLES,
  type EnvironmentVariableName,
  RESERVED_BY_LAMBDA,
} from './lambda/environment-variables.js';
export type { FunctionUrlContext, FunctionUrlEvent } from './lambda/function-url-event.js';
export { handlerOptionsFromEnvironment } from './lambda/handler-options-from-environment.js';
