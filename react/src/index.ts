/**
 * `@chatbot/react`: a zustand chat store that drives `@chatbot/sdk`'s client, and thin hooks
 * over it. Client-only: the build puts 'use client' on this entry.
 */

export { useChatMessage, useChatSelector, useChatStatus } from './chat-selector-hooks.js';
export { ChatStoreError, type ChatStoreErrorCode } from './chat-store-error.js';
export { type ChatStoreRegistry, createChatStoreRegistry } from './chat-store-registry.js';
export type {
  ChatError,
  ChatMessage,
  ChatMessageStatus,
  ChatStatus,
  ChatTransport,
  FlushMode,
  SendCallbacks,
} from './chat-types.js';
export { ChatbotProvider, type ChatbotProviderProps } from './chatbot-provider.js';
export {
  type ChatState,
  type ChatStore,
  type CreateChatStoreOptions,
  createChatStore,
} from './create-chat-store.js';
export {
  DEFAULT_HISTORY_WINDOW,
  type HistoryWindowLimits,
  historyWindow,
} from './history-window.js';
export { type ChatStoreSelection, useChatStore } from './use-chat-store.js';
export {
  type UseChatStreamOptions,
  type UseChatStreamResult,
  useChatStream,
} from './use-chat-stream.js';
