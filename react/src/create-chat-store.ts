import type { ChatTurn } from '@chatbot/sdk/protocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ChatStoreError } from './chat-store-error.js';
import type {
  ChatError,
  ChatMessage,
  ChatStatus,
  ChatTransport,
  FlushMode,
  SendCallbacks,
} from './chat-types.js';
import { type CancelFlush, scheduleFlush } from './flush-scheduler.js';
import { historyWindow } from './history-window.js';

/** The state and actions of one conversation. */
export interface ChatState {
  /** The conversation, oldest first. Only a changed message gets a new object. */
  readonly messages: readonly ChatMessage[];
  readonly status: ChatStatus;
  /** The error of the last send, until the next send, retry or reset. */
  readonly error: ChatError | undefined;
  /**
   * Appends a user message and an assistant answer that fills as text streams in. Resolves to
   * the answer once it ends (`done`, `stopped` or `error`: failures land in state, they do not
   * reject). Rejects with a `ChatStoreError` without changing anything when the text is empty
   * (`empty_message`) or an answer is still in flight (`busy`: sends are refused, not queued).
   */
  send(text: string, callbacks?: SendCallbacks): Promise<ChatMessage>;
  /** Aborts the answer in flight; the text streamed so far stays, as `stopped`. */
  stop(): void;
  /**
   * Sends the last user message again, replacing every answer after it (the failed, stopped or
   * finished one). Rejects like `send` (`busy`, `nothing_to_retry`).
   */
  retry(callbacks?: SendCallbacks): Promise<ChatMessage>;
  /** Aborts any answer in flight and replaces the conversation (empty by default). */
  reset(messages?: readonly ChatMessage[]): void;
  /** The message with this id, in O(1). */
  getMessage(id: string): ChatMessage | undefined;
}

/** A zustand vanilla store of one conversation; usable without React. */
export type ChatStore = StoreApi<ChatState>;

export interface CreateChatStoreOptions extends SendCallbacks {
  /** A `ChatbotClient`, or anything with the same `stream` method. */
  client: ChatTransport;
  initialMessages?: readonly ChatMessage[];
  /** Sent with every request, for server-side logs and tracing. */
  conversationId?: string;
  /**
   * Most turns sent per request; older ones are left out. Default 100, protocol v1's limit:
   * a longer conversation keeps working, with the model seeing its latest part. Turns are also
   * left out, and very long earlier answers cut, to stay within the body and message-size
   * limits (see `historyWindow`).
   */
  historyLimit?: number;
  /** How often streamed text is published; default `animationFrame`. */
  flush?: FlushMode;
  /** Ids of new messages; default `crypto.randomUUID` where available. */
  generateId?: () => string;
}

/** One answer in flight. */
interface Run {
  readonly controller: AbortController;
  /** Position of the answer in `messages`; nothing reorders messages while a run is live. */
  readonly index: number;
  /** Deltas not yet published: joined once per flush, not copied per token. */
  readonly pending: string[];
  readonly callbacks: SendCallbacks;
  readonly resolve: (message: ChatMessage) => void;
  started: boolean;
  cancelFlush: CancelFlush | undefined;
}

let fallbackIds = 0;
function defaultId(): string {
  // randomUUID exists only in secure contexts; a counter is enough to keep ids unique locally.
  return (
    globalThis.crypto?.randomUUID?.() ??
    `m-${Date.now().toString(36)}-${(fallbackIds++).toString(36)}`
  );
}

function asChatError(thrown: unknown): ChatError {
  // Duck-typed rather than instanceof: a second copy of @chatbot/sdk must still be recognised.
  if (thrown instanceof Error && typeof (thrown as { code?: unknown }).code === 'string') {
    return thrown as ChatError;
  }
  return new ChatStoreError('unexpected', `The send failed: ${String(thrown)}`, { cause: thrown });
}

