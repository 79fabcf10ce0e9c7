import { type ChatTurn, DEFAULT_REQUEST_LIMITS } from '@chatbot/sdk/protocol';
import type { ChatMessage } from './chat-types.js';

/** What one request may carry; defaults are protocol v1's. */
export interface HistoryWindowLimits {
  /** Most turns sent. */
  maxTurns: number;
  /** Longest content of one turn, in characters. */
  maxMessageChars: number;
  /** Largest JSON body, in bytes; older turns are left out to stay under it. */
  maxBodyBytes: number;
}

export const DEFAULT_HISTORY_WINDOW: Readonly<HistoryWindowLimits> = {
  maxTurns: DEFAULT_REQUEST_LIMITS.maxMessages,
  maxMessageChars: DEFAULT_REQUEST_LIMITS.maxMessageChars,
  // Headroom for the envelope and conversationId.
  maxBodyBytes: DEFAULT_REQUEST_LIMITS.maxBodyBytes - 1024,
};

const ELLIPSIS = '…';
const utf8 = new TextEncoder();

/**
 * The turns to send for a conversation: the newest ones that fit the server's limits, so a long
 * conversation (or one very long answer) never makes the next question fail. Empty messages
 * are skipped; an earlier assistant answer longer than `maxMessageChars` is cut to its last part
 * (marked with `…`); the window starts at a user turn, as models expect. The newest turn, the
 * user's question, is never cut: if it alone breaks a limit, the client refuses it with a clear
 * `invalid_request` and the message stays in the conversation.
 */
export function historyWindow(
  messages: readonly ChatMessage[],
  limits: Partial<HistoryWindowLimits> = {},
): ChatTurn[] {
  const { maxTurns, maxMessageChars, maxBodyBytes } = { ...DEFAULT_HISTORY_WINDOW, ...limits };
  const turns: ChatTurn[] = [];
  let bytes = 0;
  for (let i = messages.length - 1; i >= 0 && turns.length < maxTurns; i--) {
    const message = messages[i]!;
    if (message.content.trim() === '') continue;
    let content = message.content;
    if (turns.length > 0 && message.role === 'assistant' && content.length > maxMessageChars) {
      let from = content.length - maxMessageChars + ELLIPSIS.length;
      // Never start inside a surrogate pair (an emoji cut in half).
      const code = content.charCodeAt(from);
      if (code >= 0xdc00 && code <= 0xdfff) from++;
      content = ELLIPSIS + content.slice(from);
    }
    const turn: ChatTurn = { role: message.role, content };
    const size = utf8.encode(JSON.stringify(turn)).length + 1;
    if (turns.length > 0 && bytes + size > maxBodyBytes) break;
    bytes += size;
    turns.push(turn);
  }
  turns.reverse();
  while (turns.length > 1 && turns[0]!.role !== 'user') turns.shift();
  return turns;
}
