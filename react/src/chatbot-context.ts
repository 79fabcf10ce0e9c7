import { createContext } from 'react';
import { type ChatStoreRegistry, createChatStoreRegistry } from './chat-store-registry.js';
import type { ChatTransport, FlushMode } from './chat-types.js';

/** What `ChatbotProvider` hands to the hooks below it. */
export interface ChatbotContextValue {
  client: ChatTransport | undefined;
  flush: FlushMode | undefined;
  registry: ChatStoreRegistry;
}

/**
 * Without a provider, hooks with an `id` share this process-wide registry. On a server that
 * renders many requests, wrap each tree in a `ChatbotProvider` so conversations never mix.
 */
export const ChatbotContext = createContext<ChatbotContextValue>({
  client: undefined,
  flush: undefined,
  registry: createChatStoreRegistry(),
});
