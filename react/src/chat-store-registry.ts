import type { ChatStore } from './create-chat-store.js';

/** Stores by conversation id, so every hook with the same id shares one conversation. */
export interface ChatStoreRegistry {
  /** The store of `id`, made by `create` the first time it is asked for. */
  get(id: string, create: () => ChatStore): ChatStore;
  /** Forgets the store of `id` (the next `get` makes a new one). Does not stop it. */
  delete(id: string): boolean;
}

/** A registry like the one each `ChatbotProvider` holds. */
export function createChatStoreRegistry(): ChatStoreRegistry {
  const stores = new Map<string, ChatStore>();
  return {
    get(id, create) {
      let store = stores.get(id);
      if (!store) {
        store = create();
        stores.set(id, store);
      }
      return store;
    },
    delete: (id) => stores.delete(id),
  };
}