/** The latest `limit` turns the protocol accepts (non-empty content), oldest first. */
/** A user callback that throws must not leave the store half-updated; report it separately. */
function call<T>(callback: ((value: T) => void) | undefined, value: T): void {
  if (!callback) return;
  try {
    callback(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * Creates the store of one conversation: it owns the messages and the send in flight, and
 * drives the client. Streamed text is buffered and published at most once per `flush`.
 */
export function createChatStore(options: CreateChatStoreOptions): ChatStore {
  const {
    client,
    conversationId,
    flush = 'animationFrame',
    generateId = defaultId,
    historyLimit = 100,
  } = options;
  let run: Run | undefined;
  const index = new Map<string, number>();

  return createStore<ChatState>()((set, get) => {
    function reindex(messages: readonly ChatMessage[]): void {
      index.clear();
      for (const [i, m] of messages.entries()) index.set(m.id, i);
    }

    /** Publishes the pending text (and `patch`) as a new object for the answer only. */
    function publish(
      r: Run,
      patch?: Partial<ChatMessage>,
      state?: Partial<Pick<ChatState, 'status' | 'error'>>,
    ): ChatMessage {
      r.cancelFlush?.();
      r.cancelFlush = undefined;
      const messages = get().messages.slice();
      const current = messages[r.index]!;
      const content = r.pending.length > 0 ? current.content + r.pending.join('') : current.content;
      r.pending.length = 0;
      const next: ChatMessage = { ...current, content, ...patch };
      messages[r.index] = next;
      set({ messages, ...state });
      return next;
    }

    function delta(r: Run, text: string): void {
      r.pending.push(text);
      if (flush === 'sync') {
        publish(r);
      } else if (!r.cancelFlush) {
        r.cancelFlush = scheduleFlush(flush, () => {
          r.cancelFlush = undefined;
          if (run === r) publish(r);
        });
      }
    }

    function fail(r: Run, error: ChatError): void {
      run = undefined;
      const message = publish(r, { status: 'error', error }, { status: 'error', error });
      call(r.callbacks.onError, error);
      call(options.onError, error);
      r.resolve(message);
    }

    /** Ends the run as `done` or `stopped`, publishing what is still buffered. */
    function finish(r: Run, patch: Partial<ChatMessage>): void {
      run = undefined;
      const message = publish(r, patch, { status: 'idle', error: undefined });
      call(r.callbacks.onFinish, message);
      call(options.onFinish, message);
      r.resolve(message);
    }

    async function pump(r: Run, turns: ChatTurn[]): Promise<void> {
      const request = conversationId ? { messages: turns, conversationId } : { messages: turns };
      try {
        for await (const event of client.stream(request, { signal: r.controller.signal })) {
          // Stopped or reset meanwhile: leaving the loop ends the client's stream.
          if (run !== r) return;
          if (!r.started) {
            r.started = true;
            set({ status: 'streaming' });
          }
          switch (event.type) {
            case 'delta':
              delta(r, event.text);
              break;
            case 'done':
              finish(r, { status: 'done', usage: event.usage, stopReason: event.stopReason });
              return;
            case 'error':
              throw new ChatStoreError('server_error', event.message, {
                retryable: event.retryable,
                serverCode: event.code,
              });
          }
        }
        if (run === r) {
          throw new ChatStoreError('truncated', 'The answer ended before it was complete.');
        }
      } catch (thrown) {
        if (run !== r) return;
        const error = asChatError(thrown);
        // Aborted from outside the store (a signal we do not own): the same as stop().
        if (error.code === 'aborted') finish(r, { status: 'stopped' });
        else fail(r, error);
      }
    }

    function begin(history: ChatMessage[], callbacks: SendCallbacks): Promise<ChatMessage> {
      const answer: ChatMessage = {
        id: generateId(),
        role: 'assistant',
        content: '',
        status: 'streaming',
        createdAt: Date.now(),
      };
      const turns = historyWindow(history, { maxTurns: historyLimit });
      const messages = [...history, answer];
      reindex(messages);
      return new Promise<ChatMessage>((resolve) => {
        const r: Run = {
          controller: new AbortController(),
          index: messages.length - 1,
          pending: [],
          callbacks,
          resolve,
          started: false,
          cancelFlush: undefined,
        };
        run = r;
        set({ messages, status: 'submitted', error: undefined });
        void pump(r, turns);
      });
    }

    function refuse(code: 'busy' | 'empty_message' | 'nothing_to_retry'): Promise<never> {
      const text = {
        busy: 'An answer is still streaming; stop it or wait for it to end before sending again.',
        empty_message: 'The message is empty.',
        nothing_to_retry: 'There is no user message to send again.',
      }[code];
      return Promise.reject(new ChatStoreError(code, text));
    }

    const initial = options.initialMessages?.slice() ?? [];
    reindex(initial);

    return {
      messages: initial,
      status: 'idle',
      error: undefined,

      send(text, callbacks = {}) {
        if (run) return refuse('busy');
        if (text.trim() === '') return refuse('empty_message');
        const user: ChatMessage = {
          id: generateId(),
          role: 'user',
          content: text,
          status: 'done',
          createdAt: Date.now(),
        };
        return begin([...get().messages, user], callbacks);
      },

      stop() {
        const r = run;
        if (!r) return;
        // Settled first, so the client's `aborted` rejection finds the run already over.
        finish(r, { status: 'stopped' });
        r.controller.abort();
      },

      retry(callbacks = {}) {
        if (run) return refuse('busy');
        const { messages } = get();
        let last = messages.length - 1;
        while (last >= 0 && messages[last]!.role !== 'user') last--;
        if (last < 0) return refuse('nothing_to_retry');
        return begin(messages.slice(0, last + 1), callbacks);
      },

      reset(messages = []) {
        const r = run;
        run = undefined;
        if (r) {
          r.cancelFlush?.();
          r.controller.abort();
          const answer = get().messages[r.index]!;
          r.resolve({ ...answer, content: answer.content + r.pending.join(''), status: 'stopped' });
        }
        const next = messages.slice();
        reindex(next);
        set({ messages: next, status: 'idle', error: undefined });
      },

      getMessage(id) {
        const i = index.get(id);
        return i === undefined ? undefined : get().messages[i];
      },
    };
  });
}
