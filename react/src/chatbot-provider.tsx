import { type ReactNode, useMemo, useState } from 'react';
import { createChatStoreRegistry } from './chat-store-registry.js';
import type { ChatTransport, FlushMode } from './chat-types.js';
import { ChatbotContext } from './chatbot-context.js';

export interface ChatbotProviderProps {
  /** The client every hook below uses unless it is given its own. */
  client: ChatTransport;
  /** Default `flush` of the stores created below. */
  flush?: FlushMode;
  children?: ReactNode;
}

/** Gives the hooks below a client and a registry of conversations (one store per `id`). */
export function ChatbotProvider({ client, flush, children }: ChatbotProviderProps) {
  const [registry] = useState(createChatStoreRegistry);
  const value = useMemo(() => ({ client, flush, registry }), [client, flush, registry]);
  return <ChatbotContext.Provider value={value}>{children}</ChatbotContext.Provider>;
}
