import { type ChatError, type ChatMessage, useChatStream } from '@chatbot/react';
import { type FormEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { ErrorToasts, type Toast } from './error-toasts.js';
import type { AnswerFigures, MeasuredTransport } from './measured-transport.js';
import { MessageArticle } from './message-article.js';
import { SCENARIOS, type ScenarioId } from './scenarios.js';

export interface ChatScreenProps {
  transport: MeasuredTransport;
  scenario: ScenarioId;
  onScenarioChange: (scenario: ScenarioId) => void;
}

let nextToastId = 1;

/** The conversation, the composer and the controls of one chat. */
export function ChatScreen({ transport, scenario, onScenarioChange }: ChatScreenProps) {
  const messageId = useId();
  const scenarioId = useId();
  const [draft, setDraft] = useState('');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [figures, setFigures] = useState<ReadonlyMap<string, AnswerFigures>>(new Map());
  const logRef = useRef<HTMLElement>(null);
  // Follow the answer as it grows, unless the reader scrolled up to read something earlier.
  const stickToBottom = useRef(true);

  const record = (message: ChatMessage) => {
    const measured = transport.lastFigures();
    if (measured) setFigures((prior) => new Map(prior).set(message.id, measured));
  };
  const storeRef = useRef<ReturnType<typeof useChatStream>['store']>(undefined);
  const { messages, status, send, stop, retry, reset, store } = useChatStream({
    onFinish: record,
    onError: (error: ChatError) => {
      // The store calls this once the failed answer is in its state: the last message.
      const failed = storeRef.current?.getState().messages.at(-1);
      if (failed) record(failed);
      setToasts((prior) => [
        ...prior,
        { id: nextToastId++, code: error.code, message: error.message, requestId: error.requestId },
      ]);
    },
  });
  storeRef.current = store;

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log || typeof ResizeObserver === 'undefined') return;
    // A narrower window wraps the text taller: stay at the end if the reader was there.
    const observer = new ResizeObserver(() => {
      if (stickToBottom.current) log.scrollTop = log.scrollHeight;
    });
    observer.observe(log);
    return () => observer.disconnect();
  }, []);
  const lastLength = messages.at(-1)?.content.length ?? 0;
  // Runs when a message is added or the last one grows.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight;
  }, [messages.length, lastLength]);

  const inFlight = status === 'submitted' || status === 'streaming';
  const canRetry = !inFlight && messages.some((m) => m.role === 'user');

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (text === '' || inFlight) return;
    setDraft('');
    // Alerts belong to the answers before; a new question starts clean.
    setToasts([]);
    stickToBottom.current = true;
    void send(text);
  }

  return (
    <div className="chat">
      <section
        ref={logRef}
        role="log"
        aria-label="Conversation"
        className="conversation"
        onScroll={(event) => {
          const log = event.currentTarget;
          stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
        }}
      >
        {messages.length === 0 && <p className="empty">Ask something to start.</p>}
        {messages.map((message) => (
          <MessageArticle key={message.id} message={message} figures={figures.get(message.id)} />
        ))}
      </section>
      <ErrorToasts
        toasts={toasts}
        onDismiss={(id) => setToasts((prior) => prior.filter((t) => t.id !== id))}
      />
      <form className="composer" onSubmit={submit}>
        <label htmlFor={messageId} className="visually-hidden">
          Message
        </label>
        <textarea
          id={messageId}
          value={draft}
          rows={2}
          placeholder="Message"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) submit(event);
          }}
        />
        <div className="controls">
          <label htmlFor={scenarioId}>Scenario</label>
          <select
            id={scenarioId}
            value={scenario}
            onChange={(event) => onScenarioChange(event.target.value as ScenarioId)}
          >
            {SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <button type="submit" disabled={inFlight || draft.trim() === ''}>
            Send
          </button>
          <button type="button" onClick={stop} disabled={!inFlight}>
            Stop
          </button>
          <button
            type="button"
            onClick={() => {
              setToasts([]);
              void retry();
            }}
            disabled={!canRetry}
          >
            Retry
          </button>
          <button
            type="button"
            onClick={() => {
              // Starts over: the model no longer sees the earlier turns.
              reset();
              setToasts([]);
              setFigures(new Map());
            }}
            disabled={messages.length === 0}
          >
            New conversation
          </button>
        </div>
        <p className="status" aria-live="polite">
          {status === 'submitted'
            ? 'Waiting for the first token…'
            : status === 'streaming'
              ? 'Answering…'
              : ''}
        </p>
      </form>
    </div>
  );
}
