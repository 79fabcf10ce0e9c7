import { memo, useState } from 'react';
import type { ChatMessage } from '../../src/chat-types.js';
import {
  type ChatStoreSelection,
  type UseChatStreamOptions,
  useChatMessage,
  useChatStatus,
  useChatStream,
} from '../../src/index.js';

/** Render counts, by component, for the coalescing tests. */
export type RenderCounts = Record<string, number>;

function count(counts: RenderCounts | undefined, name: string): void {
  if (counts) counts[name] = (counts[name] ?? 0) + 1;
}

const MessageView = memo(function MessageView({
  message,
  counts,
}: {
  message: ChatMessage;
  counts?: RenderCounts;
}) {
  count(counts, `message:${message.role}`);
  return (
    <li data-testid={`${message.role}-message`} data-status={message.status}>
      {message.content}
    </li>
  );
});

function MessageList({
  messages,
  counts,
}: {
  messages: readonly ChatMessage[];
  counts?: RenderCounts;
}) {
  count(counts, 'list');
  return (
    <ul>
      {messages.map((m) => (
        <MessageView key={m.id} message={m} counts={counts} />
      ))}
    </ul>
  );
}

/** A small chat, written the way an app would use the hook. */
export function ChatView({
  label = 'chat',
  counts,
  ...options
}: UseChatStreamOptions & { label?: string; counts?: RenderCounts }) {
  const { messages, status, error, send, stop, retry } = useChatStream(options);
  const [draft, setDraft] = useState('');
  const [refused, setRefused] = useState('');
  return (
    <section aria-label={label}>
      <MessageList messages={messages} counts={counts} />
      <p data-testid="status">{status}</p>
      {error && <p role="alert">{`${error.code}: ${error.message}`}</p>}
      {refused && <p data-testid="refused">{refused}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send(draft).then(
            () => setRefused(''),
            (e: { code: string }) => setRefused(e.code),
          );
        }}
      >
        <input aria-label="Message" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Send</button>
      </form>
      <button type="button" onClick={stop}>
        Stop
      </button>
      <button type="button" onClick={() => void retry()}>
        Retry
      </button>
    </section>
  );
}

/** Subscribes to the status alone. */
export function StatusBadge({
  counts,
  ...selection
}: ChatStoreSelection & { counts?: RenderCounts }) {
  const status = useChatStatus(selection);
  count(counts, 'status');
  return <output data-testid="badge">{status}</output>;
}

/** Subscribes to one message alone. */
export function MessagePreview({
  messageId,
  counts,
  ...selection
}: ChatStoreSelection & { messageId: string; counts?: RenderCounts }) {
  const message = useChatMessage(messageId, selection);
  count(counts, 'preview');
  return <output data-testid="preview">{message?.content ?? 'none'}</output>;
}
