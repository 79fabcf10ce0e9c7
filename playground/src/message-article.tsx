import type { ChatMessage } from '@chatbot/react';
import { AnswerFiguresList } from './answer-figures-list.js';
import type { AnswerFigures } from './measured-transport.js';

const STATUS_LABEL: Record<ChatMessage['status'], string | undefined> = {
  streaming: 'streaming…',
  done: undefined,
  stopped: 'stopped',
  error: 'failed',
};

export interface MessageArticleProps {
  message: ChatMessage;
  figures: AnswerFigures | undefined;
}

/** One message of the conversation, with the figures of an answer once it ended. */
export function MessageArticle({ message, figures }: MessageArticleProps) {
  const author = message.role === 'user' ? 'You' : 'Assistant';
  const status = message.role === 'assistant' ? STATUS_LABEL[message.status] : undefined;
  return (
    <article
      className={`message ${message.role}`}
      data-status={message.status}
      aria-busy={message.status === 'streaming'}
    >
      <header>
        <span className="author">{author}</span>
        {status && <span className={`status ${message.status}`}>{status}</span>}
      </header>
      <div className="content">{message.content}</div>
      {message.role === 'assistant' && message.status !== 'streaming' && figures && (
        <AnswerFiguresList figures={figures} />
      )}
    </article>
  );
}
