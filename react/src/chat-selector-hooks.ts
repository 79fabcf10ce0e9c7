import { useStore } from 'zustand';
import type { ChatMessage, ChatStatus } from './chat-types.js';
import type { ChatState } from './create-chat-store.js';
import { type ChatStoreSelection, useChatStore } from './use-chat-store.js';

/**
 * Subscribes to one slice of a conversation; the component re-renders only when the slice
 * changes (`Object.is`). The selector must return stored values, not new objects or arrays.
 */
export function useChatSelector<T>(
  selector: (state: ChatState) => T,
  selection?: ChatStoreSelection,
): T {
  return useStore(useChatStore(selection), selector);
}

/** The conversation's status alone: a send button that does not re-render per token. */
export function useChatStatus(selection?: ChatStoreSelection): ChatStatus {
  return useChatSelector(selectStatus, selection);
}

/** One message; re-renders only when that message changes. */
export function useChatMessage(
  messageId: string,
  selection?: ChatStoreSelection,
): ChatMessage | undefined {
  return useChatSelector((state) => state.getMessage(messageId), selection);
}

const selectStatus = (state: ChatState) => state.status;
