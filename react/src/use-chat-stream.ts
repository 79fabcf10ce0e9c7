import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { ChatError, ChatMessage, ChatStatus, SendCallbacks } from './chat-types.js';
import type { ChatState, ChatStore } from './create-chat-store.js';
import { type ChatStoreSelection, useChatStore } from './use-chat-store.js';

export interface UseChatStreamOptions extends ChatStoreSelection, SendCallbacks {
  /**
   * Stop the answer in flight when the last hook of this conversation unmounts. Default
   * `false`: the answer keeps streaming into the store and is there when a hook mounts again.
   */
  abortOnUnmount?: boolean;
}

export interface UseChatStreamResult {
  messages: readonly ChatMessage[];
  status: ChatStatus;
  error: ChatError | undefined;
  /** See `ChatState.send`; `onFinish`/`onError` of this hook are called for it. */
  send: (text: string) => Promise<ChatMessage>;
  stop: () => void;
  /** See `ChatState.retry`. */
  retry: () => Promise<ChatMessage>;
  reset: (messages?: readonly ChatMessage[]) => void;
  /** The conversation's store, for `useChatMessage(id, { store })` and friends. */
  store: ChatStore;
}

const selectMessages = (state: ChatState) => state.messages;
const selectStatus = (state: ChatState) => state.status;
const selectError = (state: ChatState) => state.error;

/** One conversation: its messages, status and error, and the actions that drive it. */
export function useChatStream(options: UseChatStreamOptions = {}): UseChatStreamResult {
  const store = useChatStore(options, options.abortOnUnmount);
  const messages = useStore(store, selectMessages);
  const status = useStore(store, selectStatus);
  const error = useStore(store, selectError);

  // The latest callbacks, without re-creating the actions when they change.
  const callbacks = useRef<SendCallbacks>({});
  useEffect(() => {
    callbacks.current = { onFinish: options.onFinish, onError: options.onError };
  });

  const actions = useMemo(() => {
    const relay: SendCallbacks = {
      onFinish: (message) => callbacks.current.onFinish?.(message),
      onError: (error) => callbacks.current.onError?.(error),
    };
    return {
      send: (text: string) => store.getState().send(text, relay),
      stop: () => store.getState().stop(),
      retry: () => store.getState().retry(relay),
      reset: (next?: readonly ChatMessage[]) => store.getState().reset(next),
    };
  }, [store]);

  return { messages, status, error, ...actions, store };
}
