import { useContext, useEffect, useRef } from 'react';
import { ChatStoreError } from './chat-store-error.js';
import type { ChatMessage, ChatTransport, FlushMode } from './chat-types.js';
import { ChatbotContext } from './chatbot-context.js';
import { type ChatStore, createChatStore } from './create-chat-store.js';

/** Which conversation a hook uses, and how to create it the first time. */
export interface ChatStoreSelection {
  /** Hooks with the same id share one conversation. Without `id` and `store`, a hook has its own. */
  id?: string;
  /** Use this store (from `createChatStore`, or `store` of another hook) instead. */
  store?: ChatStore;
  /** The client; default the provider's. Used only when the store is created. */
  client?: ChatTransport;
  /** The conversation a new store starts with. Ignored once the store exists. */
  initialMessages?: readonly ChatMessage[];
  conversationId?: string;
  /** Most turns sent per request (default 100). */
  historyLimit?: number;
  /** Default the provider's, then `animationFrame`. */
  flush?: FlushMode;
}

/** Hooks mounted per store, to tell when the last one goes away. */
const mounted = new WeakMap<ChatStore, number>();

/**
 * The store a hook uses: `store`, the registry's store for `id`, or one of its own created once.
 * With `abortOnUnmount`, the answer in flight is stopped when the last hook of the store unmounts.
 */
export function useChatStore(
  selection: ChatStoreSelection = {},
  abortOnUnmount = false,
): ChatStore {
  const context = useContext(ChatbotContext);
  const own = useRef<ChatStore | undefined>(undefined);

  let store = selection.store;
  if (!store) {
    const create = (): ChatStore => {
      const client = selection.client ?? context.client;
      if (!client) {
        throw new ChatStoreError(
          'no_client',
          'No chat client: pass `client` to the hook or render it inside <ChatbotProvider client={...}>.',
        );
      }
      return createChatStore({
        client,
        initialMessages: selection.initialMessages,
        conversationId: selection.conversationId,
        historyLimit: selection.historyLimit,
        flush: selection.flush ?? context.flush,
      });
    };
    if (selection.id !== undefined) {
      store = context.registry.get(selection.id, create);
    } else {
      own.current ??= create();
      store = own.current;
    }
  }

  useEffect(() => {
    mounted.set(store, (mounted.get(store) ?? 0) + 1);
    return () => {
      const left = mounted.get(store)! - 1;
      mounted.set(store, left);
      // StrictMode unmounts and remounts in the same commit: decide once that is over.
      if (abortOnUnmount && left === 0) {
        queueMicrotask(() => {
          if (mounted.get(store) === 0) store.getState().stop();
        });
      }
    };
  }, [store, abortOnUnmount]);

  return store;
}
