export { amplifyIdToken } from './amplify-token.js';
export type {
  ChatbotClientOptions,
  ChatResult,
  SendOptions,
  StreamOptions,
} from './chatbot-client.js';
export { ChatbotClient } from './chatbot-client.js';
export type { ChatbotErrorCode, ChatbotErrorDetails } from './chatbot-error.js';
export { ChatbotError } from './chatbot-error.js';
export type { RetryOptions } from './retry-policy.js';
export type { TokenProvider, TokenRequest } from './token-source.js';
